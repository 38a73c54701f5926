package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

func TestLoadAndResolve(t *testing.T) {
	each(t, func(t *testing.T, fresh func() string) {
		ctx := context.Background()
		s := mustOpen(t, fresh())
		t0 := time.Date(2026, 11, 29, 23, 0, 0, 0, time.UTC)
		ids := []string{"a1b2-first", "a1c3-second", "b777-third", "b778-cut"}
		for i, id := range ids {
			r := rep(id, t0.Add(time.Duration(i)*12*time.Hour), map[string]check.Status{"WEB-HSTS-001": check.Fail, "WEB-CSP-001": check.Warn})
			r.Interrupted = id == "b778-cut"
			r.Findings[0].Evidence = map[string]any{"header": "max-age=0", "big": strings.Repeat("x", 2*MaxEvidence)}
			r.Findings[0].Message = check.Text{EN: "no \x1b[31mHSTS", FR: "pas de HSTS"}
			if err := s.Save(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		// Scans: 11-29 23:00, 11-30 11:00, 11-30 23:00, 12-01 11:00 (interrupted).
		for ref, want := range map[string]string{
			"a1b2-first": "a1b2-first", "a1b": "a1b2-first", "b778": "b778-cut", "b778-cut": "b778-cut",
			"last": "b777-third", "last~0": "b777-third", "last~2": "a1b2-first", " last~1 ": "a1c3-second",
			"2026-11-30": "b777-third", "2026-11-29": "a1b2-first",
		} {
			if got, err := s.Resolve(ctx, ref); err != nil || got != want {
				t.Errorf("Resolve(%q) = %q, %v; want %s", ref, got, err, want)
			}
		}
		for ref, want := range map[string]string{
			"a1":         "names several scans: a1c3-second (2026-11-30 11:00), a1b2-first (2026-11-29 23:00)",
			"zz":         `holds no scan "zz"`,
			"last~3":     "fewer than 4 complete scans",
			"2026-12-01": "no complete scan on 2026-12-01",
			"2026-02-30": "is not a date",
			"":           "name a scan",
		} {
			_, err := s.Resolve(ctx, ref)
			var se *Error
			if err == nil || !strings.Contains(err.Error(), want) || !errors.As(err, &se) || se.In(check.FR) == err.Error() {
				t.Errorf("Resolve(%q) = %v; want an error saying %q, in French too", ref, err, want)
			}
		}

		r, err := s.Load(ctx, "a1c3-second")
		if err != nil {
			t.Fatal(err)
		}
		if r.ScanID != "a1c3-second" || !r.StartedAt.Equal(t0.Add(12*time.Hour)) || len(r.Findings) != 2 {
			t.Fatalf("loaded %+v", r)
		}
		f := r.Findings[0]
		if f.Status != check.Fail || f.Severity != check.High || f.Fingerprint != check.Fingerprint("WEB-HSTS-001", "https://shop.example.fr") ||
			f.Evidence["header"] != "max-age=0" || f.Evidence["big"] != nil || f.Evidence[CutKey] == nil {
			t.Errorf("loaded finding %+v", f)
		}
		if strings.Contains(f.Message.EN, "\x1b") {
			t.Errorf("a terminal control came back from the history: %q", f.Message.EN)
		}
		if _, err := s.Load(ctx, "nope"); err == nil || !strings.Contains(err.Error(), `no scan "nope"`) {
			t.Errorf("Load(nope): %v", err)
		}
	})
}
