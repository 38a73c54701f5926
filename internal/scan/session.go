package scan

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/vigie-security/vigie/internal/atomicfile"
	"github.com/vigie-security/vigie/internal/catalog"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/hashaudit"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/shard"
	"github.com/vigie-security/vigie/internal/store"
	"github.com/vigie-security/vigie/internal/waiver"
)

// Session is one scan from plan to delivered report, the same for the CLI,
// the TUI and the demo: collection and evaluation (the engine), then, once,
// waivers → scores → history comparison → writers → history saved →
// thresholds, all on one clock.
type Session struct {
	Plan    Plan
	Now     func() time.Time // the one clock of the scan; time.Now when nil
	Version string

	// WaiverFile holds accepted risks; "" for none. With WaiversMayBeMissing
	// a file not written yet (the TUI's, before its first waiver) is no waiver.
	WaiverFile          string
	WaiversMayBeMissing bool
	// History is the store the scan is compared with and saved to; "" for none.
	History   string
	Retention store.Retention
	Demo      bool // the built-in demo: its scans are kept apart, never compared with real ones
	// Baseline names a stored scan (ID, prefix, last~N, a day): the report's
	// changes, and --fail-on-new, are then since it rather than the last scan.
	Baseline string

	// Thresholds: exit 1 when crossed (a check that could not run counts as failed).
	FailOn    *check.Severity
	FailUnder *int
	FailOnNew bool

	Outputs []Output
	// Inputs are files the caller read for this session (the configuration,
	// a targets file): no output may replace them, nor any file the plan,
	// the waivers or the history name.
	Inputs []Input

	// Spool keeps the findings on disk while the scan runs, so that memory
	// stays flat however many targets: each unit's findings are scrubbed,
	// waived and scored as it ends. They go to SpoolDir when set, else to the
	// system's temporary folder or, where it cannot be written (a container
	// with a read-only root), the folder of an output; with none writable
	// they stay in memory and Result.Notes says so. The TUI, which browses
	// findings, keeps them in memory. The caller closes the Result's report
	// once done with it.
	Spool    bool
	SpoolDir string
	// Delivering, when set, is called as the scan ends and its reports start
	// being written (the CLI then gives a stopped scan's writers more time).
	Delivering func()

	waivers *waiver.File
	expired []waiver.Expired // found when the waivers were applied on the way in
	waiveAt time.Time        // when the scan started: the waivers live then apply
}

// Output is one rendering of the report: to Path atomically (mode 0600,
// regular files only replaced), or to Stdout when Path is empty.
type Output struct {
	Writer report.Writer
	Path   string
	Stdout io.Writer
}

// Result is what a session produced.
type Result struct {
	Report  report.Report // as delivered: waivers applied, scores, changes since the last scan
	Base    report.Report // as the engine made it, before waivers: the TUI re-applies them
	Expired []waiver.Expired
	Crossed []check.Text // thresholds crossed, said in both languages
	Notes   []check.Text // what the person running the scan should know (findings kept in memory)
	// RunErr is the engine's own: the scan was interrupted, or some of it could
	// not run. The report was still delivered.
	RunErr error
}

// Prepare checks, before any long work, everything a scan will need at its
// end: the waiver file reads, every output path and the history can be
// written. A typo in a path must not cost a whole scan.
func (s *Session) Prepare(ctx context.Context) error {
	if err := s.missing(); err != nil {
		return err
	}
	if err := s.Plan.prepare(ctx); err != nil {
		return err
	}
	if err := s.Plan.checkInputs(ctx); err != nil {
		return err
	}
	if err := s.loadWaivers(); err != nil {
		return err
	}
	if err := CheckOutputs(s.Outputs, s.inputs()...); err != nil {
		return err
	}
	if err := checkNotInFolders(s.Outputs, s.Plan.documentFolders()); err != nil {
		return err
	}
	if s.History != "" && s.Plan.Shard.Count == 0 {
		if err := store.Check(ctx, s.History, store.WithRetention(s.Retention)); err != nil {
			return err
		}
	}
	if s.Baseline != "" {
		if s.History == "" {
			return check.Errorf("--baseline names a scan of the history: give --history (or history:) too", "--baseline désigne une analyse de l'historique : indiquez aussi --history (ou history:)")
		}
		st, err := store.Open(ctx, s.History, store.WithRetention(s.Retention))
		if err != nil {
			return err
		}
		defer st.Close()
		if _, err := st.Resolve(ctx, s.Baseline); err != nil {
			return err
		}
	}
	return nil
}

