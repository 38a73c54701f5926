//go:build integration

package integration

import (
	"context"
	"encoding/asn1"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/probe"
	"github.com/vigie-security/vigie/internal/tlswire"
)

// oakley2 is RFC 2409's 1024-bit group 2: a common prime, Logjam's target.
const oakley2 = "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
	"EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF"

// legacyConf is a server no browser would accept: anonymous and NULL
// suites, 1024-bit DHE, TLS 1.0 and 1.1, a 512-bit RSA key signed with MD5.
// Debian's OpenSSL serves all of it at @SECLEVEL=0.
const legacyConf = `daemon off;
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
    listen 127.0.0.1:%[2]d ssl;
    ssl_certificate %[1]s/weak.crt; ssl_certificate_key %[1]s/weak.key;
    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;
    ssl_ciphers "ADH-AES128-SHA:AECDH-AES128-SHA:DHE-RSA-AES128-SHA:DHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA:NULL-SHA:CAMELLIA128-SHA:@SECLEVEL=0";
    ssl_dhparam %[1]s/dh1024.pem;
    ssl_prefer_server_ciphers on;
    location / { return 200 "legacy\n"; }
  }
  server {
    listen 127.0.0.1:%[3]d ssl;
    ssl_certificate %[1]s/weak.crt; ssl_certificate_key %[1]s/weak.key;
    ssl_protocols TLSv1.2;
    ssl_ciphers "ADH-AES128-SHA:AECDH-AES128-SHA:@SECLEVEL=0";
    ssl_dhparam %[1]s/dh1024.pem;
    location / { return 200 "anonymous\n"; }
  }
}
`

// startLegacyNginx serves legacyConf on loopback and returns its ports:
// the legacy server's, and one offering only anonymous suites.
func startLegacyNginx(t *testing.T) (legacy, anonymous int) {
	t.Helper()
	for _, bin := range []string{"nginx", "openssl"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("%s not installed (.ci/run installs it)", bin)
		}
	}
	dir := t.TempDir()
	gen := exec.Command("openssl", "req", "-x509", "-newkey", "rsa:512", "-md5", "-nodes", "-days", "30",
		"-keyout", filepath.Join(dir, "weak.key"), "-out", filepath.Join(dir, "weak.crt"),
		"-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1")
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("openssl req: %v\n%s", err, out)
	}
	p, _ := new(big.Int).SetString(oakley2, 16)
	der, err := asn1.Marshal(struct{ P, G *big.Int }{p, big.NewInt(2)})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "dh1024.pem"), pem.EncodeToMemory(&pem.Block{Type: "DH PARAMETERS", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	port, anonymous := freePort(t), freePort(t)
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(legacyConf, dir, port, anonymous)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("nginx", "-p", dir, "-c", conf)
	out, _ := os.Create(filepath.Join(dir, "stderr.log"))
	cmd.Stdout, cmd.Stderr = out, out
	startGroup(t, cmd)
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", port), time.Second)
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
	return port, anonymous
}

// testsslRows runs testssl.sh with args on url and returns its JSON rows by id.
func testsslRows(t *testing.T, url string, args ...string) map[string]string {
	t.Helper()
	bin, err := exec.LookPath("testssl")
	if err != nil {
		if bin, err = exec.LookPath("testssl.sh"); err != nil {
			t.Skip("testssl.sh not installed (.ci/run installs it)")
		}
	}
	out := filepath.Join(t.TempDir(), "testssl.json")
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"--quiet", "--warnings", "off", "--nodns", "none", "--color", "0",
		"--jsonfile", out}, append(args, url)...)...)
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

// testsslProto maps vigie's versions to testssl.sh's protocol ids and the
// prefix of its per-protocol cipher ids.
var testsslProto = map[uint16][2]string{
	tlswire.SSL20: {"SSLv2", "ssl2"}, tlswire.SSL30: {"SSLv3", "ssl3"}, tlswire.TLS10: {"TLS1", "tls1"},
	tlswire.TLS11: {"TLS1_1", "tls1_1"}, tlswire.TLS12: {"TLS1_2", "tls1_2"}, tlswire.TLS13: {"TLS1_3", "tls1_3"},
}

var cipherRow = regexp.MustCompile(`^cipher-(ssl2|ssl3|tls1|tls1_1|tls1_2|tls1_3)_x([0-9a-f]+)$`)

