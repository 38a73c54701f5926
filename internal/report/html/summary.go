package htmlreport

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// worst picks the five checks a reader should hear about first: failures
// before warnings, then severity, the grade they cap, and points lost.
func (w Writer) worst(r report.Report, metas map[string]check.Meta, raw map[string]float64) []worst {
	l := w.lang()
	type agg struct {
		id      string
		fail    bool
		sev     check.Severity
		targets []string
		first   check.Finding // the most serious finding, whose message says what is wrong
	}
	byID := map[string]*agg{}
	var ids []string
	for f := range r.All() {
		if !fixable(f.Status) {
			continue
		}
		a := byID[f.CheckID]
		if a == nil {
			a = &agg{id: f.CheckID, sev: f.Severity, first: f}
			byID[f.CheckID] = a
			ids = append(ids, f.CheckID)
		}
		if f.Status == check.Fail && a.first.Status != check.Fail {
			a.first = f
		}
		a.fail = a.fail || f.Status == check.Fail
		if len(a.targets) == 0 || a.targets[len(a.targets)-1] != f.Target {
			a.targets = append(a.targets, f.Target)
		}
	}
	capRankOf := func(id string) int {
		if m, ok := metas[id]; ok && m.CapOnFail != "" && byID[id].fail {
			return m.CapOnFail.Rank()
		}
		return -1
	}
	decides := ""
	if c := r.Scores.Overall.Cap; r.Scores.Overall.Lowered() {
		decides = c.CheckID // the failure that sets the overall grade is told first
	}
	sort.SliceStable(ids, func(i, j int) bool {
		a, b := byID[ids[i]], byID[ids[j]]
		switch {
		case (a.id == decides) != (b.id == decides):
			return a.id == decides
		case a.fail != b.fail:
			return a.fail
		case a.sev != b.sev:
			return a.sev > b.sev
		case capRankOf(a.id) != capRankOf(b.id):
			return capRankOf(a.id) > capRankOf(b.id)
		case raw[a.id] != raw[b.id]:
			return raw[a.id] > raw[b.id]
		case len(a.targets) != len(b.targets):
			return len(a.targets) > len(b.targets)
		}
		return a.id < b.id
	})
	var out []worst
	for _, id := range ids {
		if len(out) == 5 {
			break
		}
		a := byID[id]
		wv := worst{CheckID: id, Title: id, Severity: a.sev.Label(l), Points: check.Decimal(l, raw[id], 1),
			Found: clip(a.first.Message.In(l)), FoundOn: a.first.Target}
		if m, ok := metas[id]; ok {
			frame := report.NotMet
			if !a.fail {
				frame = report.PartlyMet // it only warns
			}
			wv.Title, wv.Risk = frame(m.Title).In(l), m.Risk.In(l)
			wv.Decision = decision(m.References, l)
		}
		wv.Targets = a.targets
		if len(wv.Targets) > 3 {
			wv.TargetsMore, wv.Targets = len(wv.Targets)-3, wv.Targets[:3]
		}
		out = append(out, wv)
	}
	return out
}

// decision is the CNIL text a check relates to: a sanction or a
// deliberation first, else any CNIL reference.
func decision(refs []check.Reference, l check.Lang) *ref {
	var first *ref
	for _, r := range refs {
		if r.Source != "CNIL" {
			continue
		}
		x := refIn(r, l)
		t := strings.ToLower(r.Title)
		if strings.Contains(t, "san-") || strings.Contains(t, "délibération") || strings.Contains(t, "deliberation") {
			return &x
		}
		if first == nil {
			first = &x
		}
	}
	return first
}

