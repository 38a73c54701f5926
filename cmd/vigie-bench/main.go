// Command vigie-bench measures vigie's web family against httpx's command
// line on the same list of loopback URLs: N hosts, each with an HTTP and an
// HTTPS port (2N URLs), a mix of good and flawed sites. Both tools run with
// their default flags, each in a child process so its wall time and peak
// RSS are its own. Traffic stays on 127.0.0.1.
//
//	go run ./cmd/vigie-bench -hosts 1000   # 2,000 URLs
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
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// result is what a child reports on stdout.
type result struct {
	Tool     string   `json:"tool"`
	Targets  int      `json:"targets"`                 // URLs asked for (each a target for vigie)
	Verdicts int      `json:"verdicts"`                // targets judged: vigie's completed, httpx's answered
	Errors   int      `json:"errors"`                  // of those, how many were errors (unreachable, timeout…)
	Missing  int      `json:"missing"`                 // asked for, never reported
	Requests string   `json:"requests"`                // what one target costs
	Samples  []string `json:"samples"`                 // a few distinct error reasons
	LiveHeap int      `json:"live_heap_kib,omitempty"` // vigie: heap still live when the scan ends (the report), KiB
	PeakHeap int      `json:"peak_heap_kib,omitempty"` // vigie: highest live heap sampled during the scan, KiB
}

func main() {
	hosts := flag.Int("hosts", 100, "loopback hosts, each with an HTTP and an HTTPS port: 2 URLs each")
	servers := flag.Int("servers", 4000, "at most this many hosts get their own ports; the rest share them round-robin (two listeners each, under the open-file limit)")
	conc := flag.Int("concurrency", 0, "vigie's --concurrency (0: its default)")
	rate := flag.Float64("rate", -1, "vigie's --rate (negative: its default)")
	timeout := flag.Duration("timeout", 0, "vigie's --timeout (0: its default)")
	mode := flag.String("mode", "", "internal: run one tool as a child")
	urls := flag.String("urls", "", "internal: URL list")
	caFile := flag.String("ca", "", "internal: CA file")
	only := flag.String("only", "vigie,httpx", "tools to run")
	flag.Parse()
	tu := tuning{conc: *conc, rate: *rate, timeout: *timeout}
	switch *mode {
	case "vigie":
		exit(runVigie(*urls, *caFile, tu))
	case "httpx":
		exit(runHTTPX(*urls))
	}
	if err := parent(*hosts, *servers, tu, strings.Split(*only, ",")); err != nil {
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

func parent(hosts, servers int, tu tuning, tools []string) error {
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
	fmt.Printf("vigie-bench: %d hosts, %d URLs, default flags unless set, %s, %d CPU\n", hosts, 2*hosts, runtime.Version(), runtime.NumCPU())
	fmt.Printf("%-6s %8s %8s %8s %7s %8s %8s %10s %9s %8s %8s %8s  %s\n", "tool", "URLs", "judged", "errors", "missing", "wall", "CPU", "targets/s", "peak RSS",
		"srv CPU", "srv conn", "srv req", "work")
	var walls []time.Duration
	for _, tool := range tools {
		exe := self
		if tool == "httpx" {
			if exe, err = httpxBinary(dir); err != nil {
				return err
			}
		}
		cmd := exec.Command(exe, "-mode", tool, "-urls", l.urlsFile, "-ca", l.caFile, "-concurrency", fmt.Sprint(tu.conc),
			"-rate", fmt.Sprint(tu.rate), "-timeout", tu.timeout.String())
		// HOME and TMPDIR in the bench's folder: httpx writes its config under
		// $HOME/.config and cleans old folders of the temp folder.
		cmd.Env = append(os.Environ(), "TMPDIR="+dir, "HOME="+dir)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		start, served, conns, reqs := time.Now(), selfCPU(), l.conns.Load(), l.requests.Load()
		stopProfile := profileLab(tool)
		err := cmd.Run()
		stopProfile()
		if err != nil {
			return fmt.Errorf("%s: %v\n%s", tool, err, errb.String())
		}
		if os.Getenv("VIGIE_BENCH_SLOW") != "" {
			os.Stderr.Write(errb.Bytes())
		}
		wall, served, conns, reqs := time.Since(start), selfCPU()-served, l.conns.Load()-conns, l.requests.Load()-reqs
		walls = append(walls, wall)
		var r result
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			// not shown: the benchmark is a developer tool whose whole output is English
			return fmt.Errorf("%s: bad report %q: %v", tool, out.String(), err)
		}
		rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss // KiB on Linux: the child's VmHWM
		// CPU (user + system) of the tool alone: on a shared machine it varies less than wall time.
		cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		fmt.Printf("%-6s %8d %8d %8d %7d %7.1fs %7.1fs %10.1f %5d MiB %7.1fs %8d %8d  %s\n", r.Tool, r.Targets, r.Verdicts, r.Errors, r.Missing,
			wall.Seconds(), cpu.Seconds(), float64(r.Targets)/wall.Seconds(), rss/1024, served.Seconds(), conns, reqs, r.Requests)
		if r.LiveHeap > 0 {
			fmt.Printf("       live heap after the scan: %.1f MiB (%.1f KB per target), highest during it: %.1f MiB\n",
				float64(r.LiveHeap)/1024, float64(r.LiveHeap)/float64(max(1, r.Targets)), float64(r.PeakHeap)/1024)
		}
		for _, s := range r.Samples {
			fmt.Printf("       error: %s\n", s)
		}
	}
	if len(walls) == 2 && walls[1] > 0 {
		fmt.Printf("wall ratio %s/%s: %.2f\n", tools[0], tools[1], walls[0].Seconds()/walls[1].Seconds())
	}
	return nil
}

// profileLab writes a CPU profile of the loopback servers while tool runs,
// to $VIGIE_BENCH_LABCPU.tool: what each tool costs the servers, by function.
func profileLab(tool string) (stop func()) {
	path := os.Getenv("VIGIE_BENCH_LABCPU")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path + "." + tool)
	if err != nil {
		fmt.Fprintln(os.Stderr, "vigie-bench: no profile of the servers:", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, "vigie-bench: no profile of the servers:", err)
		f.Close()
		return func() {}
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

// selfCPU is the CPU the bench's own process has used: its loopback
// servers, while a tool runs (what the tool costs the servers it scans; on
// a machine with few cores, the tool's wall time depends on it too).
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// readURLs reads one URL per line.
func readURLs(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			out = append(out, s)
		}
	}
	return out, sc.Err()
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func itoa(n int) string { return strconv.Itoa(n) }
