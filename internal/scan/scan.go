// Package scan turns a configuration into a plan of units and runs it: the
// one path the CLI, the demo and the TUI share.
package scan

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/contractscan"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/hashaudit"
	"github.com/vigie-security/vigie/internal/leadscan"
	"github.com/vigie-security/vigie/internal/probe"
	"github.com/vigie-security/vigie/internal/pwpolicy"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/shard"
)

// Plan is everything a scan needs, resolved and validated.
type Plan struct {
	Web       []probe.Target
	Policies  []string                // password-policy files (or PAM folders), read when the scan runs
	Passwords []password.Evidence     // policies already in memory (the demo's embedded ones)
	Hashes    []config.HashFile       // stored-password files, streamed when the scan runs
	Audited   []password.HashEvidence // stored passwords already audited (the demo's embedded sample)
	CAFile    string                  // private CAs for the web probes, read by Prepare
	Contracts *contractscan.Plan      // inventory read, documents listed (by Prepare); analysed when the scan runs
	Leads     []*leadscan.Plan        // lead tables, format and table chosen (by Prepare); read when the scan runs
	// Sources the session's Prepare reads into Contracts and Leads: building
	// a plan reads no file, so it never blocks the interface or escapes the
	// session's context.
	ContractSource *contractscan.Source
	LeadSources    []LeadSource
	LeadsTime      time.Duration // bounds each lead table (config leads.timeout)
	Probe          probe.Options
	Engine         []engine.Option
	Scrub          report.Scrubber // masks secrets and terminal controls in every finding, event and report
	Shard          shard.Shard     // this process's share of the units (vigie scan --shard I/N); zero keeps all
	ShardRun       string          // with Shard: the run's name, the same on every pod (vigie scan --run)
	// ConfigFile is the file the plan's paths come from, when they do: an
	// error about one then names the file and the key (vigie.yaml:
	// password.hashes[0]: …).
	ConfigFile string
	// locate places an error at the key's line of ConfigFile (vigie.yaml:4:
	// web.ca_file: …): config.Problem, nil for a plan not from a file.
	locate func(key string, err error) error
	// named are the input paths the config names, by key, which Prepare
	// checks are there before reading any.
	named []namedPath
}

// at prefixes err with the configuration key it comes from, when the plan
// came from a file.
func (p *Plan) at(key string, err error) error {
	switch {
	case err == nil || p.ConfigFile == "":
		return err
	case p.locate != nil:
		return p.locate(key, err)
	}
	return check.Prefixed{Prefix: p.ConfigFile + ": " + key + ": ", Err: err}
}

// webServerConcurrency bounds the web targets of one server probed at
// once: many paths of one site share its per-host rate, and a target
// waiting for its turn must not spend its timeout waiting.
const webServerConcurrency = 4

// LeadSource is a lead table to prepare, with where the config names it.
type LeadSource struct {
	Where  string // "vigie.yaml: leads.sources[0]", for errors
	Source leadscan.Source
}

// LeadSourceOf is a configured lead source as leadscan reads it: the
// section's timeout and thresholds with it.
func LeadSourceOf(l config.Leads, src config.LeadSource) leadscan.Source {
	t := l.Thresholds
	return leadscan.Source{Path: src.Path, DSN: src.DSN, Table: src.Table, Columns: src.Columns,
		Limits: leadscan.Limits{Timeout: time.Duration(l.Timeout)},
		Thresholds: leads.Thresholds{ProspectYears: t.ProspectYears, CardMonths: t.CardMonths,
			NoticeDays: t.NoticeDays, BloctelDays: t.BloctelDays}}
}

