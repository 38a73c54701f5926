package store

import (
	"encoding/json"
	"sort"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// MaxEvidence bounds the JSON evidence the history keeps per finding: the
// history is for trends and diffs, and a hostile target can make evidence
// huge (cookie lists, headers). The report file keeps everything.
const MaxEvidence = 4 << 10

// CutKey marks evidence the history shortened: its value tells the original
// size and the keys left out.
const CutKey = "history_cut"

// MaxReport bounds the report the history keeps per scan: past it (tens of
// thousands of findings), findings are kept without evidence. A variable so
// that a test need not build a report that big.
var MaxReport = 32 << 20

// keptReport is the JSON of r as the history keeps it.
func keptReport(r report.Report) ([]byte, error) {
	r.Findings = capEvidence(r.Findings) // r is a copy: the caller's slice is not written
	blob, err := json.Marshal(r)
	if err != nil || len(blob) <= MaxReport {
		return blob, err
	}
	bare := make([]check.Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.Evidence = nil
		bare[i] = f
	}
	r.Findings = bare
	return json.Marshal(r)
}

// capEvidence returns findings with every evidence over MaxEvidence
// shortened: whole entries kept in key order while they fit, the others
// named under CutKey. The caller's findings are not changed.
func capEvidence(fs []check.Finding) []check.Finding {
	out := fs
	copied := false
	for i, f := range fs {
		if len(f.Evidence) == 0 {
			continue
		}
		b, err := json.Marshal(f.Evidence)
		if err == nil && len(b) <= MaxEvidence {
			continue
		}
		if !copied {
			out, copied = append([]check.Finding(nil), fs...), true
		}
		out[i].Evidence = shorten(f.Evidence, len(b))
	}
	return out
}

func shorten(ev map[string]any, size int) map[string]any {
	keys := make([]string, 0, len(ev))
	for k := range ev {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	kept := map[string]any{}
	var dropped []string
	budget := MaxEvidence - 256 // room for the marker itself
	for _, k := range keys {
		b, err := json.Marshal(ev[k])
		if n := len(b) + len(k) + 4; err == nil && n <= budget {
			kept[k], budget = ev[k], budget-n
			continue
		}
		dropped = append(dropped, k)
	}
	marker := map[string]any{"bytes": size, "dropped": dropped}
	if len(dropped) > 8 { // the names themselves must stay small
		marker["dropped"] = append(dropped[:8:8], "…")
	}
	kept[CutKey] = marker
	return kept
}
