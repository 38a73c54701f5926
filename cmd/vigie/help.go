package main

import (
	"regexp"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

func init() {
	cobra.AddTemplateFuncs(template.FuncMap{
		"frFlags": flagsFR,
		"frUse":   strings.NewReplacer("[flags]", "[options]", "[command]", "[commande]", "FILE", "FICHIER", "DIR", "DOSSIER").Replace,
	})
}

// flagLine is a line of pflag's flag list: the flag, the type of its value
// (none for a switch), the usage.
var flagLine = regexp.MustCompile(`^(\s+(?:-\S, )?--[a-z][a-z0-9-]*)(?: ([A-Za-z]+))?\s{2,}(.*)$`)

var typesFR = map[string]string{"stringArray": "textes", "string": "texte", "duration": "durée", "int": "entier", "float": "nombre", "severity": "gravité"}

// flagsFR says in French what pflag writes itself around the usages, the
// value's type and "(default 256)", and aligns the usages again.
func flagsFR(s string) string {
	lines := strings.Split(s, "\n")
	left := make([]string, len(lines))
	usage := make([]string, len(lines))
	width := 0
	for i, l := range lines {
		m := flagLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		left[i], usage[i] = m[1], strings.ReplaceAll(m[3], " (default ", " (par défaut : ")
		if m[2] != "" {
			t, ok := typesFR[m[2]]
			if !ok {
				t = m[2]
			}
			left[i] += " " + t
		}
		width = max(width, utf8.RuneCountInString(left[i]))
	}
	for i := range lines {
		if left[i] != "" {
			lines[i] = left[i] + strings.Repeat(" ", width-utf8.RuneCountInString(left[i])+3) + usage[i]
		}
	}
	return strings.Join(lines, "\n")
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