// FromConfig resolves cfg (already merged with flags) into a plan. It reads
// no file: Session.Prepare does, under the session's context. Targets come
// from the config file, then extra (from --target) in order.
func FromConfig(cfg config.Config, extra []string) (Plan, error) {
	p := Plan{Probe: probe.DefaultOptions()}
	if m := cfg.Masker(); m != nil {
		p.Scrub.Mask = m.Mask
	}
	timeout := time.Duration(cfg.Scan.Timeout)
	p.Probe.Timeout = timeout
	if cfg.Web.MaxRedirects != nil {
		p.Probe.MaxRedirects = *cfg.Web.MaxRedirects
	}
	if len(cfg.Web.Headers) > 0 {
		p.Probe.Headers = map[string]string{}
		for k, v := range cfg.Web.Headers {
			p.Probe.Headers[k] = v.Value()
		}
	}
	if cfg.Web.Exposure != nil && !*cfg.Web.Exposure {
		p.Probe.ExposurePaths = nil
	}
	for _, path := range cfg.Web.ExtraPaths {
		if err := web.ValidPath(path); err != nil {
			return Plan{}, check.Prefixed{Prefix: cfg.File + ": web.extra_paths: ", Err: err}
		}
		if p.Probe.ExposurePaths != nil {
			p.Probe.ExposurePaths = append(p.Probe.ExposurePaths, web.ExposurePath{Path: path, Kind: web.PathKind(path)})
		}
	}
	p.CAFile = cfg.Web.CAFile
	seen := map[string]bool{}
	add := func(t probe.Target) {
		if key := check.NormalizeTarget(t.HTTPSURL) + " " + check.NormalizeTarget(t.HTTPURL); !seen[key] {
			seen[key] = true
			p.Web = append(p.Web, t)
		}
	}
	for i, ct := range cfg.Web.Targets {
		var t probe.Target
		var err error
		if ct.URL != "" {
			t, err = probe.ParseTarget(ct.URL)
			if ct.Name != "" {
				t.Name = ct.Name
			}
		} else {
			t, err = probe.ExplicitTarget(ct.Name, ct.HTTPURL, ct.HTTPSURL)
		}
		if err != nil {
			return Plan{}, check.Prefixed{Prefix: fmt.Sprintf("%s:%d: web.targets[%d]: ", cfg.File, ct.Line, i), Err: err}
		}
		if len(ct.Headers) > 0 {
			t.Headers = map[string]string{}
			for k, v := range ct.Headers {
				t.Headers[k] = v.Value()
			}
		}
		add(t)
	}
	for _, raw := range extra {
		t, err := probe.ParseTarget(raw)
		if err != nil {
			return Plan{}, err
		}
		add(t)
	}
	for _, h := range cfg.Password.Hashes {
		if h.File == "" {
			return Plan{}, check.Errorf("%s: password.hashes: each entry needs a file", "%s : password.hashes : chaque entrée doit nommer un fichier (file)", cfg.File)
		}
		p.Hashes = append(p.Hashes, h)
	}
	p.Policies = append(p.Policies, cfg.Password.Policies...)
	p.ConfigFile = cfg.File
	if cfg.File != "" {
		p.locate, p.named = cfg.Problem, namedPaths(cfg)
	}
	if c := cfg.Contracts; c.Inventory != "" || c.Folder != "" || len(c.Documents) > 0 {
		p.ContractSource = &contractscan.Source{Inventory: c.Inventory, Folder: c.Folder, Sheet: c.Sheet, Columns: c.Columns, Documents: c.Documents}
	}
	for i, src := range cfg.Leads.Sources {
		where := "" // a source named on the command line: its own error names it
		if cfg.File != "" {
			where = fmt.Sprintf("%s: leads.sources[%d]", cfg.File, i)
		}
		p.LeadSources = append(p.LeadSources, LeadSource{Where: where, Source: LeadSourceOf(cfg.Leads, src)})
	}
	p.LeadsTime = time.Duration(cfg.Leads.Timeout)
	p.Probe.HostRate = cfg.Scan.HostRate
	p.Engine = []engine.Option{
		engine.WithConcurrency(cfg.Scan.Concurrency),
		engine.WithServerConcurrency(webServerConcurrency),
		engine.WithRate(cfg.Scan.Rate),
		engine.WithTimeout(UnitTimeout(timeout)),
	}
	return p, nil
}

