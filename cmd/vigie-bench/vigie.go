package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/probe"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/scan"
)

// tuning overrides vigie's defaults; zero values keep them.
type tuning struct {
	conc    int
	rate    float64 // scan-wide; negative keeps the default
	timeout time.Duration
}

// runVigie scans every URL of the list as a target, with the full web
// family and vigie's default flags, then writes the JSON report as
// vigie scan -o does, so peak RSS includes the report.
func runVigie(urlsFile, caFile string, tu tuning) (result, error) {
	urls, err := readURLs(urlsFile)
	if err != nil {
		return result{}, err
	}
	if os.Getenv("VIGIE_BENCH_HEAP") != "" {
		runtime.MemProfileRate = 4096 // fine enough to tell what each target leaves behind
	}
	cfg := config.Defaults()
	if tu.conc > 0 {
		cfg.Scan.Concurrency = tu.conc
	}
	if tu.rate >= 0 {
		cfg.Scan.Rate = tu.rate
	}
	if tu.timeout > 0 {
		cfg.Scan.Timeout = config.Duration(tu.timeout)
	}
	cfg.Web.CAFile = caFile
	plan, err := scan.FromConfig(cfg, nil)
	if err != nil {
		return result{}, err
	}
	for _, u := range urls {
		t, err := probe.ParseTarget(u)
		if err != nil {
			return result{}, err
		}
		plan.Web = append(plan.Web, t)
	}
	if path := os.Getenv("VIGIE_BENCH_CPU"); path != "" {
		if f, err := os.Create(path); err == nil {
			_ = pprof.StartCPUProfile(f)
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
	}
	var emit func(engine.Event)
	if os.Getenv("VIGIE_BENCH_SLOW") != "" { // names the targets that took longest
		started := map[string]time.Time{}
		emit = func(ev engine.Event) {
			switch ev.Kind {
			case engine.UnitStarted:
				started[ev.Progress.Target] = time.Now()
			case engine.UnitDone:
				if d := time.Since(started[ev.Progress.Target]); d > time.Second {
					fmt.Fprintf(os.Stderr, "slow: %s %s\n", ev.Progress.Target, d.Round(time.Millisecond))
				}
			}
		}
	}
	out := filepath.Join(filepath.Dir(urlsFile), "vigie-report.json")
	if path := os.Getenv("VIGIE_BENCH_JSON"); path != "" {
		out = path
	}
	// As vigie scan -o runs it: one session, findings kept on disk, the
	// JSON report written at the end, inside the peak.
	sess := scan.Session{Plan: plan, Spool: true, Outputs: []scan.Output{{Writer: report.JSON{}, Path: out}}}
	stopPeak := watchPeak(os.Getenv("VIGIE_BENCH_PEAK"))
	sr, err := sess.Run(context.Background(), emit)
	peak := stopPeak()
	if err != nil {
		return result{}, err
	}
	rep := sr.Report
	defer rep.Close()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	live := ms.HeapAlloc
	if path := os.Getenv("VIGIE_BENCH_HEAP"); path != "" {
		if f, err := os.Create(path); err == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	res := result{Tool: "vigie", Targets: len(urls), LiveHeap: int(live >> 10), PeakHeap: int(peak >> 10),
		Requests: "full web family: " + itoa(len(web.Checks())) + " checks, ≤ " + itoa(web.MaxExposureRequests) + " exposure requests per origin, ≤ " +
			itoa(web.CrawlPages) + " linked pages; concurrency " + itoa(cfg.Scan.Concurrency) + ", scan rate " + ftoa(cfg.Scan.Rate) +
			", " + ftoa(probe.DefaultHostRate) + " requests/s per server"}
	unreachable := map[string]bool{}
	for f := range rep.Verdicts() {
		if f.Status == check.Error {
			unreachable[f.Target] = true
			if len(res.Samples) < 3 {
				res.Samples = append(res.Samples, f.CheckID+": "+f.Message.EN)
			}
		}
	}
	for _, t := range rep.Targets {
		if t.Completed {
			res.Verdicts++
		} else {
			res.Missing++
		}
	}
	res.Errors = len(unreachable)
	return res, nil
}
