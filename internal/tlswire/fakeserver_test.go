package tlswire

import (
	"bytes"
	"encoding/pem"
	"net"
	"os"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/cryptobyte"
)

// fakeServer answers hand-built hellos with hand-built records, for what
// OpenSSL no longer compiles (SSLv2, EXPORT, RC4) and for broken servers.
type fakeServer struct {
	versions    []uint16 // SSLv3 … TLS 1.2 accepted
	suites      []uint16 // in the server's preference order
	serverOrder bool
	sslv2       []uint32 // SSLv2 cipher specs, none: SSLv2 refused
	tls13       []uint16 // TLS 1.3 suites, server order
	groups      []uint16 // TLS 1.3 groups, server order
	cert        []byte
	dh          *DHParams
	curve       uint16
	raw         []byte // when set, sent as the whole answer
	maxSuites   int    // hang up on a hello offering more, like stacks that choke on long lists
	// intolerant: refuse a hello of a version not in versions, rather than
	// answer with the highest version below it (a stack that predates it).
	intolerant bool
	// holes: refuse with protocol_version a hello of a version not in
	// versions but below the highest, answer one above with the highest, as
	// GnuTLS does (_gnutls_negotiate_version) with a priority string such as
	// NORMAL:-VERS-TLS1.1.
	holes bool
}

// clientHello is what the fake server reads of a hello.
type clientHello struct {
	version   uint16
	suites    []uint16
	sni       string
	groups    []uint16
	versions  []uint16 // supported_versions
	keyShares []uint16
}

func parseClientHello(rec []byte) (clientHello, bool) {
	var ch clientHello
	if len(rec) < 5 || rec[0] != typeHandshake {
		return ch, false
	}
	s := cryptobyte.String(rec[5:])
	var typ uint8
	var body, random, sid, suites, comp, exts cryptobyte.String
	if !s.ReadUint8(&typ) || typ != typeClientHello || !s.ReadUint24LengthPrefixed(&body) || !body.ReadUint16(&ch.version) ||
		!body.ReadBytes((*[]byte)(&random), 32) || !body.ReadUint8LengthPrefixed(&sid) || !body.ReadUint16LengthPrefixed(&suites) ||
		!body.ReadUint8LengthPrefixed(&comp) {
		return ch, false
	}
	for !suites.Empty() {
		var c uint16
		suites.ReadUint16(&c)
		ch.suites = append(ch.suites, c)
	}
	if body.Empty() {
		return ch, true
	}
	if !body.ReadUint16LengthPrefixed(&exts) {
		return ch, false
	}
	for !exts.Empty() {
		var et uint16
		var data cryptobyte.String
		if !exts.ReadUint16(&et) || !exts.ReadUint16LengthPrefixed(&data) {
			return ch, false
		}
		switch et {
		case extServerName:
			var list, name cryptobyte.String
			var nt uint8
			data.ReadUint16LengthPrefixed(&list)
			list.ReadUint8(&nt)
			list.ReadUint16LengthPrefixed(&name)
			ch.sni = string(name)
		case extSupportedGroups:
			ch.groups = readList16(data, 2)
		case extSupportedVersions:
			var l cryptobyte.String
			data.ReadUint8LengthPrefixed(&l)
			ch.versions = readList16(l, 0)
		case extKeyShare:
			var l cryptobyte.String
			data.ReadUint16LengthPrefixed(&l)
			for !l.Empty() {
				var g uint16
				var k cryptobyte.String
				l.ReadUint16(&g)
				l.ReadUint16LengthPrefixed(&k)
				ch.keyShares = append(ch.keyShares, g)
			}
		}
	}
	return ch, true
}

func readList16(s cryptobyte.String, prefix int) []uint16 {
	if prefix == 2 {
		var l cryptobyte.String
		s.ReadUint16LengthPrefixed(&l)
		s = l
	}
	var out []uint16
	for !s.Empty() {
		var v uint16
		s.ReadUint16(&v)
		out = append(out, v)
	}
	return out
}

