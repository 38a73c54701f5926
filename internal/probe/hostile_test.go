package probe_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/probe"
)

// gzipBomb is 64 MB of zeros, about 64 KB compressed.
func gzipBomb(t *testing.T) []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for range 64 {
		zw.Write(zero)
	}
	zw.Close()
	return b.Bytes()
}

// TestHostileServers collects a target served by each hostile server on the
// plain-HTTP side, evaluates every web check, and requires the scan to end
// within its bound with clear findings, never a panic or a hang.
func TestHostileServers(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile servers wait for timeouts")
	}
	const timeout = 700 * time.Millisecond
	bomb := gzipBomb(t)
	handlers := map[string]http.HandlerFunc{
		"slow body": func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(200)
			for i := 0; i < 100 && r.Context().Err() == nil; i++ {
				w.Write([]byte("<p>"))
				w.(http.Flusher).Flush()
				time.Sleep(100 * time.Millisecond)
			}
		},
		"gzip bomb": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "text/html")
			w.Write(bomb)
		},
		"10,000 headers": func(w http.ResponseWriter, r *http.Request) {
			for i := range 10000 {
				w.Header().Set(fmt.Sprintf("X-Junk-%d", i), "x")
			}
		},
		"redirect to file://": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", "file:///etc/passwd")
			w.WriteHeader(http.StatusMovedPermanently)
		},
		"redirect to another host": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "https://localhost:1/", http.StatusMovedPermanently)
		},
		"not HTML": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("\x00\xff<<<>>>\x00<input type=password>{\"json\":[1,2<form"))
		},
	}
	raw := map[string]func(net.Conn){
		"slow headers": func(c net.Conn) {
			readRequest(c) // a real slow server answers after the request
			c.Write([]byte("HTTP/1.1 200 OK\r\n"))
			for i := 0; i < 50; i++ {
				if _, err := c.Write([]byte("X-Slow: 1\r\n")); err != nil {
					return
				}
				time.Sleep(100 * time.Millisecond)
			}
		},
		"TLS server closing mid-handshake": func(c net.Conn) {
			buf := make([]byte, 512)
			c.Read(buf) // the ClientHello, then nothing
		},
	}
	p, err := probe.New(func() probe.Options {
		o := probe.DefaultOptions()
		o.Timeout = timeout
		o.ExposurePaths = o.ExposurePaths[:4]
		return o
	}())
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()

	run := func(t *testing.T, httpURL, httpsURL string) map[string]check.Finding {
		tg, err := probe.ExplicitTarget("hostile", httpURL, httpsURL)
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		ev := p.Collect(context.Background(), noPace{}, tg)
		if d := time.Since(start); d > 12*timeout {
			t.Errorf("collection took %s with a %s timeout", d, timeout)
		}
		out := map[string]check.Finding{}
		for _, c := range web.Checks() {
			f := c.Evaluate(ev)
			if !f.Message.Complete() {
				t.Errorf("%s: message not in both languages: %+v", f.CheckID, f.Message)
			}
			out[f.CheckID] = f
		}
		return out
	}
	closed := "https://" + closedPort(t) + "/"
	want := map[string]struct {
		check  string
		status check.Status
		says   string
	}{
		"slow body":                {"WEB-REDIR-001", check.Fail, "serves the page"},
		"gzip bomb":                {"WEB-REDIR-001", check.Fail, "2097152 bytes"},
		"10,000 headers":           {"WEB-REDIR-001", check.Fail, "serves the page"},
		"redirect to file://":      {"WEB-REDIR-001", check.Fail, "file:///etc/passwd"},
		"redirect to another host": {"WEB-REDIR-001", check.Warn, "another host"},
		"not HTML":                 {"WEB-FORM-001", check.Fail, "password"},
		"slow headers":             {"WEB-HTTPS-001", check.Error, "no answer within"},
	}
	for name, h := range handlers {
		t.Run(name, func(t *testing.T) {
			s := httptest.NewServer(h)
			defer s.Close()
			got := run(t, s.URL+"/", closed)
			w := want[name]
			f := got[w.check]
			if f.Status != w.status || !strings.Contains(f.Message.EN, w.says) {
				t.Errorf("%s = %s %q, want %s mentioning %q", w.check, f.Status, f.Message.EN, w.status, w.says)
			}
		})
	}
	t.Run("slow headers", func(t *testing.T) {
		addr := rawServer(t, raw["slow headers"])
		got := run(t, "http://"+addr+"/", closed)
		if f := got["WEB-HTTPS-001"]; f.Status != check.Error || !strings.Contains(f.Message.EN, "no answer within") {
			t.Errorf("WEB-HTTPS-001 = %s %q", f.Status, f.Message.EN)
		}
	})
	t.Run("TLS server closing mid-handshake", func(t *testing.T) {
		addr := rawServer(t, raw["TLS server closing mid-handshake"])
		plain := httptest.NewServer(http.RedirectHandler("https://"+addr+"/", http.StatusMovedPermanently))
		defer plain.Close()
		got := run(t, plain.URL+"/", "https://"+addr+"/")
		if f := got["WEB-HTTPS-001"]; f.Status != check.Fail || f.Message.EN == "" {
			t.Errorf("WEB-HTTPS-001 = %s %q", f.Status, f.Message.EN)
		}
		if f := got["WEB-TLS-001"]; f.Status != check.Skipped && f.Status != check.Error {
			t.Errorf("WEB-TLS-001 = %s %q", f.Status, f.Message.EN)
		}
	})
}

// readRequest consumes a request's head from c.
func readRequest(c net.Conn) {
	buf := make([]byte, 0, 4096)
	tmp := make([]byte, 512)
	for !bytes.Contains(buf, []byte("\r\n\r\n")) && len(buf) < 64<<10 {
		n, err := c.Read(tmp)
		if err != nil {
			return
		}
		buf = append(buf, tmp[:n]...)
	}
}
