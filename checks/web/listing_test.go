package web

import (
	"slices"
	"testing"
)

// Listing bodies as each server writes them (trimmed to what matters).
var listings = []struct {
	style, body string
	names       []string
}{
	{"nginx", "<html>\r\n<head><title>Index of /exports/</title></head>\r\n<body>\r\n<h1>Index of /exports/</h1><hr><pre><a href=\"../\">../</a>\r\n" +
		"<a href=\"old/\">old/</a>                                               01-Dec-2026 10:00       -\r\n" +
		"<a href=\"leads-2026.csv\">leads-2026.csv</a>                                     01-Dec-2026 10:00    1204\r\n" +
		"<a href=\"notes.txt\">notes.txt</a>                                          01-Dec-2026 10:00      12\r\n</pre><hr></body>\r\n</html>",
		[]string{"old/", "leads-2026.csv", "notes.txt"}},
	{"Apache", `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN"><html><head><title>Index of /exports</title></head><body><h1>Index of /exports</h1>` +
		`<table><tr><th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th></tr>` +
		`<tr><td><a href="/">Parent Directory</a></td></tr><tr><td><a href="prospects.xlsx">prospects.xlsx</a></td></tr>` +
		`<tr><td><a href="dump%202026.sql">dump 2026.sql</a></td></tr></table><address>Apache/2.4.62 Server at shop Port 80</address></body></html>`,
		[]string{"prospects.xlsx", "dump%202026.sql"}},
	{"IIS", `<html><head><title>shop - /exports/</title></head><body><H1>shop - /exports/</H1><hr><pre><A HREF="/">[To Parent Directory]</A><br><br>` +
		` 12/1/2026  10:00 AM        1204 <A HREF="/exports/clients.csv">clients.csv</A><br></pre><hr></body></html>`,
		[]string{"clients.csv"}},
	{"Caddy", `<!DOCTYPE html><html><head><title>/exports/</title></head><body><header><h1><a href="/">/</a><a href="/exports/">exports</a>/</h1></header>` +
		`<main><div class="listing"><table aria-describedby="summary"><tbody><tr><td><a href="./backup.sql.gz"><span class="name">backup.sql.gz</span></a></td></tr>` +
		`<tr><td><a href="./img/">img/</a></td></tr></tbody></table></div></main><footer>Served with <a rel="noopener noreferrer" href="https://caddyserver.com">Caddy</a></footer></body></html>`,
		[]string{"backup.sql.gz", "img/"}},
	{"Python http.server", `<!DOCTYPE HTML><html lang="en"><head><meta charset="utf-8"><title>Directory listing for /exports/</title></head><body>` +
		`<h1>Directory listing for /exports/</h1><hr><ul><li><a href="contacts.json">contacts.json</a></li><li><a href="deep/x.csv">deep/x.csv</a></li></ul><hr></body></html>`,
		[]string{"contacts.json"}},
	{"", `<html><head><title>Our exports</title></head><body><a href="/exports/leads.csv">download</a></body></html>`, nil},
}

func TestParseListing(t *testing.T) {
	for _, l := range listings {
		t.Run(l.style, func(t *testing.T) {
			if got := ListingStyle([]byte(l.body)); got != l.style {
				t.Fatalf("style = %q, want %q", got, l.style)
			}
			if l.style == "" {
				return
			}
			if got := ParseListing([]byte(l.body), "https://shop.example.fr/exports/"); !slices.Equal(got, l.names) {
				t.Errorf("entries = %q, want %q", got, l.names)
			}
		})
	}
}

func TestDumpLike(t *testing.T) {
	for name, want := range map[string]bool{
		"leads-2026.csv": true, "prospects.xlsx": true, "dump%202026.sql": true, "site.sql.gz": true, "crm.bak": true,
		"contacts.json": true, "Clients_FR.CSV": true, "notes.txt": false, "logo.png": false, "prices.csv": false,
		"feedback.json": false, "old/": false, "archive.tar.gz": false, "backup-2026.tar.gz": true,
	} {
		if got := DumpLike(name); got != want {
			t.Errorf("DumpLike(%q) = %v", name, got)
		}
	}
}

func TestCatIndicesTable(t *testing.T) {
	for _, tc := range []struct {
		body string
		want []string
	}{
		{"green  open leads-2026   aB3 1 1 1200 0 1mb 1mb\nyellow open .kibana  xY9 1 1 3 0 8kb 8kb\n", []string{"leads-2026", ".kibana"}},
		{"health status index uuid pri rep docs.count\ngreen open prospects_fr u 1 0 5 0 1kb 1kb\n", []string{"prospects_fr"}},
		{"<html>not found</html>", nil},
		{"green open\n", nil},
	} {
		if got := catIndices([]byte(tc.body)); !slices.Equal(got, tc.want) {
			t.Errorf("catIndices(%q) = %q, want %q", tc.body, got, tc.want)
		}
	}
}
