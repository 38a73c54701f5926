package tlswire

import (
	"bytes"
	"io"

	"github.com/vigie-security/vigie/internal/check"
	"golang.org/x/crypto/cryptobyte"
)

// Response is what a server answered to one ClientHello.
type Response struct {
	Alert  *Alert // it refused with an alert
	Closed bool   // it hung up before a ServerHello: a refusal too
	Hello  *ServerHello
	Certs  [][]byte     // the Certificate message (TLS ≤ 1.2): DER, leaf first
	KX     *KeyExchange // the ServerKeyExchange, for suites that have one
}

// Accepted reports whether the server answered with a ServerHello (or a
// HelloRetryRequest) for the version offered.
func (r Response) Accepted(version uint16) bool { return r.Hello != nil && r.Hello.Version == version }

// ServerHello is the part of a ServerHello or HelloRetryRequest the scan reads.
type ServerHello struct {
	Version     uint16 // negotiated: supported_versions when the server sent it
	Suite       uint16
	Compression uint8
	Retry       bool   // a TLS 1.3 HelloRetryRequest
	Group       uint16 // TLS 1.3: the key_share group chosen
}

// KeyExchange is the part of a ServerKeyExchange the scan reads.
type KeyExchange struct {
	DH      *DHParams // DHE and anonymous DH
	Curve   uint16    // ECDHE named curve
	RSABits int       // EXPORT RSA: the temporary key's size
}

// DHParams are a server's finite-field DH parameters, big-endian.
type DHParams struct{ P, G, Ys []byte }

// helloRetryRandom is SHA-256("HelloRetryRequest") (RFC 8446 §4.1.3).
var helloRetryRandom = []byte{0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
	0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C}

var errMalformed = check.Errorf("tlswire: malformed handshake message", "tlswire : message de négociation mal formé")

// ReadResponse reads the server's answer to a ClientHello: up to the
// ServerHelloDone, or only the ServerHello when full is false (or with TLS
// 1.3, whose later messages are encrypted). Every read is bounded.
func ReadResponse(r io.Reader, full bool) (Response, error) {
	var resp Response
	var buf []byte
	for range maxRecords {
		typ, _, body, err := readRecord(r)
		if err != nil {
			switch {
			case !closedEarly(err) || len(buf) > 0:
				return resp, err // a network failure, or a message cut short
			case resp.Hello == nil:
				resp.Closed = true
			}
			return resp, nil // a hang-up: a refusal, or the end of what the server sends
		}
		switch typ {
		case typeAlert:
			if len(body) < 2 {
				return resp, errMalformed
			}
			if resp.Hello == nil {
				resp.Alert = &Alert{Level: body[0], Desc: body[1]}
			}
			return resp, nil
		case typeHandshake:
			if len(buf)+len(body) > maxHandshake {
				return resp, check.Errorf("tlswire: handshake over %d bytes", "tlswire : négociation de plus de %d octets", maxHandshake)
			}
			buf = append(buf, body...)
		default:
			if resp.Hello == nil {
				return resp, check.Errorf("tlswire: record type %d before the ServerHello", "tlswire : enregistrement de type %d avant le ServerHello", typ)
			}
			return resp, nil
		}
		for len(buf) >= 4 {
			n := int(buf[1])<<16 | int(buf[2])<<8 | int(buf[3])
			if len(buf) < 4+n {
				break
			}
			done, err := resp.take(buf[0], buf[4:4+n], full)
			if err != nil || done {
				return resp, err
			}
			buf = buf[4+n:]
		}
	}
	return resp, check.Errorf("tlswire: no ServerHelloDone within %d records", "tlswire : pas de ServerHelloDone en %d enregistrements", maxRecords)
}

// take parses one handshake message and says whether reading is over.
func (resp *Response) take(typ uint8, msg []byte, full bool) (bool, error) {
	if resp.Hello == nil && typ != typeServerHello {
		return true, check.Errorf("tlswire: handshake message %d before the ServerHello", "tlswire : message de négociation %d avant le ServerHello", typ)
	}
	switch typ {
	case typeServerHello:
		if resp.Hello != nil {
			return true, check.Errorf("tlswire: second ServerHello", "tlswire : second ServerHello")
		}
		sh, err := parseServerHello(msg)
		if err != nil {
			return true, err
		}
		resp.Hello = &sh
		return !full || sh.Version == TLS13 || sh.Retry, nil
	case typeCertificate:
		certs, err := parseCertificates(msg)
		resp.Certs = certs
		return false, err
	case typeServerKeyExchange:
		kx, err := parseKeyExchange(msg, resp.Hello.Suite)
		resp.KX = kx
		return false, err
	case typeServerHelloDone:
		return true, nil
	}
	return false, nil // CertificateStatus, CertificateRequest: not read
}

func parseServerHello(msg []byte) (ServerHello, error) {
	s := cryptobyte.String(msg)
	var sh ServerHello
	var random, sid []byte
	if !s.ReadUint16(&sh.Version) || !s.ReadBytes(&random, 32) || !s.ReadUint8LengthPrefixed((*cryptobyte.String)(&sid)) ||
		!s.ReadUint16(&sh.Suite) || !s.ReadUint8(&sh.Compression) {
		return sh, check.Errorf("%v: ServerHello", "%v : ServerHello", errMalformed)
	}
	sh.Retry = bytes.Equal(random, helloRetryRandom)
	if s.Empty() {
		return sh, nil
	}
	var exts cryptobyte.String
	if !s.ReadUint16LengthPrefixed(&exts) || !s.Empty() {
		return sh, check.Errorf("%v: ServerHello extensions", "%v : ServerHello extensions", errMalformed)
	}
	for !exts.Empty() {
		var typ uint16
		var data cryptobyte.String
		if !exts.ReadUint16(&typ) || !exts.ReadUint16LengthPrefixed(&data) {
			return sh, check.Errorf("%v: ServerHello extension", "%v : ServerHello extension", errMalformed)
		}
		switch typ {
		case extSupportedVersions:
			if !data.ReadUint16(&sh.Version) {
				return sh, check.Errorf("%v: supported_versions", "%v : supported_versions", errMalformed)
			}
		case extKeyShare:
			if !data.ReadUint16(&sh.Group) {
				return sh, check.Errorf("%v: key_share", "%v : key_share", errMalformed)
			}
		}
	}
	return sh, nil
}

