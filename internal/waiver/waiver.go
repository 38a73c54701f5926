// Package waiver reads a waiver file and applies it to a report: findings a
// person accepted, with a reason and an end date, become WAIVED and leave
// the score; expired waivers are reported, never applied.
package waiver

import (
	"fmt"
	"path"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// MaxSize bounds a waiver file.
const MaxSize = 1 << 20

// File is a waiver file.
type File struct {
	Waivers []Entry `yaml:"waivers"`
}

// Entry waives one check on matching targets until a date.
type Entry struct {
	Check     string `yaml:"check"`     // check ID, e.g. WEB-HSTS-001
	Target    string `yaml:"target"`    // exact target, or a glob (path.Match); empty = every target
	Statement string `yaml:"statement"` // why the risk is accepted; required
	Expires   string `yaml:"expires"`   // YYYY-MM-DD, required; the waiver ends at the start of that day (UTC)
	Line      int    `yaml:"-"`
	until     time.Time
}

// UnmarshalYAML keeps the entry's line for messages.
func (e *Entry) UnmarshalYAML(n *yaml.Node) error {
	type plain Entry
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*e = Entry(p)
	e.Line = n.Line
	return nil
}

// Load reads and validates a waiver file.
func Load(file string, known func(id string) bool) (File, error) {
	data, err := read(file)
	if err != nil {
		return File{}, err
	}
	return Parse(file, data, known)
}

// Parse validates a waiver file held in memory.
func Parse(name string, data []byte, known func(id string) bool) (File, error) {
	var w File
	if err := config.DecodeStrict(name, data, &w); err != nil {
		return File{}, err
	}
	var errs config.Errors // every problem of the file at once, as for vigie.yaml
	for i := range w.Waivers {
		e := &w.Waivers[i]
		bad := func(en, fr string, args ...any) {
			errs = append(errs, check.Prefixed{Prefix: fmt.Sprintf("%s:%d: waivers[%d]: ", name, e.Line, i), Err: check.Errorf(en, fr, args...)})
		}
		switch {
		case e.Check == "":
			bad("check is required", "check est obligatoire")
		case known != nil && !known(e.Check):
			bad("unknown check %q (see vigie checks)", "check %q inconnu (voir vigie checks)", e.Check)
		}
		if strings.TrimSpace(e.Statement) == "" {
			bad("statement is required: say why the risk is accepted",
				"statement est obligatoire : la justification dit pourquoi le risque est accepté")
		}
		if e.Expires == "" {
			bad("expires is required (YYYY-MM-DD): a waiver never lasts for ever",
				"expires est obligatoire (AAAA-MM-JJ) : une dérogation ne dure jamais indéfiniment")
		} else if d, err := time.Parse(time.DateOnly, e.Expires); err != nil {
			bad("expires %q is not a date (YYYY-MM-DD)", "expires %q n'est pas une date (AAAA-MM-JJ)", e.Expires)
		} else {
			e.until = d
		}
		if _, err := path.Match(e.Target, ""); err != nil {
			bad("target %q is not a valid pattern", "target %q n'est pas un motif valide", e.Target)
		}
	}
	if len(errs) > 0 {
		return File{}, errs
	}
	return w, nil
}

func (e Entry) matches(f check.Finding) bool {
	if e.Check != f.CheckID {
		return false
	}
	if e.Target == "" || e.Target == f.Target {
		return true
	}
	// A target is not a file path: "https://intranet.*" must match
	// https://intranet.example.fr/app, so * runs over slashes too (path.Match
	// stops it at the first one).
	ok, _ := path.Match(strings.ReplaceAll(e.Target, "/", overSlash), strings.ReplaceAll(f.Target, "/", overSlash))
	return ok
}

// overSlash stands for / while a target is matched (a private-use rune).
const overSlash = "\uE000"

// Expired is a waiver that no longer applies.
type Expired struct {
	Check   string `json:"check"`
	Target  string `json:"target"`
	Expires string `json:"expires"`
	Line    int    `json:"line"`
}

// Apply returns a copy of rep where failing findings matched by a live
// waiver are WAIVED (passes stay passes), with scores recomputed. It also
// returns the waivers that have expired.
func Apply(rep report.Report, w File, source string, now time.Time) (report.Report, []Expired) {
	// Findings kept on disk were waived on their way in; waiving them again
	// needs them here, in a copy: the caller's are not written.
	out := rep.InMemory()
	out.Findings = append(make([]check.Finding, 0, len(out.Findings)), out.Findings...)
	live, expired := w.At(now)
	live.Waive(out.Findings, source)
	out.Scores = score.Compute(out.Findings, out.Meta)
	return out, expired
}

// Live is the waivers of a file that still apply.
type Live []Entry

// At splits the file's waivers into those that apply at now and those
// that have expired.
func (w File) At(now time.Time) (Live, []Expired) {
	var expired []Expired
	live := make(Live, 0, len(w.Waivers))
	for _, e := range w.Waivers {
		if !now.Before(e.until) {
			expired = append(expired, Expired{Check: e.Check, Target: e.Target, Expires: e.Expires, Line: e.Line})
			continue
		}
		live = append(live, e)
	}
	return live, expired
}

// Waive marks, in place, the failing findings a live waiver matches as
// WAIVED: a scan that keeps its findings on disk waives each unit's as it
// ends. source names the waiver file.
func (live Live) Waive(fs []check.Finding, source string) {
	for i, f := range fs {
		// A finding waived already (a shard's, merged) keeps its waiver and
		// the status it had.
		if f.Status == check.Pass || f.Status == check.Skipped || f.Status == check.Waived {
			continue
		}
		for _, e := range live {
			if e.matches(f) {
				f.Waiver = &check.Waiver{Statement: e.Statement, Expires: e.until, Source: fmt.Sprintf("%s:%d", source, e.Line), Was: f.Status}
				f.Status = check.Waived
				fs[i] = f
				break
			}
		}
	}
}
