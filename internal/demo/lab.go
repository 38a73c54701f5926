// Package demo runs vigie's demo lab: a few HTTP/HTTPS sites on loopback,
// each with known flaws, served by this process from a CA made at start,
// and the contracts and lead sources it writes to a private temporary
// folder. It needs no network.
package demo

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	_ "embed"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/contractscan"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/hashaudit"
	"github.com/vigie-security/vigie/internal/pki"
	"github.com/vigie-security/vigie/internal/probe"
	"github.com/vigie-security/vigie/internal/pwpolicy"
	"github.com/vigie-security/vigie/internal/scan"
)

// Lab is a set of running demo sites.
type Lab struct {
	CA      *pki.CA
	Targets []probe.Target
	servers []*http.Server
	files   string // private folder of the demo's contracts and lead sources, removed by Close
}

// Site names, in the order they are scanned.
const (
	SiteCorrect     = "demo/correct"
	SiteLoginHTTP   = "demo/login-over-http"
	SiteNoRedirect  = "demo/no-redirect"
	SiteExpired     = "demo/expired-certificate"
	SiteLegacyTLS   = "demo/legacy-tls"
	SiteWeakHeaders = "demo/weak-headers"
	SiteInsecure    = "demo/insecure-content"
	SiteExposed     = "demo/exposed-files"
	SiteElastic     = "demo/open-elasticsearch"
)

const loginPage = `<!doctype html><html lang="fr"><head><title>Espace client</title></head><body>
<h1>Connexion</h1><form method="post" action="/login">
<label>E-mail <input type="email" name="email"></label>
<label>Mot de passe <input type="password" name="password"></label>
<button>Se connecter</button></form></body></html>`

// insecurePage is served over HTTPS but posts its form and loads a script over HTTP.
const insecurePage = `<!doctype html><html lang="fr"><head><title>Demande de rappel</title>
<script src="http://cdn.demo.invalid/tracker.js"></script></head><body>
<form method="post" action="http://crm.demo.invalid/leads"><input type="email" name="email">
<input type="tel" name="telephone"><button>Être rappelé</button></form>
<img src="http://cdn.demo.invalid/logo.png"></body></html>`

const homePage = `<!doctype html><html><head><title>Demande de devis</title></head><body><h1>Bienvenue</h1></body></html>`

// staleAfter is when a demo folder no demo is using any more (a demo
// killed before its Close) is removed by the next demo: it holds synthetic
// people (names, phone numbers, IBANs) that look real.
const staleAfter = 24 * time.Hour

