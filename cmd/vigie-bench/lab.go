package main

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/vigie-security/vigie/internal/pki"
)

type lab struct {
	servers  []*http.Server
	urlsFile string
	caFile   string
	// What the servers were asked: connections accepted (every hello of a
	// TLS scan is one) and requests answered.
	conns, requests atomic.Int64
}

// startLab serves n hosts on 127.0.0.1 and lists their 2n URLs (http and
// https of each host, one after the other): a quarter correct, a quarter
// without redirect, a quarter with an expired certificate, a quarter with
// weak headers and an exposed .env. Past servers hosts, URLs reuse the
// first servers' ports, so 10,000 targets fit under the open-file limit.
func startLab(n, servers int, dir string) (*lab, error) {
	if servers <= 0 || servers > n {
		servers = n
	}
	now := time.Now()
	ca, err := pki.NewCA("vigie-bench CA", now.AddDate(-1, 0, 0))
	if err != nil {
		return nil, err
	}
	valid, err := pki.Issue(ca, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 2, 0))
	if err != nil {
		return nil, err
	}
	expired, err := pki.Issue(ca, []string{"127.0.0.1"}, now.AddDate(-1, 0, 0), now.AddDate(0, 0, -3))
	if err != nil {
		return nil, err
	}
	l := &lab{urlsFile: filepath.Join(dir, "urls.txt"), caFile: filepath.Join(dir, "ca.pem")}
	if err := os.WriteFile(l.caFile, ca.PEM(), 0o600); err != nil {
		return nil, err
	}
	page := func(headers map[string]string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/.env" && headers["X-Bench"] == "weak" {
				fmt.Fprint(w, "APP_ENV=bench\nDB_PASSWORD=not-real\n")
				return
			}
			if r.URL.Path != "/" && !strings.HasPrefix(r.URL.Path, "/h") { // "/h123": a host sharing these ports
				http.NotFound(w, r)
				return
			}
			for k, v := range headers {
				w.Header().Set(k, v)
			}
			fmt.Fprint(w, "<!doctype html><html><body><h1>bench</h1></body></html>")
		}
	}
	good := map[string]string{"Strict-Transport-Security": "max-age=63072000; includeSubDomains",
		"Content-Security-Policy": "default-src 'self'; object-src 'none'; frame-ancestors 'none'", "X-Content-Type-Options": "nosniff"}
	weak := map[string]string{"X-Bench": "weak", "Server": "nginx/1.18.0"}
	var lines []string
	for i := range servers {
		cert, headers, redirect := valid, good, true
		switch i % 4 {
		case 1:
			redirect = false
		case 2:
			cert = expired
		case 3:
			headers = weak
		}
		httpsURL, err := l.serve(page(headers), &cert)
		if err != nil {
			l.close()
			return nil, err
		}
		var plain http.Handler = page(headers)
		if redirect {
			plain = http.RedirectHandler(httpsURL, http.StatusMovedPermanently)
		}
		httpURL, err := l.serve(plain, nil)
		if err != nil {
			l.close()
			return nil, err
		}
		lines = append(lines, httpURL, httpsURL)
	}
	// Past servers, hosts reuse the first ports under a path of their own:
	// each URL is still a target of its own, judged in full.
	for i := servers; i < n; i++ {
		j := i % servers
		lines = append(lines, fmt.Sprintf("%sh%d", lines[2*j], i), fmt.Sprintf("%sh%d", lines[2*j+1], i))
	}
	return l, os.WriteFile(l.urlsFile, []byte(strings.Join(lines, "\n")+"\n"), 0o600)
}

func (l *lab) serve(h http.Handler, cert *tls.Certificate) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	scheme := "http"
	if cert != nil {
		scheme = "https"
		ln = tls.NewListener(ln, pki.ServerConfig(*cert))
	}
	counted := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.requests.Add(1)
		h.ServeHTTP(w, r)
	})
	srv := &http.Server{Handler: counted, ReadHeaderTimeout: 10 * time.Second, ErrorLog: quiet,
		ConnState: func(_ net.Conn, st http.ConnState) {
			if st == http.StateNew {
				l.conns.Add(1)
			}
		}}
	l.servers = append(l.servers, srv)
	go func() { _ = srv.Serve(ln) }()
	return fmt.Sprintf("%s://%s/", scheme, ln.Addr()), nil
}

func (l *lab) close() {
	for _, s := range l.servers {
		_ = s.Close()
	}
}