// changes lists what moved; a new failure is named by problem, a fixed
// check by its title (now true).
func (w Writer) changes(r report.Report, title, problem func(string) string, limit int) *changes {
	c := r.Changes
	if c == nil {
		return nil
	}
	l := w.lang()
	prev := score.Result{Scored: true, Score: c.PreviousScore, Grade: score.GradeFor(c.PreviousScore)}
	out := &changes{Since: day(c.SinceTime, l), Previous: gradeOf(l, prev, problem), Now: gradeOf(l, r.Scores.Overall, problem),
		Move: fmt.Sprintf("%+d", r.Scores.Overall.Score-c.PreviousScore), NewCount: len(c.New), FixedCount: len(c.Fixed),
		StillFailing: c.StillFailing, Disappeared: c.Disappeared}
	conv := func(in []report.Change, title func(string) string) ([]change, int) {
		var o []change
		for i, ch := range in {
			if i == limit {
				return o, len(in) - i
			}
			before := tr(l, "not checked", "non vérifié")
			if ch.Before != "" {
				before = ch.Before.Label(l)
			}
			o = append(o, change{CheckID: ch.CheckID, Target: ch.Target, Status: ch.Status.Label(l), Before: before, Title: title(ch.CheckID)})
		}
		return o, 0
	}
	out.New, out.NewMore = conv(c.New, problem)
	out.Fixed, out.FixedMore = conv(c.Fixed, title)
	return out
}

// summary says the result in plain words, a sentence a line.
func (w Writer) summary(r report.Report, p page, metas map[string]check.Meta) []string {
	l := w.lang()
	var out []string
	perFam := map[check.Family]int{}
	for _, t := range r.Targets {
		perFam[t.Family]++
	}
	var scope []string
	for _, f := range r.Scores.Families {
		scope = append(scope, fmt.Sprintf("%d %s", perFam[f.Family], familyUnit(l, f.Family, perFam[f.Family])))
	}
	c := r.Counts()
	out = append(out, fmt.Sprintf(tr(l, "vigie checked %s (%s) on %s: %s, of which %s, %s and %s.",
		"vigie a contrôlé %s (%s) le %s : %s, dont %s, %s et %s."),
		count(l, len(r.Targets), "%d target", "%d targets", "%d cible", "%d cibles"), strings.Join(scope, ", "), p.Scanned,
		count(l, len(r.Findings), "%d finding", "%d findings", "%d constat", "%d constats"),
		count(l, c[check.Fail], "%d failed", "%d failed", "%d échec", "%d échecs"),
		count(l, c[check.Warn], "%d is a warning", "%d are warnings", "%d alerte", "%d alertes"),
		count(l, c[check.Error], "%d could not be checked", "%d could not be checked", "%d contrôle impossible", "%d contrôles impossibles")))
	o := r.Scores.Overall
	if !o.Scored {
		out = append(out, tr(l, "No score could be computed: every check was skipped or waived.", "Aucun score n'a pu être calculé : tous les contrôles ont été ignorés ou dérogés."))
		return out
	}
	out = append(out, fmt.Sprintf(tr(l, "The overall grade is %s (%d/100): %s.", "La note globale est %s (%d/100) : %s."), o.Grade, o.Score, gradeMeaning(l, o.Grade)))
	if cp := o.Cap; o.Lowered() {
		t := cp.CheckID
		if m, ok := metas[cp.CheckID]; ok {
			t = m.Title.In(l) + " (" + cp.CheckID + ")"
		}
		out = append(out, fmt.Sprintf(tr(l, "It cannot be better than %s while “%s” fails on %s: one failure of this kind is enough for the CNIL to find the whole organisation's security insufficient.",
			"Elle ne peut dépasser %s tant que « %s » échoue sur %s : un seul manquement de ce type suffit à la CNIL pour juger insuffisante la sécurité de tout l'organisme."), cp.Grade, t, cp.Target))
	}
	if ch := r.Changes; ch != nil {
		out = append(out, fmt.Sprintf(tr(l, "Since the previous scan (%s, %d/100) the score moved by %+d: %s, %s, %d still failing.",
			"Depuis le scan précédent (%s, %d/100) le score a évolué de %+d : %s, %s, %d toujours en échec."),
			day(ch.SinceTime, l), ch.PreviousScore, o.Score-ch.PreviousScore,
			count(l, len(ch.New), "%d new failure", "%d new failures", "%d nouvel échec", "%d nouveaux échecs"),
			count(l, len(ch.Fixed), "%d fixed", "%d fixed", "%d corrigé", "%d corrigés"), ch.StillFailing))
	}
	if p.PathReaches != "" {
		last := p.Path[len(p.Path)-1].After
		fixing := tr(l, "Fixing the %d checks listed", "Corriger les %d contrôles listés")
		if len(p.Path) == 1 {
			fixing = tr(l, "Fixing the check listed", "Corriger le contrôle listé")
		}
		out = append(out, fmt.Sprintf(strings.Replace(fixing, "%d", fmt.Sprint(len(p.Path)), 1)+tr(l, " under “To reach the next grade” raises it to %s (%d/100).",
			" sous « Pour atteindre la note suivante » la porte à %s (%d/100)."), last.Grade, last.Score))
	}
	return out
}

