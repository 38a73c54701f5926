package tlswire

import (
	"slices"
	"testing"
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
