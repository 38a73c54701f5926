package tlswire

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"golang.org/x/crypto/cryptobyte"
)

func TestHelloRoundTrip(t *testing.T) {
	cases := []struct {
		name string
		h    Hello
		want clientHello
	}{
		{"SSLv3 has no extensions", Hello{Version: SSL30, Suites: []uint16{0x0005}, ServerName: "a.example"},
			clientHello{version: SSL30, suites: []uint16{0x0005, scsvRenego}}},
		{"TLS 1.0 with SNI and curves", Hello{Version: TLS10, Suites: []uint16{0xC013, 0x002F}, ServerName: "a.example"},
			clientHello{version: TLS10, suites: []uint16{0xC013, 0x002F, scsvRenego}, sni: "a.example", groups: ECGroups}},
		{"no SNI for an IP", Hello{Version: TLS12, Suites: []uint16{0xC02F}, ServerName: "127.0.0.1", Groups: []uint16{23}},
			clientHello{version: TLS12, suites: []uint16{0xC02F, scsvRenego}, groups: []uint16{23}}},
		{"TLS 1.3 alone, with a key share", Hello{Version: TLS13, Suites: []uint16{0x1301}, ServerName: "b.example",
			KeyShares: []KeyShare{{Group: GroupX25519, Data: make([]byte, 32)}}},
			clientHello{version: TLS12, suites: []uint16{0x1301}, sni: "b.example", groups: TLS13Groups, versions: []uint16{TLS13},
				keyShares: []uint16{GroupX25519}}},
	}
	for _, tc := range cases {
		rec, err := tc.h.Marshal()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got, ok := parseClientHello(rec)
		if !ok || got.version != tc.want.version || !slices.Equal(got.suites, tc.want.suites) || got.sni != tc.want.sni ||
			!slices.Equal(got.groups, tc.want.groups) || !slices.Equal(got.versions, tc.want.versions) ||
			!slices.Equal(got.keyShares, tc.want.keyShares) {
			t.Errorf("%s: parsed %+v, want %+v", tc.name, got, tc.want)
		}
		if wantRec := map[bool]byte{true: 0, false: 1}[tc.h.Version == SSL30]; rec[2] != wantRec {
			t.Errorf("%s: record version 3.%d", tc.name, rec[2])
		}
	}
}

func TestHelloRefusesWhatItCannotBuild(t *testing.T) {
	for _, h := range []Hello{{Version: SSL20, Suites: []uint16{1}}, {Version: TLS12}, {Version: 0x0305, Suites: []uint16{1}},
		{Version: TLS12, Suites: make([]uint16, 9000)}} {
		if _, err := h.Marshal(); err == nil {
			t.Errorf("%+v built", h.Version)
		}
	}
}

func TestSSLv2Hello(t *testing.T) {
	rec := SSLv2Hello(nil)
	n := int(rec[0]&0x7f)<<8 | int(rec[1])
	specs := len(SSLv2Suites())
	if rec[0]&0x80 == 0 || n != len(rec)-2 || rec[2] != 1 || rec[3] != 0 || rec[4] != 2 || int(rec[5])<<8|int(rec[6]) != 3*specs {
		t.Errorf("SSLv2 hello header % x", rec[:9])
	}
}

