package main

import (
	"strings"
	"text/template"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

func init() {
	cobra.AddTemplateFuncs(template.FuncMap{
		// pflag writes "(default 256)" itself, and cobra "[flags]".
		"frFlags": func(s string) string { return strings.ReplaceAll(s, " (default ", " (par défaut : ") },
		"frUse":   strings.NewReplacer("[flags]", "[options]", "[command]", "[commande]").Replace,
	})
}

// localizeHelp says the help of the whole tree in lang: every command's
// texts, every flag's usage and cobra's own words. Cobra adds its help and
// completion commands and its --help and --version flags only when it runs;
// they are added here first, so they are translated too.
func localizeHelp(root *cobra.Command, args []string, lang check.Lang) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd(args...)
	root.InitDefaultVersionFlag()
	walkCommands(root, func(c *cobra.Command) { c.InitDefaultHelpFlag() })
	if lang == check.EN {
		return
	}
	root.SetUsageTemplate(usageTemplateFR)
	walkCommands(root, func(c *cobra.Command) {
		c.Short, _ = helpIn(c.Short, "", lang)
		c.Long, _ = helpIn(c.Long, "", lang)
		c.Example, _ = helpIn(c.Example, "", lang)
		c.Flags().VisitAll(func(f *pflag.Flag) { f.Usage, _ = helpIn(f.Usage, f.Name, lang) })
	})
}

func walkCommands(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walkCommands(sub, fn)
	}
}

// helpIn is one help text in lang (flag: the flag it is the usage of, if
// any), and whether vigie knows its French.
func helpIn(en, flag string, lang check.Lang) (string, bool) {
	if en == "" || lang == check.EN {
		return en, true
	}
	if flag != "" {
		for _, o := range config.Options {
			if o.Flag == flag && o.Usage.EN == en {
				return o.Usage.In(lang), true
			}
		}
	}
	if fr, ok := helpFR[en]; ok {
		return fr, true
	}
	if name, ok := strings.CutPrefix(en, "help for "); ok {
		return "aide de " + name, true
	}
	if name, ok := strings.CutPrefix(en, "version for "); ok {
		return "version de " + name, true
	}
	return en, false
}

// usageTemplateFR is cobra v1.10's usage template in French (vigie uses
// no command groups).
const usageTemplateFR = `Utilisation :{{if .Runnable}}
  {{.UseLine | frUse}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [commande]{{end}}{{if gt (len .Aliases) 0}}

Alias :
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Exemples :
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commandes :{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Options :
{{.LocalFlags.FlagUsages | frFlags | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Options globales :
{{.InheritedFlags.FlagUsages | frFlags | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

Autres sujets d'aide :{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

Tapez « {{.CommandPath}} [commande] --help » pour le détail d'une commande.{{end}}
`
