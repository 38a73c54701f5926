package shard

import (
	"strconv"
	"strings"

	"github.com/vigie-security/vigie/internal/report"
)

// maxListed bounds how many missing shares an error names.
const maxListed = 10

// complete refuses a set of shard reports that is not every share of one
// split scan: a pod that failed for good would otherwise make its targets
// vanish from the merged report, its scores and its thresholds, and the
// history would record them as no longer checked. Reports that record no
// share (a whole scan, or an older vigie) merge as before, but not mixed
// with shards: the set could not be judged complete.
func complete(reports []report.Report, names []string) error {
	first := -1 // the first report that records its share
	plain := -1 // the first that does not
	for i, r := range reports {
		if r.Shard == nil {
			if plain < 0 {
				plain = i
			}
			continue
		}
		if s := *r.Shard; s.Count < 1 || s.Count > MaxCount || s.Index < 0 || s.Index >= s.Count {
			return errorf("report %s records shard %d/%d, which is no share of a scan (0 ≤ index < count ≤ %d)",
				"le rapport %s indique la part %d/%d, qui n'est pas une part d'analyse (0 ≤ indice < nombre ≤ %d)", names[i], s.Index, s.Count, MaxCount)
		}
		if first < 0 {
			first = i
		}
	}
	if first < 0 {
		return nil
	}
	if plain >= 0 {
		return errorf("report %s is shard %s of a split scan, report %s records no shard (a whole scan, or one written by an older vigie): merge the shards of one scan only",
			"le rapport %s est la part %s d'une analyse répartie, le rapport %s n'indique aucune part (une analyse entière, ou écrite par un vigie plus ancien) : ne fusionnez que les parts d'une même analyse",
			names[first], shareOf(reports[first]), names[plain])
	}
	count := reports[first].Shard.Count
	owner := make(map[int]int, count)
	for i, r := range reports {
		if r.Shard.Count != count {
			return errorf("report %s is shard %s and report %s is shard %s: the shards come from scans split differently (every pod must run with the same --shard count)",
				"le rapport %s est la part %s et le rapport %s la part %s : les parts viennent d'analyses réparties différemment (tous les pods doivent avoir le même nombre dans --shard)",
				names[first], shareOf(reports[first]), names[i], shareOf(r))
		}
		if j, dup := owner[r.Shard.Index]; dup {
			return errorf("reports %s and %s are both shard %s (a pod run twice?): give one report for each shard",
				"les rapports %s et %s sont tous deux la part %s (un pod lancé deux fois ?) : donnez un rapport par part",
				names[j], names[i], shareOf(r))
		}
		owner[r.Shard.Index] = i
	}
	if err := oneRun(reports, names, first); err != nil {
		return err
	}
	if len(owner) == count {
		return nil
	}
	var missing []string
	for i := 0; i < count && len(missing) < maxListed; i++ {
		if _, ok := owner[i]; !ok {
			missing = append(missing, strconv.Itoa(i)+"/"+strconv.Itoa(count))
		}
	}
	list := strings.Join(missing, ", ")
	if count-len(owner) > len(missing) {
		list += ", …"
	}
	if count-len(owner) == 1 {
		return errorf("shard %s is missing: the merge would leave out its targets; merge every shard of the scan (run the failed pod again)",
			"la part %s manque : la fusion laisserait de côté ses cibles ; fusionnez toutes les parts de l'analyse (relancez le pod en échec)", list)
	}
	return errorf("%d of the %d shards are missing (%s): the merge would leave out their targets; merge every shard of the scan (run the failed pods again)",
		"%d des %d parts manquent (%s) : la fusion laisserait de côté leurs cibles ; fusionnez toutes les parts de l'analyse (relancez les pods en échec)",
		count-len(owner), count, list)
}

// oneRun refuses shards of different runs: a different plan (the targets,
// contracts or checks changed between them), a different --run, or --run
// given to some pods only. Shards that record no plan (an older vigie)
// are not compared by it.
func oneRun(reports []report.Report, names []string, first int) error {
	ref := reports[first].Shard
	for i, r := range reports {
		s := r.Shard
		if s.Plan != "" && ref.Plan != "" && s.Plan != ref.Plan {
			return errorf("reports %s (shard %s) and %s (shard %s) were split from different scans: the targets, contracts or checks changed between them (plan %s, %s); merge the shards of one run",
				"les rapports %s (part %s) et %s (part %s) viennent de la répartition d'analyses différentes : les cibles, contrats ou contrôles ont changé entre eux (plan %s, %s) ; fusionnez les parts d'une même exécution",
				names[first], shareOf(reports[first]), names[i], shareOf(r), short(ref.Plan), short(s.Plan))
		}
		if s.Run != ref.Run {
			return errorf("reports %s (shard %s) and %s (shard %s) belong to different runs (--run %s, %s): merge the shards of one run",
				"les rapports %s (part %s) et %s (part %s) appartiennent à des exécutions différentes (--run %s, %s) : fusionnez les parts d'une même exécution",
				names[first], shareOf(reports[first]), names[i], shareOf(r), runName(ref.Run), runName(s.Run))
		}
	}
	return nil
}

// short is the start of a plan fingerprint, enough to tell two apart.
func short(plan string) string { return plan[:min(len(plan), 8)] }

// runName shows a run as given, or that none was.
func runName(run string) string {
	if run == "" {
		return "—"
	}
	return strconv.Quote(run)
}

func shareOf(r report.Report) string { return Shard{r.Shard.Index, r.Shard.Count}.String() }