// checkInputs: the files the plan names are there, and a policy file
// parses, so that a typo is exit 2 before the scan rather than an ERROR
// after it. The units read them again when the scan runs, under the
// engine's timeout, cancellation and panic recovery; a policy file is at
// most 1 MB, and every read is bounded (internal/fileread).
func (p Plan) checkInputs(ctx context.Context) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = check.Errorf("reading the scan's inputs: internal error: %v", "lecture des entrées de l'analyse : erreur interne : %v", r)
		}
	}()
	for i, f := range p.Policies {
		if _, err := ReadPolicies(f); err != nil {
			return p.at(fmt.Sprintf("password.policies[%d]", i), err)
		}
	}
	for i, h := range p.Hashes {
		key := fmt.Sprintf("password.hashes[%d]", i)
		if _, err := os.Stat(h.File); errors.Is(err, fs.ErrNotExist) {
			return p.at(key, check.Errorf("%s: no such file", "%s : fichier introuvable", h.File))
		} else if err != nil {
			return p.at(key, err)
		}
		if err := hashaudit.CheckColumn(ctx, h.File, h.Column); err != nil {
			return p.at(key, err)
		}
	}
	return nil
}

func (s *Session) loadWaivers() error {
	s.waivers = nil
	if s.WaiverFile == "" {
		return nil
	}
	w, err := waiver.Load(s.WaiverFile, catalog.Known)
	switch {
	case err == nil:
		s.waivers = &w
	case s.WaiversMayBeMissing && errors.Is(err, fs.ErrNotExist):
	default:
		return err
	}
	return nil
}

func (s *Session) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// Run scans and delivers. The error is for what stops delivery (the scan
// could not start, a writer failed) or, after every output was written, a
// history that could not be saved: a finished scan is never thrown away.
// What Prepare refuses comes back as a *PrepareError, before any unit runs.
func (s *Session) Run(ctx context.Context, emit func(engine.Event)) (Result, error) {
	kept := false // the spool, once the report reads from it
	if err := s.Prepare(ctx); err != nil {
		return Result{}, &PrepareError{Err: err}
	}
	s.waiveAt = s.now()
	opts := []engine.Option{engine.WithVersion(s.Version)}
	sp, notes, err := s.spool()
	if err != nil {
		return Result{}, &PrepareError{Err: err}
	}
	if sp != nil {
		opts = append(opts, engine.WithSpool(sp), engine.WithPrep(s.waiveOnTheWay()))
		defer func() {
			if !kept {
				sp.Close()
			}
		}()
	}
	base, runErr := s.Plan.run(ctx, s.now, emit, opts...)
	if runErr != nil && base.ScanID == "" {
		return Result{Notes: notes}, runErr
	}
	kept = base.Spooled()
	res, err := s.finish(ctx, base, runErr)
	res.Notes = notes
	return res, err
}

// spool is where the findings go when the session keeps them on disk (nil
// otherwise), with a note when no folder could hold them; a SpoolDir asked
// for that cannot is an error.
func (s *Session) spool() (*report.Spool, []check.Text, error) {
	if !s.Spool {
		return nil, nil, nil
	}
	sp, err := s.newSpool()
	switch {
	case err != nil && s.SpoolDir != "":
		return nil, nil, err
	case err != nil:
		return nil, []check.Text{check.Textf("findings kept in memory, as no folder could hold them (%v): set TMPDIR to a writable folder for a large scan",
			"constats gardés en mémoire, faute de dossier où les écrire (%v) : indiquez dans TMPDIR un dossier accessible en écriture pour une grosse analyse", err)}, nil
	}
	return sp, nil, nil
}