// sweepStale removes the demo folders of dir older than staleAfter that
// this user owns; a demo running now is younger.
func sweepStale(dir string, now time.Time) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "vigie-demo-") {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleAfter && ownedByMe(info) {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// Start brings the sites up on 127.0.0.1; Close takes them down.
func Start(now time.Time) (*Lab, error) {
	ca, err := pki.NewCA("vigie demo CA", now.AddDate(-1, 0, 0))
	if err != nil {
		return nil, err
	}
	sweepStale(os.TempDir(), time.Now())
	files, err := os.MkdirTemp("", "vigie-demo-")
	if err != nil {
		return nil, check.Errorf("demo contracts folder: %v", "dossier des contrats de démonstration : %v", err)
	}
	l := &Lab{CA: ca, files: files}
	if err := writeContracts(files, now); err != nil {
		l.Close()
		return nil, check.Errorf("demo contracts: %v", "contrats de démonstration : %v", err)
	}
	if err := writeLeads(files, now); err != nil {
		l.Close()
		return nil, check.Errorf("demo lead sources: %v", "sources de prospects de démonstration : %v", err)
	}
	valid, err := pki.Issue(ca, []string{"127.0.0.1", "localhost"}, now.AddDate(0, -1, 0), now.AddDate(0, 0, 89))
	if err != nil {
		return nil, err
	}
	expired, err := pki.Issue(ca, []string{"127.0.0.1", "localhost"}, now.AddDate(0, -13, 0), now.AddDate(0, 0, -10))
	if err != nil {
		return nil, err
	}
	legacy, err := pki.IssueSpec(ca, pki.Spec{Names: []string{"127.0.0.1", "localhost"}, RSABits: 2048,
		NotBefore: now.AddDate(0, -2, 0), NotAfter: now.AddDate(2, 0, 0)})
	if err != nil {
		return nil, err
	}
	// A server configured as in 2012: TLS 1.0 to 1.2, static RSA, 3DES, CBC.
	legacyTLS := &tls.Config{Certificates: []tls.Certificate{legacy}, MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS12,
		CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_RSA_WITH_AES_128_CBC_SHA,
			tls.TLS_RSA_WITH_AES_256_CBC_SHA, tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA}}
	hsts := func(v string, body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if v != "" {
				w.Header().Set("Strict-Transport-Security", v)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		}
	}
	page := func(body string) http.HandlerFunc { return hsts("", body) }
	// hardened is what a well-kept site sends on every response.
	hardened := func(next http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Security-Policy", "default-src 'self'; object-src 'none'; frame-ancestors 'self'; form-action 'self'")
			h.Set("X-Content-Type-Options", "nosniff")
			h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
			h.Set("Cross-Origin-Resource-Policy", "same-origin")
			next(w, r)
		}
	}
	// weak reflects any Origin with credentials and shows its versions.
	weak := func(next http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'")
			h.Set("Server", "nginx/1.18.0 (Ubuntu)")
			h.Set("X-Powered-By", "PHP/7.4.3")
			h.Set("Referrer-Policy", "unsafe-url")
			if o := r.Header.Get("Origin"); o != "" {
				h.Set("Access-Control-Allow-Origin", o)
				h.Set("Access-Control-Allow-Credentials", "true")
			}
			next(w, r)
		}
	}

	steps := []struct {
		name   string
		plain  func(httpsURL string) http.Handler // nil: nothing listens on HTTP
		secure http.Handler                       // nil: nothing listens on HTTPS
		tls    *tls.Config
	}{
		{SiteCorrect, redirectTo, hardened(hsts("max-age=63072000; includeSubDomains", homePage)), pki.ServerConfig(valid)},
		{SiteLoginHTTP, func(string) http.Handler { return page(loginPage) }, nil, pki.ServerConfig(valid)},
		{SiteNoRedirect, func(string) http.Handler { return page(homePage) }, hsts("max-age=86400", homePage), pki.ServerConfig(valid)},
		{SiteExpired, redirectTo, hardened(hsts("max-age=63072000; includeSubDomains", homePage)), pki.ServerConfig(expired)},
		{SiteLegacyTLS, redirectTo, hardened(hsts("max-age=63072000; includeSubDomains", homePage)), legacyTLS},
		{SiteWeakHeaders, redirectTo, weak(hsts("max-age=63072000; includeSubDomains", homePage)), pki.ServerConfig(valid)},
		{SiteExposed, redirectTo, hardened(exposedFiles(hsts("max-age=63072000; includeSubDomains", homePage))), pki.ServerConfig(valid)},
		{SiteElastic, func(string) http.Handler { return http.HandlerFunc(openElastic) }, nil, pki.ServerConfig(valid)},
		{SiteInsecure, redirectTo, hardened(withCookie("PHPSESSID=d3m0s3ss10n; Path=/", hsts("max-age=63072000; includeSubDomains", insecurePage))), pki.ServerConfig(valid)},
	}
	for _, s := range steps {
		httpsURL, err := l.serve(s.secure, s.tls)
		if err != nil {
			l.Close()
			return nil, check.Errorf("starting demo site %s: %v", "démarrage du site de démonstration %s : %v", s.name, err)
		}
		httpURL, err := l.serve(s.plain(httpsURL), nil)
		if err != nil {
			l.Close()
			return nil, check.Errorf("starting demo site %s: %v", "démarrage du site de démonstration %s : %v", s.name, err)
		}
		t, err := probe.ExplicitTarget(s.name, httpURL, httpsURL)
		if err != nil {
			l.Close()
			return nil, err
		}
		l.Targets = append(l.Targets, t)
	}
	return l, nil
}

// withCookie sets a cookie on every response.
func withCookie(line string, next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Set-Cookie", line)
		next(w, r)
	}
}

