package main

import (
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"

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

// pseudoVersion is the version go build gives a checkout between tags.
var pseudoVersion = regexp.MustCompile(`^v\d+\.\d+\.\d+-(?:0\.)?\d{14}-([0-9a-f]{12})(?:\+dirty)?$`)

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
	if m := pseudoVersion.FindStringSubmatch(ver); m != nil && commit != "" && strings.HasPrefix(commit, m[1]) {
		ver = "dev" // the toolchain's v0.0.0-date-commit says again what the commit and date say
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
