package main

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/probe"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/scan"
)

// runVigie scans every host with the full web family.
func runVigie(targetsFile, caFile string, conc int, timeout time.Duration) (result, error) {
	rows, err := readTargets(targetsFile)
	if err != nil {
		return result{}, err
	}
	cfg := config.Defaults()
	cfg.Scan.Concurrency, cfg.Scan.Rate, cfg.Scan.Timeout = conc, 0, config.Duration(timeout)
	cfg.Web.CAFile = caFile
	plan, err := scan.FromConfig(cfg, nil)
	if err != nil {
		return result{}, err
	}
	for _, r := range rows {
		t, err := probe.ExplicitTarget(r[0], r[1], r[2])
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
	rep, err := plan.Run(context.Background(), nil)
	if err != nil {
		return result{}, err
	}
	// VIGIE_BENCH_JSON writes the report as vigie scan -o does, so peak RSS
	// includes the render (the part a large scan's Ctrl-C runs too).
	if path := os.Getenv("VIGIE_BENCH_JSON"); path != "" {
		if err := report.WriteFile(context.Background(), path, report.JSON{}, rep); err != nil {
			return result{}, err
		}
	}
	if path := os.Getenv("VIGIE_BENCH_HEAP"); path != "" {
		runtime.GC()
		if f, err := os.Create(path); err == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	res := result{Tool: "vigie", Targets: len(rows),
		Requests: "3 GETs + 4 handshakes + 1 per accepted suite + " + itoa(len(web.ExposurePaths())+1) + " exposure GETs; " + itoa(len(web.Checks())) + " checks"}
	unreachable := map[string]bool{}
	for _, f := range rep.Findings {
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
