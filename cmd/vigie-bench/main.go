// Command vigie-bench measures vigie's web family against httpx's own probe
// on the same loopback endpoints: N hosts, each with an HTTP and an HTTPS
// port, a mix of good and flawed sites. Each tool runs in a child process so
// its wall time and peak RSS are its own. Traffic stays on 127.0.0.1.
//
//	go run ./cmd/vigie-bench -hosts 1000
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// result is what a child reports on stdout.
type result struct {
	Tool     string   `json:"tool"`
	Targets  int      `json:"targets"`  // hosts (vigie) or URLs (httpx) asked for
	Verdicts int      `json:"verdicts"` // targets that came back with an answer, errors included
	Errors   int      `json:"errors"`   // of those, how many were errors (unreachable, timeout…)
	Missing  int      `json:"missing"`  // asked for, never reported
	Requests string   `json:"requests"` // what one target costs
	Samples  []string `json:"samples"`  // a few distinct error reasons
}

func main() {
	hosts := flag.Int("hosts", 100, "loopback hosts, each with an HTTP and an HTTPS port")
	servers := flag.Int("servers", 4000, "at most this many hosts get their own ports; the rest share them round-robin (two listeners each, under the open-file limit)")
	conc := flag.Int("concurrency", 50, "targets (vigie) or threads (httpx) at once")
	timeout := flag.Duration("timeout", 10*time.Second, "per request")
	mode := flag.String("mode", "", "internal: run one tool as a child")
	targets := flag.String("targets", "", "internal: targets file")
	caFile := flag.String("ca", "", "internal: CA file")
	only := flag.String("only", "vigie,httpx", "tools to run")
	flag.Parse()

	switch *mode {
	case "vigie":
		exit(runVigie(*targets, *caFile, *conc, *timeout))
	case "httpx":
		exit(runHTTPX(*targets, *conc, *timeout))
	}
	if err := parent(*hosts, *servers, *conc, *timeout, strings.Split(*only, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "vigie-bench:", err)
		os.Exit(1)
	}
}

func exit(r result, err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "vigie-bench:", err)
		os.Exit(1)
	}
	_ = json.NewEncoder(os.Stdout).Encode(r)
	os.Exit(0)
}

func parent(hosts, servers, conc int, timeout time.Duration, tools []string) error {
	dir, err := os.MkdirTemp("", "vigie-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	l, err := startLab(hosts, servers, dir)
	if err != nil {
		return err
	}
	defer l.close()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fmt.Printf("vigie-bench: %d hosts (%d URLs), concurrency %d, %s, %d CPU\n", hosts, 2*hosts, conc, runtime.Version(), runtime.NumCPU())
	fmt.Printf("%-6s %8s %9s %8s %7s %8s %10s %9s  %s\n", "tool", "targets", "verdicts", "errors", "missing", "wall", "targets/s", "peak RSS", "per target")
	for _, tool := range tools {
		cmd := exec.Command(self, "-mode", tool, "-targets", l.targetsFile, "-ca", l.caFile,
			"-concurrency", fmt.Sprint(conc), "-timeout", timeout.String())
		cmd.Env = append(os.Environ(), "TMPDIR="+dir)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %v\n%s", tool, err, errb.String())
		}
		wall := time.Since(start)
		var r result
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			return fmt.Errorf("%s: bad report %q: %v", tool, out.String(), err)
		}
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux: the child's VmHWM
		fmt.Printf("%-6s %8d %9d %8d %7d %7.1fs %10.1f %6d MiB  %s\n", r.Tool, r.Targets, r.Verdicts, r.Errors, r.Missing,
			wall.Seconds(), float64(r.Targets)/wall.Seconds(), rss/1024, r.Requests)
		for _, s := range r.Samples {
			fmt.Printf("       error: %s\n", s)
		}
	}
	return nil
}

// readTargets reads "name http_url https_url" lines.
func readTargets(path string) ([][3]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][3]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 3 {
			out = append(out, [3]string{f[0], f[1], f[2]})
		}
	}
	return out, sc.Err()
}
