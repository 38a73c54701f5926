package htmlreport

import (
	"fmt"
	"maps"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// page is everything the template shows, already chosen, ordered, capped
// and translated; the template only lays it out.
type page struct {
	Lang                    string
	Org, Consultant         string
	Generated, Scanned      string
	ScanID, Version         string
	Interrupted             bool
	Overall                 grade
	Summary                 []string
	Chart                   chart
	Worst                   []worst
	Path                    []pathStep
	PathReaches             string // the grade the path reaches, "" when it does not
	PathNote                string
	Costs                   []cost
	CostsMore               int
	Changes                 *changes
	Families                []family
	Catalogue               []catEntry
	Kind                    string // the cover's subtitle: the families in the scan
	Palette                 any    // template.CSS
	Targets, Findings, Fail int
}

type grade struct {
	Scored bool
	Score  int
	Grade  string
	Class  string
	Cap    string // sentence, "" when not capped
}

type chart struct {
	Height int
	Bars   []bar
	Ticks  []tick
	Desc   string
}

type bar struct {
	Y, W      int
	Label     string
	Value     string
	Color     string
	TextX     int
	Overall   bool
	NotScored bool
}

type tick struct {
	X     int
	Label string
}

type worst struct {
	CheckID, Title, Severity, Risk string
	Found, FoundOn                 string // the message of one failure, and its target
	Targets                        []string
	TargetsMore                    int
	Decision                       *ref
	Points                         string
}

type ref struct {
	Source, Title, URL string
	Long               bool // longer than a printed line: it must break somewhere
}

// urlLine is how many characters of a URL a printed line holds, with room
// to spare: a shorter URL is kept whole, on the next line if need be.
const urlLine = 90

// refIn is a check's reference as the report's reader sees it.
func refIn(r check.Reference, l check.Lang) ref {
	r = r.In(l)
	return ref{Source: r.Source, Title: r.Title, URL: r.URL, Long: utf8.RuneCountInString(r.URL) > urlLine}
}

type pathStep struct {
	CheckID, Title string
	Targets        int
	After          grade
	LiftsCap       bool
}

type cost struct {
	CheckID, Title, Severity string
	Targets                  int
	Points                   string
	CapsAt                   string
	Alone                    grade
	Gain                     string // "" when fixing it alone moves nothing
}

type changes struct {
	Since                     string
	Previous, Now             grade
	Move                      string
	New, Fixed                []change
	NewMore, FixedMore        int
	NewCount, FixedCount      int
	StillFailing, Disappeared int
}

type change struct{ CheckID, Target, Status, Before, Title string }

type family struct {
	ID, Name string
	Result   grade
	Count    int
	Rows     []targetRow
	RowsMore int
	Targets  []target
	More     int
	Matrix   *matrix
}

type targetRow struct {
	Anchor, Name       string
	Result             grade
	Fail, Warn, Errors int
	Finished           bool
}

type target struct {
	Anchor, Name string
	Finished     bool
	Result       grade
	Observatory  string
	Counts       string
	Path         []pathStep
	PathReaches  string
	Cards        []card
	CardsMore    int
	Passed       []string
	PassedMore   int
	PassedLabel  string
}

type card struct {
	Status, StatusClass, Severity string
	CheckID, Title                string
	Message                       string
	Points                        string
	Alone                         *grade
	Evidence                      evNode
	Risk, Remediation             string
	Refs                          []ref
	Frameworks                    string
	Waiver                        *waiverView
	Anchor                        string // set on the card that explains the check
	SeeAlso                       string // the anchor of that card, on the others
}

type waiverView struct{ Statement, Until, Source, Was string }

type matrix struct {
	Columns []matrixCol
	Rows    []matrixRow
	More    int
}

type matrixCol struct{ Code, Element string }

type matrixRow struct {
	Name  string
	Note  string
	Cells []matrixCell
}

type matrixCell struct{ Symbol, Level, Class string }

type catEntry struct {
	ID, Title, Severity, Description, CapsAt string
	Refs                                     []ref
}

// build turns a report into a page; it reads r and never changes it.
func (w Writer) build(r report.Report) page {
	l := w.lang()
	limit := w.limit()
	metas := make(map[string]check.Meta, len(r.Checks))
	for _, m := range r.Checks {
		metas[m.ID] = m
	}
	lookup := func(id string) (check.Meta, bool) { m, ok := metas[id]; return m, ok }
	title := func(id string) string {
		if m, ok := metas[id]; ok {
			return m.Title.In(l)
		}
		return id
	}
	// problem is the title where a failing check is listed as a problem:
	// the bare title says what passing looks like.
	problem := func(id string) string {
		if m, ok := metas[id]; ok {
			return report.NotMet(m.Title).In(l)
		}
		return id
	}
	now := time.Now
	if w.Now != nil {
		now = w.Now
	}
	p := page{Lang: string(l), Org: w.Org, Consultant: w.Consultant,
		Generated: day(now(), l), Scanned: day(r.StartedAt, l), ScanID: r.ScanID, Version: r.Tool.Version,
		Interrupted: r.Interrupted, Overall: gradeOf(l, r.Scores.Overall, problem),
		Targets: len(r.Targets), Findings: len(r.Findings), Palette: paletteCSS()}

	// Group findings by target once; everything below reads these groups.
	type key struct {
		f check.Family
		t string
	}
	groups := map[key][]int{}
	var order []key
	for i, f := range r.Findings {
		k := key{f.Family, f.Target}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
		if f.Status == check.Fail {
			p.Fail++
		}
	}
	scores := map[key]score.Target{}
	famWeight := map[check.Family]int{} // a family's targets weighed as its score weighs them
	for _, s := range r.Scores.Targets {
		scores[key{s.Family, s.Target}] = s
		if s.Scored {
			famWeight[s.Family] += s.FamilyWeight()
		}
	}
	nFam := 0
	for _, f := range r.Scores.Families {
		if f.Scored {
			nFam++
		}
	}
	// raw: what each check costs the overall score, before caps.
	raw := map[string]float64{}
	for _, s := range r.Scores.Targets {
		if !s.Scored || nFam == 0 {
			continue
		}
		for _, d := range s.Deductions {
			if d.Points > 0 {
				raw[d.CheckID] += d.Points * float64(s.FamilyWeight()) / float64(famWeight[s.Family]) / float64(nFam)
			}
		}
	}

	// The plan over the whole scan.
	pl := &planner{lookup: lookup}
	var fams []check.Family
	for _, k := range order {
		fs := make([]check.Finding, len(groups[k]))
		for i, j := range groups[k] {
			fs[i] = r.Findings[j]
		}
		pl.units = append(pl.units, &unit{family: k.f, name: k.t, fs: fs, res: scoreOf(fs, lookup)})
		fams = append(fams, k.f)
	}
	pl.agg = overall(fams)
	alone := pl.alone()
	// Each target's own plan starts from the same what-ifs: keep them
	// before the scan's plan moves its units on.
	start := map[key]*unit{}
	for _, u := range pl.units {
		start[key{u.family, u.name}] = &unit{family: u.family, name: u.name, fs: u.fs, res: u.res, single: maps.Clone(u.single)}
	}
	steps := pl.toNextGrade(maxSteps, raw)
	for _, s := range steps {
		p.Path = append(p.Path, pathStep{CheckID: s.CheckID, Title: problem(s.CheckID), Targets: s.Targets,
			After: gradeOf(l, s.After, problem), LiftsCap: s.LiftsCap})
	}
	if n := len(steps); n > 0 && steps[n-1].After.Grade.Rank() < r.Scores.Overall.Grade.Rank() {
		p.PathReaches = string(steps[n-1].After.Grade)
	}
	p.PathNote = w.pathNote(r, steps)

	// Costs: every check that loses points, by what fixing it alone gains.
	for id, res := range alone {
		c := cost{CheckID: id, Title: problem(id), Points: check.Decimal(l, raw[id], 1), Alone: gradeOf(l, res, problem)}
		if m, ok := metas[id]; ok {
			c.Severity, c.CapsAt = m.Severity.Label(l), string(m.CapOnFail)
		}
		if d := res.Score - r.Scores.Overall.Score; d != 0 || capRank(res) < capRank(r.Scores.Overall) {
			c.Gain = fmt.Sprintf("%+d", d)
		}
		p.Costs = append(p.Costs, c)
	}
	where := map[string]map[string]bool{}
	for _, f := range r.Findings {
		if fixable(f.Status) {
			if where[f.CheckID] == nil {
				where[f.CheckID] = map[string]bool{}
			}
			where[f.CheckID][f.Target] = true
		}
	}
	for i := range p.Costs {
		p.Costs[i].Targets = len(where[p.Costs[i].CheckID])
	}
	sort.SliceStable(p.Costs, func(i, j int) bool {
		a, b := p.Costs[i], p.Costs[j]
		if a.Alone.Score != b.Alone.Score {
			return a.Alone.Score > b.Alone.Score
		}
		if raw[a.CheckID] != raw[b.CheckID] {
			return raw[a.CheckID] > raw[b.CheckID]
		}
		return a.CheckID < b.CheckID
	})
	if len(p.Costs) > limit {
		p.CostsMore, p.Costs = len(p.Costs)-limit, p.Costs[:limit]
	}

	p.Worst = w.worst(r, metas, raw)
	p.Chart = chartOf(l, r.Scores)
	p.Changes = w.changes(r, title, problem, limit)
	p.Summary = w.summary(r, p, metas)

	// Families, then their targets, worst first. A check's risk, fix and
	// references are written on its first card; later cards link to it.
	anchor := 0
	explained := map[string]string{}
	var kind []string
	for _, fs := range r.Scores.Families {
		fam := family{ID: "fam-" + string(fs.Family), Name: familyName(l, fs.Family), Result: gradeOf(l, fs.Result, problem), Count: fs.Targets}
		type tg struct {
			k        key
			s        score.Target
			scored   bool
			finished bool
		}
		var tgs []tg
		done := map[key]bool{}
		for _, t := range r.Targets {
			k := key{t.Family, t.Name}
			if t.Family != fs.Family || done[k] {
				continue
			}
			done[k] = true
			s, ok := scores[k]
			tgs = append(tgs, tg{k, s, ok && s.Scored, t.Completed})
		}
		for _, k := range order { // findings whose target the plan did not list
			if k.f == fs.Family && !done[k] {
				done[k] = true
				s, ok := scores[k]
				tgs = append(tgs, tg{k, s, ok && s.Scored, true})
			}
		}
		sort.SliceStable(tgs, func(i, j int) bool {
			a, b := tgs[i], tgs[j]
			if a.scored != b.scored {
				return a.scored
			}
			return a.s.Score < b.s.Score
		})
		for i, t := range tgs {
			anchor++
			a := fmt.Sprintf("t%d", anchor)
			idx := groups[t.k]
			fail, warn, errs := 0, 0, 0
			for _, j := range idx {
				switch r.Findings[j].Status {
				case check.Fail:
					fail++
				case check.Warn:
					warn++
				case check.Error:
					errs++
				}
			}
			res := grade{}
			if t.scored {
				res = gradeOf(l, t.s.Result, problem)
			}
			if i < 10*limit {
				fam.Rows = append(fam.Rows, targetRow{Anchor: a, Name: t.k.t, Result: res, Fail: fail, Warn: warn, Errors: errs, Finished: t.finished})
			} else {
				fam.RowsMore++
			}
			if i >= limit {
				fam.More++
				continue
			}
			fam.Targets = append(fam.Targets, w.target(a, t.k.t, t.finished, t.scored, t.s, start[t.k], metas, lookup, problem, limit, explained))
		}
		if fs.Family == check.FamilyContracts {
			fam.Matrix = matrixOf(l, report.ContractMatrix(r), limit)
		}
		p.Families = append(p.Families, fam)
		kind = append(kind, fam.Name)
	}
	p.Kind = coverKind(l, kind)

	for _, m := range r.Checks {
		e := catEntry{ID: m.ID, Title: m.Title.In(l), Severity: m.Severity.Label(l), Description: m.Description.In(l), CapsAt: string(m.CapOnFail)}
		for _, rf := range m.References {
			e.Refs = append(e.Refs, refIn(rf, l))
		}
		p.Catalogue = append(p.Catalogue, e)
	}
	return p
}

// maxSteps bounds the "next grade" path: past it, the advice is the table.
const maxSteps = 8

// u holds the target's findings as the scan's plan started from them; it is
// nil for a target with none.
func (w Writer) target(anchor, name string, finished, scored bool, s score.Target, u *unit,
	metas map[string]check.Meta, lookup score.Lookup, problem func(string) string, limit int, explained map[string]string) target {
	l := w.lang()
	t := target{Anchor: anchor, Name: name, Finished: finished}
	if scored {
		t.Result = gradeOf(l, s.Result, problem)
		if s.Observatory != nil {
			t.Observatory = fmt.Sprintf("%d/100 %s", s.Observatory.Score, s.Observatory.Grade)
		}
	}
	points := map[string]float64{}
	for _, d := range s.Deductions {
		points[d.CheckID] += d.Points
	}
	var fs []check.Finding
	if u != nil {
		fs = u.fs // the plan below replaces u.fs, never edits it
	}
	var aloneRes map[string]score.Result
	if scored && u != nil {
		pl := &planner{lookup: lookup, units: []*unit{u},
			agg: func(rs []score.Result) score.Result { return rs[0] }}
		aloneRes = pl.alone()
		steps := pl.toNextGrade(maxSteps, points)
		for _, st := range steps {
			t.Path = append(t.Path, pathStep{CheckID: st.CheckID, Title: problem(st.CheckID), After: gradeOf(l, st.After, problem), LiftsCap: st.LiftsCap})
		}
		if n := len(steps); n > 0 && steps[n-1].After.Grade.Rank() < s.Grade.Rank() {
			t.PathReaches = string(steps[n-1].After.Grade)
		}
	}
	counts := map[check.Status]int{}
	var shown []check.Finding
	for _, f := range fs {
		counts[f.Status]++
		switch f.Status {
		case check.Pass, check.Skipped:
			if len(t.Passed) < limit {
				t.Passed = append(t.Passed, f.CheckID)
			} else {
				t.PassedMore++
			}
		default:
			shown = append(shown, f)
		}
	}
	var parts []string
	for _, st := range check.Statuses {
		if counts[st] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[st], statusWord(l, st, counts[st])))
		}
	}
	t.Counts = strings.Join(parts, " · ")
	t.PassedLabel = count(l, counts[check.Pass], "%d passed", "%d passed", "%d réussi", "%d réussis") + ", " +
		fmt.Sprintf(tr(l, "%d not applicable", "%d sans objet"), counts[check.Skipped])
	rank := map[check.Status]int{check.Fail: 0, check.Error: 1, check.Warn: 2, check.Waived: 3}
	sort.SliceStable(shown, func(i, j int) bool {
		a, b := shown[i], shown[j]
		if rank[a.Status] != rank[b.Status] {
			return rank[a.Status] < rank[b.Status]
		}
		if points[a.CheckID] != points[b.CheckID] {
			return points[a.CheckID] > points[b.CheckID]
		}
		return a.Severity > b.Severity
	})
	for i, f := range shown {
		if i == limit {
			t.CardsMore = len(shown) - i
			break
		}
		c := w.card(f, metas, points, explained)
		if res, ok := aloneRes[f.CheckID]; ok && res.Score > s.Score {
			g := gradeOf(l, res, problem)
			c.Alone = &g
		}
		t.Cards = append(t.Cards, c)
	}
	return t
}

