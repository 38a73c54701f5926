package tlswire

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/pki"
)

func openSSLNames(ss []Suite) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.OpenSSL)
	}
	return out
}

func scan(t testing.TB, addr string) Result {
	t.Helper()
	s := &Scanner{Addr: addr, ServerName: "legacy.example", Timeout: 2 * time.Second}
	return s.Scan(context.Background())
}

// A server of the 1990s: SSLv2 with EXPORT RC4, SSLv3 and TLS 1.0 with RC4
// and EXPORT suites, a 512-bit RSA key signed with MD5.
func TestScanLegacyServer(t *testing.T) {
	cert := weakCert(t)
	f := &fakeServer{versions: []uint16{SSL30, TLS10}, serverOrder: true, cert: cert,
		suites: []uint16{0x0005, 0x0003, 0x0004, 0x0014, 0x0018},
		sslv2:  []uint32{0x010080, 0x020080},
		dh:     &DHParams{P: oakley1(t), G: []byte{2}, Ys: []byte{1, 2, 3}}}
	r := scan(t, f.start(t))
	want := map[uint16][]string{
		SSL20: {"RC4-MD5", "EXP-RC4-MD5"},
		SSL30: {"RC4-SHA", "EXP-RC4-MD5", "RC4-MD5", "EXP-EDH-RSA-DES-CBC-SHA", "ADH-RC4-MD5"},
		TLS10: {"RC4-SHA", "EXP-RC4-MD5", "RC4-MD5", "EXP-EDH-RSA-DES-CBC-SHA", "ADH-RC4-MD5"},
	}
	for _, p := range r.Protocols {
		if p.Err != nil || !p.Tested {
			t.Errorf("%s: tested=%v err=%v", VersionName(p.Version), p.Tested, p.Err)
		}
		got := openSSLNames(p.Suites)
		if p.Accepted != (want[p.Version] != nil) || !slices.Equal(got, want[p.Version]) {
			t.Errorf("%s: accepted=%v suites %v, want %v", VersionName(p.Version), p.Accepted, got, want[p.Version])
		}
		if p.Version != SSL20 && p.Accepted && !p.ServerOrder {
			t.Errorf("%s: server order not detected", VersionName(p.Version))
		}
	}
	// The chain is read even though Go's own handshake would refuse this key.
	if len(r.Certs) != 1 {
		t.Fatalf("certs = %d", len(r.Certs))
	}
	c, err := x509.ParseCertificate(r.Certs[0])
	if err != nil {
		t.Fatal(err)
	}
	if c.SignatureAlgorithm != x509.MD5WithRSA || c.PublicKey.(interface{ Size() int }).Size() != 64 {
		t.Errorf("leaf: %s, %d-byte key", c.SignatureAlgorithm, c.PublicKey.(interface{ Size() int }).Size())
	}
	if r.DH == nil || r.DH.Bits != 768 || r.DH.Common != "RFC2409/Oakley Group 1" || !r.DH.Safe || !r.DH.LargeOrder {
		t.Errorf("DH = %+v", r.DH)
	}
	for _, s := range []string{"EXP-RC4-MD5", "ADH-RC4-MD5"} {
		if !slices.ContainsFunc(r.Protocols[1].Suites, func(x Suite) bool { return x.OpenSSL == s && x.Has(RC4) }) {
			t.Errorf("%s not flagged RC4", s)
		}
	}
}

// A server that follows the client's order is reported so, with every suite.
func TestScanClientOrder(t *testing.T) {
	f := &fakeServer{versions: []uint16{TLS12}, suites: []uint16{0x009C, 0xC02F, 0x0033}, cert: weakCert(t), curve: GroupP256,
		dh: &DHParams{P: oakley1(t), G: []byte{2}, Ys: []byte{1}}}
	r := scan(t, f.start(t))
	p := r.Protocols[4]
	got := openSSLNames(p.Suites)
	slices.Sort(got)
	if !p.Accepted || p.ServerOrder || !slices.Equal(got, []string{"AES128-GCM-SHA256", "DHE-RSA-AES128-SHA", "ECDHE-RSA-AES128-GCM-SHA256"}) {
		t.Errorf("TLS 1.2: accepted=%v serverOrder=%v suites %v", p.Accepted, p.ServerOrder, got)
	}
	if len(r.Curves) != 1 || r.Curves[0] != GroupP256 {
		t.Errorf("curves = %v", r.Curves)
	}
}

