package tlswire

import (
	"errors"
	"io"
	"net"

	"github.com/vigie-security/vigie/internal/check"
)

// Record and handshake types, extension codes.
const (
	typeAlert     = 21
	typeHandshake = 22

	typeClientHello       = 1
	typeServerHello       = 2
	typeCertificate       = 11
	typeServerKeyExchange = 12
	typeServerHelloDone   = 14

	extServerName          = 0
	extSupportedGroups     = 10
	extECPointFormats      = 11
	extSignatureAlgorithms = 13
	extSupportedVersions   = 43
	extPSKModes            = 45
	extKeyShare            = 51
	extRenegotiationInfo   = 0xff01
)

// Bounds on what a server may make us read.
const (
	maxRecord     = 1<<14 + 2048 // TLSCiphertext limit (RFC 8446 §5.2)
	maxHandshake  = 256 << 10    // a certificate chain with room to spare
	maxRecords    = 1024         // empty or tiny records cannot keep a read going
	maxSSLv2Reply = 32 << 10
)

// ErrNotTLS is returned when the server answers something that is not TLS
// (plain HTTP, garbage): it did not refuse, it does not speak the protocol.
var ErrNotTLS = check.Errorf("tlswire: the answer is not TLS", "tlswire : la réponse n'est pas du TLS")

// Alert is a TLS alert the server sent.
type Alert struct {
	Level, Desc uint8
}

func (a Alert) Error() string { return a.In(check.EN) }

// In says the alert in l.
func (a Alert) In(l check.Lang) string {
	return check.Textf("tls alert %d (level %d)", "alerte TLS %d (niveau %d)", a.Desc, a.Level).In(l)
}

// readRecord reads one record, bounded by maxRecord.
func readRecord(r io.Reader) (typ uint8, version uint16, body []byte, err error) {
	var hdr [5]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return 0, 0, nil, err
	}
	typ, version = hdr[0], uint16(hdr[1])<<8|uint16(hdr[2])
	n := int(hdr[3])<<8 | int(hdr[4])
	if typ < 20 || typ > 24 || hdr[1] != 3 || n > maxRecord {
		return 0, 0, nil, ErrNotTLS
	}
	body = make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return 0, 0, nil, err
	}
	return typ, version, body, nil
}

// closedEarly tells a server that hung up on the hello (a refusal, for many
// servers) from a network failure.
func closedEarly(err error) bool {
	if errors.Is(err, net.ErrClosed) {
		return false // closed on our side: the deadline or the caller's cancellation
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	var op *net.OpError
	if errors.As(err, &op) && !op.Timeout() {
		return true // connection reset by peer
	}
	return false
}
