package shard

import (
	"crypto/sha256"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// Merge combines the reports of the shards of one scan into the report a
// single run would have written: the same targets, findings and scores.
//
// Shards lose the plan order, so the merged order is the family order of a
// single run (check.Families) and then the normalised target name; within a
// target, findings keep the order their shard wrote them in (the catalogue's).
// Scores are computed again from the merged findings. The merged report
// starts at the earliest start, finishes at the latest finish, is
// interrupted if any shard was, and has a scan ID derived from the shards'
// IDs, so merging the same reports twice gives the same report. Changes are
// left out: they compare a whole scan with the previous one, which is the
// history's work on the merged report.
//
// Merge refuses reports of another schema or tool version, one report given
// twice, shards that overlap (one target in two reports), and a set of
// shards that is not every share of one split scan (see complete).
func Merge(reports []report.Report) (report.Report, error) {
	names := make([]string, len(reports))
	for i := range reports {
		names[i] = fmt.Sprintf("#%d", i+1)
	}
	return merge(reports, names)
}

type targetKey struct {
	family check.Family
	name   string // normalised
}

type keyedTarget struct {
	key targetKey
	t   report.Target
}

// merge is Merge with a name for each report (its file) to put in errors.
func merge(reports []report.Report, names []string) (report.Report, error) {
	out, meta, err := mergeHeads(reports, names)
	if err != nil {
		return report.Report{}, err
	}
	byTarget := map[targetKey][]check.Finding{}
	for _, r := range reports {
		last := targetKey{}
		for j, f := range r.Findings {
			// A target's findings are consecutive: normalise each target once.
			if j == 0 || f.Target != r.Findings[j-1].Target || f.Family != last.family {
				last = targetKey{f.Family, check.NormalizeTarget(f.Target)}
			}
			byTarget[last] = append(byTarget[last], f)
		}
	}
	out.Findings = mergedFindings(byTarget)
	out.Checks = mergedChecks(slices.Values(out.Findings), meta)
	out.Scores = score.Compute(out.Findings, lookupIn(meta))
	return out, nil
}

func lookupIn(meta map[string]check.Meta) score.Lookup {
	return func(id string) (check.Meta, bool) { m, ok := meta[id]; return m, ok }
}

// mergeHeads merges all but the findings: targets (refusing overlaps), the
// checks' metadata, times, the ID.
func mergeHeads(reports []report.Report, names []string) (report.Report, map[string]check.Meta, error) {
	if len(reports) == 0 {
		return report.Report{}, nil, errorf("nothing to merge: no shard report given", "rien à fusionner : aucun rapport de part fourni")
	}
	if len(reports) > MaxCount {
		return report.Report{}, nil, errorf("%d reports to merge: at most %d shards", "%d rapports à fusionner : %d parts au plus", len(reports), MaxCount)
	}
	if err := compatible(reports, names); err != nil {
		return report.Report{}, nil, err
	}
	if err := complete(reports, names); err != nil {
		return report.Report{}, nil, err
	}
	first := reports[0]
	out := report.Report{SchemaVersion: first.SchemaVersion, Tool: first.Tool, StartedAt: first.StartedAt, FinishedAt: first.FinishedAt}
	owner := map[targetKey]int{}
	var keyed []keyedTarget // normalised once: url.Parse in the sort took most of a merge
	meta := map[string]check.Meta{}
	ids := make([]string, 0, len(reports))
	for i, r := range reports {
		for _, t := range r.Targets {
			k := targetKey{t.Family, check.NormalizeTarget(t.Name)}
			if j, seen := owner[k]; seen && j != i {
				return report.Report{}, nil, errorf("target %s (%s) is in report %s and in report %s: the shards overlap (pods run with different --shard counts, or one scan given twice)",
					"la cible %s (%s) est dans le rapport %s et dans le rapport %s : les parts se recouvrent (pods lancés avec des --shard différents, ou un même scan donné deux fois)",
					t.Name, t.Family, names[j], names[i])
			}
			owner[k] = i
			keyed = append(keyed, keyedTarget{k, t})
		}
		for _, m := range r.Checks {
			if _, dup := meta[m.ID]; !dup {
				meta[m.ID] = m
			}
		}
		out.Interrupted = out.Interrupted || r.Interrupted
		if !r.StartedAt.IsZero() && (out.StartedAt.IsZero() || r.StartedAt.Before(out.StartedAt)) {
			out.StartedAt = r.StartedAt
		}
		if r.FinishedAt.After(out.FinishedAt) {
			out.FinishedAt = r.FinishedAt
		}
		ids = append(ids, r.ScanID)
	}
	slices.SortStableFunc(keyed, func(a, b keyedTarget) int {
		if c := compareKeys(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.t.Name, b.t.Name)
	})
	out.Targets = make([]report.Target, len(keyed))
	for i, k := range keyed {
		out.Targets[i] = k.t
	}
	out.ScanID = mergedID(ids)
	return out, meta, nil
}

// compatible refuses what cannot come from the shards of one scan.
func compatible(reports []report.Report, names []string) error {
	first := reports[0]
	byID := map[string]int{}
	for i, r := range reports {
		if r.SchemaVersion != report.SchemaVersion {
			return errorf("report %s has schema version %d; this vigie merges version %d",
				"le rapport %s a la version de schéma %d ; ce vigie fusionne la version %d", names[i], r.SchemaVersion, report.SchemaVersion)
		}
		if r.Tool != first.Tool {
			return errorf("report %s was written by %s %s and report %s by %s %s: run every shard with the same vigie",
				"le rapport %s a été écrit par %s %s et le rapport %s par %s %s : lancez toutes les parts avec le même vigie",
				names[0], first.Tool.Name, first.Tool.Version, names[i], r.Tool.Name, r.Tool.Version)
		}
		if j, dup := byID[r.ScanID]; dup && r.ScanID != "" {
			return errorf("reports %s and %s are the same scan %s (one file given twice?)",
				"les rapports %s et %s sont le même scan %s (un fichier donné deux fois ?)", names[j], names[i], r.ScanID)
		}
		byID[r.ScanID] = i
	}
	return nil
}

// mergedFindings lays the findings out target by target, in merged order.
func mergedFindings(byTarget map[targetKey][]check.Finding) []check.Finding {
	keys := make([]targetKey, 0, len(byTarget))
	total := 0
	for k, fs := range byTarget {
		keys = append(keys, k)
		total += len(fs)
	}
	slices.SortFunc(keys, compareKeys)
	out := make([]check.Finding, 0, total)
	for _, k := range keys {
		out = append(out, byTarget[k]...)
		delete(byTarget, k) // one copy of the findings at a time
	}
	return out
}

// mergedChecks lists each check once: in the order the merged findings
// first name them, then checks that judged nothing, by family and ID.
func mergedChecks(findings iter.Seq[check.Finding], meta map[string]check.Meta) []check.Meta {
	out := make([]check.Meta, 0, len(meta))
	listed := map[string]bool{}
	for f := range findings {
		if m, ok := meta[f.CheckID]; ok && !listed[f.CheckID] {
			listed[f.CheckID] = true
			out = append(out, m)
		}
	}
	var rest []check.Meta
	for id, m := range meta {
		if !listed[id] {
			rest = append(rest, m)
		}
	}
	slices.SortFunc(rest, func(a, b check.Meta) int {
		if c := familyRank(a.Family) - familyRank(b.Family); c != 0 {
			return c
		}
		return strings.Compare(string(a.Family)+"\x00"+a.ID, string(b.Family)+"\x00"+b.ID)
	})
	return append(out, rest...)
}

// compareKeys orders targets by family (a single run's order), then by
// normalised name.
func compareKeys(a, b targetKey) int {
	if c := familyRank(a.family) - familyRank(b.family); c != 0 {
		return c
	}
	if c := strings.Compare(string(a.family), string(b.family)); c != 0 {
		return c
	}
	return strings.Compare(a.name, b.name)
}

// familyRank puts known families in display order and any other after them.
func familyRank(f check.Family) int {
	if i := slices.Index(check.Families, f); i >= 0 {
		return i
	}
	return len(check.Families)
}

// mergedID derives the merged scan's ID from its shards' IDs (in any order),
// laid out like the engine's IDs, with version 8 (RFC 9562: custom).
func mergedID(ids []string) string {
	sorted := slices.Clone(ids)
	slices.Sort(sorted)
	b := sha256.Sum256([]byte("vigie merge\x00" + strings.Join(sorted, "\x00")))
	b[6] = b[6]&0x0f | 0x80
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