// TestWireAgreesWithTestssl scans a legacy nginx (and the modern one of
// startNginx, for TLS 1.3) with tlswire and with testssl.sh -p -E, and fails
// on any difference in protocols, accepted suites or DH group size.
func TestWireAgreesWithTestssl(t *testing.T) {
	legacy, anonymous := startLegacyNginx(t)
	_, modern, _, _ := startNginx(t)
	for name, port := range map[string]int{"legacy": legacy, "modern": modern} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res, ts := compareWithTestssl(t, port)
			ev := probeHandshake(t, port)
			compareEvidence(t, ev, ts)
			switch name {
			case "legacy":
				checkLegacy(t, res)
				checkLegacyFindings(t, ev)
			case "modern":
				if !res.Protocols[5].Accepted || len(res.Groups) == 0 {
					t.Errorf("modern: TLS 1.3 accepted=%v, groups %v", res.Protocols[5].Accepted, res.Groups)
				}
			}
		})
	}
	t.Run("anonymous only", func(t *testing.T) {
		ev := probeHandshake(t, anonymous)
		if ev.Leaf != nil || !strings.Contains(ev.Error.EN, "only anonymous suites") || !slices.Contains(ev.Suites, "TLS_DH_anon_WITH_AES_128_CBC_SHA") {
			t.Errorf("anonymous-only server: leaf %v, error %q, suites %v", ev.Leaf != nil, ev.Error.EN, ev.Suites)
		}
		for id, want := range map[string]check.Status{"WEB-TLS-001": check.Pass, "WEB-TLS-003": check.Pass, "WEB-CERT-001": check.Error} {
			if f := evaluate(t, ev, id); f.Status != want {
				t.Errorf("anonymous-only server: %s %s (%s), want %s", id, f.Status, f.Message.EN, want)
			}
		}
	})
}

