package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Info returns the line of history of scan id.
func (s *Store) Info(ctx context.Context, id string) (Scan, error) {
	l, err := s.scans(ctx, `SELECT `+scanColumns+` FROM scans WHERE id = ?`, id)
	if err != nil {
		return Scan{}, err
	}
	if len(l) == 0 {
		return Scan{}, s.unknown(id)
	}
	return l[0], nil
}

// Load returns a stored scan as a report: targets, findings (status,
// severity, target, check, fingerprint, message, waiver), the checks'
// metadata, scores and the changes it was delivered with. Evidence is as
// the history keeps it: each finding's cut to MaxEvidence (what was left
// out is named under CutKey), and none when the scan was over MaxReport.
// Strings are scrubbed of terminal controls again: the file may have been
// written by something other than vigie.
func (s *Store) Load(ctx context.Context, id string) (report.Report, error) {
	var size int64
	err := s.row(ctx, `SELECT length(report) FROM scans WHERE id = ?`, id).Scan(&size)
	if errors.Is(err, sql.ErrNoRows) {
		return report.Report{}, s.unknown(id)
	}
	if err != nil {
		return report.Report{}, s.explain(err, unreadable(s.path))
	}
	if size > int64(MaxReport)+MaxEvidence { // Save never keeps more
		return report.Report{}, refuse(s.path, "history %q: scan %s is %d bytes, more than vigie ever keeps",
			"historique %q : le scan %s fait %d octets, plus que vigie n'en garde jamais", id, size)
	}
	var blob []byte
	if err := s.row(ctx, `SELECT report FROM scans WHERE id = ?`, id).Scan(&blob); err != nil {
		return report.Report{}, s.explain(err, unreadable(s.path))
	}
	var r report.Report
	if err := json.Unmarshal(blob, &r); err != nil {
		return report.Report{}, &Error{Path: s.path, Err: err, Text: check.Textf("history %q: scan %s is unreadable",
			"historique %q : le scan %s est illisible", s.path, id)}
	}
	if r.Findings == nil { // a scan too large to keep its findings: their verdicts
		if r.Findings, err = s.verdicts(ctx, r); err != nil {
			return report.Report{}, err
		}
		if r.Targets == nil {
			r.Targets = targetsOf(r)
		}
	}
	report.Scrubber{}.Report(&r)
	return r, nil
}

// targetsOf lists the targets of findings laid out by verdicts, for a scan
// kept without its targets.
func targetsOf(r report.Report) []report.Target {
	var out []report.Target
	for i, f := range r.Findings {
		if i == 0 || f.Target != r.Findings[i-1].Target || f.Family != r.Findings[i-1].Family {
			out = append(out, report.Target{Name: f.Target, Family: f.Family, Completed: true})
		}
	}
	return out
}

// notKept is the message of a finding the history kept as a verdict only.
var notKept = check.Text{EN: "(message not kept: the scan was too large for the history)", FR: "(message non conservé : le scan était trop gros pour l'historique)"}

// verdicts are the findings table's rows of scan r, laid out as a report
// lays them: target by target, in the checks' order.
func (s *Store) verdicts(ctx context.Context, r report.Report) ([]check.Finding, error) {
	rows, err := s.findings(ctx, r.ScanID)
	if err != nil {
		return nil, err
	}
	place := func(m map[string]int, k string) int {
		if i, ok := m[k]; ok {
			return i
		}
		return len(m)
	}
	targets, checks := map[string]int{}, map[string]int{}
	for i, t := range r.Targets {
		targets[t.Name] = i
	}
	for i, m := range r.Checks {
		checks[m.ID] = i
	}
	out := make([]check.Finding, 0, len(rows))
	for _, f := range rows {
		m, _ := r.Meta(f.CheckID)
		out = append(out, check.Finding{CheckID: f.CheckID, Family: m.Family, Status: f.Status, Severity: f.Severity,
			Target: f.Target, Message: notKept, Fingerprint: f.Fingerprint})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ta, tb := place(targets, a.Target), place(targets, b.Target); ta != tb {
			return ta < tb
		}
		if a.Target != b.Target { // no targets kept: by name
			return a.Target < b.Target
		}
		if ca, cb := place(checks, a.CheckID), place(checks, b.CheckID); ca != cb {
			return ca < cb
		}
		return a.Fingerprint < b.Fingerprint
	})
	return out, nil
}

