package schedule

import (
	"reflect"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

func TestDetect(t *testing.T) {
	ids := func(g Regression) []string {
		var out []string
		for _, f := range g.New {
			out = append(out, f.CheckID+"@"+f.Severity.String())
		}
		return out
	}
	cases := []struct {
		name      string
		mod       func(*report.Report)
		policy    Policy
		any, down bool
		new       []string
	}{
		{"score down and new high/critical", nil, DefaultPolicy, true, true, []string{"web.tls.expiry@critical", "web.hsts@high"}},
		{"critical only", nil, Policy{MinSeverity: check.Critical}, true, true, []string{"web.tls.expiry@critical"}},
		{"low threshold lists every new failure", nil, Policy{MinSeverity: check.Low}, true, true,
			[]string{"web.tls.expiry@critical", "web.hsts@high", "web.referrer@low"}},
		{"a drop smaller than the policy's is not one", func(r *report.Report) { r.Changes.New = nil }, Policy{MinSeverity: check.High, MinDrop: 10}, false, false, nil},
		{"a drop as large as the policy's is one", func(r *report.Report) { r.Changes.New = nil }, Policy{MinSeverity: check.High, MinDrop: 8}, true, true, nil},
		{"same score, no new failure", func(r *report.Report) { r.Changes.New, r.Changes.PreviousScore = nil, 74 }, DefaultPolicy, false, false, nil},
		{"score up, only a low new failure", func(r *report.Report) {
			r.Changes.PreviousScore = 60
			r.Changes.New = r.Changes.New[2:]
		}, DefaultPolicy, false, false, nil},
		{"no previous scan", func(r *report.Report) { r.Changes = nil }, DefaultPolicy, false, false, nil},
		{"interrupted: the score is not compared", func(r *report.Report) { r.Interrupted, r.Changes.New = true, nil }, DefaultPolicy, false, false, nil},
		{"unscored now: the score is not compared", func(r *report.Report) {
			r.Scores.Overall.Scored, r.Scores.Overall.Score = false, 0
			r.Changes.New = nil
		}, DefaultPolicy, false, false, nil},
		{"finding missing: severity from the check's metadata", func(r *report.Report) { r.Findings = nil }, DefaultPolicy, true, true,
			[]string{"web.tls.expiry@critical", "web.hsts@high"}},
		{"unknown check: its own severity, its ID as title", func(r *report.Report) {
			r.Checks = nil
			r.Changes.PreviousScore = 70
		}, DefaultPolicy, true, false, []string{"web.tls.expiry@critical", "web.hsts@high"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := regressed()
			if c.mod != nil {
				c.mod(&r)
			}
			g := Detect(r, c.policy)
			if g.Any() != c.any || g.ScoreDown != c.down || !reflect.DeepEqual(ids(g), c.new) {
				t.Fatalf("Detect = any %v, down %v, new %v; want %v, %v, %v", g.Any(), g.ScoreDown, ids(g), c.any, c.down, c.new)
			}
		})
	}
}

func TestDetectTitlesAndCounts(t *testing.T) {
	g := Detect(regressed(), DefaultPolicy)
	if g.ScoreBefore != 82 || g.ScoreAfter != 74 || g.Grade != "C" || g.Fixed != 1 || g.NewTotal != 3 || g.Since != "11111111-prev-scan" {
		t.Fatalf("counts = %+v", g)
	}
	if f := g.New[0]; f.Title.FR != "Le certificat est valide" || f.Status != check.Error || f.Target != "https://old.example.fr" {
		t.Fatalf("first = %+v", f)
	}
	r := regressed()
	r.Checks = nil
	if f := Detect(r, DefaultPolicy).New[1]; f.Title.EN != "web.hsts" || f.Title.FR != "web.hsts" {
		t.Fatalf("unknown check title = %+v", f.Title)
	}
}
