package probe

import (
	"context"
	"strings"
	"testing"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/tlswire"
)

// A TLS 1.3 enumeration cut short after TLS 1.3 answered is said in the
// evidence (TLS13Err), the suites' reason before the groups'; it does not
// stand for the ≤ 1.2 suites' error.
func TestFillScanSaysATLS13EnumerationWasCut(t *testing.T) {
	aes128, _ := tlswire.Lookup(0x1301)
	for _, tc := range []struct {
		name          string
		suites, group error
		want          string
	}{
		{"complete", nil, nil, ""},
		{"suites cut", context.DeadlineExceeded, nil, "suites: "},
		{"groups cut", nil, context.DeadlineExceeded, "groups: "},
		{"both cut", context.DeadlineExceeded, context.DeadlineExceeded, "suites: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := tlswire.Result{Protocols: []tlswire.Protocol{
				{Version: tlswire.TLS12, Tested: true},
				{Version: tlswire.TLS13, Tested: true, Accepted: true, Suites: []tlswire.Suite{aes128}, Err: tc.suites},
			}, Groups: []uint16{tlswire.GroupX25519}, GroupsErr: tc.group}
			var out web.TLS
			fillScan(&out, r, 5*time.Second)
			if tc.want == "" && out.TLS13Err.EN != "" || !strings.HasPrefix(out.TLS13Err.EN, tc.want) || tc.want != "" && out.TLS13Err.FR == "" {
				t.Errorf("TLS13Err = %+v, want it to begin with %q", out.TLS13Err, tc.want)
			}
			if out.SuitesErr.EN != "" || len(out.Groups) != 1 || out.Protocols[1].Suites[0] != "TLS_AES_128_GCM_SHA256" {
				t.Errorf("suites error %q, groups %v, TLS 1.3 %v", out.SuitesErr.EN, out.Groups, out.Protocols[1].Suites)
			}
		})
	}
}
