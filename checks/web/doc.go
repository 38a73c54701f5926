// Package web holds the web family's checks: pure evaluations of what the web
// collector saw on a target's http:// and https:// sides. It does no I/O.
package web
