package probe

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
)

// Pipelined answers are matched to their own requests, even when the
// server closes the connection now and then or sends a long body.
func TestPipelinedAnswersMatchTheirPaths(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k := n.Add(1)
		if k%3 == 0 {
			w.Header().Set("Connection", "close")
		}
		if strings.HasSuffix(r.URL.Path, "big") {
			fmt.Fprint(w, strings.Repeat("x", 200<<10)) // longer than what is drained: the connection is dropped
			return
		}
		w.WriteHeader(200 + int(k%2)) // 200 or 201, to see statuses stay with their path
		fmt.Fprint(w, r.URL.Path)
	}))
	defer srv.Close()
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	o := &originProbe{p: p, pace: noWait{}, origin: srv.URL}
	o.left.Store(1000)
	var paths []web.ExposurePath
	for i := range 40 {
		name := fmt.Sprintf("/p%02d", i)
		if i%10 == 5 {
			name += "big"
		}
		paths = append(paths, web.ExposurePath{Path: name, Kind: web.KindDump})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for i, r := range o.run(ctx, paths, nil) {
		if r.f.Err != "" {
			t.Fatalf("%s: %s", paths[i].Path, r.f.Err)
		}
		if strings.HasSuffix(paths[i].Path, "big") {
			if len(r.body) != exposureBody {
				t.Errorf("%s: kept %d bytes", paths[i].Path, len(r.body))
			}
			continue
		}
		if string(r.body) != paths[i].Path {
			t.Errorf("answer of %s is %q", paths[i].Path, r.body)
		}
	}
	if used := 1000 - int(o.left.Load()); used < 40 || used > 80 { // a server closing every third answer costs some requests again
		t.Errorf("%d requests for 40 paths", used)
	}
}

// A header block without end is cut at its budget, not read into memory.
func TestPipelinedEndlessHeaders(t *testing.T) {
	addr := closedAddrServer(t)
	p, _ := New(DefaultOptions())
	o := &originProbe{p: p, pace: noWait{}, origin: "http://" + addr}
	o.left.Store(10)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	start := time.Now()
	r := o.run(ctx, []web.ExposurePath{{Path: "/x"}}, nil)[0]
	if r.f.Err == "" || r.f.Status != 0 {
		t.Errorf("endless headers = %+v", r.f)
	}
	// Without the budget the read would go on until the context ends it.
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the endless headers were read for %s: no budget stopped them", d)
	}
}

// closedAddrServer answers every connection with a status line and then
// headers forever.
func closedAddrServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\n"))
				line := []byte("X-Pad: " + strings.Repeat("a", 1000) + "\r\n")
				for {
					if _, err := c.Write(line); err != nil {
						return
					}
				}
			}()
		}
	}()
	return l.Addr().String()
}

// The page and exposure connections to one server resume its TLS session.
func TestConnectionsResumeTLSSessions(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "https://")
	d := &net.Dialer{Timeout: 2 * time.Second}
	resumed := false
	for range 3 {
		c, err := dialTLS(context.Background(), d, 2*time.Second, "tcp", addr, nil)
		if err != nil {
			t.Fatal(err)
		}
		// A TLS 1.3 ticket arrives after the handshake: read until the server closes.
		_ = c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
		_, _ = c.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
		_, _ = io.ReadAll(c)
		resumed = resumed || c.(*tls.Conn).ConnectionState().DidResume
		c.Close()
	}
	if !resumed {
		t.Error("no connection resumed its session")
	}
}

// The phases of one origin's exposure scan (robots.txt and sitemap first,
// then the list) share one connection while the server keeps it open.
func TestExposurePhasesShareAConnection(t *testing.T) {
	var conns atomic.Int32
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /exports/\n")
			return
		}
		http.NotFound(w, r)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	defer srv.Close()
	p, err := New(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ex := p.Exposure(ctx, noWait{}, srv.URL+"/", []web.ExposurePath{{Path: "/.env", Kind: web.KindDump}, {Path: "/backup.sql", Kind: web.KindDump}})
	if len(ex.Discovered) != 1 || len(ex.Fetches) != 3 || ex.Error.EN != "" {
		t.Fatalf("exposure = %+v", ex)
	}
	for _, f := range ex.Fetches {
		if f.Status != 404 || f.Err != "" {
			t.Errorf("%s: %d %s", f.Path, f.Status, f.Err)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("%d connections for %d requests", n, ex.Requests)
	}
}

// Two servers on one IP keep their own sessions: each resumes its own,
// however the dials alternate.
func TestSessionsAreKeptPerServer(t *testing.T) {
	var resumed [2]atomic.Int32
	var addrs [2]string
	for i := range 2 {
		srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
		srv.Config.ConnState = func(c net.Conn, s http.ConnState) {
			if s == http.StateActive && c.(*tls.Conn).ConnectionState().DidResume {
				resumed[i].Add(1)
			}
		}
		srv.StartTLS()
		defer srv.Close()
		addrs[i] = strings.TrimPrefix(srv.URL, "https://")
	}
	d := &net.Dialer{Timeout: 2 * time.Second}
	for range 3 {
		for _, addr := range addrs {
			c, err := dialTLS(context.Background(), d, 2*time.Second, "tcp", addr, nil)
			if err != nil {
				t.Fatal(err)
			}
			// The ticket comes after the handshake: read until the server closes.
			_ = c.SetReadDeadline(time.Now().Add(2 * time.Second))
			_, _ = c.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
			_, _ = io.ReadAll(c)
			c.Close()
		}
	}
	for i := range 2 {
		if n := resumed[i].Load(); n != 2 {
			t.Errorf("server %d: %d of its 3 connections resumed, want 2", i, n)
		}
	}
}