// probeHandshake is vigie's own path: Go's handshake, then the scan.
func probeHandshake(t *testing.T, port int) web.TLS {
	t.Helper()
	p, err := probe.New(probe.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	start := time.Now()
	ev := p.Handshake(context.Background(), noPace{}, fmt.Sprintf("https://127.0.0.1:%d/", port), "127.0.0.1")
	took := time.Since(start)
	t.Logf("vigie's TLS family (Go's handshake, then the scan): %v", took.Round(time.Millisecond))
	if took > 2*time.Second {
		t.Errorf("vigie's TLS family took %v, over the 2 s budget", took)
	}
	return ev
}

// compareEvidence holds the evidence the checks read to testssl.sh's view:
// protocols, and the SSLv3 to TLS 1.2 suites by IANA name.
func compareEvidence(t *testing.T, ev web.TLS, ts map[string]string) {
	for _, pr := range ev.Protocols {
		id := map[string]string{"SSLv2": "SSLv2", "SSLv3": "SSLv3", "TLS 1.0": "TLS1", "TLS 1.1": "TLS1_1", "TLS 1.2": "TLS1_2", "TLS 1.3": "TLS1_3"}[pr.Version]
		if offered := strings.HasPrefix(ts[id], "offered"); !pr.Tested || pr.Accepted != offered {
			t.Errorf("evidence %s: accepted=%v (tested %v), testssl %q", pr.Version, pr.Accepted, pr.Tested, ts[id])
		}
	}
	var theirs []string
	for id, finding := range ts {
		if m := cipherRow.FindStringSubmatch(id); m != nil && m[1] != "ssl2" && m[1] != "tls1_3" {
			f := strings.Fields(finding)
			if name := f[len(f)-1]; !slices.Contains(theirs, name) {
				theirs = append(theirs, name)
			}
		}
	}
	ours := slices.Clone(ev.Suites)
	slices.Sort(ours)
	slices.Sort(theirs)
	if !slices.Equal(ours, theirs) {
		t.Errorf("evidence suites %v, testssl %v", ours, theirs)
	}
	if len(ev.NotTested) > 0 {
		t.Errorf("not tested: %v", ev.NotTested)
	}
}

// checkLegacyFindings: the legacy server fails what it should, its 512-bit
// MD5 certificate included, though Go's own handshake refuses it.
func checkLegacyFindings(t *testing.T, ev web.TLS) {
	if ev.Leaf == nil || ev.Leaf.KeyBits != 512 || ev.Leaf.SigAlg != "MD5-RSA" {
		t.Fatalf("legacy leaf: %+v (error %q)", ev.Leaf, ev.Error.EN)
	}
	for _, id := range []string{"WEB-TLS-001", "WEB-TLS-003", "WEB-CERT-005", "WEB-CERT-006"} {
		if f := evaluate(t, ev, id); f.Status != check.Fail {
			t.Errorf("legacy: %s %s (%s), want FAIL", id, f.Status, f.Message.EN)
		}
	}
}

func evaluate(t *testing.T, tlsEv web.TLS, id string) check.Finding {
	t.Helper()
	ev := web.Evidence{Target: "legacy", Host: "127.0.0.1", CollectedAt: time.Now(), TLS: tlsEv,
		HTTPS: web.Probe{URL: "https://127.0.0.1/", Reached: true}}
	for _, c := range web.Checks() {
		if c.Meta().ID == id {
			return c.Evaluate(ev)
		}
	}
	t.Fatalf("no check %s", id)
	return check.Finding{}
}

func compareWithTestssl(t *testing.T, port int) (tlswire.Result, map[string]string) {
	url := fmt.Sprintf("https://127.0.0.1:%d/", port)
	start := time.Now()
	s := &tlswire.Scanner{Addr: fmt.Sprintf("127.0.0.1:%d", port), ServerName: "127.0.0.1", Timeout: 5 * time.Second}
	res := s.Scan(context.Background())
	vigieTook := time.Since(start)
	start = time.Now()
	ts := testsslRows(t, url, "-p", "-E")
	t.Logf("vigie %v (%d connections), testssl.sh %v", vigieTook.Round(time.Millisecond), res.Conns, time.Since(start).Round(time.Second))
	if vigieTook > 2*time.Second {
		t.Errorf("vigie took %v, over the 2 s budget", vigieTook)
	}
	theirs := map[string][]uint64{} // testssl protocol prefix → suite codes
	dhBits := map[uint64]string{}   // suite code → the bits of testssl's "DH 1024"
	for id, finding := range ts {
		m := cipherRow.FindStringSubmatch(id)
		if m == nil {
			continue
		}
		code, _ := strconv.ParseUint(m[2], 16, 32)
		theirs[m[1]] = append(theirs[m[1]], code)
		// "TLS 1.2   x33   DHE-RSA-AES128-SHA   DH 1024   AES   128   TLS_DHE_RSA_WITH_AES_128_CBC_SHA"
		if f := strings.Fields(finding); len(f) > 5 && f[4] == "DH" {
			dhBits[code] = f[5]
		}
	}
	for _, p := range res.Protocols {
		ids := testsslProto[p.Version]
		finding, ok := ts[ids[0]]
		if !ok {
			t.Errorf("testssl reported nothing for %s", tlswire.VersionName(p.Version))
			continue
		}
		if offered := strings.HasPrefix(finding, "offered"); !p.Tested || p.Accepted != offered || p.Err != nil {
			t.Errorf("%s: vigie accepted=%v (tested %v, %v), testssl %q", tlswire.VersionName(p.Version), p.Accepted, p.Tested, p.Err, finding)
		}
		var ours []uint64
		for _, s := range p.Suites {
			ours = append(ours, uint64(s.Code))
		}
		slices.Sort(ours)
		want := theirs[ids[1]]
		slices.Sort(want)
		if !slices.Equal(ours, want) {
			t.Errorf("%s suites: vigie %x, testssl %x", tlswire.VersionName(p.Version), ours, want)
		}
	}
	if len(dhBits) > 0 && res.DH == nil {
		t.Errorf("testssl saw DH suites, vigie read no DH parameters")
	}
	for code, bits := range dhBits {
		if res.DH != nil && bits != strconv.Itoa(res.DH.Bits) {
			t.Errorf("suite 0x%04X: testssl DH %s bits, vigie %d", code, bits, res.DH.Bits)
		}
	}
	if len(dhBits) == 0 && res.DH != nil {
		t.Errorf("vigie read DH parameters (%d bits), testssl saw no DH suite", res.DH.Bits)
	}
	return res, ts
}

// checkLegacy: what the legacy server must show, so that the comparison is
// not vacuous.
func checkLegacy(t *testing.T, res tlswire.Result) {
	if res.DH == nil || res.DH.Bits != 1024 || res.DH.Common != "RFC2409/Oakley Group 2" || !res.DH.Safe || !res.DH.LargeOrder {
		t.Errorf("DH group: %+v", res.DH)
	}
	if len(res.Certs) == 0 {
		t.Error("no certificate read from the 512-bit MD5 server")
	}
	for _, code := range []uint32{0x0034, 0x0002} { // ADH-AES128-SHA, NULL-SHA
		if !slices.ContainsFunc(res.Protocols[4].Suites, func(s tlswire.Suite) bool { return s.Code == code }) {
			t.Errorf("TLS 1.2: suite 0x%04X not found", code)
		}
	}
	if !res.Protocols[2].Accepted || !res.Protocols[3].Accepted {
		t.Error("TLS 1.0/1.1 not found")
	}
	// ssl_prefer_server_ciphers on: nginx picks by its own list, whether
	// the enumeration showed it or the reversed probe had to.
	for _, p := range res.Protocols[2:5] {
		if len(p.Suites) >= 2 && !p.ServerOrder {
			t.Errorf("%s: server order not seen (suites %d)", tlswire.VersionName(p.Version), len(p.Suites))
		}
	}
}
