// Package probe collects web evidence: a GET of each target's http:// and
// https:// sides with a bounded net/http client that follows redirects itself
// (headers scoped to the target's origins, cookies and header blocks
// bounded, long bodies cut), exposure probes, and TLS handshakes of its own
// to judge the certificate chain. It turns what it sees into checks/web.Evidence.
package probe
