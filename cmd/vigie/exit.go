package main

import (
	"errors"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// Exit codes, documented in the README.
const (
	exitOK        = 0 // scan ran, no threshold crossed
	exitThreshold = 1 // --fail-on or --fail-under crossed
	exitUsage     = 2 // bad flags, bad config, bad targets
	exitScan      = 3 // the scan could not run or did not finish
)

// exitError carries an exit code up to run.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

// In is the error in l, when it knows both languages.
func (e *exitError) In(l check.Lang) string { return check.InLang(e.err, l) }
func (e *exitError) Unwrap() error          { return e.err }

// usageErr is a usage mistake; its format holds no words of its own (a flag
// or key name at most), and its error arguments are said in each language.
// French puts a space before the colon: « --fail-under : … ».
func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: check.Errorf(format, strings.ReplaceAll(format, ": ", " : "), args...)}
}

func asUsage(err error) error {
	if err == nil {
		return nil
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return err
	}
	return &exitError{code: exitUsage, err: err}
}

func scanErr(err error) error { return &exitError{code: exitScan, err: err} }

// codeOf maps an error from a command to the process exit code.
func codeOf(err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return exitUsage // cobra's own errors: unknown flag, bad argument
}

// usageText is a usage error said in both languages.
func usageText(en, fr string, args ...any) error {
	return &exitError{code: exitUsage, err: check.Errorf(en, fr, args...)}
}
