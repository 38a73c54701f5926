package main

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// TestVersionOf: the commit, its date and uncommitted changes come from the
// build info's vcs settings; without them, the version alone.
func TestVersionOf(t *testing.T) {
	tail := " (" + runtime.Version() + ", " + runtime.GOOS + "/" + runtime.GOARCH + ")"
	bi := &debug.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "b2eaa71fa76b2ef3ea5dc3b271cd37dc77370a59"},
		{Key: "vcs.time", Value: "2026-12-01T15:07:25Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	if got, want := versionOf("v1.2.0", bi, check.EN), "vigie v1.2.0 · commit b2eaa71fa76b+changes · 2026-12-01T15:07:25Z"+tail; got != want {
		t.Errorf("versionOf = %q, want %q", got, want)
	}
	bi.Settings[3].Value = "false"
	if got, want := versionOf("dev", bi, check.FR), "vigie dev · commit b2eaa71fa76b · 2026-12-01T15:07:25Z"+tail; got != want {
		t.Errorf("clean checkout: %q, want %q", got, want)
	}
	if got, want := versionOf("v0.0.0-20261201150725-b2eaa71fa76b+dirty", bi, check.EN), "vigie dev · commit b2eaa71fa76b · 2026-12-01T15:07:25Z"+tail; got != want {
		t.Errorf("pseudo-version: %q, want %q", got, want)
	}
	none := "vigie dev · no commit recorded (built outside a git checkout, or with -buildvcs=false)" + tail
	if got := versionOf("dev", &debug.BuildInfo{}, check.EN); got != none {
		t.Errorf("no vcs settings: %q, want %q", got, none)
	}
	if got := versionOf("dev", nil, check.EN); got != none {
		t.Errorf("no build info: %q, want %q", got, none)
	}
	if got, want := versionOf("dev", nil, check.FR), "vigie dev · commit non enregistré (construit hors d'un dépôt git, ou avec -buildvcs=false)"+tail; got != want {
		t.Errorf("no build info, French: %q, want %q", got, want)
	}
}
