package tlswire

//go:generate sh -c "go run gen_suites.go /etc/testssl/cipher-mapping.txt > suites_table.go && gofmt -w suites_table.go"
//go:generate sh -c "go run gen_primes.go /etc/testssl/common-primes.txt > primes_table.go && gofmt -w primes_table.go"

import "fmt"

// Flags are the properties graders read from a suite.
type Flags uint16

const (
	Null      Flags = 1 << iota // no encryption
	Anon                        // no server authentication
	Export                      // export-grade (40/56-bit keys, 512/1024-bit key exchange)
	RC4                         // RC4 stream cipher
	TripleDES                   // 3DES, 64-bit blocks (SWEET32)
	CBC                         // block cipher in CBC mode (MAC-then-encrypt)
	AEAD                        // GCM, CCM, ChaCha20-Poly1305
	FS                          // ephemeral key exchange: forward secrecy
	SSLv2Only                   // an SSLv2 cipher spec (3-byte code)
)

// Suite is one cipher suite: its IANA code and name, the OpenSSL name
// testssl.sh prints, and what it is made of.
type Suite struct {
	Code    uint32 // 2 bytes for SSLv3/TLS, 3 bytes for SSLv2 cipher specs
	Name    string // IANA (RFC) name, empty for private-use codes
	OpenSSL string // OpenSSL name, as testssl.sh prints it
	Kx      string // key exchange: RSA, DH, ECDH, DH/RSA (static), PSK, any (TLS 1.3)…
	Auth    string // authentication: RSA, ECDSA, DSS, None…
	Enc     string // cipher: AESGCM, AES, ChaCha20, 3DES, RC4, None…
	Bits    int    // cipher key bits
	MAC     string
	Min     string // oldest protocol that defines it: SSLv2, SSLv3, TLSv1, TLSv1.2, TLSv1.3
	Flags   Flags
}

// Has reports whether every flag in f is set.
func (s Suite) Has(f Flags) bool { return s.Flags&f == f }

// String is the IANA name, else the OpenSSL one.
func (s Suite) String() string {
	if s.Name != "" {
		return s.Name
	}
	return s.OpenSSL
}

// EphemeralDH reports whether the suite's key exchange is finite-field
// ephemeral DH (DHE, anonymous DH): the server sends p, g and Ys.
func (s Suite) EphemeralDH() bool { return s.dhe() }

func (s Suite) dhe() bool {
	return s.Kx == "DH" || s.Kx == "DH(512)" || s.Kx == "DH(1024)" || s.Kx == "DHEPSK"
}

func (s Suite) ecdhe() bool { return s.Kx == "ECDH" || s.Kx == "ECDHEPSK" }

// byCode and sslv2ByCode are apart: both have a NULL suite coded 0.
var byCode, sslv2ByCode, byName = func() (map[uint32]Suite, map[uint32]Suite, map[string]Suite) {
	tls, v2, names := map[uint32]Suite{}, map[uint32]Suite{}, map[string]Suite{}
	for _, s := range suiteTable {
		if s.Has(SSLv2Only) {
			v2[s.Code] = s
			continue
		}
		tls[s.Code] = s
		names[s.String()] = s
	}
	return tls, v2, names
}()

// ByName returns the SSLv3/TLS suite with the IANA name (or, for suites
// without one, the OpenSSL name): what Suite.String gives.
func ByName(name string) (Suite, bool) {
	s, ok := byName[name]
	return s, ok
}

// Lookup returns the SSLv3/TLS suite with the code, or a placeholder named by its code.
func Lookup(code uint16) (Suite, bool) {
	if s, ok := byCode[uint32(code)]; ok {
		return s, true
	}
	return Suite{Code: uint32(code), OpenSSL: fmt.Sprintf("0x%04X", code)}, false
}

// LookupSSLv2 returns the SSLv2 cipher spec with the 3-byte code.
func LookupSSLv2(code uint32) (Suite, bool) {
	if s, ok := sslv2ByCode[code]; ok {
		return s, true
	}
	return Suite{Code: code, OpenSSL: fmt.Sprintf("0x%06X", code), Flags: SSLv2Only}, false
}

// Suites returns every known SSLv3/TLS suite (2-byte codes, TLS 1.3 included), in table order.
func Suites() []Suite {
	out := make([]Suite, 0, len(suiteTable))
	for _, s := range suiteTable {
		if !s.Has(SSLv2Only) {
			out = append(out, s)
		}
	}
	return out
}

// SSLv2Suites returns the SSLv2 cipher specs.
func SSLv2Suites() []Suite {
	var out []Suite
	for _, s := range suiteTable {
		if s.Has(SSLv2Only) {
			out = append(out, s)
		}
	}
	return out
}
