//go:build integration

package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/pki"
	"github.com/vigie-security/vigie/internal/probe"
)

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

const nginxConf = `daemon off;
worker_processes 1;
user root;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path %[1]s/body; proxy_temp_path %[1]s/proxy; fastcgi_temp_path %[1]s/fastcgi;
  uwsgi_temp_path %[1]s/uwsgi; scgi_temp_path %[1]s/scgi;
  server {
    listen 127.0.0.1:%[2]d;
    return 301 https://127.0.0.1:%[3]d$request_uri;
  }
  server {
    listen 127.0.0.1:%[3]d ssl;
    ssl_certificate %[1]s/modern.crt; ssl_certificate_key %[1]s/modern.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305;
    add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;
    add_header Content-Security-Policy "default-src 'self'; object-src 'none'; frame-ancestors 'none'" always;
    add_header X-Content-Type-Options nosniff always;
    location / { return 200 "modern\n"; }
  }
  server {
    listen 127.0.0.1:%[4]d ssl;
    ssl_certificate %[1]s/legacy.crt; ssl_certificate_key %[1]s/legacy.key;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
    ssl_ciphers "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA:DES-CBC3-SHA:@SECLEVEL=0";
    location / { return 200 "legacy\n"; }
  }
}
`

// startNginx serves a modern and a legacy TLS configuration on loopback.
func startNginx(t *testing.T) (httpPort, modern, legacy int, ca *pki.CA) {
	t.Helper()
	if _, err := exec.LookPath("nginx"); err != nil {
		t.Skip("nginx not installed (.ci/run installs it)")
	}
	dir := t.TempDir()
	now := time.Now()
	ca, err := pki.NewCA("integration CA", now.AddDate(-1, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	mc, err := pki.Issue(ca, []string{"127.0.0.1"}, now.AddDate(0, -1, 0), now.AddDate(0, 2, 0))
	if err != nil {
		t.Fatal(err)
	}
	lc, err := pki.IssueSpec(ca, pki.Spec{Names: []string{"127.0.0.1"}, NotBefore: now.AddDate(0, -1, 0), NotAfter: now.AddDate(0, 2, 0), RSABits: 2048})
	if err != nil {
		t.Fatal(err)
	}
	if err := pki.WritePEM(mc, filepath.Join(dir, "modern.crt"), filepath.Join(dir, "modern.key")); err != nil {
		t.Fatal(err)
	}
	if err := pki.WritePEM(lc, filepath.Join(dir, "legacy.crt"), filepath.Join(dir, "legacy.key")); err != nil {
		t.Fatal(err)
	}
	httpPort, modern, legacy = freePort(t), freePort(t), freePort(t)
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(nginxConf, dir, httpPort, modern, legacy)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("nginx", "-p", dir, "-c", conf)
	out, _ := os.Create(filepath.Join(dir, "stderr.log"))
	cmd.Stdout, cmd.Stderr = out, out
	startGroup(t, cmd)
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", legacy), time.Second)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx did not start: %s", log)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return httpPort, modern, legacy, ca
}

// testssl runs testssl.sh on url and returns finding by id.
func testssl(t *testing.T, url string) map[string]string {
	t.Helper()
	bin, err := exec.LookPath("testssl")
	if err != nil {
		if bin, err = exec.LookPath("testssl.sh"); err != nil {
			t.Skip("testssl.sh not installed (.ci/run installs it)")
		}
	}
	out := filepath.Join(t.TempDir(), "testssl.json")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--quiet", "--warnings", "off", "--nodns", "none", "--color", "0",
		"--jsonfile", out, "-p", "-s", url)
	if b, err := cmd.CombinedOutput(); err != nil && !strings.Contains(err.Error(), "exit status") {
		t.Fatalf("testssl: %v\n%s", err, b)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("testssl wrote no JSON: %v", err)
	}
	var rows []struct{ ID, Finding string }
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatalf("testssl JSON: %v", err)
	}
	m := map[string]string{}
	for _, r := range rows {
		m[r.ID] = r.Finding
	}
	return m
}

// TestAgreesWithTestssl compares objective TLS facts on real nginx servers:
// which protocols are accepted, and whether 3DES is offered.
func TestAgreesWithTestssl(t *testing.T) {
	httpPort, modern, legacy, ca := startNginx(t)
	opts := probe.DefaultOptions()
	opts.Roots = ca.Pool()
	opts.ExposurePaths = nil
	p, err := probe.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	versions := map[string]string{"SSLv2": "SSLv2", "SSLv3": "SSLv3", "TLS 1.0": "TLS1", "TLS 1.1": "TLS1_1", "TLS 1.2": "TLS1_2", "TLS 1.3": "TLS1_3"}
	for name, port := range map[string]int{"modern": modern, "legacy": legacy} {
		t.Run(name, func(t *testing.T) {
			url := fmt.Sprintf("https://127.0.0.1:%d/", port)
			tg, err := probe.ExplicitTarget(name, fmt.Sprintf("http://127.0.0.1:%d/", httpPort), url)
			if err != nil {
				t.Fatal(err)
			}
			ev := p.Collect(context.Background(), noPace{}, tg)
			ts := testssl(t, url)
			for _, pr := range ev.TLS.Protocols {
				theirs, ok := ts[versions[pr.Version]]
				if !ok {
					t.Errorf("testssl reported nothing for %s", pr.Version)
					continue
				}
				offered := strings.HasPrefix(theirs, "offered")
				if !pr.Tested || pr.Accepted != offered {
					t.Errorf("%s: vigie accepted=%v (tested %v), testssl %q", pr.Version, pr.Accepted, pr.Tested, theirs)
				}
			}
			if theirs, ok := ts["cipherlist_3DES_IDEA"]; ok {
				var f check.Finding
				for _, c := range web.Checks() {
					if c.Meta().ID == "WEB-TLS-004" {
						f = c.Evaluate(ev)
					}
				}
				if vigie3DES, testssl3DES := f.Status == check.Fail, !strings.HasPrefix(theirs, "not offered"); vigie3DES != testssl3DES {
					t.Errorf("3DES: vigie %s (%s), testssl %q", f.Status, f.Message.EN, theirs)
				}
			} else {
				t.Logf("testssl gave no cipherlist_3DES_IDEA; ids: %d", len(ts))
			}
			t.Logf("%s: vigie %v; testssl TLS1=%q TLS1_1=%q TLS1_2=%q TLS1_3=%q 3DES=%q", name, ev.TLS.Protocols,
				ts["TLS1"], ts["TLS1_1"], ts["TLS1_2"], ts["TLS1_3"], ts["cipherlist_3DES_IDEA"])
		})
	}
}

type noPace struct{}

func (noPace) Wait(ctx context.Context) error { return ctx.Err() }
