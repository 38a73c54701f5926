package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/checks/password"
)

func newEntropyCmd(e env) *cobra.Command {
	var length, minClasses int
	var classes, format, lang string
	cmd := &cobra.Command{
		Use:   "entropy --length N --classes lower,upper,digit,special",
		Short: "Print the CNIL 2022-100 computation for a length and the classes a policy forces",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			l, err := langOf(lang, "", e.getenv)
			if err != nil {
				return err
			}
			if length < 1 || length > 4096 {
				return usageText("--length: give the minimum length, 1 to 4096", "--length : donnez la longueur minimale, de 1 à 4096")
			}
			p := password.Policy{MinLength: &length}
			var names []string
			for _, c := range strings.Split(classes, ",") {
				if c = strings.TrimSpace(strings.ToLower(c)); c != "" {
					names = append(names, c)
				}
			}
			if err := p.SetClasses(names...); err != nil {
				return usageErr("--classes: %v", err)
			}
			if minClasses > 0 {
				p.MinClasses = &minClasses
			}
			a := password.Assess(p)
			if a.Alphabet == 0 {
				return usageText("--classes: give at least one class (or --min-classes)", "--classes : donnez au moins une classe (ou --min-classes)")
			}
			caseName := []string{tr(l, "no case", "aucun cas"), tr(l, "case 1 (80 bits, password alone)", "cas 1 (80 bits, mot de passe seul)"),
				tr(l, "case 2 (50 bits, with an access restriction)", "cas 2 (50 bits, avec une restriction d'accès)")}
			reach := password.Reaches(p)
			switch format {
			case "json":
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]any{"length": length, "classes": a.Classes, "alphabet": a.Alphabet,
					"bits": a.Bits, "rounded_bits": a.Rounded, "reaches": caseName[min(reach, 2)], "arithmetic": a.Arithmetic()})
			case "table", "":
				fmt.Fprintln(e.stdout, a.Arithmetic().In(l))
				fmt.Fprintln(e.stdout, tr(l, "Strong enough for: ", "Suffisant pour : ")+caseName[min(reach, 2)])
				if reach == 2 {
					fmt.Fprintln(e.stdout, tr(l, "Case 2 also needs a lockout after at most 10 failures, a growing delay or a CAPTCHA.",
						"Le cas 2 exige aussi un verrouillage après 10 échecs au plus, un délai croissant ou un CAPTCHA."))
				}
				return nil
			}
			return usageText("--format: %q is not table or json", "--format : %q n'est ni table ni json", format)
		},
	}
	cmd.Flags().IntVar(&length, "length", 0, "minimum length the policy enforces")
	cmd.Flags().StringVar(&classes, "classes", "", "classes the policy forces: lower,upper,digit,special")
	cmd.Flags().IntVar(&minClasses, "min-classes", 0, `"k of the 4 classes" (the weakest k count)`)
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.Flags().StringVar(&lang, "lang", "", "fr or en")
	return cmd
}