func (s *Store) unknown(ref string) error {
	return refuse(s.path, "history %q holds no scan %q (vigie history lists them)",
		"l'historique %q ne contient aucun scan %q (vigie history les liste)", ref)
}

var (
	lastRef = regexp.MustCompile(`^last(?:~([0-9]{1,6}))?$`)
	dayRef  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// maxCandidates is how many scans an ambiguous prefix names.
const maxCandidates = 10

// Resolve turns what a person typed into a scan ID: an ID, a unique
// prefix of one (as git does), "last" (the newest complete scan),
// "last~N" (the Nth complete scan before it), or a day, 2026-11-30 in UTC
// (the last complete scan of that day). Interrupted scans are reached by
// their ID only.
func (s *Store) Resolve(ctx context.Context, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", refuse(s.path, "history %q: name a scan (an ID, last, last~N or a day such as 2026-11-30)",
			"historique %q : nommez un scan (un identifiant, last, last~N ou un jour comme 2026-11-30)")
	}
	if m := lastRef.FindStringSubmatch(ref); m != nil {
		n, _ := strconv.Atoi(m[1]) // "" for plain last: 0
		l, err := s.scans(ctx, `SELECT `+scanColumns+` FROM scans WHERE interrupted = 0 ORDER BY started_at DESC, id DESC LIMIT 1 OFFSET ?`, n)
		if err != nil {
			return "", err
		}
		if len(l) == 0 {
			return "", refuse(s.path, "history %q holds fewer than %d complete scans: %s does not exist",
				"l'historique %q contient moins de %d scans complets : %s n'existe pas", n+1, ref)
		}
		return l[0].ID, nil
	}
	if dayRef.MatchString(ref) {
		day, err := time.Parse("2006-01-02", ref)
		if err != nil {
			return "", refuse(s.path, "history %q: %s is not a date", "historique %q : %s n'est pas une date", ref)
		}
		l, err := s.scans(ctx, `SELECT `+scanColumns+` FROM scans WHERE interrupted = 0 AND started_at >= ? AND started_at < ?
			ORDER BY started_at DESC, id DESC LIMIT 1`, stamp(day), stamp(day.AddDate(0, 0, 1)))
		if err != nil {
			return "", err
		}
		if len(l) == 0 {
			return "", refuse(s.path, "history %q holds no complete scan on %s (UTC)",
				"l'historique %q ne contient aucun scan complet le %s (UTC)", ref)
		}
		return l[0].ID, nil
	}
	if l, err := s.scans(ctx, `SELECT `+scanColumns+` FROM scans WHERE id = ?`, ref); err != nil || len(l) == 1 {
		if err != nil {
			return "", err
		}
		return l[0].ID, nil
	}
	l, err := s.scans(ctx, `SELECT `+scanColumns+` FROM scans WHERE substr(id, 1, ?) = ? ORDER BY started_at DESC, id DESC LIMIT ?`,
		len([]rune(ref)), ref, maxCandidates+1)
	switch {
	case err != nil:
		return "", err
	case len(l) == 0:
		return "", s.unknown(ref)
	case len(l) == 1:
		return l[0].ID, nil
	}
	return "", s.ambiguous(ref, l)
}

func (s *Store) ambiguous(ref string, l []Scan) error {
	var names []string
	for i, sc := range l {
		if i == maxCandidates {
			names = append(names, "…")
			break
		}
		names = append(names, sc.ID+" ("+sc.StartedAt.UTC().Format("2006-01-02 15:04")+")")
	}
	return refuse(s.path, "history %q: %q names several scans: %s",
		"historique %q : %q désigne plusieurs scans : %s", ref, strings.Join(names, ", "))
}
