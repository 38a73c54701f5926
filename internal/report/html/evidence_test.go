package htmlreport

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// TestEvidenceInTheReadersLanguage: keys by their labels, and a value said
// in both languages (a check.Text) in the reader's only, at any depth.
func TestEvidenceInTheReadersLanguage(t *testing.T) {
	said := check.Text{EN: "depth 1", FR: "profondeur 1"}
	ev := map[string]any{"crawl": said, "records": 3, "pages": []any{map[string]any{"why": said}}}
	n := evidenceOf(ev, check.FR, "oui", "non")
	got := map[string]evNode{}
	for _, r := range n.Rows {
		got[r.Key] = r.Value
	}
	if got["pages lues"].Scalar != "profondeur 1" {
		t.Errorf("crawl in French = %+v", got["pages lues"])
	}
	if _, ok := got["fiches"]; !ok {
		t.Errorf("keys are not labelled: %+v", n.Rows)
	}
	if en := evidenceOf(ev, check.EN, "yes", "no"); en.Rows[0].Key != "crawl" || en.Rows[0].Value.Scalar != "depth 1" {
		t.Errorf("in English: %+v", en.Rows[0])
	}
}