func (w Writer) pathNote(r report.Report, steps []step) string {
	l := w.lang()
	errs := map[string]bool{}
	for f := range r.All() {
		if f.Status == check.Error {
			errs[f.Target] = true
		}
	}
	note := ""
	if n := len(steps); n == 0 || steps[n-1].After.Grade.Rank() >= r.Scores.Overall.Grade.Rank() {
		note = tr(l, "No set of fixes of up to eight checks raises the grade on its own.", "Aucune série de corrections d'au plus huit contrôles ne relève la note à elle seule.")
		if r.Scores.Overall.Grade == "A+" {
			note = tr(l, "The grade is already the best one.", "La note est déjà la meilleure.")
		}
	}
	if len(errs) > 0 {
		note = strings.TrimSpace(note + " " + fmt.Sprintf(tr(l, "Checks that could not run (ERROR) on %s count as failed until they can run: they are not listed here.",
			"Les contrôles qui n'ont pas pu s'exécuter (ERREUR) sur %s comptent comme échoués tant qu'ils ne peuvent pas s'exécuter : ils ne sont pas listés ici."),
			count(l, len(errs), "%d target", "%d targets", "%d cible", "%d cibles")))
	}
	return note
}

func gradeMeaning(l check.Lang, g check.Grade) string {
	switch g {
	case "A+", "A":
		return tr(l, "the baseline is met", "le socle est respecté")
	case "B":
		return tr(l, "good, with a few gaps to close", "bon, avec quelques écarts à combler")
	case "C", "D":
		return tr(l, "significant gaps that an attacker or an inspector would find", "des écarts importants qu'un attaquant ou un contrôleur trouverait")
	}
	return tr(l, "serious failures that expose personal data and would be sanctionable", "des manquements graves qui exposent des données personnelles et seraient sanctionnables")
}

func familyName(l check.Lang, f check.Family) string { return f.Title(l) }

// coverKind names the families the scan covers, in a sentence: a scan of
// web sites alone must not promise passwords and contracts.
func coverKind(l check.Lang, names []string) string {
	what := tr(l, "what the CNIL checks, measured", "ce que contrôle la CNIL, mesuré")
	if len(names) == 0 {
		return strings.ToUpper(what[:1]) + what[1:]
	}
	parts := slices.Clone(names)
	for i := 1; i < len(parts); i++ {
		r, n := utf8.DecodeRuneInString(parts[i])
		parts[i] = string(unicode.ToLower(r)) + parts[i][n:]
	}
	return strings.Join(parts, ", ") + tr(l, ": ", " : ") + what
}

func familyUnit(l check.Lang, f check.Family, n int) string {
	en := map[check.Family][2]string{check.FamilyWeb: {"web site", "web sites"}, check.FamilyPassword: {"password source", "password sources"},
		check.FamilyContracts: {"contract item", "contract items"}, check.FamilyLeads: {"lead database", "lead databases"}}
	fr := map[check.Family][2]string{check.FamilyWeb: {"site web", "sites web"}, check.FamilyPassword: {"source de mots de passe", "sources de mots de passe"},
		check.FamilyContracts: {"élément contractuel", "éléments contractuels"}, check.FamilyLeads: {"base de prospects", "bases de prospects"}}
	words, ok := en[f]
	if l == check.FR {
		words, ok = fr[f]
	}
	if !ok {
		return string(f)
	}
	if n >= 2 || (l != check.FR && n != 1) { // "0 web sites", « 0 site web »
		return words[1]
	}
	return words[0]
}