func parseCertificates(msg []byte) ([][]byte, error) {
	s := cryptobyte.String(msg)
	var list cryptobyte.String
	if !s.ReadUint24LengthPrefixed(&list) || !s.Empty() {
		return nil, check.Errorf("%v: Certificate", "%v : Certificate", errMalformed)
	}
	var certs [][]byte
	for !list.Empty() {
		var der cryptobyte.String
		if !list.ReadUint24LengthPrefixed(&der) || len(der) == 0 {
			return nil, check.Errorf("%v: Certificate entry", "%v : Certificate entry", errMalformed)
		}
		certs = append(certs, der)
	}
	return certs, nil
}

func parseKeyExchange(msg []byte, suite uint16) (*KeyExchange, error) {
	st, _ := Lookup(suite)
	s := cryptobyte.String(msg)
	kx := &KeyExchange{}
	if st.Kx == "DHEPSK" || st.Kx == "ECDHEPSK" {
		var hint cryptobyte.String
		if !s.ReadUint16LengthPrefixed(&hint) {
			return nil, check.Errorf("%v: PSK identity hint", "%v : PSK identity hint", errMalformed)
		}
	}
	switch {
	case st.dhe():
		var p, g, ys cryptobyte.String
		if !s.ReadUint16LengthPrefixed(&p) || !s.ReadUint16LengthPrefixed(&g) || !s.ReadUint16LengthPrefixed(&ys) || len(p) == 0 || len(g) == 0 {
			return nil, check.Errorf("%v: DH parameters", "%v : DH parameters", errMalformed)
		}
		kx.DH = &DHParams{P: p, G: g, Ys: ys}
	case st.ecdhe():
		var curveType uint8
		if !s.ReadUint8(&curveType) {
			return nil, check.Errorf("%v: ECDH parameters", "%v : ECDH parameters", errMalformed)
		}
		if curveType == 3 && !s.ReadUint16(&kx.Curve) {
			return nil, check.Errorf("%v: ECDH curve", "%v : ECDH curve", errMalformed)
		}
	case st.Has(Export) && st.Kx != "" && st.Kx[0] == 'R':
		var mod cryptobyte.String
		if !s.ReadUint16LengthPrefixed(&mod) {
			return nil, check.Errorf("%v: RSA parameters", "%v : RSA parameters", errMalformed)
		}
		kx.RSABits = bitLen(mod)
	}
	return kx, nil
}

func bitLen(b []byte) int {
	for i, c := range b {
		if c != 0 {
			n := (len(b) - i - 1) * 8
			for ; c != 0; c >>= 1 {
				n++
			}
			return n
		}
	}
	return 0
}

// SSLv2Response is a server's answer to an SSLv2 CLIENT-HELLO.
type SSLv2Response struct {
	Accepted bool
	Version  uint16
	Specs    []uint32 // cipher specs the server offers, 3-byte codes
	Cert     []byte   // DER
}

// ReadSSLv2 reads an SSLv2 SERVER-HELLO. A TLS alert or a hang-up is a refusal.
func ReadSSLv2(r io.Reader) (SSLv2Response, error) {
	var hdr [2]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		if closedEarly(err) {
			return SSLv2Response{}, nil
		}
		return SSLv2Response{}, err
	}
	if hdr[0] == typeAlert || hdr[0] == typeHandshake {
		return SSLv2Response{}, nil // a TLS server saying no in its own protocol
	}
	if hdr[0]&0x80 == 0 {
		return SSLv2Response{}, ErrNotTLS
	}
	n := int(hdr[0]&0x7f)<<8 | int(hdr[1])
	if n > maxSSLv2Reply {
		return SSLv2Response{}, check.Errorf("tlswire: SSLv2 record over %d bytes", "tlswire : enregistrement SSLv2 de plus de %d octets", maxSSLv2Reply)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return SSLv2Response{}, err
	}
	s := cryptobyte.String(body)
	var typ, hit, certType uint8
	var out SSLv2Response
	var certLen, specsLen, idLen uint16
	if !s.ReadUint8(&typ) {
		return out, check.Errorf("%v: SSLv2", "%v : SSLv2", errMalformed)
	}
	if typ != 4 {
		return out, nil // ERROR (0) or anything but SERVER-HELLO
	}
	var cert, specs []byte
	if !s.ReadUint8(&hit) || !s.ReadUint8(&certType) || !s.ReadUint16(&out.Version) || !s.ReadUint16(&certLen) ||
		!s.ReadUint16(&specsLen) || !s.ReadUint16(&idLen) || specsLen%3 != 0 ||
		!s.ReadBytes(&cert, int(certLen)) || !s.ReadBytes(&specs, int(specsLen)) {
		return out, check.Errorf("%v: SSLv2 SERVER-HELLO", "%v : SSLv2 SERVER-HELLO", errMalformed)
	}
	for i := 0; i < len(specs); i += 3 {
		out.Specs = append(out.Specs, uint32(specs[i])<<16|uint32(specs[i+1])<<8|uint32(specs[i+2]))
	}
	out.Cert, out.Accepted = cert, true
	return out, nil
}