func pick(client, server []uint16, serverOrder bool) (uint16, bool) {
	a, b := client, server
	if serverOrder {
		a, b = server, client
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return x, true
		}
	}
	return 0, false
}

func handshakeMsg(typ uint8, body func(*cryptobyte.Builder)) []byte {
	var b cryptobyte.Builder
	b.AddUint8(typ)
	b.AddUint24LengthPrefixed(body)
	return b.BytesOrPanic()
}

func serverHelloMsg(version, suite uint16, random []byte, exts func(*cryptobyte.Builder)) []byte {
	return handshakeMsg(typeServerHello, func(b *cryptobyte.Builder) {
		legacy := version
		if version == TLS13 {
			legacy = TLS12
		}
		b.AddUint16(legacy)
		if random == nil {
			random = make([]byte, 32)
		}
		b.AddBytes(random)
		b.AddUint8LengthPrefixed(func(*cryptobyte.Builder) {})
		b.AddUint16(suite)
		b.AddUint8(0)
		if exts != nil {
			b.AddUint16LengthPrefixed(exts)
		}
	})
}

func certificateMsg(certs ...[]byte) []byte {
	return handshakeMsg(typeCertificate, func(b *cryptobyte.Builder) {
		b.AddUint24LengthPrefixed(func(b *cryptobyte.Builder) {
			for _, c := range certs {
				b.AddUint24LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes(c) })
			}
		})
	})
}

func keyExchangeMsg(suite uint16, dh *DHParams, curve uint16) []byte {
	st, _ := Lookup(suite)
	if dh == nil {
		dh = &DHParams{P: []byte{0xff, 0xfb}, G: []byte{2}, Ys: []byte{1}}
	}
	return handshakeMsg(typeServerKeyExchange, func(b *cryptobyte.Builder) {
		if st.Kx == "DHEPSK" || st.Kx == "ECDHEPSK" {
			b.AddUint16(0) // empty identity hint
		}
		switch {
		case st.dhe():
			for _, v := range [][]byte{dh.P, dh.G, dh.Ys} {
				b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes(v) })
			}
		case st.ecdhe():
			b.AddUint8(3)
			b.AddUint16(curve)
			b.AddUint8LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes(bytes.Repeat([]byte{4}, 65)) })
		}
		b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes(make([]byte, 64)) }) // signature, unchecked
	})
}

// alert is a fatal alert record.
func alert(desc uint8) []byte { return record(typeAlert, TLS10, []byte{2, desc}) }

func (f *fakeServer) answer(in []byte) []byte {
	if f.raw != nil {
		return f.raw
	}
	if in[0]&0x80 != 0 { // SSLv2 CLIENT-HELLO
		if len(f.sslv2) == 0 {
			return nil
		}
		var specs []byte
		for _, s := range f.sslv2 {
			specs = append(specs, byte(s>>16), byte(s>>8), byte(s))
		}
		body := []byte{4, 0, 1, 0, 2, byte(len(f.cert) >> 8), byte(len(f.cert)), byte(len(specs) >> 8), byte(len(specs)), 0, 16}
		body = append(append(append(body, f.cert...), specs...), make([]byte, 16)...)
		return append([]byte{0x80 | byte(len(body)>>8), byte(len(body))}, body...)
	}
	ch, ok := parseClientHello(in)
	if !ok {
		return alert(50)
	}
	if f.maxSuites > 0 && len(ch.suites) > f.maxSuites {
		return nil
	}
	if slices.Contains(ch.versions, TLS13) {
		if len(f.tls13) == 0 {
			return alert(70)
		}
		suite, ok1 := pick(ch.suites, f.tls13, true)
		group, ok2 := pick(ch.groups, f.groups, true)
		if !ok1 || !ok2 {
			return alert(40)
		}
		return helloRetry(suite, group)
	}
	version := f.negotiate(ch.version)
	if version == 0 {
		return alert(70)
	}
	suite, ok := pick(ch.suites, f.suites, f.serverOrder)
	if !ok {
		return alert(40)
	}
	msgs := serverHelloMsg(version, suite, nil, nil)
	if st, _ := Lookup(suite); st.Auth != "None" && f.cert != nil {
		msgs = append(msgs, certificateMsg(f.cert)...)
	}
	if st, _ := Lookup(suite); st.dhe() || st.ecdhe() {
		msgs = append(msgs, keyExchangeMsg(suite, f.dh, f.curve)...)
	}
	msgs = append(msgs, handshakeMsg(typeServerHelloDone, func(*cryptobyte.Builder) {})...)
	// Split across records, as servers do with long chains.
	var out []byte
	for len(msgs) > 0 {
		n := min(len(msgs), 700)
		out = append(out, record(typeHandshake, version, msgs[:n])...)
		msgs = msgs[n:]
	}
	return out
}

