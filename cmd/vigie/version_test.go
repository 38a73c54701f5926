package main

import (
	"runtime"
	"runtime/debug"
	"testing"
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
	if got, want := versionOf("v1.2.0", bi), "vigie v1.2.0 · commit b2eaa71fa76b+changes · 2026-12-01T15:07:25Z"+tail; got != want {
		t.Errorf("versionOf = %q, want %q", got, want)
	}
	bi.Settings[3].Value = "false"
	if got, want := versionOf("dev", bi), "vigie dev · commit b2eaa71fa76b · 2026-12-01T15:07:25Z"+tail; got != want {
		t.Errorf("clean checkout: %q, want %q", got, want)
	}
	if got, want := versionOf("dev", &debug.BuildInfo{}), "vigie dev"+tail; got != want {
		t.Errorf("no vcs settings: %q, want %q", got, want)
	}
	if got, want := versionOf("dev", nil), "vigie dev"+tail; got != want {
		t.Errorf("no build info: %q, want %q", got, want)
	}
}
