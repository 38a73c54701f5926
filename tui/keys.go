package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/vigie-security/vigie/internal/check"
)

// keyMap is every key the interface answers, in one place.
type keyMap struct {
	Quit, Help, Back, Enter                      key.Binding
	Dashboard, Scan, Findings, Matrix            key.Binding
	Up, Down, PageUp, PageDown, Top, Bottom      key.Binding
	Left, Right, Waive, Export, WhatIf           key.Binding
	Search, Severity, Family, Status, Sort, Stop key.Binding
	Run                                          key.Binding
}

func newKeys(l check.Lang) keyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], help))
	}
	t := func(en, fr string) string { return tr(l, en, fr) }
	return keyMap{
		Quit:      b(t("quit", "quitter"), "q", "ctrl+c"),
		Help:      b(t("help", "aide"), "?"),
		Back:      b(t("back", "retour"), "esc"),
		Enter:     b(t("open", "ouvrir"), "enter"),
		Dashboard: b(t("dashboard", "tableau de bord"), "d"),
		Scan:      b(t("scan screen", "écran du scan"), "s"),
		Findings:  b(t("findings", "constats"), "f"),
		Matrix:    b(t("contracts matrix", "matrice des contrats"), "m"),
		Run:       b(t("run a scan", "lancer un scan"), "r"),
		Stop:      b(t("stop the scan", "arrêter le scan"), "esc", "x"),
		Left:      b(t("left", "gauche"), "left", "h"),
		Right:     b(t("right", "droite"), "right", "l"),
		Waive:     b(t("waive", "déroger"), "w"),
		Export:    b(t("export", "exporter"), "e"),
		WhatIf:    b(t("password what-if", "simulateur de mot de passe"), "p"),
		Up:        b(t("up", "haut"), "up", "k"),
		Down:      b(t("down", "bas"), "down", "j"),
		PageUp:    b(t("page up", "page préc."), "pgup", "b"),
		PageDown:  b(t("page down", "page suiv."), "pgdown", " "),
		Top:       b(t("first", "premier"), "home", "g"),
		Bottom:    b(t("last", "dernier"), "end", "G"),
		Search:    b(t("search", "chercher"), "/"),
		Severity:  b(t("severity filter", "filtre gravité"), "v"),
		Family:    b(t("family filter", "filtre famille"), "a"),
		Status:    b(t("status filter", "filtre statut"), "t"),
		Sort:      b(t("sort", "trier"), "o"),
	}
}

// ShortHelp and FullHelp make keyMap a help.KeyMap.
func (k keyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Dashboard, k.Findings, k.Run, k.Help, k.Quit}
}

func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Dashboard, k.Scan, k.Findings, k.Matrix, k.WhatIf, k.Export, k.Run, k.Stop},
		{k.Up, k.Down, k.Left, k.Right, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Enter, k.Back},
		{k.Waive},
		{k.Search, k.Severity, k.Family, k.Status, k.Sort},
		{k.Help, k.Quit},
	}
}

func tr(l check.Lang, en, fr string) string { return check.Text{EN: en, FR: fr}.In(l) }
