package leads

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/check/checktest"
)

// consent is English here, though French too ("il consent"), so not one of
// checktest's words.
var consent = regexp.MustCompile(`(?i)\bconsent\b`)

// TestEvidenceInFrench: the evidence vigie words itself (the columns each
// role was read from, the phone rule, a file's problems, where record keys
// come from) is a check.Text with French, never an English string.
func TestEvidenceInFrench(t *testing.T) {
	e := table(t, june, "phone|company|bloctel_checked_at|consent_phone|shared_with|consent_partners|email", "06 12 34 56 78||2026-05-01||Acme Media||a@gmail.com")
	e.File = &File{Mode: 0o644, WebServed: true}
	seen := map[string]bool{}
	for _, c := range All() {
		f := c.Evaluate(e)
		for k, v := range f.Evidence {
			var texts []check.Text
			switch v := v.(type) {
			case check.Text:
				texts = []check.Text{v}
			case []check.Text:
				texts = v
			case string:
				if k == "rule" || k == "record_keys_from" || k == "problems" {
					t.Errorf("%s: %s is an English string %q", f.CheckID, k, v)
				}
			case map[string]string, []string:
				if k == "columns" || k == "columns_found" || k == "problems" {
					t.Errorf("%s: %s is %T, not words in each language", f.CheckID, k, v)
				}
			}
			for _, x := range texts {
				seen[k] = true
				// a table's own headers are quoted « »: not vigie's words
				fr := regexp.MustCompile(`«[^»]*»`).ReplaceAllString(x.FR, "")
				if !x.Complete() || checktest.EnglishWord(fr) != "" || consent.MatchString(fr) {
					t.Errorf("%s: %s FR %q", f.CheckID, k, x.FR)
				}
			}
		}
	}
	notes := table(t, june, "id|notes", "1|diabétique, à rappeler")
	if f := run(t, "LEAD-SEN-001", notes); fmt.Sprint(f.Evidence["by_category"]) != "[{health: 1 santé : 1}]" {
		t.Errorf("by_category %v", f.Evidence["by_category"])
	}
	for _, k := range []string{"columns", "columns_found", "rule", "problems", "record_keys_from"} {
		if !seen[k] {
			t.Errorf("no check gave %s as text", k)
		}
	}
	if f := run(t, "LEAD-CON-009", e); !strings.Contains(check.Textf("%v", "%v", f.Evidence["columns"]).FR, "le numéro de téléphone « phone »") {
		t.Errorf("columns %v", f.Evidence["columns"])
	}
}
