package shard

import (
	"slices"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// MergeFilesTo is MergeFiles for shards of any size: each report is read
// as a stream, each target's findings go to sp as soon as they are read,
// after prep (the session's scrubbing and waivers; nil for none), and the
// merged report reads them from sp in the merged order. What stays in
// memory is the reports' heads (targets, scores) and one target's findings.
func MergeFilesTo(args []string, sp *report.Spool, prep func([]check.Finding) []check.Finding) (report.Report, error) {
	paths, err := Expand(args)
	if err != nil {
		return report.Report{}, err
	}
	runs := map[targetKey][]int{} // a target's runs of findings, as spool units
	var run []check.Finding
	var key targetKey
	unit := 0
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		fs := run
		if prep != nil {
			fs = prep(fs)
		}
		if err := sp.Put(unit, fs); err != nil {
			return err
		}
		runs[key] = append(runs[key], unit)
		unit, run = unit+1, run[:0]
		return nil
	}
	heads := make([]report.Report, 0, len(paths))
	for _, p := range paths {
		h, _, err := readStream(p, func(f check.Finding) error {
			if len(run) == 0 || f.Target != run[0].Target || f.Family != run[0].Family {
				if err := flush(); err != nil {
					return err
				}
				key = targetKey{f.Family, check.NormalizeTarget(f.Target)}
			}
			run = append(run, f)
			return nil
		})
		if err == nil {
			err = flush()
		}
		if err != nil {
			return report.Report{}, err
		}
		heads = append(heads, h)
	}
	out, meta, err := mergeHeads(heads, paths)
	if err != nil {
		return report.Report{}, err
	}
	keys := make([]targetKey, 0, len(runs))
	for k := range runs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareKeys)
	order := make([]int, 0, unit)
	for _, k := range keys {
		order = append(order, runs[k]...)
	}
	sp.Order(order)
	out = out.WithSpool(sp)
	out.Checks = mergedChecks(out.Verdicts(), meta)
	out.Scores = scoreStream(out, lookupIn(meta), len(keys))
	return out, out.Err()
}

// scoreStream is score.Compute over the report's findings as they are
// read back, a target (a run of its findings) at a time.
func scoreStream(r report.Report, meta score.Lookup, targets int) score.Summary {
	t := score.NewTally(meta, targets)
	var group []check.Finding
	n := 0
	for f := range r.All() {
		if len(group) > 0 && (f.Target != group[0].Target || f.Family != group[0].Family) {
			t.Add(n, group)
			n, group = n+1, nil
		}
		group = append(group, f)
	}
	if len(group) > 0 {
		t.Add(n, group)
	}
	return t.Summary(r.All())
}
