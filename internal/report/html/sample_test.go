package htmlreport

import (
	"context"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/contracts"
	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/waiver"
)

// The web sites are internal/report's sample (same fixed clock and scan
// ID); password, contracts, a waiver and changes are added so every part of
// the page is drawn.
var t0 = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func site(name string, mod func(*web.Evidence)) engine.Unit {
	e := web.Evidence{Target: name, Host: "shop.example.fr", CollectedAt: t0,
		HTTP: web.Probe{URL: "http://shop.example.fr/", Reached: true, StatusCode: 200,
			Hops: []web.Hop{{URL: "http://shop.example.fr/", Status: 301, Location: "https://shop.example.fr/"}, {URL: "https://shop.example.fr/", Status: 200}}},
		HTTPS: web.Probe{URL: "https://shop.example.fr/", Reached: true, StatusCode: 200,
			Hops: []web.Hop{{URL: "https://shop.example.fr/", Status: 200}},
			Headers: map[string][]string{"Strict-Transport-Security": {"max-age=63072000; includeSubDomains"},
				"Content-Security-Policy": {"default-src 'self'; object-src 'none'; frame-ancestors 'none'"},
				"X-Content-Type-Options":  {"nosniff"}, "Referrer-Policy": {"no-referrer"}}},
		TLS: web.TLS{Attempted: true, Version: "TLS 1.3", Trusted: true, NameOK: true, ChainLen: 2,
			Leaf: &web.Cert{Subject: "CN=shop.example.fr", Issuer: "CN=Demo CA", DNSNames: []string{"shop.example.fr"},
				NotBefore: t0.AddDate(0, -2, 0), NotAfter: t0.AddDate(0, 1, 0), SHA256: "ab12", KeyType: "ECDSA", KeyBits: 256, SigAlg: "ECDSA-SHA256"},
			Protocols: []web.Protocol{{Version: "TLS 1.0", Tested: true}, {Version: "TLS 1.1", Tested: true},
				{Version: "TLS 1.2", Tested: true, Accepted: true}, {Version: "TLS 1.3", Tested: true, Accepted: true}},
			Suites: []string{"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"}, SuitesVersion: "TLS 1.2", NotTested: []string{"SSLv3"}},
	}
	e.TLS.Chain = []web.Cert{*e.TLS.Leaf}
	if mod != nil {
		mod(&e)
	}
	return engine.Unit{Family: check.FamilyWeb, Target: name, Checks: web.Checks(),
		Collect: func(context.Context, engine.Pacer) (any, error) { return e, nil }}
}

func webUnits() []engine.Unit {
	return []engine.Unit{
		site("https://shop.example.fr", nil),
		site("http://login.example.fr", func(e *web.Evidence) {
			e.Host = "login.example.fr"
			e.HTTP = web.Probe{URL: "http://login.example.fr/", Reached: true, StatusCode: 200,
				Hops: []web.Hop{{URL: "http://login.example.fr/", Status: 200}},
				Body: []byte(`<form method="post"><input name="email"><input type="password" name="pw"></form>`)}
			e.HTTPS = web.Probe{URL: "https://login.example.fr/", Error: check.Text{EN: "connection refused", FR: "connexion refusée"}, ErrorKind: "refused"}
			e.TLS = web.TLS{Attempted: true, Error: check.Text{EN: "connection refused", FR: "connexion refusée"}}
		}),
		site("https://old.example.fr", func(e *web.Evidence) {
			e.HTTP.Hops = []web.Hop{{URL: "http://shop.example.fr/", Status: 200}}
			e.HTTP.Body = []byte("<html>hello</html>")
			e.TLS.Leaf.NotAfter = t0.AddDate(0, 0, -12)
			e.HTTPS.Headers = nil
		}),
		site("https://gone.example.fr", func(e *web.Evidence) {
			e.HTTP = web.Probe{URL: "http://gone.example.fr/", Error: check.Text{EN: "host name does not resolve", FR: "le nom d'hôte ne se résout pas"}, ErrorKind: "dns"}
			e.HTTPS = web.Probe{URL: "https://gone.example.fr/", Error: check.Text{EN: "host name does not resolve", FR: "le nom d'hôte ne se résout pas"}, ErrorKind: "dns"}
			e.TLS = web.TLS{Attempted: true, Error: check.Text{EN: "host name does not resolve", FR: "le nom d'hôte ne se résout pas"}}
		}),
	}
}

func ptr[T any](v T) *T { return &v }