// redirectTo answers every plain-HTTP request with a 301 to the HTTPS side.
func redirectTo(httpsURL string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, httpsURL+r.URL.Path[1:], http.StatusMovedPermanently)
	})
}

// serve starts h on a loopback port (over TLS when cfg is given) and returns
// its base URL. With h nil it reserves a port where nothing listens.
func (l *Lab) serve(h http.Handler, cfg *tls.Config) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	scheme := "http"
	if cfg != nil {
		scheme = "https"
	}
	base := fmt.Sprintf("%s://%s/", scheme, ln.Addr())
	if h == nil {
		ln.Close() // connection refused from now on
		return base, nil
	}
	if cfg != nil {
		ln = tls.NewListener(ln, cfg)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ErrorLog: quietLog()}
	l.servers = append(l.servers, srv)
	// Serve only returns once Close shuts the server down; a site that died
	// early would show in the scan as unreachable.
	go func() { _ = srv.Serve(ln) }()
	return base, nil
}

// Close stops every site.
func (l *Lab) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for _, s := range l.servers {
		_ = s.Shutdown(ctx)
	}
	if l.files != "" {
		_ = os.RemoveAll(l.files)
	}
}

// Plan is the scan of the lab: its targets, trusting the lab's CA as a
// --ca-file would, with bounds suited to loopback.
func (l *Lab) Plan(now func() time.Time) (scan.Plan, error) {
	cfg := config.Defaults()
	cfg.Scan.Concurrency = len(l.Targets)
	cfg.Scan.Rate = 0
	cfg.Scan.Timeout = config.Duration(5 * time.Second)
	p := scan.Plan{Web: l.Targets, Probe: probe.DefaultOptions()}
	p.Probe.Timeout = time.Duration(cfg.Scan.Timeout)
	p.Probe.Now = now
	roots, err := x509.SystemCertPool()
	if err != nil || roots == nil {
		roots = x509.NewCertPool()
	}
	roots.AddCert(l.CA.Cert)
	p.Probe.Roots = roots
	p.Engine = []engine.Option{engine.WithConcurrency(cfg.Scan.Concurrency), engine.WithTimeout(scan.UnitTimeout(p.Probe.Timeout))}
	for name, data := range map[string][]byte{ADPolicyFile: adPolicy, PolicyFile: passwordPolicy} {
		policies, err := pwpolicy.Parse(name, data)
		if err != nil {
			return scan.Plan{}, check.Errorf("demo password policy: %v", "politique de mots de passe de démonstration : %v", err)
		}
		for _, pol := range policies {
			p.Passwords = append(p.Passwords, password.Evidence{Target: name, Policy: pol})
		}
	}
	sort.Slice(p.Passwords, func(i, j int) bool { return p.Passwords[i].Target < p.Passwords[j].Target })
	audit, _, err := hashaudit.Audit(context.Background(), bytes.NewReader(usersHashes), HashFile, "")
	if err != nil {
		return scan.Plan{}, check.Errorf("demo stored passwords: %v", "mots de passe stockés de démonstration : %v", err)
	}
	p.Audited = append(p.Audited, password.HashEvidence{Target: HashFile, Audit: audit})
	p.Contracts, err = contractscan.Prepare(contractscan.Source{Root: l.files, Inventory: InventoryFile, Folder: ContractsFolder})
	if err != nil {
		return scan.Plan{}, check.Errorf("demo contracts: %v", "contrats de démonstration : %v", err)
	}
	if p.Leads, err = leadPlans(l.files); err != nil {
		return scan.Plan{}, err
	}
	return p, nil
}

// HashFile names the demo's embedded, fictitious users export.
const HashFile = "demo/users-hashes.csv"

//go:embed users-hashes.csv
var usersHashes []byte

// The demo's embedded password policies: a weak Active Directory domain
// policy (Get-ADDefaultDomainPasswordPolicy output) and a compliant one in vigie's YAML.
const (
	ADPolicyFile = "demo/ad-domain-policy.txt"
	PolicyFile   = "demo/password-policy.yaml"
)

//go:embed ad-domain-policy.txt
var adPolicy []byte

//go:embed password-policy.yaml
var passwordPolicy []byte
