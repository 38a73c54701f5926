package tlswire

import (
	"crypto/rand"
	"fmt"
	"net/netip"

	"github.com/vigie-security/vigie/internal/check"
)

// Protocol versions as they appear on the wire.
const (
	SSL20 uint16 = 0x0002
	SSL30 uint16 = 0x0300
	TLS10 uint16 = 0x0301
	TLS11 uint16 = 0x0302
	TLS12 uint16 = 0x0303
	TLS13 uint16 = 0x0304
)

// VersionName is the name vigie's reports use ("SSLv3", "TLS 1.2").
func VersionName(v uint16) string {
	switch v {
	case SSL20:
		return "SSLv2"
	case SSL30:
		return "SSLv3"
	case TLS10:
		return "TLS 1.0"
	case TLS11:
		return "TLS 1.1"
	case TLS12:
		return "TLS 1.2"
	case TLS13:
		return "TLS 1.3"
	}
	return fmt.Sprintf("0x%04X", v)
}

// Named groups (IANA TLS Supported Groups).
const (
	GroupP256        uint16 = 23
	GroupP384        uint16 = 24
	GroupP521        uint16 = 25
	GroupX25519      uint16 = 29
	GroupX448        uint16 = 30
	GroupFFDHE2048   uint16 = 256
	GroupFFDHE3072   uint16 = 257
	GroupFFDHE4096   uint16 = 258
	GroupFFDHE6144   uint16 = 259
	GroupFFDHE8192   uint16 = 260
	GroupX25519MLKEM uint16 = 0x11EC
)

// groupNames are IANA's names (TLS Supported Groups registry), one naming
// for all (testssl.sh mixes OpenSSL's prime256v1 with IANA's secp384r1),
// built once: GroupName is called for every group of every scan.
var groupNames = map[uint16]string{1: "sect163k1", 2: "sect163r1", 3: "sect163r2", 4: "sect193r1", 5: "sect193r2", 6: "sect233k1",
	7: "sect233r1", 8: "sect239k1", 9: "sect283k1", 10: "sect283r1", 11: "sect409k1", 12: "sect409r1", 13: "sect571k1", 14: "sect571r1",
	15: "secp160k1", 16: "secp160r1", 17: "secp160r2", 18: "secp192k1", 19: "secp192r1", 20: "secp224k1", 21: "secp224r1", 22: "secp256k1",
	GroupP256: "secp256r1", GroupP384: "secp384r1", GroupP521: "secp521r1", 26: "brainpoolP256r1", 27: "brainpoolP384r1", 28: "brainpoolP512r1",
	GroupX25519: "x25519", GroupX448: "x448", 31: "brainpoolP256r1tls13", 32: "brainpoolP384r1tls13", 33: "brainpoolP512r1tls13",
	GroupFFDHE2048: "ffdhe2048", GroupFFDHE3072: "ffdhe3072", GroupFFDHE4096: "ffdhe4096", GroupFFDHE6144: "ffdhe6144", GroupFFDHE8192: "ffdhe8192",
	0x11EB: "SecP256r1MLKEM768", GroupX25519MLKEM: "X25519MLKEM768", 0x11ED: "SecP384r1MLKEM1024"}

// GroupName names a group as IANA does; one it does not know by its code.
func GroupName(g uint16) string {
	if n, ok := groupNames[g]; ok {
		return n
	}
	return fmt.Sprintf("0x%04X", g)
}

// ECGroups are offered in TLS ≤ 1.2 hellos: every elliptic curve, so that a
// server's ECDHE suites are never refused for want of a common curve. FFDHE
// groups are left out on purpose: a server applying RFC 7919 would then use
// its own DH parameters, which is what old clients get and what is judged.
var ECGroups = func() []uint16 {
	g := make([]uint16, 0, 30)
	for i := uint16(1); i <= 30; i++ {
		g = append(g, i)
	}
	return g
}()

// TLS13Groups are the groups a TLS 1.3 hello lists.
var TLS13Groups = []uint16{GroupX25519, GroupP256, GroupP384, GroupP521, GroupX448, GroupFFDHE2048, GroupFFDHE3072,
	GroupFFDHE4096, GroupFFDHE6144, GroupFFDHE8192, GroupX25519MLKEM, 0x11EB, 0x11ED}

