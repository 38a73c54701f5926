// Package probe collects web evidence: a GET of each target's http:// and
// https:// sides through projectdiscovery's httpx client, and a TLS
// handshake of our own to judge the certificate chain (httpx never verifies
// trust). It turns what it sees into checks/web.Evidence.
package probe