func TestSuiteTable(t *testing.T) {
	want := map[string]Flags{
		"ADH-AES128-SHA": Anon | CBC | FS, "EXP-RC4-MD5": Export | RC4, "NULL-SHA": Null, "DES-CBC3-SHA": TripleDES | CBC,
		"ECDHE-RSA-AES128-GCM-SHA256": AEAD | FS, "DHE-RSA-AES128-CCM": AEAD | FS, "AES128-SHA": CBC,
		"TLS_CHACHA20_POLY1305_SHA256": AEAD | FS, "AECDH-NULL-SHA": Null | Anon | FS,
	}
	seen := map[[2]uint32]bool{}
	for _, s := range suiteTable {
		key := [2]uint32{uint32(s.Flags & SSLv2Only), s.Code}
		if seen[key] {
			t.Errorf("duplicate code 0x%04X", s.Code)
		}
		seen[key] = true
		if f, ok := want[s.OpenSSL]; ok && !s.Has(SSLv2Only) {
			if s.Flags != f {
				t.Errorf("%s flags %b, want %b", s.OpenSSL, s.Flags, f)
			}
			delete(want, s.OpenSSL)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing from the table: %v", want)
	}
	if len(Suites()) < 300 || len(SSLv2Suites()) != 13 {
		t.Errorf("%d suites, %d SSLv2 specs", len(Suites()), len(SSLv2Suites()))
	}
	if s, ok := Lookup(0xC02F); !ok || s.Name != "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" || s.String() != s.Name {
		t.Errorf("Lookup(0xC02F) = %+v", s)
	}
	if s, ok := ByName("TLS_DH_anon_WITH_AES_128_CBC_SHA"); !ok || s.Code != 0x0034 {
		t.Errorf("ByName(TLS_DH_anon_WITH_AES_128_CBC_SHA) = %+v", s)
	}
	if s, ok := Lookup(0xEEEE); ok || s.String() != "0xEEEE" {
		t.Errorf("unknown code: %+v", s)
	}
	if s, ok := LookupSSLv2(0x020080); !ok || s.OpenSSL != "EXP-RC4-MD5" || !s.Has(Export|RC4) {
		t.Errorf("LookupSSLv2(0x020080) = %+v", s)
	}
}

// record wraps body in one TLS record, as the servers of these tests send them.
func record(typ uint8, version uint16, body []byte) []byte {
	out := make([]byte, 0, 5+len(body))
	out = append(out, typ, byte(version>>8), byte(version), byte(len(body)>>8), byte(len(body)))
	return append(out, body...)
}

// TestHelloMatchesBuilder holds Marshal's hand-written bytes to the same
// hello built with cryptobyte's length-prefixed builder, field by field as
// RFC 8446 §4.1.2 lays it out, for every version and shape a scan sends.
func TestHelloMatchesBuilder(t *testing.T) {
	var random [32]byte
	for i := range random {
		random[i] = byte(i + 1)
	}
	share := KeyShare{Group: GroupX25519, Data: bytes.Repeat([]byte{7}, 32)}
	var hellos []Hello
	for _, v := range []uint16{SSL30, TLS10, TLS11, TLS12, TLS13} {
		for _, name := range []string{"", "a.example", "127.0.0.1", strings.Repeat("n", 300)} {
			hellos = append(hellos, Hello{Version: v, Suites: offerable(v), ServerName: name, Random: random},
				Hello{Version: v, Suites: []uint16{0x1301, 0xC02F}, Groups: []uint16{23}, ServerName: name, Random: random},
				Hello{Version: v, Suites: []uint16{0x1302}, Groups: TLS13Groups[3:], KeyShares: []KeyShare{share, {Group: GroupP256}}, Random: random})
		}
	}
	for _, h := range hellos {
		got, err := h.Marshal()
		if err != nil {
			t.Fatalf("%s %q: %v", VersionName(h.Version), h.ServerName, err)
		}
		if want := builtHello(t, h); !bytes.Equal(got, want) {
			t.Errorf("%s %q, %d suites: % x\nwant % x", VersionName(h.Version), h.ServerName, len(h.Suites), got, want)
		}
	}
	long := Hello{Version: TLS12, Suites: []uint16{1}, ServerName: strings.Repeat("n", 70000)}
	if _, err := long.Marshal(); err == nil {
		t.Error("a 70,000-byte server name was built")
	}
}

func builtHello(t *testing.T, h Hello) []byte {
	legacy, recVer := h.Version, TLS10
	if h.Version == TLS13 {
		legacy = TLS12
	}
	if h.Version == SSL30 {
		recVer = SSL30
	}
	b := cryptobyte.NewBuilder(nil)
	b.AddUint8(typeClientHello)
	b.AddUint24LengthPrefixed(func(b *cryptobyte.Builder) {
		b.AddUint16(legacy)
		b.AddBytes(h.Random[:])
		b.AddUint8LengthPrefixed(func(b *cryptobyte.Builder) {
			if h.Version == TLS13 {
				b.AddBytes(h.Random[:])
			}
		})
		b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) {
			for _, s := range h.Suites {
				b.AddUint16(s)
			}
			if h.Version < TLS13 {
				b.AddUint16(scsvRenego)
			}
		})
		b.AddUint8LengthPrefixed(func(b *cryptobyte.Builder) { b.AddUint8(0) })
		if h.Version > SSL30 {
			b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) { builtExtensions(b, h) })
		}
	})
	msg, err := b.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return record(typeHandshake, recVer, msg)
}

func builtExtensions(b *cryptobyte.Builder, h Hello) {
	if h.ServerName != "" && !isIPLiteral(h.ServerName) {
		ext(b, extServerName, func(b *cryptobyte.Builder) {
			b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) {
				b.AddUint8(0)
				b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes([]byte(h.ServerName)) })
			})
		})
	}
	groups := h.Groups
	if groups == nil {
		groups = ECGroups
		if h.Version == TLS13 {
			groups = TLS13Groups
		}
	}
	ext(b, extSupportedGroups, func(b *cryptobyte.Builder) { list16(b, groups) })
	ext(b, extECPointFormats, func(b *cryptobyte.Builder) {
		b.AddUint8LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes([]byte{0, 1, 2}) })
	})
	ext(b, extSignatureAlgorithms, func(b *cryptobyte.Builder) { list16(b, sigAlgs) })
	if h.Version < TLS13 {
		ext(b, extRenegotiationInfo, func(b *cryptobyte.Builder) { b.AddUint8(0) })
		return
	}
	ext(b, extSupportedVersions, func(b *cryptobyte.Builder) {
		b.AddUint8LengthPrefixed(func(b *cryptobyte.Builder) { b.AddUint16(TLS13) })
	})
	ext(b, extKeyShare, func(b *cryptobyte.Builder) {
		b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) {
			for _, ks := range h.KeyShares {
				b.AddUint16(ks.Group)
				b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes(ks.Data) })
			}
		})
	})
	ext(b, extPSKModes, func(b *cryptobyte.Builder) {
		b.AddUint8LengthPrefixed(func(b *cryptobyte.Builder) { b.AddUint8(1) })
	})
}

func ext(b *cryptobyte.Builder, typ uint16, body func(*cryptobyte.Builder)) {
	b.AddUint16(typ)
	b.AddUint16LengthPrefixed(body)
}

func list16(b *cryptobyte.Builder, vals []uint16) {
	b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) {
		for _, v := range vals {
			b.AddUint16(v)
		}
	})
}

// Groups are named as IANA's registry names them, whatever the curve.
func TestGroupNamesAreIANAs(t *testing.T) {
	for g, want := range map[uint16]string{GroupP256: "secp256r1", GroupP384: "secp384r1", GroupX25519: "x25519", 19: "secp192r1",
		15: "secp160k1", 1: "sect163k1", GroupFFDHE2048: "ffdhe2048", GroupX25519MLKEM: "X25519MLKEM768", 0x1234: "0x1234"} {
		if got := GroupName(g); got != want {
			t.Errorf("GroupName(%d) = %q, want %q", g, got, want)
		}
	}
}
