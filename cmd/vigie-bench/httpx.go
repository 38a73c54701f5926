//go:build benchhttpx

package main

import (
	"os"
	"sync"

	"github.com/projectdiscovery/gologger"
	"github.com/projectdiscovery/gologger/levels"
	"github.com/projectdiscovery/httpx/runner"
)

// runHTTPX runs httpx's command line (runner.ParseOptions, as cmd/httpx's
// main does) on the URL list with its default flags: -duc only keeps it
// from calling home, -silent from printing a banner. Printing each result
// is replaced by counting it.
func runHTTPX(urlsFile string) (result, error) {
	rows, err := readURLs(urlsFile)
	if err != nil {
		return result{}, err
	}
	os.Args = []string{"httpx", "-l", urlsFile, "-duc", "-silent"}
	opts := runner.ParseOptions()
	gologger.DefaultLogger.SetMaxLevel(levels.LevelSilent)
	var mu sync.Mutex
	seen := map[string]bool{}
	failed := 0
	var samples []string
	opts.DisableStdout = true
	opts.OnResult = func(r runner.Result) {
		mu.Lock()
		defer mu.Unlock()
		if seen[r.Input] {
			return
		}
		seen[r.Input] = true
		if r.Failed || r.Err != nil {
			failed++
			if msg := r.Error; msg != "" && len(samples) < 3 && !contains(samples, msg) {
				samples = append(samples, msg)
			}
		}
	}
	r, err := runner.New(opts)
	if err != nil {
		return result{}, err
	}
	r.RunEnumeration()
	r.Close()
	judged := len(seen) - failed
	return result{Tool: "httpx", Targets: len(rows), Verdicts: judged, Errors: failed, Missing: len(rows) - len(seen),
		Requests: "1 GET (httpx -l urls.txt, default flags: 50 threads, 150 requests/s)", Samples: samples}, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