// sigAlgs is every signature scheme, legacy ones included, so no server
// refuses for want of one.
var sigAlgs = []uint16{0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b,
	0x0401, 0x0501, 0x0601, 0x0303, 0x0301, 0x0302, 0x0402, 0x0502, 0x0602, 0x0203, 0x0201, 0x0202, 0x0101, 0x0102}

// scsvRenego is TLS_EMPTY_RENEGOTIATION_INFO_SCSV: sent like testssl.sh does,
// never chosen. TLS_FALLBACK_SCSV is never sent: it would make a server
// refuse the lower versions being probed.
const scsvRenego = 0x00FF

// KeyShare is one TLS 1.3 key_share entry.
type KeyShare struct {
	Group uint16
	Data  []byte
}

// Hello is a ClientHello to build.
type Hello struct {
	Version    uint16   // SSL30 … TLS13; TLS 1.3 is offered alone, through supported_versions
	Suites     []uint16 // in the client's order of preference
	ServerName string   // SNI, when not an IP literal
	Groups     []uint16 // supported_groups; ECGroups (≤ 1.2) or TLS13Groups when nil
	// KeyShares are sent with TLS 1.3. None makes a server that accepts one
	// of Groups answer a HelloRetryRequest naming its choice: enough to
	// enumerate without computing a key.
	KeyShares []KeyShare
	Random    [32]byte // crypto/rand when zero
}

// maxHelloSuites bounds the suites one hello carries: a longer list no
// longer fits what servers expect of a single record.
const maxHelloSuites = 4000

// Marshal returns the hello as one handshake record.
func (h Hello) Marshal() ([]byte, error) {
	if h.Version < SSL30 || h.Version > TLS13 {
		return nil, check.Errorf("tlswire: cannot build a ClientHello for version %s", "tlswire : impossible de construire un ClientHello en version %s", VersionName(h.Version))
	}
	if len(h.Suites) == 0 || len(h.Suites) > maxHelloSuites {
		return nil, check.Errorf("tlswire: a ClientHello needs 1 to %d suites, not %d", "tlswire : un ClientHello porte de 1 à %d suites, pas %d", maxHelloSuites, len(h.Suites))
	}
	if h.Random == ([32]byte{}) {
		_, _ = rand.Read(h.Random[:])
	}
	legacy, recVer := h.Version, TLS10
	if h.Version == TLS13 {
		legacy = TLS12
	}
	if h.Version == SSL30 {
		recVer = SSL30
	}
	// Appended in place with lengths patched after: a scan sends a few
	// dozen hellos per server, and a builder's closures cost more than the
	// hello itself (TestHelloMatchesBuilder holds the bytes to the builder's).
	w := helloWriter{b: make([]byte, 0, 5+4+helloFixed+2*len(h.Suites)+len(h.ServerName)+2*len(h.Groups)+keyShareBytes(h.KeyShares))}
	w.b = append(w.b, typeHandshake, byte(recVer>>8), byte(recVer), 0, 0)
	w.b = append(w.b, typeClientHello, 0, 0, 0)
	w.b = append(w.b, byte(legacy>>8), byte(legacy))
	w.b = append(w.b, h.Random[:]...)
	if h.Version == TLS13 {
		w.b = append(w.b, 32)
		w.b = append(w.b, h.Random[:]...) // middlebox compatibility: a 32-byte legacy session id
	} else {
		w.b = append(w.b, 0)
	}
	suites := w.open(2)
	for _, s := range h.Suites {
		w.b = append(w.b, byte(s>>8), byte(s))
	}
	if h.Version < TLS13 {
		w.b = append(w.b, scsvRenego>>8, scsvRenego&0xff)
	}
	w.close(suites, 2)
	w.b = append(w.b, 1, 0) // no compression
	if h.Version > SSL30 {
		exts := w.open(2)
		h.extensions(&w)
		w.close(exts, 2)
	}
	if w.err != nil {
		return nil, check.Errorf("tlswire: building ClientHello: %v", "tlswire : construction du ClientHello : %v", w.err)
	}
	if len(w.b)-5 > maxRecord {
		return nil, check.Errorf("tlswire: ClientHello does not fit one record", "tlswire : le ClientHello dépasse un enregistrement")
	}
	n := len(w.b) - 9
	w.b[6], w.b[7], w.b[8] = byte(n>>16), byte(n>>8), byte(n)
	w.b[3], w.b[4] = byte((n+4)>>8), byte(n+4)
	return w.b, nil
}

