package checktest

import (
	"errors"
	"runtime"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

func TestEnglishWord(t *testing.T) {
	for s, want := range map[string]string{
		"le fichier est introuvable":       "",
		"c'est noté, un thé, invalidé":     "",
		"ouverture impossible : Not found": "Not",
		"x.csv:3: the file":                "the",
		"shared_with, @every 1h":           "",
		"lecture (reading) de x":           "reading",
	} {
		if got := EnglishWord(s); got != want {
			t.Errorf("EnglishWord(%q) = %q, want %q", s, got, want)
		}
	}
}

// recorder notes what SaysFrench reports instead of failing this test.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Errorf(format string, args ...any) { r.failures = append(r.failures, format) }

// Fatal stops the goroutine, as testing's does.
func (r *recorder) Fatal(args ...any) {
	r.failures = append(r.failures, "fatal")
	runtime.Goexit()
}

func TestSaysFrench(t *testing.T) {
	fr := check.Errorf("file %s not found", "fichier %s introuvable", "x")
	for name, c := range map[string]struct {
		err    error
		fr, en string
		fails  int
	}{
		"French":        {fr, "fichier x introuvable", "file x not found", 0},
		"other French":  {fr, "dossier", "file x", 1},
		"other English": {fr, "fichier x", "folder", 1},
		"English in FR": {check.Errorf("file x", "fichier x not found"), "fichier x", "file x", 1},
		"English only":  {errors.New("file x not found"), "file", "file", 1},
		"no error":      {nil, "", "", 1},
	} {
		r := &recorder{TB: t}
		done := make(chan struct{})
		go func() {
			defer close(done)
			SaysFrench(r, c.err, c.fr, c.en)
		}()
		<-done
		if len(r.failures) != c.fails {
			t.Errorf("%s: %d failures %v, want %d", name, len(r.failures), r.failures, c.fails)
		}
	}
}
