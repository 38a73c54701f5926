package report

import (
	"reflect"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// A verdict read back is the finding without its evidence, waiver and all,
// whatever its strings hold; a cut record is an error, never a panic.
func TestVerdictRoundTrip(t *testing.T) {
	fs := []check.Finding{
		{CheckID: "WEB-HSTS-001", Family: check.FamilyWeb, Status: check.Waived, Severity: check.High, Target: "https://a.example/é",
			Message: check.Text{EN: "no HSTS", FR: "pas de HSTS « ici »"}, Fingerprint: "0123456789abcdef", Evidence: map[string]any{"x": 1},
			Waiver: &check.Waiver{Statement: "accepted", Expires: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), Source: "w.yaml:3", Was: check.Fail}},
		{},
		{CheckID: "LEAD-CON-009", Family: check.FamilyLeads, Status: check.Error, Severity: check.Critical, Target: "leads.csv#row 13\x00",
			Message: check.Text{EN: string(make([]byte, 300))}},
	}
	var b []byte
	for _, f := range fs {
		var err error
		if b, err = appendVerdict(b, f); err != nil {
			t.Fatal(err)
		}
	}
	r := verdictReader{b: b, shared: map[string]string{}}
	for i, want := range fs {
		got, err := r.next()
		want.Evidence = nil
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("verdict %d: %+v, %v\nwant %+v", i, got, err, want)
		}
	}
	if len(r.b) != 0 {
		t.Errorf("%d bytes left over", len(r.b))
	}
	for cut := range len(b) - 1 {
		r := verdictReader{b: b[:cut], shared: map[string]string{}}
		var err error
		for range fs {
			if _, err = r.next(); err != nil {
				break
			}
		}
		if err == nil {
			t.Errorf("records cut at byte %d of %d read without an error", cut, len(b))
		}
	}
}

// A spool file cut short (a disk that lost its tail) fails the read of the
// verdicts it no longer holds instead of yielding bytes from an earlier unit.
func TestTruncatedSpoolFailsTheVerdicts(t *testing.T) {
	sp, err := NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	long := check.Finding{CheckID: "WEB-HSTS-001", Target: "https://a.example/", Message: check.Text{EN: string(make([]byte, 200))}}
	short := check.Finding{CheckID: "WEB-HSTS-001", Target: "https://b.example/"}
	if err := sp.Put(0, []check.Finding{long}); err != nil {
		t.Fatal(err)
	}
	if err := sp.Put(1, []check.Finding{short}); err != nil {
		t.Fatal(err)
	}
	// Unit 1's verdict copy is now the file's tail but for its JSON line: cut into it.
	if err := sp.f.Truncate(sp.spans[1].off + sp.spans[1].vsize - 1); err != nil {
		t.Fatal(err)
	}
	n := 0
	for range sp.verdicts {
		n++
	}
	if n != 1 || sp.Err() == nil {
		t.Errorf("%d verdicts read from a cut spool, error %v", n, sp.Err())
	}
}