// The order is read from the enumeration when the server is seen picking a
// suite vigie offered after one it also accepts; only an enumeration that
// followed vigie's order costs the probe that offers two suites reversed.
func TestScanServerOrderInferred(t *testing.T) {
	offered := offerable(TLS12)
	early, late := offered[0], offered[len(offered)-1]
	for _, tc := range []struct {
		name        string
		suites      []uint16 // the server's preference
		serverOrder bool
		want        bool
		conns       int // SSLv2, TLS 1.0 and 1.1 (3: SSLv3 follows), TLS 1.2, TLS 1.3 refused (1)
	}{
		{"own order against vigie's", []uint16{late, early}, true, true, 3 + 3 + 1},
		{"own order like vigie's", []uint16{early, late}, true, true, 3 + 3 + 1 + 1},
		{"client's order", []uint16{late, early}, false, false, 3 + 3 + 1 + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeServer{versions: []uint16{TLS12}, suites: tc.suites, serverOrder: tc.serverOrder, cert: weakCert(t)}
			r := scan(t, f.start(t))
			p := r.Protocols[4]
			if !p.Accepted || len(p.Suites) != 2 || p.ServerOrder != tc.want || p.Err != nil {
				t.Errorf("TLS 1.2: accepted=%v suites %v serverOrder=%v (want %v) err=%v", p.Accepted, openSSLNames(p.Suites), p.ServerOrder, tc.want, p.Err)
			}
			if r.Conns != tc.conns {
				t.Errorf("%d connections, want %d", r.Conns, tc.conns)
			}
		})
	}
}

// A server that hangs up on long hellos is enumerated by chunks.
func TestScanLongHelloIntolerant(t *testing.T) {
	all := offerable(TLS12)
	suites := []uint16{all[0], all[len(all)/2], all[len(all)-1]}
	f := &fakeServer{versions: []uint16{TLS12}, suites: suites, serverOrder: true, maxSuites: 150, cert: weakCert(t)}
	r := scan(t, f.start(t))
	p := r.Protocols[4]
	var got []uint16
	for _, s := range p.Suites {
		got = append(got, uint16(s.Code))
	}
	if !p.Accepted || !slices.Equal(got, suites) || p.Err != nil {
		t.Errorf("TLS 1.2: accepted=%v suites %x (%v), want %x", p.Accepted, got, p.Err, suites)
	}
	if !r.Protocols[3].Tested || r.Protocols[3].Accepted {
		t.Errorf("TLS 1.1: %+v", r.Protocols[3])
	}
}