// negotiate is the version f answers a hello of client with, 0 for none:
// the highest it accepts up to client, as RFC 4346 appendix E asks.
func (f *fakeServer) negotiate(client uint16) uint16 {
	if f.intolerant || f.holes && client <= slices.Max(f.versions) {
		if slices.Contains(f.versions, client) {
			return client
		}
		return 0
	}
	best := uint16(0)
	for _, v := range f.versions {
		if v <= client && v > best {
			best = v
		}
	}
	return best
}

// start serves f on loopback until the test ends.
func (f *fakeServer) start(t testing.TB) string {
	return rawServer(t, func(_ int, in []byte) ([]byte, bool) { return f.answer(in), false })
}

func weakCert(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/rsa512-md5.pem")
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(b)
	return blk.Bytes
}

// rawServer answers the n-th hello (from 1, SSLv2 or TLS record) with
// answer's bytes (none: it hangs up), or holds the connection until the
// scanner gives up when answer says hold.
func rawServer(t testing.TB, answer func(n int, in []byte) (out []byte, hold bool)) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	t.Cleanup(func() { close(done); l.Close() })
	var count atomic.Int32
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				_ = c.SetDeadline(time.Now().Add(5 * time.Second))
				buf := make([]byte, 1<<16)
				n, err := c.Read(buf)
				if err != nil || n == 0 {
					return
				}
				// A hello may come in several reads: take what its header announces.
				want := n
				if buf[0] == typeHandshake && n >= 5 {
					want = 5 + (int(buf[3])<<8 | int(buf[4]))
				}
				for n < want {
					m, err := c.Read(buf[n:])
					if err != nil {
						return
					}
					n += m
				}
				out, hold := answer(int(count.Add(1)), buf[:n])
				if hold {
					select { // the scanner's deadline ends it
					case <-done:
					case <-time.After(5 * time.Second):
					}
					return
				}
				if out != nil {
					_, _ = c.Write(out)
				}
			}()
		}
	}()
	return l.Addr().String()
}

// funcServer answers each TLS hello with answer(n, hello), or holds the
// connection when answer returns nil.
func funcServer(t testing.TB, answer func(n int, ch clientHello) []byte) string {
	return rawServer(t, func(n int, in []byte) ([]byte, bool) {
		ch, ok := parseClientHello(in)
		if !ok {
			return nil, false
		}
		out := answer(n, ch)
		return out, out == nil
	})
}

// helloRetry is a HelloRetryRequest naming suite and group.
func helloRetry(suite, group uint16) []byte {
	return record(typeHandshake, TLS12, serverHelloMsg(TLS13, suite, helloRetryRandom, func(b *cryptobyte.Builder) {
		ext(b, extSupportedVersions, func(b *cryptobyte.Builder) { b.AddUint16(TLS13) })
		ext(b, extKeyShare, func(b *cryptobyte.Builder) { b.AddUint16(group) })
	}))
}

// tls13Only answers TLS 1.3 hellos with answer, refuses the others.
func tls13Only(answer func(n int, ch clientHello) []byte) func(int, clientHello) []byte {
	var n13 atomic.Int32
	return func(_ int, ch clientHello) []byte {
		if !slices.Contains(ch.versions, TLS13) {
			return alert(70)
		}
		return answer(int(n13.Add(1)), ch)
	}
}
