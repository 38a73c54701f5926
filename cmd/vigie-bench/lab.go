package main

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/pki"
)

type lab struct {
	servers     []*http.Server
	targetsFile string
	caFile      string
}

// startLab serves n hosts on 127.0.0.1: a quarter correct, a quarter
// without redirect, a quarter with an expired certificate, a quarter with
// weak headers and an exposed .env. Past servers hosts, targets reuse the
// first servers' ports (each still a target of its own, scanned in full), so
// 10,000 targets fit under the open-file limit.
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
	l := &lab{targetsFile: filepath.Join(dir, "targets.txt"), caFile: filepath.Join(dir, "ca.pem")}
	if err := os.WriteFile(l.caFile, ca.PEM(), 0o600); err != nil {
		return nil, err
	}
	page := func(headers map[string]string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/.env" && headers["X-Bench"] == "weak" {
				fmt.Fprint(w, "APP_ENV=bench\nDB_PASSWORD=not-real\n")
				return
			}
			if r.URL.Path != "/" {
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
		lines = append(lines, fmt.Sprintf("host-%05d %s %s", i, httpURL, httpsURL))
	}
	for i := servers; i < n; i++ {
		f := strings.Fields(lines[i%servers])
		lines = append(lines, fmt.Sprintf("host-%05d %s %s", i, f[1], f[2]))
	}
	return l, os.WriteFile(l.targetsFile, []byte(strings.Join(lines, "\n")+"\n"), 0o600)
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
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ErrorLog: quiet}
	l.servers = append(l.servers, srv)
	go func() { _ = srv.Serve(ln) }()
	return fmt.Sprintf("%s://%s/", scheme, ln.Addr()), nil
}

func (l *lab) close() {
	for _, s := range l.servers {
		_ = s.Close()
	}
}