// SSLv3 is taken as refused from the TLS 1.0 hello only when the server
// refused it with protocol_version and was seen accepting TLS 1.2 or 1.3;
// any other server gets SSLv3 hellos of its own, so a stack that speaks
// SSLv3 but refuses a TLS hello it does not understand is still seen. TLS
// 1.0 always gets its own: GnuTLS refuses a 1.1 hello with protocol_version
// when 1.1 alone is disabled, and speaks 1.0.
func TestScanSSLv3FromTheTLS10Hello(t *testing.T) {
	suites := []uint16{0xC02F, 0x002F}
	for _, tc := range []struct {
		name     string
		f        fakeServer
		accepted []uint16 // versions seen accepted, SSLv3 to TLS 1.2
		conns    int
	}{
		// SSLv2, TLS 1.0, 1.1, TLS 1.2 (two suites, the refusal, the order), TLS 1.3 refused.
		{"TLS 1.2 only", fakeServer{versions: []uint16{TLS12}}, []uint16{TLS12}, 1 + 1 + 1 + 4 + 1},
		// The TLS 1.0 hello is answered in 1.0 or SSLv3: SSLv3 gets its own hellos.
		{"TLS 1.0 and 1.2", fakeServer{versions: []uint16{TLS10, TLS12}}, []uint16{TLS10, TLS12}, 1 + 1 + 2 + 1 + 4 + 1},
		{"SSLv3 and TLS 1.2", fakeServer{versions: []uint16{SSL30, TLS12}}, []uint16{SSL30, TLS12}, 1 + 2 + 1 + 1 + 4 + 1},
		// Nothing past 1.0 accepted.
		{"TLS 1.0 only, refuses a 1.1 hello", fakeServer{versions: []uint16{TLS10}, intolerant: true}, []uint16{TLS10}, 1 + 1 + 2 + 1 + 1 + 1},
		// Nothing past SSLv3 accepted: the refusal of 1.0 tells nothing of SSLv3.
		{"SSLv3 only, refuses a TLS hello", fakeServer{versions: []uint16{SSL30}, intolerant: true}, []uint16{SSL30}, 1 + 2 + 1 + 1 + 1 + 1},
		// SSLv2, SSLv3 refused (1), TLS 1.0 (one suite, the refusal), TLS 1.1 refused, 1.2, 1.3.
		{"TLS 1.0 and 1.2, refuses a 1.1 hello (GnuTLS)", fakeServer{versions: []uint16{TLS10, TLS12}, holes: true}, []uint16{TLS10, TLS12}, 1 + 1 + 2 + 1 + 4 + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.f
			f.suites, f.serverOrder, f.cert = suites, true, weakCert(t)
			r := scan(t, f.start(t))
			for _, p := range r.Protocols[1:5] {
				if want := slices.Contains(tc.accepted, p.Version); !p.Tested || p.Accepted != want || p.Err != nil {
					t.Errorf("%s: tested=%v accepted=%v (want %v) err=%v", VersionName(p.Version), p.Tested, p.Accepted, want, p.Err)
				}
			}
			if r.Conns != tc.conns {
				t.Errorf("%d connections, want %d", r.Conns, tc.conns)
			}
		})
	}
}

// TLS 1.3 suites and groups come from HelloRetryRequests, in server order.
func TestScanTLS13Groups(t *testing.T) {
	f := &fakeServer{tls13: []uint16{0x1302, 0x1301}, groups: []uint16{GroupP384, GroupX25519, GroupFFDHE2048}}
	r := scan(t, f.start(t))
	p := r.Protocols[5]
	if !p.Accepted || !slices.Equal(openSSLNames(p.Suites), []string{"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"}) || !p.ServerOrder {
		t.Errorf("TLS 1.3: %+v", p)
	}
	if !slices.Equal(r.Groups, []uint16{GroupP384, GroupX25519, GroupFFDHE2048}) || r.GroupsErr != nil {
		t.Errorf("groups = %v (%v)", r.Groups, r.GroupsErr)
	}
	// SSLv2, TLS 1.0, 1.1 and 1.2 refused (4: SSLv3 follows from 1.0 and an
	// accepted 1.3), TLS 1.3's two suites with two groups,
	// the refusal of what was left and the order (4), the third group (its
	// hello, every suite with the groups left, also shows the suites left
	// were refused with a group the server takes: they are not offered
	// again), and the end (2).
	if r.Conns != 10 {
		t.Errorf("%d connections, want 10", r.Conns)
	}
	for _, p := range r.Protocols[:5] {
		if !p.Tested || p.Accepted {
			t.Errorf("%s: tested=%v accepted=%v", VersionName(p.Version), p.Tested, p.Accepted)
		}
	}
}

