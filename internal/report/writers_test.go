package report_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

func TestEveryFormatHasAnExtension(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range report.Formats {
		ext := report.Extension(f)
		if ext == "" || seen[ext] {
			t.Errorf("%s: extension %q missing or shared", f, ext)
		}
		seen[ext] = true
	}
}

func TestEveryWriterLeavesTheReportAlone(t *testing.T) {
	r := rich(t)
	before := render(t, report.JSON{}, r)
	for _, f := range report.Formats {
		for _, l := range check.Langs {
			w, err := report.For(f, report.Options{Lang: l})
			if err != nil {
				t.Fatal(err)
			}
			if out := render(t, w, r); len(out) == 0 {
				t.Errorf("%s %s: empty output", f, l)
			}
		}
	}
	if after := render(t, report.JSON{}, r); !bytes.Equal(before, after) {
		t.Error("a writer changed the report")
	}
}

func TestWritersHonourCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, f := range report.Formats {
		w, err := report.For(f, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if f == "table" {
			continue // a table is for a terminal, written at once
		}
		if err := w.Write(ctx, &strings.Builder{}, rich(t)); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: write after cancel = %v", f, err)
		}
	}
}