// newSpool makes the spool in SpoolDir, else in the first folder that
// takes it: the temporary folder, then those of the outputs and the history.
func (s *Session) newSpool() (*report.Spool, error) {
	if s.SpoolDir != "" {
		return report.NewSpool(s.SpoolDir)
	}
	dirs := []string{os.TempDir()}
	for _, o := range s.Outputs {
		if o.Path != "" {
			dirs = append(dirs, filepath.Dir(o.Path))
		}
	}
	if s.History != "" && !store.IsPostgres(s.History) {
		dirs = append(dirs, filepath.Dir(s.History))
	}
	var first error
	for _, d := range dirs {
		sp, err := report.NewSpool(d)
		if err == nil {
			return sp, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

// waiveOnTheWay waives a unit's findings, already scrubbed, before they are
// kept on disk, by the waivers live when the scan started.
func (s *Session) waiveOnTheWay() func([]check.Finding) []check.Finding {
	var live waiver.Live
	s.expired = nil
	if s.waivers != nil {
		live, s.expired = s.waivers.At(s.waiveAt)
	}
	return func(fs []check.Finding) []check.Finding {
		live.Waive(fs, s.WaiverFile)
		return fs
	}
}

// Merge delivers the merge of shard reports (vigie merge): with Spool, as
// a scan's, their findings are kept on disk, scrubbed and waived on the
// way; then the session's tail. A report
// that cannot be merged is a *PrepareError.
func (s *Session) Merge(ctx context.Context, args []string) (Result, error) {
	if err := s.Prepare(ctx); err != nil {
		return Result{}, &PrepareError{Err: err}
	}
	s.waiveAt = s.now()
	sp, notes, err := s.spool()
	if err != nil {
		return Result{}, &PrepareError{Err: err}
	}
	var base report.Report
	if sp != nil {
		waive := s.waiveOnTheWay()
		base, err = shard.MergeFilesTo(args, sp, func(fs []check.Finding) []check.Finding { return waive(s.Plan.scrubAll(fs)) })
	} else if base, err = shard.MergeFiles(args); err == nil {
		s.Plan.scrubAll(base.Findings) // as the spooled merge scrubs each target's findings
	}
	if err != nil {
		if sp != nil {
			sp.Close()
		}
		return Result{Notes: notes}, &PrepareError{Err: err}
	}
	s.Plan.Scrub.Head(&base) // the names and scores a shard file carries, in both ways, as a scan's

	res, err := s.finish(ctx, base, nil)
	res.Notes = notes
	return res, err
}

func (s *Session) finish(ctx context.Context, base report.Report, runErr error) (Result, error) {
	if s.Delivering != nil {
		s.Delivering()
	}
	res := Result{Base: base, Report: base, RunErr: runErr}
	// What finished is delivered even when the scan was cancelled: the
	// writers and the history must not see the cancellation. A second
	// signal, or the CLI's grace, ends a delivery that hangs.
	ctx = context.WithoutCancel(ctx)
	if base.Spooled() { // waived on the way in
		res.Expired = s.expired
	} else {
		res.Report, res.Expired = s.applyWaivers(base, s.waiveAt)
	}

	// A shard is a part of a scan: its history and thresholds are the
	// merge's, on the whole (a threshold's exit 1 would have Kubernetes
	// retry the pod).
	sharded := s.Plan.Shard.Count > 0
	var hist *store.Store
	var histErr error
	if s.History != "" && !sharded {
		hist, histErr = s.compare(ctx, &res.Report)
	}
	if hist != nil {
		defer hist.Close()
	}
	res.Base.Changes = res.Report.Changes // what Rewaive starts from keeps the trend
	if err := s.deliver(ctx, res.Report); err != nil {
		return res, err
	}
	if hist != nil && histErr == nil {
		histErr = hist.Save(ctx, res.Report, store.WithDemo(s.Demo))
	}
	if histErr != nil {
		return res, &HistoryError{Path: s.History, Err: histErr}
	}
	if !sharded {
		res.Crossed = s.thresholds(res.Report)
	}
	return res, nil
}

// PrepareError: an input or output of the scan is unusable (a usage
// mistake, exit 2 for the CLI), found before any work.
type PrepareError struct{ Err error }

func (e *PrepareError) Error() string { return e.Err.Error() }
func (e *PrepareError) Unwrap() error { return e.Err }

// HistoryError: the report was delivered, the history could not keep it.
type HistoryError struct {
	Path string
	Err  error
}

func (e *HistoryError) Error() string {
	return fmt.Sprintf("history %s: %v", store.Redact(e.Path), e.Err)
}
func (e *HistoryError) Unwrap() error { return e.Err }

// applyWaivers applies the waivers live at: the moment the scan (or the
// merge) started, whether findings are waived on their way to disk or all
// at the end, so that a waiver expiring during a long scan is judged alike.
func (s *Session) applyWaivers(base report.Report, at time.Time) (report.Report, []waiver.Expired) {
	if s.waivers == nil {
		return base, nil
	}
	return waiver.Apply(base, *s.waivers, s.WaiverFile, at)
}

// Rewaive reloads the waiver file and applies it to base again: the TUI,
// after a person waived a finding.
func (s *Session) Rewaive(base report.Report) (report.Report, []waiver.Expired, error) {
	if err := s.loadWaivers(); err != nil {
		return base, nil, err
	}
	r, expired := s.applyWaivers(base, s.now())
	return r, expired, nil
}

// compare opens the history and adds to rep what changed since the last scan.
func (s *Session) compare(ctx context.Context, rep *report.Report) (*store.Store, error) {
	st, err := store.Open(ctx, s.History, store.WithRetention(s.Retention))
	if err != nil {
		return nil, err
	}
	var prev store.Scan
	var before map[string]check.Status
	if s.Baseline != "" {
		prev, before, err = st.Baseline(ctx, s.Baseline)
	} else {
		prev, before, err = st.Previous(ctx, rep.StartedAt, store.WithDemo(s.Demo))
	}
	switch {
	case err == nil:
		c := store.Diff(prev, before, *rep)
		rep.Changes = &c
	case !errors.Is(err, store.ErrNoPrevious):
		st.Close()
		return nil, err
	}
	return st, nil
}

func (s *Session) deliver(ctx context.Context, rep report.Report) error {
	return Deliver(ctx, s.Outputs, rep)
}

// CheckOutputs: every output path can be written (a missing folder, a
// folder in the way) and is none of the inputs, and every writer that
// needs something to run (the PDF writer's browser) has it, checked before
// any long work.
func CheckOutputs(outs []Output, in ...Input) error {
	for _, o := range outs {
		if o.Path != "" {
			if err := atomicfile.Check(o.Path); err != nil {
				return err
			}
		}
		if r, ok := o.Writer.(interface{ Ready() error }); ok {
			if err := r.Ready(); err != nil {
				return err
			}
		}
	}
	return checkNotInputs(outs, in)
}

// Deliver writes rep to each output: a path atomically (mode 0600), or the
// output's stdout. One that fails does not stop the others: a night's JSON
// is not lost to its PDF. vigie history show delivers a stored report this
// way.
func Deliver(ctx context.Context, outs []Output, rep report.Report) error {
	var errs []error
	for _, o := range outs {
		if o.Path != "" {
			if err := report.WriteFile(ctx, o.Path, o.Writer, rep); err != nil {
				errs = append(errs, err)
			}
			continue
		}
		err := o.Writer.Write(ctx, o.Stdout, rep)
		if err == nil {
			err = rep.Err()
		}
		if err != nil {
			errs = append(errs, check.Errorf("writing the report: %v", "écriture du rapport : %v", err))
		}
	}
	return errors.Join(errs...)
}

// thresholds lists what makes the run exit 1. A check that could not run
// (ERROR) counts like a failure: an unverified control is not a passed one.
func (s *Session) thresholds(rep report.Report) []check.Text {
	var out []check.Text
	if min := s.FailOn; min != nil {
		n := 0
		for f := range rep.Verdicts() {
			if (f.Status == check.Fail || f.Status == check.Error) && f.Severity >= *min {
				n++
			}
		}
		if n > 0 {
			out = append(out, check.Plural(n,
				check.Text{EN: "%d finding at or above %s failed (--fail-on)", FR: "%d constat de gravité %s ou plus en échec (--fail-on)"},
				check.Text{EN: "%d findings at or above %s failed (--fail-on)", FR: "%d constats de gravité %s ou plus en échec (--fail-on)"},
				n, check.Text{EN: min.Label(check.EN), FR: min.Label(check.FR)}))
		}
	}
	if u := s.FailUnder; u != nil && rep.Scores.Overall.Scored && rep.Scores.Overall.Score < *u {
		out = append(out, check.Textf("overall score %d is below %d (--fail-under)", "score global %d inférieur à %d (--fail-under)",
			rep.Scores.Overall.Score, *u))
	}
	if s.FailOnNew && rep.Changes != nil && len(rep.Changes.New) > 0 {
		out = append(out, check.Count(len(rep.Changes.New),
			check.Text{EN: "%d new failure since the last scan (--fail-on-new)", FR: "%d nouvel échec depuis le dernier scan (--fail-on-new)"},
			check.Text{EN: "%d new failures since the last scan (--fail-on-new)", FR: "%d nouveaux échecs depuis le dernier scan (--fail-on-new)"}))
	}
	return out
}
