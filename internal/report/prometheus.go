package report

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"iter"
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/score"
)

// Prometheus writes the text exposition format for node_exporter's textfile
// collector: scores per target, family and scan, finding counts, and when
// and how long the scan ran. Samples carry no timestamp (the collector
// refuses them); -o writes the file to a temporary name and renames it
// (report.WriteFile), so the collector never reads half a file.
//
// A target or family with no score has no score sample, rather than a
// fake 0; finding counts are written only where they are not zero.
type Prometheus struct{}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func (Prometheus) Write(ctx context.Context, out io.Writer, r Report) error {
	w := bufio.NewWriterSize(out, 64<<10)
	gauge := func(name, help string) {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name)
	}
	gauge("vigie_overall_score", "Overall score of the scan, 0 to 100 (the mean of the family scores, capped when a failing check caps the grade).")
	promScore(w, "vigie_overall_score", "", r.Scores.Overall)
	gauge("vigie_family_score", "Score of a family of checks, 0 to 100 (the mean of its targets' scores, weighted by the checks run on each target, capped when a failing check caps the grade).")
	for _, f := range r.Scores.Families {
		promScore(w, "vigie_family_score", labels("family", string(f.Family)), f.Result)
	}
	gauge("vigie_score", "Score of one target, 0 to 100.")
	for _, t := range r.Scores.Targets {
		promScore(w, "vigie_score", labels("family", string(t.Family), "target", t.Target), t.Result)
	}
	counts, err := findingCounts(ctx, r.NumberedVerdicts())
	if err != nil {
		return err
	}
	gauge("vigie_findings", "Findings of the scan by family, target, status and severity.")
	for _, c := range counts {
		fmt.Fprintf(w, "vigie_findings%s %d\n", labels("family", string(c.family), "target", c.target,
			"status", string(c.status), "severity", c.severity.String()), c.n)
	}
	gauge("vigie_scan_timestamp_seconds", "When the scan finished, in seconds since the Unix epoch.")
	fmt.Fprintf(w, "vigie_scan_timestamp_seconds %d\n", r.FinishedAt.Unix())
	gauge("vigie_scan_duration_seconds", "How long the scan ran, in seconds.")
	fmt.Fprintf(w, "vigie_scan_duration_seconds %g\n", max(0, r.FinishedAt.Sub(r.StartedAt).Seconds()))
	gauge("vigie_scan_interrupted", "1 when the scan was cancelled before every target was done, else 0.")
	interrupted := 0
	if r.Interrupted {
		interrupted = 1
	}
	fmt.Fprintf(w, "vigie_scan_interrupted %d\n", interrupted)
	return w.Flush()
}

func promScore(w *bufio.Writer, name, labels string, r score.Result) {
	if r.Scored {
		fmt.Fprintf(w, "%s%s %d\n", name, labels, r.Score)
	}
}

// labels renders name/value pairs, values escaped as the format requires.
func labels(kv ...string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(kv[i] + `="` + labelEscaper.Replace(strings.ToValidUTF8(kv[i+1], "\uFFFD")) + `"`)
	}
	b.WriteByte('}')
	return b.String()
}

type findingCount struct {
	family   check.Family
	target   string
	status   check.Status
	severity check.Severity
	n        int
	order    int // the target's first appearance
}

// findingCounts tallies findings; one entry per combination present, so the
// memory grows with targets, not with findings.
func findingCounts(ctx context.Context, fs iter.Seq2[int, check.Finding]) ([]findingCount, error) {
	type key struct {
		family   check.Family
		target   string
		status   check.Status
		severity check.Severity
	}
	type tk struct {
		f check.Family
		t string
	}
	seen := map[tk]int{}
	idx := map[key]int{}
	var out []findingCount
	for i, f := range fs {
		if i%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		k := key{f.Family, f.Target, f.Status, f.Severity}
		j, ok := idx[k]
		if !ok {
			o, met := seen[tk{f.Family, f.Target}]
			if !met {
				o = len(seen)
				seen[tk{f.Family, f.Target}] = o
			}
			j = len(out)
			idx[k] = j
			out = append(out, findingCount{family: f.Family, target: f.Target, status: f.Status, severity: f.Severity, order: o})
		}
		out[j].n++
	}
	rank := map[check.Status]int{}
	for i, s := range check.Statuses {
		rank[s] = i
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.order != y.order {
			return x.order < y.order
		}
		if x.status != y.status {
			return rank[x.status] < rank[y.status]
		}
		return x.severity > y.severity
	})
	return out, nil
}
