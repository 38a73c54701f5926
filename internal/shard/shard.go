// Package shard splits a scan plan across the pods of a Kubernetes Indexed
// Job (vigie scan --shard I/N) and merges their reports back into the one
// report a single run would have written (vigie merge).
//
// The split is a stable hash: a unit goes to shard
// uint64(first 8 bytes, big-endian, of SHA-256(key)) mod N, where key is
// Key(family, target). SHA-256 is fixed by its standard, so the share of a
// pod is the same on every machine, Go version and retry.
package shard

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
)

// MaxCount is the most shards a scan may be split into: far more pods than
// any Job runs, small enough to catch a typo such as 3/80000.
const MaxCount = 10000

// Shard is one share of a scan: Index in [0, Count). The zero value keeps
// everything (an unsharded scan).
type Shard struct {
	Index int
	Count int
}

// String is the I/N form Parse reads.
func (s Shard) String() string { return strconv.Itoa(s.Index) + "/" + strconv.Itoa(s.Count) }

// Error is a problem a person reads, in every language.
type Error struct{ Text check.Text }

func (e *Error) Error() string          { return e.Text.EN }
func (e *Error) In(l check.Lang) string { return e.Text.In(l) }

func errorf(en, fr string, args ...any) error { return &Error{check.Textf(en, fr, args...)} }

// Parse reads I/N, as written by hand or by the shell expanding
// $JOB_COMPLETION_INDEX/N: 0 ≤ I < N ≤ MaxCount, decimal digits only.
func Parse(s string) (Shard, error) {
	raw := strings.TrimSpace(s)
	if strings.Contains(raw, "JOB_COMPLETION_INDEX") || strings.HasPrefix(raw, "$") {
		// Kubernetes expands $(VAR) in args, a shell expands $VAR; neither happened.
		return Shard{}, errorf("--shard %q: the variable was not expanded; in a Job, write $(JOB_COMPLETION_INDEX)/N in args, or run through a shell",
			"--shard %q : la variable n'a pas été remplacée ; dans un Job, écrivez $(JOB_COMPLETION_INDEX)/N dans args, ou passez par un shell", raw)
	}
	i, n, ok := strings.Cut(raw, "/")
	if !ok {
		return Shard{}, errorf("--shard %q: want INDEX/COUNT, for example 0/4", "--shard %q : forme attendue INDEX/NOMBRE, par exemple 0/4", raw)
	}
	index, err := number(i)
	if err != nil {
		return Shard{}, errorf("--shard %q: the index %q is not a whole number", "--shard %q : l'indice %q n'est pas un nombre entier", raw, i)
	}
	count, err := number(n)
	if err != nil {
		return Shard{}, errorf("--shard %q: the count %q is not a whole number", "--shard %q : le nombre %q n'est pas un nombre entier", raw, n)
	}
	if count < 1 || count > MaxCount {
		return Shard{}, errorf("--shard %q: the count must be from 1 to %d, got %d", "--shard %q : le nombre de parts doit aller de 1 à %d, reçu %d", raw, MaxCount, count)
	}
	if index >= count {
		return Shard{}, errorf("--shard %q: the index must be from 0 to %d (indices start at 0), got %d",
			"--shard %q : l'indice doit aller de 0 à %d (les indices commencent à 0), reçu %d", raw, count-1, index)
	}
	return Shard{Index: index, Count: count}, nil
}

// number accepts 1 to 5 decimal digits, nothing else (no sign, no space).
func number(s string) (int, error) {
	if s == "" || len(s) > 5 || strings.Trim(s, "0123456789") != "" {
		return 0, strconv.ErrSyntax
	}
	return strconv.Atoi(s)
}

// Share is what a shard's report records of it (nil for the zero Shard, an
// unsharded scan), so that the merge can tell when a share is missing and
// when shards come from different runs: plan is Fingerprint's, run the
// --run given (may be empty).
func (s Shard) Share(plan, run string) *report.Share {
	if s.Count == 0 {
		return nil
	}
	return &report.Share{Index: s.Index, Count: s.Count, Plan: plan, Run: run}
}

// Fingerprint is what Share records as Plan: a hash of every unit's key
// and check IDs, in no particular order, before the split. Pods that read
// the same configuration and targets agree on it; a target added, a
// contract dropped into the folder or a check turned off between two pods'
// starts makes them differ, and the merge refuses what would be a split of
// two scans (a target in no shard, or in two).
func Fingerprint(units []engine.Unit) string {
	lines := make([]string, len(units))
	for i, u := range units {
		ids := make([]string, len(u.Checks))
		for j, c := range u.Checks {
			ids[j] = c.Meta().ID
		}
		slices.Sort(ids)
		lines[i] = Key(u.Family, u.Target) + "\x00" + strings.Join(ids, ",")
	}
	slices.Sort(lines)
	h := sha256.New()
	for _, l := range lines {
		h.Write([]byte(l))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// maxRun bounds --run: a CI pipeline or Job ID, not a document.
const maxRun = 128

// ParseRun checks a --run value: printable, at most maxRun bytes, and not
// a variable left unexpanded.
func ParseRun(s string) (string, error) {
	run := strings.TrimSpace(s)
	switch {
	case run == "":
		return "", errorf("--run is empty: give the run's ID, the same on every pod (a CI pipeline ID, the Job's uid)",
			"--run est vide : donnez l'identifiant de l'exécution, le même sur chaque pod (l'identifiant du pipeline, l'uid du Job)")
	case strings.HasPrefix(run, "$"):
		return "", errorf("--run %q: the variable was not expanded; in a Job, write $(VAR) in args with VAR in the container's env, or run through a shell",
			"--run %q : la variable n'a pas été remplacée ; dans un Job, écrivez $(VAR) dans args avec VAR dans l'env du conteneur, ou passez par un shell", run)
	case len(run) > maxRun:
		return "", errorf("--run: %d bytes, at most %d (a run ID)", "--run : %d octets, %d au plus (un identifiant d'exécution)", len(run), maxRun)
	case strings.IndexFunc(run, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0:
		return "", errorf("--run %q: only printable characters", "--run %q : caractères imprimables seulement", run)
	}
	return run, nil
}

// Key is what a unit is split by: its family and its normalised target, so
// a URL written two ways is one key, and a policy file or an inventory (keyed
// by family and path) lands in exactly one shard like any site.
func Key(family check.Family, target string) string {
	return string(family) + "\x00" + check.NormalizeTarget(target)
}

// Keep reports whether the unit with this key (see Key) is in the shard.
func (s Shard) Keep(key string) bool {
	if s.Count <= 1 {
		return true
	}
	sum := sha256.Sum256([]byte(key))
	return binary.BigEndian.Uint64(sum[:8])%uint64(s.Count) == uint64(s.Index)
}

// Filter returns the units of the plan in the shard, in plan order.
// It may return none: a shard with no share still writes an (empty) report.
func (s Shard) Filter(units []engine.Unit) []engine.Unit {
	out := make([]engine.Unit, 0, len(units)/max(1, s.Count)+1)
	for _, u := range units {
		if s.Keep(Key(u.Family, u.Target)) {
			out = append(out, u)
		}
	}
	return out
}

// EmptyReport is the report of a shard with no share (more shards than
// units): the engine refuses an empty plan, but the merge needs every shard.
func EmptyReport(version, scanID string, at time.Time) report.Report {
	return report.Report{SchemaVersion: report.SchemaVersion, ScanID: scanID, Tool: report.Tool{Name: "vigie", Version: version},
		StartedAt: at, FinishedAt: at, Targets: []report.Target{}, Findings: []check.Finding{}, Checks: []check.Meta{}}
}