// helloFixed is what a hello holds besides its suites, name, groups and
// key shares, rounded up: the capacity that makes it one allocation.
const helloFixed = 512

func keyShareBytes(ks []KeyShare) int {
	n := 0
	for _, k := range ks {
		n += 4 + len(k.Data)
	}
	return n
}

// errLength: a list or name too long for its length prefix.
var errLength = check.Errorf("a length does not fit its prefix", "une longueur dépasse son préfixe")

// helloWriter appends a hello's fields; open reserves a length prefix that
// close fills in.
type helloWriter struct {
	b   []byte
	err error
}

func (w *helloWriter) open(size int) int {
	w.b = append(w.b, make([]byte, size)...)
	return len(w.b)
}

func (w *helloWriter) close(at, size int) {
	n := len(w.b) - at
	if n >= 1<<(8*size) {
		w.err = errLength
		return
	}
	for i := range size {
		w.b[at-1-i] = byte(n >> (8 * i))
	}
}

func (w *helloWriter) u16(v uint16) { w.b = append(w.b, byte(v>>8), byte(v)) }

// ext writes one extension: its type, then body inside a 2-byte length.
func (w *helloWriter) ext(typ uint16, body func()) {
	w.u16(typ)
	at := w.open(2)
	body()
	w.close(at, 2)
}

func (w *helloWriter) list16(vals []uint16) {
	at := w.open(2)
	for _, v := range vals {
		w.u16(v)
	}
	w.close(at, 2)
}

func (h Hello) extensions(w *helloWriter) {
	if h.ServerName != "" && !isIPLiteral(h.ServerName) {
		w.ext(extServerName, func() {
			list := w.open(2)
			w.b = append(w.b, 0) // host_name
			name := w.open(2)
			w.b = append(w.b, h.ServerName...)
			w.close(name, 2)
			w.close(list, 2)
		})
	}
	groups := h.Groups
	if groups == nil {
		groups = ECGroups
		if h.Version == TLS13 {
			groups = TLS13Groups
		}
	}
	w.ext(extSupportedGroups, func() { w.list16(groups) })
	w.ext(extECPointFormats, func() { w.b = append(w.b, 3, 0, 1, 2) })
	w.ext(extSignatureAlgorithms, func() { w.list16(sigAlgs) })
	if h.Version < TLS13 {
		w.ext(extRenegotiationInfo, func() { w.b = append(w.b, 0) })
		return
	}
	w.ext(extSupportedVersions, func() { w.b = append(w.b, 2, byte(TLS13>>8), byte(TLS13&0xff)) })
	w.ext(extKeyShare, func() {
		list := w.open(2)
		for _, ks := range h.KeyShares {
			w.u16(ks.Group)
			data := w.open(2)
			w.b = append(w.b, ks.Data...)
			w.close(data, 2)
		}
		w.close(list, 2)
	})
	w.ext(extPSKModes, func() { w.b = append(w.b, 1, 1) }) // psk_dhe_ke
}

// SSLv2Hello returns an SSLv2 CLIENT-HELLO offering the given 3-byte cipher specs.
func SSLv2Hello(specs []uint32) []byte {
	if len(specs) == 0 {
		for _, s := range SSLv2Suites() {
			specs = append(specs, s.Code)
		}
	}
	var challenge [16]byte
	_, _ = rand.Read(challenge[:])
	body := []byte{1, 0, 2, byte(len(specs) * 3 >> 8), byte(len(specs) * 3), 0, 0, 0, 16}
	for _, s := range specs {
		body = append(body, byte(s>>16), byte(s>>8), byte(s))
	}
	body = append(body, challenge[:]...)
	return append([]byte{0x80 | byte(len(body)>>8), byte(len(body))}, body...)
}

// isIPLiteral: SNI carries host names only (RFC 6066 §3).
func isIPLiteral(s string) bool {
	_, err := netip.ParseAddr(s)
	return err == nil
}
