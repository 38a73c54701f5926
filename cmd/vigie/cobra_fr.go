package main

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vigie-security/vigie/internal/check"
)

// cliErr says cobra's and pflag's own errors (an unknown flag or command, a
// missing or bad flag value, a wrong number of arguments) in both
// languages; any other error is returned as it is.
func cliErr(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(interface{ In(check.Lang) string }); ok {
		return err
	}
	var bad *pflag.InvalidValueError
	if errors.As(err, &bad) {
		name := "--" + bad.GetFlag().Name
		cause := bad.Unwrap()
		var num *strconv.NumError
		switch {
		case errors.As(cause, &num) && num.Func == "ParseBool":
			cause = check.Errorf("neither true nor false", "ni true ni false")
		case errors.As(cause, &num):
			cause = check.Errorf("not a number", "pas un nombre")
		case strings.HasPrefix(cause.Error(), "time: invalid duration"):
			cause = check.Errorf("not a duration (e.g. 10s, 1m)", "pas une durée (par exemple 10s, 1m)")
		}
		return check.Errorf("invalid value %q for %s: %v", "valeur %q invalide pour %s : %v", bad.GetValue(), name, cause)
	}
	en := err.Error()
	for _, p := range cobraPhrases {
		if p.re.MatchString(en) {
			return &check.TextError{Text: check.Text{EN: en, FR: p.re.ReplaceAllString(en, p.fr)}}
		}
	}
	return err
}

// cobraPhrases are the messages of cobra v1.10 and pflag, as they word them.
var cobraPhrases = []struct {
	re *regexp.Regexp
	fr string
}{
	{regexp.MustCompile(`^unknown flag: (\S+)$`), "option inconnue : $1"},
	{regexp.MustCompile(`^unknown shorthand flag: ('.') in (\S+)$`), "option courte $1 inconnue dans $2"},
	{regexp.MustCompile(`^flag needs an argument: ('.') in (\S+)$`), "l'option $1 de $2 attend une valeur"},
	{regexp.MustCompile(`^flag needs an argument: (\S+)$`), "l'option $1 attend une valeur"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "option mal écrite : $1"},
	{regexp.MustCompile(`(?s)^unknown command (".*") for (".*?")\n\nDid you mean this\?\n(.*)$`), "commande $1 inconnue pour $2\n\nVouliez-vous dire :\n$3"},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "au moins $1 argument(s) attendu(s), $2 reçu(s)"},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "$1 argument(s) attendu(s), $2 reçu(s)"},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "au plus $1 argument(s) attendu(s), $2 reçu(s)"},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), "de $1 à $2 arguments attendus, $3 reçu(s)"},
	{regexp.MustCompile(`^unknown command (".*") for (".*")$`), "commande $1 inconnue pour $2"},
	{regexp.MustCompile(`^invalid argument (".*") for (".*")$`), "argument $1 invalide pour $2"},
}

// nearFlag is an unknown long flag's error with the command's flag it most
// likely meant (--tagret: did you mean --target?), or nil.
func nearFlag(cmd *cobra.Command, err error) error {
	var ne *pflag.NotExistError
	if !errors.As(err, &ne) || ne.GetSpecifiedShortnames() != "" {
		return nil
	}
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	near := check.Closest(ne.GetSpecifiedName(), names)
	if near == "" {
		return nil
	}
	return check.Errorf("unknown flag: --%s (did you mean --%s?)", "option inconnue : --%s (vouliez-vous dire --%s ?)", ne.GetSpecifiedName(), near)
}