// The TLS 1.3 suites and groups are enumerated together while both last,
// then each alone: whatever the shape of the two lists, every suite and
// every group is found, and a server with three or more of each costs a
// connection less than two enumerations would.
func TestScanTLS13SuitesAndGroupsTogether(t *testing.T) {
	for _, tc := range []struct {
		suites, groups []uint16
		conns          int // SSLv2, TLS 1.0, 1.1 and 1.2 refused (4), then TLS 1.3
	}{
		{[]uint16{0x1301}, []uint16{GroupX25519}, 4 + 4},
		{[]uint16{0x1302}, []uint16{GroupP256, GroupX25519, GroupP384, GroupX25519MLKEM}, 4 + 6},
		{[]uint16{0x1302, 0x1301}, []uint16{GroupX25519, GroupP256}, 4 + 6},
		{[]uint16{0x1301, 0x1302, 0x1303}, []uint16{GroupX25519, GroupP256, GroupP384, GroupP521}, 4 + 6},
		{[]uint16{0x1305, 0x1304, 0x1303, 0x1302, 0x1301}, TLS13Groups, 4 + 13}, // no refusal: both lists used up
	} {
		f := &fakeServer{tls13: tc.suites, groups: tc.groups}
		r := scan(t, f.start(t))
		p := r.Protocols[5]
		var got []uint16
		for _, s := range p.Suites {
			got = append(got, uint16(s.Code))
		}
		if !p.Accepted || p.Err != nil || !slices.Equal(got, tc.suites) {
			t.Errorf("server %x/%x: TLS 1.3 accepted=%v suites %x (%v)", tc.suites, tc.groups, p.Accepted, got, p.Err)
		}
		if !slices.Equal(r.Groups, tc.groups) || r.GroupsErr != nil {
			t.Errorf("server %x/%x: groups %x (%v)", tc.suites, tc.groups, r.Groups, r.GroupsErr)
		}
		if r.Conns != tc.conns {
			t.Errorf("server %x/%x: %d connections, want %d", tc.suites, tc.groups, r.Conns, tc.conns)
		}
	}
}

// A server following the client's order whose TLS 1.3 suites each work
// with some groups only: a suite the joint enumeration could not get (its
// group already removed) is found after, out of vigie's order, and that is
// not taken for the server's own order.
func TestScanTLS13CoupledClientOrder(t *testing.T) {
	usable := map[uint16][]uint16{0x1302: {GroupX25519, GroupP256}, 0x1303: {GroupX25519}, 0x1301: {GroupP256}}
	addr := funcServer(t, tls13Only(func(_ int, ch clientHello) []byte {
		for _, c := range ch.suites { // the client's order
			for _, g := range ch.groups {
				if slices.Contains(usable[c], g) {
					return helloRetry(c, g)
				}
			}
		}
		return alert(40)
	}))
	r := scan(t, addr)
	p := r.Protocols[5]
	got := openSSLNames(p.Suites)
	slices.Sort(got)
	if !slices.Equal(got, []string{"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"}) || p.ServerOrder || p.Err != nil {
		t.Errorf("TLS 1.3: suites %v serverOrder=%v err=%v", got, p.ServerOrder, p.Err)
	}
}

// A TLS 1.3 hello lost in the joint enumeration (no answer before the
// deadline) costs that hello only: each enumeration goes on alone.
func TestScanTLS13LostHello(t *testing.T) {
	addr := funcServer(t, tls13Only(func(n int, ch clientHello) []byte {
		if n == 2 {
			return nil
		}
		s, ok1 := pick(ch.suites, []uint16{0x1301, 0x1302, 0x1303}, true)
		g, ok2 := pick(ch.groups, []uint16{GroupX25519, GroupP256, GroupP384}, true)
		if !ok1 || !ok2 {
			return alert(40)
		}
		return helloRetry(s, g)
	}))
	r := (&Scanner{Addr: addr, Timeout: 300 * time.Millisecond}).Scan(context.Background())
	p := r.Protocols[5]
	if len(p.Suites) != 3 || p.Err != nil || len(r.Groups) != 3 || r.GroupsErr != nil {
		t.Errorf("TLS 1.3: suites %v (%v), groups %x (%v)", openSSLNames(p.Suites), p.Err, r.Groups, r.GroupsErr)
	}
}