// ReadPolicies reads a password-policy file (or PAM folder): each policy it
// holds is a target of its own.
func ReadPolicies(file string) ([]password.Evidence, error) {
	ps, err := pwpolicy.Load(file)
	if err != nil {
		return nil, err
	}
	out := make([]password.Evidence, 0, len(ps))
	for _, pol := range ps {
		out = append(out, password.Evidence{Target: file, Policy: pol})
	}
	return out, nil
}

// prepare reads what the plan's sources name: the CA file, the contracts
// inventory and folder, each lead table's format and columns. It runs in
// the session (cancellable, panics turned into errors), once: a prepared
// source is not read again here.
func (p *Plan) prepare(ctx context.Context) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = check.Errorf("reading the scan's inputs: internal error: %v", "lecture des entrées de l'analyse : erreur interne : %v", r)
		}
	}()
	if p.CAFile != "" && p.Probe.Roots == nil {
		if p.Probe.Roots, err = probe.LoadRoots(p.CAFile); err != nil {
			return p.at("web.ca_file", err)
		}
	}
	if p.ContractSource != nil && p.Contracts == nil {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p.Contracts, err = contractscan.Prepare(*p.ContractSource); err != nil {
			return p.at("contracts", err)
		}
	}
	for len(p.LeadSources) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		src := p.LeadSources[0]
		lp, err := leadscan.Prepare(src.Source)
		if err != nil && src.Where != "" {
			return fmt.Errorf("%s: %w", src.Where, err)
		}
		if err != nil {
			return err
		}
		p.Leads, p.LeadSources = append(p.Leads, lp), p.LeadSources[1:]
	}
	return nil
}

// Empty reports whether the plan has nothing to check.
func (p Plan) Empty() bool {
	n := len(p.Web) + len(p.Policies) + len(p.Passwords) + len(p.Hashes) + len(p.Audited) + len(p.Leads) + len(p.LeadSources)
	if p.Contracts != nil {
		n += p.Contracts.Size()
	} else if p.ContractSource != nil {
		n++ // known once Prepare has listed its documents
	}
	return n == 0
}

// UnitTimeout bounds a whole target. Its requests run in parallel, each
// bounded by timeout; the short grace lets their own, more precise, timeout
// reasons reach the findings before the target's deadline cuts in.
func UnitTimeout(timeout time.Duration) time.Duration {
	return timeout + timeout/10 + 200*time.Millisecond
}

// Run probes every target of the plan and returns the report; see engine.Run
// for what happens on cancellation.
func (p Plan) Run(ctx context.Context, emit func(engine.Event), extra ...engine.Option) (report.Report, error) {
	if err := p.prepare(ctx); err != nil {
		return report.Report{}, err
	}
	return p.run(ctx, time.Now, emit, extra...)
}

