package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"iter"
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

// keptReport is the JSON of r as the history keeps it: each finding's
// evidence cut to MaxEvidence; past MaxReport, findings without evidence;
// past it again (about 100,000 findings), none: the findings table still
// has every verdict, and Load reads them from there; past it with no
// findings, no targets either. Findings
// are encoded one at a time as the report yields them, and the encoding
// stops at MaxReport, so a scan of any size costs at most that.
func keptReport(r report.Report) ([]byte, error) {
	head := r
	head.Findings = nil
	h, err := json.Marshal(head)
	if err != nil {
		return nil, err
	}
	// The first "findings" key is the report's own: the fields before it
	// (IDs, times, targets) hold it only inside escaped strings.
	slot := []byte(`"findings":null`)
	at := bytes.Index(h, slot)
	if at < 0 {
		return nil, errors.New("history: no place for the findings in the encoded report") // not shown: cannot happen (vigie's own encoding)
	}
	at += len(slot) - len("null")
	for _, tier := range []struct {
		fs   iter.Seq[check.Finding]
		keep func(check.Finding) check.Finding
	}{{r.All(), withCappedEvidence}, {r.Verdicts(), withoutEvidence}} {
		blob, ok, err := withFindings(h[:at], h[at+len("null"):], r, tier.fs, tier.keep)
		if err != nil || ok {
			return blob, err
		}
	}
	if err := r.Err(); err != nil || len(h) <= MaxReport {
		return h, err
	}
	// Even the targets and their scores pass MaxReport (a scan of some
	// 30,000 targets): the scan's own scores and metadata are kept, and Load
	// rebuilds the targets from the findings table.
	head.Targets, head.Scores.Targets = nil, nil
	if head.Changes != nil {
		c := *head.Changes
		c.New, c.Fixed = nil, nil
		head.Changes = &c
	}
	return json.Marshal(head)
}

// withFindings is the report's JSON with its findings, each as keep has
// it; false when that passes MaxReport.
func withFindings(before, after []byte, r report.Report, fs iter.Seq[check.Finding], keep func(check.Finding) check.Finding) ([]byte, bool, error) {
	blob := append(append(make([]byte, 0, len(before)+len(after)+64<<10), before...), '[')
	n := 0
	for f := range fs {
		b, err := json.Marshal(keep(f))
		if err != nil {
			if b, err = json.Marshal(report.WithoutBadEvidence(keep(f), err)); err != nil {
				return nil, false, err
			}
		}
		if len(blob)+len(b)+len(after)+2 > MaxReport {
			return nil, false, r.Err()
		}
		if n > 0 {
			blob = append(blob, ',')
		}
		blob, n = append(blob, b...), n+1
	}
	if err := r.Err(); err != nil {
		return nil, false, err
	}
	return append(append(blob, ']'), after...), true, nil
}

func withCappedEvidence(f check.Finding) check.Finding {
	if len(f.Evidence) == 0 {
		return f
	}
	if b, err := json.Marshal(f.Evidence); err != nil || len(b) > MaxEvidence {
		f.Evidence = shorten(f.Evidence, len(b))
	}
	return f
}

func withoutEvidence(f check.Finding) check.Finding {
	f.Evidence = nil
	return f
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
