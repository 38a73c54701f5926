package demo

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A demo folder a killed demo left behind (synthetic people that look
// real) is removed by the next demo once a day old; a younger one, maybe
// a demo running now, and other folders stay.
func TestDemoSweepsStaleFolders(t *testing.T) {
	dir := t.TempDir()
	old, young, other := filepath.Join(dir, "vigie-demo-1"), filepath.Join(dir, "vigie-demo-2"), filepath.Join(dir, "keep-me")
	for _, d := range []string{old, young, other} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(old, "leads.csv"), []byte("nom\nDupont\n"), 0o600)
	now := time.Now()
	long := now.Add(-2 * staleAfter)
	os.Chtimes(old, long, long)
	os.Chtimes(other, long, long)
	sweepStale(dir, now)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("stale demo folder kept: %v", err)
	}
	for _, d := range []string{young, other} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s removed: %v", d, err)
		}
	}
}