// run is Run on a given clock: the engine's, and the contracts' date of
// reference, are the session's one clock.
func (p Plan) run(ctx context.Context, now func() time.Time, emit func(engine.Event), extra ...engine.Option) (report.Report, error) {
	// Findings are scrubbed as each unit ends, before anything else sees
	// them (a listener, waivers, the spool, the report).
	opts := append(append(append([]engine.Option{}, p.Engine...), engine.WithPrep(p.scrubAll)), extra...)
	eng, err := engine.New(append(opts, engine.WithClock(now))...)
	if err != nil {
		return report.Report{}, err
	}
	if p.Empty() {
		return report.Report{}, engine.ErrNoTargets
	}
	var contractUnits []engine.Unit
	if p.Contracts != nil {
		contractUnits = p.Contracts.Units(now())
	}
	units := make([]engine.Unit, 0, len(p.Web)+len(p.Passwords)+len(p.Hashes))
	if len(p.Web) > 0 {
		pr, err := probe.New(p.Probe)
		if err != nil {
			return report.Report{}, err
		}
		defer pr.Close()
		checks := web.Checks()
		web := p.Web // the closures share the plan's targets rather than copy one each
		for i, t := range web {
			units = append(units, engine.Unit{Family: check.FamilyWeb, Target: t.Name, Server: t.Server(), Checks: checks,
				Collect: func(ctx context.Context, pace engine.Pacer) (any, error) {
					return pr.Collect(ctx, pace, web[i]), nil
				}})
		}
	}
	pwChecks := password.Checks()
	for _, file := range p.Policies {
		units = append(units, engine.Unit{Family: check.FamilyPassword, Target: file, Checks: pwChecks,
			Collect: func(context.Context, engine.Pacer) (any, error) {
				evs, err := ReadPolicies(file)
				subs := make(engine.Subjects, len(evs))
				for i, ev := range evs {
					subs[i] = ev
				}
				return subs, err
			}})
	}
	for _, ev := range p.Passwords {
		units = append(units, engine.Unit{Family: check.FamilyPassword, Target: ev.TargetName(), Checks: pwChecks,
			Collect: func(context.Context, engine.Pacer) (any, error) { return ev, nil }})
	}
	for _, ev := range p.Audited {
		units = append(units, engine.Unit{Family: check.FamilyPassword, Target: ev.Target, Checks: password.HashChecks(),
			Collect: func(context.Context, engine.Pacer) (any, error) { return ev, nil }})
	}
	for _, h := range p.Hashes {
		target := h.File
		if h.Column != "" {
			target += "#" + h.Column
		}
		units = append(units, engine.Unit{Family: check.FamilyPassword, Target: target, Checks: password.HashChecks(),
			Collect: func(ctx context.Context, _ engine.Pacer) (any, error) {
				ev, err := hashaudit.AuditFile(ctx, h.File, h.Column)
				ev.Target = target // one name from plan to report
				return ev, err
			}})
	}
	units = append(units, contractUnits...)
	for _, lp := range p.Leads {
		for _, u := range lp.Units(now()) {
			u.Timeout = p.LeadsTime
			if u.Timeout == 0 {
				u.Timeout = config.DefaultLeadsTimeout
			}
			units = append(units, u)
		}
	}
	var share *report.Share // nil when not sharded; the merge tells a missing shard by it
	if p.Shard.Count > 0 {
		share = p.Shard.Share(shard.Fingerprint(units), p.ShardRun)
		if units = p.Shard.Filter(units); len(units) == 0 {
			rep := eng.Empty()
			rep.Shard = share
			return rep, nil
		}
	}
	scrubbedDone := false
	rep, err := eng.Run(ctx, units, p.scrubbed(emit, &scrubbedDone))
	rep.Shard = share
	if !scrubbedDone {
		p.Scrub.Head(&rep)
	}
	return rep, err
}

// scrubAll scrubs a unit's findings in place.
func (p Plan) scrubAll(fs []check.Finding) []check.Finding {
	for i := range fs {
		fs[i] = p.Scrub.Finding(fs[i])
	}
	return fs
}

// scrubbed cleans what the engine emits before a listener (the TUI) sees it;
// its findings are clean already (scrubAll). The ScanDone report is the one
// Run returns (its slices are shared), so its targets and scores are
// cleaned in place, once, and done says so.
func (p Plan) scrubbed(emit func(engine.Event), done *bool) func(engine.Event) {
	if emit == nil {
		return nil
	}
	return func(ev engine.Event) {
		ev.Progress.Target = p.Scrub.Clean(ev.Progress.Target)
		if ev.Kind == engine.ScanDone && ev.Report != nil {
			p.Scrub.Head(ev.Report)
			*done = true
		}
		emit(ev)
	}
}

// maxTargetsFile bounds a --targets-file.
const maxTargetsFile = 4 << 20

// ReadTargetsFile reads one target per line; blank lines and # comments are skipped.
func ReadTargetsFile(path string) ([]string, error) {
	data, err := fileread.ReadAll(path, maxTargetsFile)
	if err != nil {
		return nil, check.Errorf("reading the targets: %v", "lecture des cibles : %v", err)
	}
	return readTargets(path, bytes.NewReader(data))
}

func readTargets(name string, r io.Reader) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	read, line := 0, 0
	for sc.Scan() {
		line++
		read += len(sc.Bytes()) + 1
		if read > maxTargetsFile {
			return nil, check.Errorf("%s: larger than %d MB", "%s : plus de %d Mo", name, maxTargetsFile>>20)
		}
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if _, err := probe.ParseTarget(s); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	return out, nil
}
