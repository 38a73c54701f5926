package shard

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/report"
)

// MaxReportBytes bounds one shard report read by ReadFile: five times the
// 208 MB JSON report of 10,000 targets.
const MaxReportBytes = 1 << 30

// ReadFile reads a JSON report written by vigie scan -f json.
func ReadFile(path string) (report.Report, error) {
	// fileread: a FIFO with no writer (a <(…) that never started) must not
	// hang the merge; a folder, a socket or a device is refused.
	f, err := fileread.Open(path)
	if err != nil {
		if st, serr := os.Stat(path); serr == nil && st.IsDir() {
			return report.Report{}, errorf("%s is a folder, not a JSON report", "%s est un dossier, pas un rapport JSON", path)
		}
		return report.Report{}, errorf("%s: cannot open the report: %v", "%s : impossible d'ouvrir le rapport : %v", path, err)
	}
	defer f.Close()
	lr := &io.LimitedReader{R: f, N: MaxReportBytes + 1}
	dec := json.NewDecoder(lr)
	var r report.Report
	if err := dec.Decode(&r); err != nil {
		if lr.N <= 0 {
			return report.Report{}, errorf("%s: larger than %d MiB, not a shard report", "%s : plus de %d Mio, ce n'est pas un rapport de part", path, MaxReportBytes>>20)
		}
		return report.Report{}, errorf("%s: not a vigie JSON report (vigie scan -f json): %v", "%s : ce n'est pas un rapport JSON de vigie (vigie scan -f json ; le lecteur JSON dit « %v »)", path, err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return report.Report{}, errorf("%s: something follows the report; one report per file", "%s : le rapport est suivi d'autre chose ; un rapport par fichier", path)
	}
	if r.SchemaVersion == 0 || r.Tool.Name == "" {
		return report.Report{}, errorf("%s: not a vigie JSON report (no schema_version or tool)", "%s : ce n'est pas un rapport JSON de vigie (ni schema_version ni tool)", path)
	}
	return r, nil
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
