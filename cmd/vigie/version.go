package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func newVersionCmd(e env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print vigie's version, commit and build date",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(e.stdout, versionLine())
			return nil
		},
	}
}

// versionLine is what vigie version and vigie --version print: the version,
// and the commit and its date that the Go toolchain recorded in the build.
func versionLine() string {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(toolVersion(), bi)
}

// versionOf formats the version line from the build info (nil: none). The
// toolchain records vcs.revision, vcs.time and vcs.modified when it builds
// inside a git checkout, unless -buildvcs=false (in GOFLAGS too) says not to.
func versionOf(ver string, bi *debug.BuildInfo) string {
	commit, date, dirty := "", "", false
	if bi != nil {
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				date = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	line := "vigie " + ver
	if commit != "" {
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if dirty {
			commit += "+changes"
		}
		line += " · commit " + commit
		if date != "" {
			line += " · " + date
		}
	}
	return fmt.Sprintf("%s (%s, %s/%s)", line, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
