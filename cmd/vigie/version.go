package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
)

func newVersionCmd(e env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print vigie's version, commit and build date",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintln(e.stdout, versionLine(check.LangFromEnv(e.getenv)))
			return nil
		},
	}
}

// versionLine is what vigie version and vigie --version print: the version,
// and the commit and its date that the Go toolchain recorded in the build.
func versionLine(lang check.Lang) string {
	bi, _ := debug.ReadBuildInfo()
	return versionOf(toolVersion(), bi, lang)
}

// versionOf formats the version line from the build info (nil: none). The
// toolchain records vcs.revision, vcs.time and vcs.modified when it builds
// inside a git checkout, unless -buildvcs=false (in GOFLAGS too) says not
// to; the line then says why there is no commit.
func versionOf(ver string, bi *debug.BuildInfo, lang check.Lang) string {
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
	} else {
		line += " · " + tr(lang, "no commit recorded (built outside a git checkout, or with -buildvcs=false)",
			"commit non enregistré (construit hors d'un dépôt git, ou avec -buildvcs=false)")
	}
	return fmt.Sprintf("%s (%s, %s/%s)", line, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
