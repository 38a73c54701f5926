// Package integration holds tests against real third-party servers and tools
// (nginx, testssl.sh) that .ci/run installs; they skip when those are absent.
package integration