func extraUnits() []engine.Unit {
	weak := password.Policy{Name: "domain", Format: "ad-powershell", MinLength: ptr(7), MaxLength: ptr(0), MinClasses: ptr(3),
		RequireLower: password.No, RequireUpper: password.No, RequireDigit: password.No, RequireSpecial: password.No,
		LockoutThreshold: ptr(0), MaxAgeDays: ptr(42), HistoryCount: ptr(24), ReversibleStorage: password.No,
		Storage: &password.Storage{Algorithm: "nt", Salted: password.No}}
	pw := password.Evidence{Target: "policies/ad-domain.txt", Policy: weak}

	var results []contracts.Result
	for i, el := range contracts.Elements {
		r := contracts.Result{Element: el.ID, Level: contracts.Specific, Why: check.Text{EN: "a delay is given", FR: "un délai est donné"},
			Sentence: "The Processor notifies the Controller within 24 hours.", Location: &contracts.Location{Paragraph: i + 1}}
		switch i % 4 {
		case 1:
			r.Level, r.Sentence, r.Location, r.Why = contracts.Missing, "", nil, check.Text{EN: "no clause found", FR: "aucune clause trouvée"}
		case 2:
			r.Level, r.Why = contracts.Restated, check.Text{EN: "repeats the Article", FR: "reprend l'article"}
		}
		results = append(results, r)
	}
	analysis := &contracts.Analysis{Language: contracts.LangEN, Chars: 4200, Sentences: 38, Results: results}
	doc := contracts.Evidence{Target: "contracts/acme-dialer.txt", Format: "txt", Processors: []string{"Acme Dialer"}, Analysis: analysis}
	acme := contracts.Processor{Inventory: "processors.csv", Row: 2, Name: "Acme Dialer", Service: "call centre",
		Contracts: []string{"acme-dialer.txt"}, Signed: contracts.No, Countries: []string{"MA"}, AsOf: t0,
		Docs: []contracts.DocRef{{Path: "contracts/acme-dialer.txt", Exists: true, Analysis: analysis}}}
	ghost := contracts.Processor{Inventory: "processors.csv", Row: 3, Name: "DataLeads Enrich", Service: "enrichment", AsOf: t0,
		DataCategories: []string{"health"}}
	unit := func(f check.Family, target string, cs check.Catalogue, ev any) engine.Unit {
		return engine.Unit{Family: f, Target: target, Checks: cs, Collect: func(context.Context, engine.Pacer) (any, error) { return ev, nil }}
	}
	return []engine.Unit{
		unit(check.FamilyPassword, pw.TargetName(), password.Checks(), pw),
		unit(check.FamilyContracts, doc.Target, contracts.DocumentChecks(), doc),
		unit(check.FamilyContracts, acme.TargetName(), contracts.InventoryChecks(), acme),
		unit(check.FamilyContracts, ghost.TargetName(), contracts.InventoryChecks(), ghost),
	}
}

func run(t testing.TB, units []engine.Unit) report.Report {
	t.Helper()
	eng, err := engine.New(engine.WithClock(func() time.Time { return t0 }), engine.WithScanID(func() string { return "00000000-test-scan" }),
		engine.WithVersion("0.1.0-test"), engine.WithConcurrency(2))
	if err != nil {
		t.Fatal(err)
	}
	r, err := eng.Run(context.Background(), units, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// rich is the sample with every section: three families, a waiver and
// changes since a previous scan.
func rich(t testing.TB) report.Report {
	t.Helper()
	r := run(t, append(webUnits(), extraUnits()...))
	known := func(id string) bool { _, ok := r.Meta(id); return ok }
	w, err := waiver.Parse("waivers.yaml", []byte(`waivers:
  - check: WEB-HSTS-001
    target: "https://old.example.fr"
    statement: legacy site, closed in March
    expires: 2027-03-31
`), known)
	if err != nil {
		t.Fatal(err)
	}
	r, _ = waiver.Apply(r, w, "waivers.yaml", t0)
	r.Changes = &report.Changes{Since: "00000000-prev-scan", SinceTime: t0.AddDate(0, 0, -7), PreviousScore: 41,
		New:          []report.Change{{CheckID: "WEB-CERT-002", Target: "https://old.example.fr", Status: check.Fail, Before: check.Pass}, {CheckID: "PWD-CNIL-001", Target: "policies/ad-domain.txt#domain", Status: check.Fail}},
		Fixed:        []report.Change{{CheckID: "WEB-TLS-001", Target: "https://shop.example.fr", Status: check.Pass, Before: check.Fail}},
		StillFailing: 12, Disappeared: 1}
	return r
}