// Against Go's own TLS server, what vigie finds is exactly what it was configured with.
func TestScanGoServer(t *testing.T) {
	cert, err := pki.IssueSpec(nil, pki.Spec{Names: []string{"127.0.0.1"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), RSABits: 2048})
	if err != nil {
		t.Fatal(err)
	}
	suites := []uint16{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, tls.TLS_RSA_WITH_AES_128_CBC_SHA, tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
		tls.TLS_ECDHE_RSA_WITH_RC4_128_SHA}
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	s.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS10, CipherSuites: suites,
		CurvePreferences: []tls.CurveID{tls.CurveP256, tls.X25519}}
	s.Config.ErrorLog = log.New(io.Discard, "", 0)
	s.StartTLS()
	defer s.Close()
	r := scan(t, strings.TrimPrefix(s.URL, "https://"))
	for _, p := range r.Protocols {
		want := p.Version >= TLS10
		if !p.Tested || p.Accepted != want || p.Err != nil {
			t.Errorf("%s: tested=%v accepted=%v err=%v", VersionName(p.Version), p.Tested, p.Accepted, p.Err)
		}
	}
	var got []uint16
	for _, s := range r.Protocols[4].Suites {
		got = append(got, uint16(s.Code))
	}
	if slices.Sort(got); !slices.Equal(got, slices.Sorted(slices.Values(suites))) {
		t.Errorf("TLS 1.2 suites %v, want %v", got, suites)
	}
	// Go's server orders groups its own way: the set is what counts.
	if len(r.Protocols[5].Suites) != 3 || !slices.Equal(slices.Sorted(slices.Values(r.Groups)), []uint16{GroupP256, GroupX25519}) {
		t.Errorf("TLS 1.3 suites %v, groups %v", openSSLNames(r.Protocols[5].Suites), r.Groups)
	}
	if len(r.Certs) != 1 {
		t.Errorf("certs = %d", len(r.Certs))
	}
}

func TestScanUnreachableAndSilent(t *testing.T) {
	f := &fakeServer{raw: []byte("HTTP/1.1 400 Bad Request\r\n\r\n")}
	r := scan(t, f.start(t))
	for _, p := range r.Protocols {
		if p.Tested || p.Err == nil {
			t.Errorf("plain HTTP %s: tested=%v err=%v", VersionName(p.Version), p.Tested, p.Err)
		}
	}
	s := &Scanner{Addr: "127.0.0.1:1", Timeout: time.Second}
	for _, p := range s.Scan(context.Background()).Protocols {
		if p.Tested || p.Err == nil {
			t.Errorf("closed port %s: tested=%v", VersionName(p.Version), p.Tested)
		}
	}
	// A server that reads the hello and never answers: a timeout, not a refusal.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() { defer c.Close(); _, _ = io.Copy(io.Discard, c) }()
		}
	}()
	s = &Scanner{Addr: l.Addr().String(), Timeout: 200 * time.Millisecond}
	for _, p := range s.Scan(context.Background()).Protocols {
		if p.Tested || !errors.Is(p.Err, context.DeadlineExceeded) {
			t.Errorf("silent server %s: tested=%v err=%v", VersionName(p.Version), p.Tested, p.Err)
		}
	}
}

