package main

import (
	"encoding/json"
	"errors"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/store"
)

func newDiffCmd(e env) *cobra.Command {
	var path, lang, format string
	cmd := &cobra.Command{
		Use:   "diff --history FILE [A] [B]",
		Short: "What changed between two stored scans: new, fixed and changed findings, score moves",
		Long: `Compare two scans of a history. A scan is named by its ID, a unique prefix of it, last, last~N,
or a day (2026-11-30: the last complete scan of that day, UTC). With no scan named, the two newest
complete scans are compared; with one, it is compared with the last.`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := langOf(lang, "", e.getenv)
			if err != nil {
				return err
			}
			if path == "" {
				return usageText("--history: name the history file", "--history : nommez le fichier d'historique")
			}
			if err := existingHistory(path); err != nil {
				return err
			}
			st, err := store.Open(cmd.Context(), path)
			if err != nil {
				return usageErr("%s", check.InLang(err, l))
			}
			defer st.Close()
			var from, to string
			switch len(args) {
			case 0:
				if from, to, err = st.DefaultPair(cmd.Context()); errors.Is(err, store.ErrNoPrevious) {
					return usageErr("%s", tr(l, "the history holds fewer than two complete scans of the same kind (a demo scan is compared only with demo scans, a real one with real ones); name two scans to compare them anyway",
						"l'historique contient moins de deux scans complets de même nature (un scan de démonstration n'est comparé qu'à des scans de démonstration, un vrai à de vrais) ; nommez deux scans pour les comparer quand même"))
				}
			case 1:
				from, to = args[0], "last"
			default:
				from, to = args[0], args[1]
			}
			if err != nil {
				return usageErr("%s", check.InLang(err, l))
			}
			c, err := st.Compare(cmd.Context(), from, to)
			if err != nil {
				return usageErr("%s", check.InLang(err, l))
			}
			if format == "json" {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(c)
			}
			return store.WriteDiff(e.stdout, c, l)
		},
	}
	cmd.Flags().StringVar(&path, "history", "", "history file (or postgres:// URL) written by vigie scan --history")
	cmd.Flags().StringVar(&lang, "lang", "", "language: fr|en (default: from the locale)")
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	return cmd
}