func (w Writer) card(f check.Finding, metas map[string]check.Meta, points map[string]float64, explained map[string]string) card {
	l := w.lang()
	c := card{Status: f.Status.Label(l), StatusClass: "s-" + strings.ToLower(string(f.Status)), Severity: f.Severity.Label(l),
		CheckID: f.CheckID, Title: f.CheckID, Message: clip(f.Message.In(l)),
		Evidence: evidenceOf(f.Evidence, l, tr(l, "yes", "oui"), tr(l, "no", "non"))}
	if v, ok := points[f.CheckID]; ok && v != 0 {
		c.Points = check.SignedDecimal(l, -v, 1)
	}
	if m, ok := metas[f.CheckID]; ok {
		c.Title = m.Title.In(l)
		if first, done := explained[f.CheckID]; done {
			c.SeeAlso = first
		} else {
			c.Anchor = "fix-" + f.CheckID
			explained[f.CheckID] = c.Anchor
			c.Risk, c.Remediation = m.Risk.In(l), m.Remediation.In(l)
			for _, rf := range m.References {
				c.Refs = append(c.Refs, refIn(rf, l))
			}
			c.Frameworks = frameworks(m.Frameworks)
		}
	}
	if wv := f.Waiver; wv != nil {
		c.Waiver = &waiverView{Statement: wv.Statement, Until: day(wv.Expires, l), Source: wv.Source, Was: wv.Was.Label(l)}
	}
	return c
}

