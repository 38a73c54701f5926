package main

import (
	"strconv"
	"sync"
	"time"

	"github.com/projectdiscovery/goflags"
	"github.com/projectdiscovery/gologger"
	"github.com/projectdiscovery/gologger/levels"
	"github.com/projectdiscovery/httpx/runner"
)

// runHTTPX probes every URL (both sides of every host) with httpx's own
// runner, set as its README suggests for a library: TLS grab, redirects
// followed, no retries, failures reported (Probe).
func runHTTPX(targetsFile string, conc int, timeout time.Duration) (result, error) {
	rows, err := readTargets(targetsFile)
	if err != nil {
		return result{}, err
	}
	var urls goflags.StringSlice
	for _, r := range rows {
		urls = append(urls, r[1], r[2])
	}
	gologger.DefaultLogger.SetMaxLevel(levels.LevelSilent)
	var mu sync.Mutex
	seen := map[string]bool{}
	failed := 0
	var samples []string
	opts := runner.Options{
		InputTargetHost: urls, NoFallbackScheme: true,
		FollowRedirects: true, MaxRedirects: 10, TLSGrab: true,
		Timeout: int(timeout.Seconds()), Retries: 0, Threads: conc, HostMaxErrors: -1,
		MaxResponseBodySizeToRead: 2 << 20, Probe: true,
		DisableStdin: true, DisableStdout: true, Silent: true, DisableUpdateCheck: true,
		OnResult: func(r runner.Result) {
			mu.Lock()
			defer mu.Unlock()
			if !seen[r.Input] {
				seen[r.Input] = true
				if r.Failed || r.Err != nil {
					failed++
					if msg := r.Error; msg != "" && len(samples) < 3 && !contains(samples, msg) {
						samples = append(samples, msg)
					}
				}
			}
		},
	}
	if err := opts.ValidateOptions(); err != nil {
		return result{}, err
	}
	r, err := runner.New(&opts)
	if err != nil {
		return result{}, err
	}
	r.RunEnumeration()
	r.Close()
	return result{Tool: "httpx", Targets: len(urls), Verdicts: len(seen), Errors: failed, Missing: len(urls) - len(seen),
		Requests: "1 GET (redirects followed, TLS grab)", Samples: samples}, nil
}

func itoa(n int) string { return strconv.Itoa(n) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
