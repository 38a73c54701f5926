package htmlreport

import (
	"bytes"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// The page laid out from findings kept on disk is the page laid out from
// findings in memory.
func TestPageFromTheSpool(t *testing.T) {
	mem := rich(t)
	sp, err := report.NewSpool(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer sp.Close()
	if err := sp.Put(0, mem.Findings); err != nil {
		t.Fatal(err)
	}
	disk := mem.WithSpool(sp)
	disk.Findings = nil
	for _, l := range check.Langs {
		if want, got := render(t, writer(l), mem), render(t, writer(l), disk); !bytes.Equal(got, want) {
			t.Errorf("%s page from the spool differs", l)
		}
	}
}
