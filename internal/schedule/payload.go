package schedule

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vigie-security/vigie/internal/check"
)

// PayloadVersion changes whenever a field of Payload is renamed or removed.
const PayloadVersion = 1

// Payload is the generic flavour: vigie's own JSON. It says which check
// failed on which target, never a finding's message or evidence.
type Payload struct {
	Version      int        `json:"vigie_webhook"`
	Event        Event      `json:"event"`
	Summary      string     `json:"summary"` // one sentence in Lang
	Lang         check.Lang `json:"lang"`
	ScanID       string     `json:"scan_id,omitempty"`
	StartedAt    time.Time  `json:"started_at"`
	FinishedAt   time.Time  `json:"finished_at"`
	Interrupted  bool       `json:"interrupted,omitempty"`
	Score        *Score     `json:"score,omitempty"`
	Regression   bool       `json:"regression"`
	ScoreDown    bool       `json:"score_down"`
	NewFailures  []Listed   `json:"new_failures"`            // at or above the policy's severity
	MoreFailures int        `json:"more_failures,omitempty"` // left out of NewFailures
	NewTotal     int        `json:"new_total"`               // new failing findings of any severity
	Fixed        int        `json:"fixed"`
	Error        string     `json:"error,omitempty"` // a failed scan's reason in Lang, secrets masked
}

// Score is the overall score now and at the previous scan.
type Score struct {
	Scored       bool        `json:"scored"`
	After        int         `json:"after"`
	Grade        check.Grade `json:"grade"`
	Before       *int        `json:"before,omitempty"` // absent without a previous scan
	PreviousScan string      `json:"previous_scan,omitempty"`
}

// Listed is one new failure in a payload.
type Listed struct {
	CheckID  string         `json:"check_id"`
	Severity check.Severity `json:"severity"`
	Status   check.Status   `json:"status"`
	Target   string         `json:"target"`
	Title    string         `json:"title"` // in Lang
}

// Caps keep every message within what Slack and Teams accept.
const (
	maxListed   = 20  // new failures in a generic payload
	maxShown    = 10  // new failures in a Slack or Teams message
	maxErrRunes = 500 // of a failed scan's error
	maxRunes    = 300 // of a target or title
	maxLine     = 500 // of a chat line: Slack takes 3000 characters a block, escapes included
)

// build fills the generic payload, from which every flavour is made.
func (w *Webhook) build(ev Event, o Outcome) Payload {
	l := w.cfg.Lang
	p := Payload{Version: PayloadVersion, Event: ev, Lang: l, StartedAt: o.Started.UTC(), FinishedAt: o.Finished.UTC(), NewFailures: []Listed{}}
	if o.Err != nil {
		p.Error = cut(w.cfg.Scrub.Clean(check.InLang(o.Err, l)), maxErrRunes)
		p.Summary = check.Textf("vigie: the scheduled scan failed: %s", "vigie : le scan planifié a échoué : %s", p.Error).In(l)
		return p
	}
	r := o.Report
	p.ScanID, p.StartedAt, p.FinishedAt, p.Interrupted = r.ScanID, r.StartedAt.UTC(), r.FinishedAt.UTC(), r.Interrupted
	g := Detect(r, w.cfg.Policy)
	p.Regression, p.ScoreDown, p.NewTotal, p.Fixed = g.Any(), g.ScoreDown, g.NewTotal, g.Fixed
	p.Score = &Score{Scored: r.Scores.Overall.Scored, After: g.ScoreAfter, Grade: g.Grade}
	if g.Compared {
		p.Score.Before, p.Score.PreviousScan = &g.ScoreBefore, g.Since
	}
	for i, f := range g.New {
		if i == maxListed {
			p.MoreFailures = len(g.New) - maxListed
			break
		}
		p.NewFailures = append(p.NewFailures, Listed{CheckID: f.CheckID, Severity: f.Severity, Status: f.Status,
			Target: cut(f.Target, maxRunes), Title: cut(f.Title.In(l), maxRunes)})
	}
	p.Summary = summary(l, p, w.cfg.Policy.MinSeverity).In(l)
	return p
}

func summary(l check.Lang, p Payload, min check.Severity) check.Text {
	s := p.Score
	now := check.Textf("%d/100 (%s)", "%d/100 (%s)", s.After, string(s.Grade))
	if !s.Scored {
		now = check.Text{EN: "no score", FR: "pas de note"}
	}
	move := now
	if s.Before != nil && s.Scored {
		move = check.Textf("%d → %s", "%d → %s", *s.Before, now)
	}
	sev := min.Label(l)
	if p.Regression {
		return check.Plural(len(p.NewFailures)+p.MoreFailures,
			check.Text{EN: "vigie: regression on scan %s: score %s, %d new failure of severity %s or above",
				FR: "vigie : régression au scan %s : note %s, %d nouvel échec de gravité %s ou plus"},
			check.Text{EN: "vigie: regression on scan %s: score %s, %d new failures of severity %s or above",
				FR: "vigie : régression au scan %s : note %s, %d nouveaux échecs de gravité %s ou plus"},
			p.ScanID, move, len(p.NewFailures)+p.MoreFailures, sev)
	}
	news := check.Count(p.NewTotal, check.Text{EN: "%d new failure", FR: "%d nouvel échec"}, check.Text{EN: "%d new failures", FR: "%d nouveaux échecs"})
	fixed := check.Count(p.Fixed, check.Text{EN: "%d fixed", FR: "%d corrigé"}, check.Text{EN: "%d fixed", FR: "%d corrigés"})
	return check.Textf("vigie: scan %s finished: score %s, %s, %s", "vigie : scan %s fini : note %s, %s, %s", p.ScanID, move, news, fixed)
}

// payload renders the message in the webhook's flavour.
func (w *Webhook) payload(ev Event, o Outcome) ([]byte, error) {
	p := w.build(ev, o)
	var v any = p
	switch w.cfg.Flavour {
	case Slack:
		v = slack(w.cfg.Lang, p)
	case Teams:
		v = teams(w.cfg.Lang, p)
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, check.Errorf("webhook payload: %v", "contenu du webhook : %v", err)
	}
	return b, nil
}

// facts are the label/value pairs both chat flavours show.
func facts(l check.Lang, p Payload) [][2]string {
	if p.Score == nil {
		return nil
	}
	tr := func(en, fr string) string { return check.Text{EN: en, FR: fr}.In(l) }
	f := [][2]string{{tr("Scan", "Scan"), p.ScanID}}
	if p.Score.Before != nil {
		f = append(f, [2]string{tr("Score before", "Note avant"), fmt.Sprintf("%d/100", *p.Score.Before)})
	}
	if p.Score.Scored {
		f = append(f, [2]string{tr("Score now", "Note actuelle"), fmt.Sprintf("%d/100 (%s)", p.Score.After, p.Score.Grade)})
	}
	f = append(f, [2]string{tr("New failures, any severity", "Nouveaux échecs, toute gravité"), fmt.Sprint(p.NewTotal)},
		[2]string{tr("Fixed", "Corrigés"), fmt.Sprint(p.Fixed)})
	return f
}

// line is one new failure as a person reads it.
func line(l check.Lang, f Listed) string {
	s := check.Textf("%s · %s: %s — %s (%s)", "%s · %s : %s — %s (%s)", strings.ToUpper(f.Severity.Label(l)), f.Status.Label(l), f.Title, f.Target, f.CheckID)
	return cut(s.In(l), maxLine)
}

func more(l check.Lang, n int) string {
	return check.Textf("… and %d more", "… et %d de plus", n).In(l)
}

func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
