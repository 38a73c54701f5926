package report

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/textenc"
)

// The scrubber with a folding mask leaves an upper-cased echo of a header
// secret in no string of a finding, and so in no output.
func TestScrubMasksASecretInAnyCase(t *testing.T) {
	const secret = "s3cr3tT0kenValue42"
	mask := textenc.NewFoldReplacer(secret, "***", "Bearer "+secret, "***").Replace
	echo := "PHP/8.1 user=admin pass=" + strings.ToUpper(secret)
	f := check.Finding{CheckID: "WEB-HDR-003", Target: "https://127.0.0.1:18095/?t=S3cr3tt0kenvalue42", // title case
		Message:  check.Text{EN: "X-Powered-By: " + echo, FR: "X-Powered-By : " + echo},
		Evidence: map[string]any{"x_powered_by": echo, "server": []string{"nginx/1.2.3 BEARER " + strings.ToLower(secret)}}}
	got := Scrubber{Mask: mask}.Finding(f)
	out, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var table bytes.Buffer
	r := Report{Targets: []Target{{Name: got.Target, Family: check.FamilyWeb, Completed: true}}, Findings: []check.Finding{got}}
	if err := (Table{}).Write(context.Background(), &table, r); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{"json": string(out), "table": table.String()} {
		if strings.Contains(strings.ToLower(text), strings.ToLower(secret)) {
			t.Errorf("%s output holds the secret:\n%s", name, text)
		}
	}
	if got.Message.EN != "X-Powered-By: PHP/8.1 user=admin pass=***" || got.Evidence["server"].([]string)[0] != "nginx/1.2.3 ***" {
		t.Errorf("masked %q, %v", got.Message.EN, got.Evidence)
	}
}
