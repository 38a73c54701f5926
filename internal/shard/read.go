package shard

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/report"
)

// MaxReportBytes bounds one shard report read by ReadFile: five times the
// 208 MB JSON report of 10,000 targets.
const MaxReportBytes = 1 << 30

// ReadFile reads a JSON report written by vigie scan -f json.
func ReadFile(path string) (report.Report, error) {
	var fs []check.Finding
	r, array, err := readStream(path, func(f check.Finding) error { fs = append(fs, f); return nil })
	if err != nil {
		return report.Report{}, err
	}
	if array && fs == nil {
		fs = []check.Finding{}
	}
	r.Findings = fs
	return r, nil
}

// readStream reads a JSON report, giving each finding to each as it is
// decoded, one at a time: a shard's findings are never all in memory. It
// returns the rest of the report, and whether findings was an array.
func readStream(path string, each func(check.Finding) error) (_ report.Report, array bool, _ error) {
	// fileread: a FIFO with no writer (a <(…) that never started) must not
	// hang the merge; a folder, a socket or a device is refused.
	f, err := fileread.Open(path)
	if err != nil {
		if st, serr := os.Stat(path); serr == nil && st.IsDir() {
			return report.Report{}, false, errorf("%s is a folder, not a JSON report", "%s est un dossier, pas un rapport JSON", path)
		}
		return report.Report{}, false, errorf("%s: cannot open the report: %v", "%s : impossible d'ouvrir le rapport : %v", path, err)
	}
	defer f.Close()
	lr := &io.LimitedReader{R: f, N: MaxReportBytes + 1}
	dec := json.NewDecoder(bufio.NewReaderSize(lr, 64<<10))
	bad := func(err error) error {
		if lr.N <= 0 {
			return errorf("%s: larger than %d MiB, not a shard report", "%s : plus de %d Mio, ce n'est pas un rapport de part", path, MaxReportBytes>>20)
		}
		var stop *eachError
		if errors.As(err, &stop) {
			return stop.err
		}
		return errorf("%s: not a vigie JSON report (vigie scan -f json): %v", "%s : ce n'est pas un rapport JSON de vigie (vigie scan -f json ; le lecteur JSON dit « %v »)", path, err)
	}
	head, array, err := decodeReport(dec, each)
	if err != nil {
		return report.Report{}, false, bad(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return report.Report{}, false, errorf("%s: something follows the report; one report per file", "%s : le rapport est suivi d'autre chose ; un rapport par fichier", path)
	}
	var r report.Report
	if err := json.Unmarshal(head, &r); err != nil {
		return report.Report{}, false, bad(err)
	}
	if r.SchemaVersion == 0 || r.Tool.Name == "" {
		return report.Report{}, false, errorf("%s: not a vigie JSON report (no schema_version or tool)", "%s : ce n'est pas un rapport JSON de vigie (ni schema_version ni tool)", path)
	}
	return r, array, nil
}

// eachError carries the callback's own error through the decoding.
type eachError struct{ err error }

func (e *eachError) Error() string { return e.err.Error() }

// decodeReport reads one JSON object: its "findings" element by element
// into each, every other member kept as it is written (the head, with
// scores and targets: about 1 KB a target).
func decodeReport(dec *json.Decoder, each func(check.Finding) error) (head []byte, array bool, err error) {
	if t, err := dec.Token(); err != nil {
		return nil, false, err
	} else if t != json.Delim('{') {
		return nil, false, errors.New("not a JSON object") // not shown: quoted inside a bilingual error
	}
	members := map[string]json.RawMessage{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, false, err
		}
		key, _ := t.(string)
		if key != "findings" {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, false, err
			}
			members[key] = raw
			continue
		}
		if t, err = dec.Token(); err != nil {
			return nil, false, err
		}
		if t == nil { // "findings": null
			continue
		}
		if t != json.Delim('[') {
			return nil, false, errors.New("findings is not a list") // not shown: quoted inside a bilingual error
		}
		array = true
		for dec.More() {
			var f check.Finding
			if err := dec.Decode(&f); err != nil {
				return nil, false, err
			}
			if err := each(f); err != nil {
				return nil, false, &eachError{err}
			}
		}
		if _, err := dec.Token(); err != nil { // ]
			return nil, false, err
		}
	}
	if _, err := dec.Token(); err != nil { // }
		return nil, false, err
	}
	head, err = json.Marshal(members)
	return head, array, err
}

// Expand turns merge arguments into report files: a file as is, a folder as
// its *.json, a pattern (shard-*.json) as its matches when no file has that
// very name, so a Job without a shell to expand it still works.
func Expand(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		switch {
		case err == nil && st.IsDir():
			m, _ := filepath.Glob(filepath.Join(a, "*.json"))
			if len(m) == 0 {
				return nil, errorf("%s: no *.json report in this folder", "%s : aucun rapport *.json dans ce dossier", a)
			}
			out = append(out, m...)
		case err == nil:
			out = append(out, a)
		case strings.ContainsAny(a, "*?["):
			m, gerr := filepath.Glob(a)
			if gerr != nil || len(m) == 0 {
				return nil, errorf("%s: no report matches", "%s : aucun rapport ne correspond", a)
			}
			out = append(out, m...)
		default:
			return nil, errorf("%s: no such report", "%s : rapport introuvable", a)
		}
		if len(out) > MaxCount {
			return nil, errorf("more than %d reports to merge", "plus de %d rapports à fusionner", MaxCount)
		}
	}
	return out, nil
}

// MergeFiles expands args (see Expand), reads each report and merges them;
// every error names the file.
func MergeFiles(args []string) (report.Report, error) {
	paths, err := Expand(args)
	if err != nil {
		return report.Report{}, err
	}
	reports := make([]report.Report, 0, len(paths))
	for _, p := range paths {
		r, err := ReadFile(p)
		if err != nil {
			return report.Report{}, err
		}
		reports = append(reports, r)
	}
	return merge(reports, paths)
}
