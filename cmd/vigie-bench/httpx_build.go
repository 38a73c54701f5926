package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// The bench itself is built without httpx, so that the vigie child holds
// only what vigie links: httpx's packages start by allocating tens of MB,
// which would count against vigie's peak RSS. The httpx child is this same
// program built with the benchhttpx tag (httpx.go), into the bench's folder.
const httpxTag = "benchhttpx"

// httpxBinary builds the httpx child into dir and returns its path.
func httpxBinary(dir string) (string, error) {
	goCmd := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goCmd); err != nil {
		if goCmd, err = exec.LookPath("go"); err != nil {
			// not shown: the benchmark is a developer tool whose whole output is English
			return "", fmt.Errorf("the httpx side is built with the go command, not found: %v", err)
		}
	}
	out := filepath.Join(dir, "vigie-bench-httpx")
	build := exec.Command(goCmd, "build", "-tags", httpxTag, "-o", out, "github.com/vigie-security/vigie/cmd/vigie-bench")
	if msg, err := build.CombinedOutput(); err != nil {
		// not shown: the benchmark is a developer tool whose whole output is English
		return "", fmt.Errorf("building the httpx side (run the bench from inside the vigie module): %v\n%s", err, msg)
	}
	return out, nil
}
