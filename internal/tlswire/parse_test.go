package tlswire

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"golang.org/x/crypto/cryptobyte"
)

func TestReadResponse(t *testing.T) {
	dh := &DHParams{P: []byte{0xff, 0xfb}, G: []byte{2}, Ys: []byte{7}}
	full := record(typeHandshake, TLS12, append(append(append(serverHelloMsg(TLS12, 0x0033, nil, nil),
		certificateMsg([]byte{1, 2}, []byte{3})...), keyExchangeMsg(0x0033, dh, 0)...),
		handshakeMsg(typeServerHelloDone, func(*cryptobyte.Builder) {})...))
	// The same messages cut across 1-byte records must read the same.
	var split []byte
	for _, b := range full[5:] {
		split = append(split, record(typeHandshake, TLS12, []byte{b})...)
	}
	for name, in := range map[string][]byte{"one record": full, "one byte a record": split} {
		r, err := ReadResponse(bytes.NewReader(in), true)
		if err != nil || !r.Accepted(TLS12) || r.Hello.Suite != 0x0033 || len(r.Certs) != 2 || r.KX == nil || r.KX.DH == nil ||
			!bytes.Equal(r.KX.DH.P, dh.P) || !bytes.Equal(r.KX.DH.Ys, dh.Ys) {
			t.Errorf("%s: %+v, %v", name, r, err)
		}
	}
	hrr := record(typeHandshake, TLS12, serverHelloMsg(TLS13, 0x1302, helloRetryRandom, func(b *cryptobyte.Builder) {
		ext(b, extSupportedVersions, func(b *cryptobyte.Builder) { b.AddUint16(TLS13) })
		ext(b, extKeyShare, func(b *cryptobyte.Builder) { b.AddUint16(GroupX25519) })
	}))
	if r, err := ReadResponse(bytes.NewReader(hrr), true); err != nil || !r.Accepted(TLS13) || !r.Hello.Retry || r.Hello.Group != GroupX25519 {
		t.Errorf("HRR: %+v %v", r.Hello, err)
	}
	if r, err := ReadResponse(bytes.NewReader(record(typeAlert, TLS12, []byte{2, 40})), true); err != nil || r.Alert == nil || r.Alert.Desc != 40 {
		t.Errorf("alert: %+v %v", r, err)
	}
	if r, err := ReadResponse(bytes.NewReader(nil), true); err != nil || !r.Closed {
		t.Errorf("hang-up: %+v %v", r, err)
	}
	if _, err := ReadResponse(bytes.NewReader([]byte("HTTP/1.1 400 Bad Request\r\n\r\n")), true); !errors.Is(err, ErrNotTLS) {
		t.Errorf("plain HTTP: %v", err)
	}
}

// Malformed answers are errors, never panics, and never unbounded reads.
func TestReadResponseMalformed(t *testing.T) {
	sh := serverHelloMsg(TLS12, 0x0033, nil, nil)
	cases := map[string][]byte{
		"truncated ServerHello":    record(typeHandshake, TLS12, sh[:20]),
		"short alert":              record(typeAlert, TLS12, []byte{2}),
		"record too long":          {typeHandshake, 3, 3, 0xff, 0xff},
		"certificate before hello": record(typeHandshake, TLS12, certificateMsg([]byte{1})),
		"bad DH":                   record(typeHandshake, TLS12, append(sh, handshakeMsg(typeServerKeyExchange, func(b *cryptobyte.Builder) { b.AddUint8(9) })...)),
		"bad certificate list":     record(typeHandshake, TLS12, append(sh, handshakeMsg(typeCertificate, func(b *cryptobyte.Builder) { b.AddUint24(9) })...)),
		"two hellos":               record(typeHandshake, TLS12, append(sh, sh...)),
		"app data first":           record(23, TLS12, []byte{1}),
		"endless empty records":    bytes.Repeat(record(typeHandshake, TLS12, nil), maxRecords+1),
		"huge handshake":           bytes.Repeat(record(typeHandshake, TLS12, append([]byte{typeServerHello, 0xff, 0xff, 0xff}, make([]byte, maxRecord-4)...)), 20),
	}
	for name, in := range cases {
		if _, err := ReadResponse(bytes.NewReader(in), true); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	for name, in := range map[string][]byte{"short": {0x80}, "bad header": {0x00, 0x05, 1, 2, 3, 4, 5},
		"truncated SERVER-HELLO": {0x80, 0x05, 4, 0, 1, 0, 2}, "too long": {0xff, 0xff}} {
		if _, err := ReadSSLv2(bytes.NewReader(in)); err == nil && name != "short" {
			t.Errorf("SSLv2 %s: no error", name)
		}
	}
}

func FuzzReadResponse(f *testing.F) {
	f.Add(record(typeHandshake, TLS12, append(serverHelloMsg(TLS12, 0xC02F, nil, nil), keyExchangeMsg(0xC02F, nil, 23)...)))
	f.Add(record(typeHandshake, TLS12, serverHelloMsg(TLS13, 0x1301, helloRetryRandom, nil)))
	f.Add([]byte{0x80, 0x05, 4, 0, 1, 0, 2})
	f.Fuzz(func(t *testing.T, in []byte) {
		_, _ = ReadResponse(bytes.NewReader(in), true)
		_, _ = ReadSSLv2(bytes.NewReader(in))
		if len(in) > 0 {
			Analyse(DHParams{P: in[:len(in)/2], G: in[len(in)/2:]})
		}
	})
}

var _ io.Reader = (*bytes.Reader)(nil)
