//go:build !benchhttpx

package main

import "errors"

// runHTTPX is only in the httpx child (httpx_build.go says why).
func runHTTPX(string) (result, error) {
	return result{}, errors.New("this build has no httpx: the parent runs the one it builds") // not shown: the benchmark is a developer tool whose whole output is English
}
