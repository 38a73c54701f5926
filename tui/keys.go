package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/vigie-security/vigie/internal/check"
)

// keyMap is every key the interface answers, in one place.
type keyMap struct {
	Quit, Help, Back, Enter                      key.Binding
	Dashboard, Scan, Findings, Matrix            key.Binding
	Up, Down, PageUp, PageDown, Top, Bottom      key.Binding
	Left, Right, Waive, Export, WhatIf           key.Binding
	Search, Severity, Family, Status, Sort, Stop key.Binding
	Group, Run, NextPolicy, Save, Format         key.Binding
	lang                                         check.Lang
}

func newKeys(l check.Lang) keyMap {
	b := func(shown, help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(shown, help))
	}
	t := func(en, fr string) string { return tr(l, en, fr) }
	return keyMap{
		lang:       l,
		Quit:       b("q", t("quit", "quitter"), "q", "ctrl+c"),
		Help:       b("?", t("help", "aide"), "?"),
		Back:       b(t("esc", "échap"), t("back", "retour"), "esc"),
		Enter:      b(t("enter", "entrée"), t("open", "ouvrir"), "enter"),
		Dashboard:  b("d", t("dashboard", "tableau de bord"), "d"),
		Scan:       b("s", t("scan screen", "écran du scan"), "s"),
		Findings:   b("f", t("findings", "constats"), "f"),
		Matrix:     b("m", t("contracts matrix", "matrice des contrats"), "m"),
		Run:        b("r", t("run a scan", "lancer un scan"), "r"),
		Stop:       b(t("esc x", "échap x"), t("stop the scan", "arrêter le scan"), "esc", "x"),
		Left:       b("← h", t("left, less", "gauche, moins"), "left", "h"),
		Right:      b("→ l", t("right, more", "droite, plus"), "right", "l"),
		Waive:      b("w", t("waive (detail)", "déroger (détail)"), "w"),
		Export:     b("e", t("export", "exporter"), "e"),
		WhatIf:     b("p", t("password what-if", "simulateur mot de passe"), "p"),
		Up:         b("↑ k", t("up", "haut"), "up", "k"),
		Down:       b("↓ j", t("down", "bas"), "down", "j"),
		PageUp:     b(t("pgup b", "pgpréc b"), t("page up", "page préc."), "pgup", "b"),
		PageDown:   b(t("pgdn space", "pgsuiv espace"), t("page down", "page suiv."), "pgdown", " "),
		Top:        b(t("home g", "début g"), t("first", "premier"), "home", "g"),
		Bottom:     b(t("end G", "fin G"), t("last", "dernier"), "end", "G"),
		Search:     b("/", t("search", "chercher"), "/"),
		Severity:   b("v V", t("severity ≥", "gravité ≥"), "v", "V"),
		Family:     b("a A", t("family", "famille"), "a", "A"),
		Status:     b("t T", t("status", "statut"), "t", "T"),
		Sort:       b("o O", t("sort", "tri"), "o", "O"),
		Group:      b("c", t("group by check", "grouper par contrôle"), "c"),
		NextPolicy: b("n", t("next policy", "politique suivante"), "n"),
		Save:       b("w", t("save as a new file", "enregistrer à part"), "w"),
		Format:     b(t("tab ⇧tab", "tab ⇧tab"), t("format", "format"), "tab", "shift+tab"),
	}
}

// shortHelp is the line at the bottom: the keys of the screen shown, then
// help and quit.
func (k keyMap) shortHelp(sc screen) []key.Binding {
	var own []key.Binding
	switch sc {
	case screenDashboard:
		own = []key.Binding{k.Enter, k.Findings, k.Run}
	case screenScan:
		own = []key.Binding{k.Stop, k.Dashboard}
	case screenFindings:
		own = []key.Binding{k.Enter, k.Back, k.Search, k.Group}
	case screenDetail:
		own = []key.Binding{k.Back, k.Waive}
	case screenMatrix:
		own = []key.Binding{k.Enter, k.Dashboard}
	case screenWhatIf:
		change := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("← →", tr(k.lang, "change", "modifier")))
		own = []key.Binding{change, k.NextPolicy, k.Save}
	case screenExport:
		// Every other key is typed into the path.
		return []key.Binding{k.Format, key.NewBinding(key.WithKeys("enter"), key.WithHelp(k.Enter.Help().Key, tr(k.lang, "write", "écrire"))), k.Back}
	}
	return append(own, k.Help, k.Quit)
}

// helpGroups is the full help, by what the keys act on.
func (k keyMap) helpGroups(l check.Lang) []helpGroup {
	t := func(en, fr string) string { return tr(l, en, fr) }
	exportEnter := key.NewBinding(key.WithHelp(k.Enter.Help().Key, t("write the file", "écrire le fichier")))
	return []helpGroup{
		{t("Screens", "Écrans"), []key.Binding{k.Dashboard, k.Findings, k.Scan, k.Matrix, k.WhatIf, k.Export, k.Run, k.Help, k.Quit}},
		{t("Move", "Se déplacer"), []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Enter, k.Back}},
		{t("Findings", "Constats"), []key.Binding{k.Search, k.Status, k.Severity, k.Family, k.Sort, k.Group, k.Waive}},
		{t("Scan", "Scan"), []key.Binding{k.Stop}},
		{t("What-if", "Simulateur"), []key.Binding{k.Up, k.Left, k.Right, k.NextPolicy, k.Save}},
		{t("Export", "Export"), []key.Binding{k.Format, exportEnter}},
	}
}

type helpGroup struct {
	title string
	keys  []key.Binding
}

// helpView lays the groups out in as many columns as the width holds, and
// rows of them below: nothing is cut at 80 columns.
func helpView(ctx *shared) string {
	s, l := ctx.styles, ctx.lang
	var blocks []string
	for _, g := range ctx.keys.helpGroups(l) {
		keyW := 0
		for _, b := range g.keys {
			keyW = max(keyW, lipgloss.Width(b.Help().Key))
		}
		lines := []string{s.Header.Render(g.title)}
		for _, b := range g.keys {
			lines = append(lines, s.Key.Render(pad(b.Help().Key, keyW))+" "+s.Muted.Render(b.Help().Desc))
		}
		blocks = append(blocks, strings.Join(lines, "\n"))
	}
	var rows []string
	var row []string
	rowW := 0
	for _, bl := range blocks {
		w := lipgloss.Width(bl) + 3
		if rowW+w > ctx.width && len(row) > 0 {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowW = nil, 0
		}
		row, rowW = append(row, lipgloss.NewStyle().PaddingRight(3).Render(bl)), rowW+w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	foot := s.Muted.Render(tr(l, "Capital letters cycle a filter backwards. ? or esc closes this help.",
		"Une majuscule fait tourner un filtre à l'envers. ? ou échap ferme cette aide."))
	return strings.Join(rows, "\n") + "\n" + foot
}

func tr(l check.Lang, en, fr string) string { return check.Text{EN: en, FR: fr}.In(l) }