func frameworks(fw map[string][]string) string {
	keys := make([]string, 0, len(fw))
	for k := range fw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		out = append(out, k+" "+strings.Join(fw[k], ", "))
	}
	return strings.Join(out, " · ")
}

func gradeOf(l check.Lang, r score.Result, problem func(string) string) grade {
	if !r.Scored {
		return grade{}
	}
	g := grade{Scored: true, Score: r.Score, Grade: string(r.Grade), Class: gradeClass(r.Grade)}
	if c := r.Cap; r.Lowered() {
		if c.Target != "" {
			g.Cap = fmt.Sprintf(tr(l, "capped at %s by %s (%s) on %s", "plafonnée à %s par %s (%s) sur %s"), c.Grade, c.CheckID, problem(c.CheckID), c.Target)
		} else {
			g.Cap = fmt.Sprintf(tr(l, "capped at %s by %s (%s)", "plafonnée à %s par %s (%s)"), c.Grade, c.CheckID, problem(c.CheckID))
		}
	}
	return g
}

func gradeClass(g check.Grade) string {
	if g == "A+" {
		return "g-ap"
	}
	return "g-" + strings.ToLower(string(g))
}

func statusWord(l check.Lang, s check.Status, n int) string {
	en := map[check.Status]string{check.Fail: "failed", check.Error: "not checked (error)", check.Warn: "warning", check.Pass: "passed", check.Skipped: "not applicable", check.Waived: "waived"}
	fr := map[check.Status]string{check.Fail: "en échec", check.Error: "non vérifié (erreur)", check.Warn: "alerte", check.Pass: "réussi", check.Skipped: "sans objet", check.Waived: "dérogé"}
	word := tr(l, en[s], fr[s])
	// English: "1 warning", "0 warnings"; French agrees with « contrôles »
	// from 2: « 2 réussis », « 2 dérogés », « 2 non vérifiés ».
	switch {
	case l == check.FR && n >= 2 && s == check.Error:
		word = "non vérifiés (erreur)"
	case l == check.FR && n >= 2 && (s == check.Warn || s == check.Pass || s == check.Waived):
		word += "s"
	case l != check.FR && n != 1 && s == check.Warn:
		word += "s"
	}
	return word
}

func day(t time.Time, l check.Lang) string {
	if t.IsZero() {
		return "—"
	}
	t = t.UTC()
	if l == check.FR {
		months := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
		d := fmt.Sprint(t.Day())
		if t.Day() == 1 {
			d = "1er" // French writes the first of the month as an ordinal
		}
		return fmt.Sprintf("%s %s %d", d, months[t.Month()-1], t.Year())
	}
	return t.Format("2 January 2006")
}

func tr(l check.Lang, en, fr string) string { return check.Text{EN: en, FR: fr}.In(l) }

// count is n with its noun as n asks in l (report.Count); each form holds one %d.
func count(l check.Lang, n int, en1, en, fr1, fr string) string {
	return report.Count(l, n, check.Text{EN: en1, FR: fr1}, check.Text{EN: en, FR: fr})
}
