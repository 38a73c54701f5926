package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// version is set at build time (-ldflags "-X main.version=…"); otherwise the
// module version from go install, or "dev".
var version = ""

func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// env is what a run of vigie may touch of its process.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	delivering     func() // the scan has ended, its reports are being written (nil: nobody to tell)
}

// run executes vigie with args and returns the exit code.
func run(ctx context.Context, args []string, e env) int {
	root := newRoot(e)
	root.SetArgs(args)
	root.SetOut(e.stdout) // before localizeHelp: cobra's completion commands keep the writer they find
	root.SetErr(e.stderr)
	lang := errorLang(args, e.getenv)
	root.Version = versionLine(lang)
	localizeHelp(root, args, lang)
	err := root.ExecuteContext(ctx)
	if err != nil {
		msg := check.InLang(cliErr(err), lang)
		// An error may quote a file or target name: no terminal control of it reaches the screen.
		fmt.Fprintln(e.stderr, "vigie:", report.Scrubber{}.Clean(msg))
	}
	return codeOf(err)
}

func newRoot(e env) *cobra.Command {
	root := &cobra.Command{
		Use:           "vigie",
		Short:         "Security and GDPR baseline scanner for lead databases and the websites that collect them",
		SilenceUsage:  true,
		SilenceErrors: true,
		// vigie completion bash|zsh|fish|powershell, from cobra.
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
		Version:           versionLine(check.EN),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if near := nearFlag(cmd, err); near != nil {
			return usageErr("%v", near)
		}
		return usageErr("%v", cliErr(err))
	})
	// vigie alone opens the interface on a terminal, and prints the usage
	// anywhere else (a pipe, cron, CI).
	root.Args = cobra.NoArgs
	root.RunE = func(cmd *cobra.Command, _ []string) error {
		if isTerminal(e.stdout) {
			return runTUI(cmd.Context(), e, "", "", "")
		}
		return cmd.Help()
	}
	root.AddCommand(newScanCmd(e), newDemoCmd(e), newTUICmd(e), newChecksCmd(e), newPasswordCmd(e), newContractsCmd(e), newLeadsCmd(e), newMergeCmd(e), newScheduleCmd(e), newHistoryCmd(e), newDiffCmd(e), newInitCmd(e), newVersionCmd(e))
	return root
}

// errorLang is the language of an error printed at exit: --lang when the
// command line gives a valid one, else the locale. (A config's lang: is not
// known when the config itself is the error.)
func errorLang(args []string, getenv func(string) string) check.Lang {
	for i, a := range args {
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if l, err := check.ParseLang(v); ok && err == nil {
			return l
		}
	}
	return check.LangFromEnv(getenv)
}

// langOf picks the language: flag, then config, then the locale.
func langOf(flag, fromConfig string, getenv func(string) string) (check.Lang, error) {
	for _, v := range []string{flag, fromConfig} {
		if v != "" {
			l, err := check.ParseLang(v)
			if err != nil {
				return "", usageErr("--lang: %v", err)
			}
			return l, nil
		}
	}
	return check.LangFromEnv(getenv), nil
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