func TestAnalyseDH(t *testing.T) {
	ffdhe2048 := mustHex(t, commonHex(t, "RFC7919/ffdhe2048"))
	p := new(big.Int).SetBytes(oakley1(t))
	composite := new(big.Int).Mul(p, big.NewInt(3))
	pm1 := new(big.Int).Sub(p, big.NewInt(1))
	small := smallSubgroup(t)
	cases := []struct {
		name string
		p, g []byte
		want DHGroup
	}{
		{"ffdhe2048", ffdhe2048, []byte{2}, DHGroup{Bits: 2048, Common: "RFC7919/ffdhe2048", Prime: true, Safe: true, LargeOrder: true}},
		{"oakley1", p.Bytes(), []byte{2}, DHGroup{Bits: 768, Common: "RFC2409/Oakley Group 1", Prime: true, Safe: true, LargeOrder: true}},
		{"not prime", composite.Bytes(), []byte{2}, DHGroup{Bits: composite.BitLen()}},
		{"g of order 2", p.Bytes(), pm1.Bytes(), DHGroup{Bits: 768, Common: "RFC2409/Oakley Group 1", Prime: true, SmallOrder: true}},
		{"g = 1", p.Bytes(), []byte{1}, DHGroup{Bits: 768, Common: "RFC2409/Oakley Group 1", Prime: true, SmallOrder: true}},
		{"small subgroup", small.p.Bytes(), small.g.Bytes(), DHGroup{Bits: small.p.BitLen(), Prime: true, SmallOrder: true}},
		{"rfc5114 (order not sent)", mustHex(t, commonHex(t, "RFC5114/2048-bit DSA group with 256-bit prime order subgroup")), []byte{2},
			DHGroup{Bits: 2048, Common: "RFC5114/2048-bit DSA group with 256-bit prime order subgroup", Prime: true}},
		{"even", []byte{0x10, 0}, []byte{2}, DHGroup{Bits: 13}},
		{"empty", nil, nil, DHGroup{}},
	}
	for _, tc := range cases {
		if got := Analyse(DHParams{P: tc.p, G: tc.g}); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	// A prime whose p-1 is smooth apart from a small cofactor: g may be of
	// large-looking order, but no 160-bit prime factor exists.
	smooth := big.NewInt(2 * 3 * 5 * 7 * 11 * 13)
	q := new(big.Int).Add(new(big.Int).Mul(smooth, big.NewInt(1)), big.NewInt(1)) // 30031 = 59·509, composite
	if got := Analyse(DHParams{P: q.Bytes(), G: []byte{2}}); got.Prime || got.LargeOrder {
		t.Errorf("30031: %+v", got)
	}
}

// smallSubgroup builds a 512-bit prime p whose p-1 = 2·m·q has a factor
// m made of small primes, and a g of order dividing 2·m: the group servers
// were caught using (a "small-subgroup" DH group).
func smallSubgroup(t testing.TB) struct{ p, g *big.Int } {
	m := big.NewInt(2 * 3 * 5 * 7 * 11 * 13 * 17 * 19 * 23)
	one := big.NewInt(1)
	q := new(big.Int).Lsh(one, 480)
	for {
		q.Add(q, one)
		p := new(big.Int).Add(new(big.Int).Mul(m, q), one)
		if !p.ProbablyPrime(4) {
			continue
		}
		// h^((p-1)/m) has order dividing m.
		e := new(big.Int).Div(new(big.Int).Sub(p, one), m)
		for h := int64(2); ; h++ {
			g := new(big.Int).Exp(big.NewInt(h), e, p)
			if g.Cmp(one) != 0 {
				return struct{ p, g *big.Int }{p, g}
			}
		}
	}
}

func commonHex(t testing.TB, name string) string {
	for _, c := range commonPrimes {
		if c.name == name {
			return c.hex
		}
	}
	t.Fatalf("no common prime %q", name)
	return ""
}

func mustHex(t testing.TB, h string) []byte {
	n, ok := new(big.Int).SetString(h, 16)
	if !ok {
		t.Fatalf("bad hex %q", h)
	}
	return n.Bytes()
}

func oakley1(t testing.TB) []byte { return mustHex(t, commonHex(t, "RFC2409/Oakley Group 1")) }

// BenchmarkScan is one whole enumeration of a legacy server on loopback:
// the budget is 2 s a host.
func BenchmarkScan(b *testing.B) {
	f := &fakeServer{versions: []uint16{SSL30, TLS10, TLS11, TLS12}, serverOrder: true, cert: weakCert(b),
		suites: offerable(TLS12)[:60], sslv2: []uint32{0x010080}, tls13: []uint16{0x1301, 0x1302, 0x1303},
		groups: []uint16{GroupX25519, GroupP256}, curve: GroupP256,
		dh: &DHParams{P: oakley1(b), G: []byte{2}, Ys: []byte{1}}}
	addr := f.start(b)
	for b.Loop() {
		r := scan(b, addr)
		b.ReportMetric(float64(r.Conns), "conns/op")
	}
}
