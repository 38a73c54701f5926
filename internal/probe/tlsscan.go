package probe

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"strings"
	"sync"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
)

// notTestable lists what Go's TLS client cannot offer: findings say these
// were not tested rather than implying they passed.
var notTestable = []string{"SSLv2", "SSLv3", "DHE key exchange", "EXPORT suites", "NULL suites", "anonymous suites",
	"CCM, ARIA and Camellia suites"}

var versions = []uint16{tls.VersionTLS10, tls.VersionTLS11, tls.VersionTLS12, tls.VersionTLS13}

// maxSuiteProbes bounds the handshakes spent enumerating cipher suites.
const maxSuiteProbes = 40

// legacySuites is every TLS ≤ 1.2 suite Go can offer, weak ones included.
func legacySuites() []uint16 {
	var ids []uint16
	for _, list := range [][]*tls.CipherSuite{tls.CipherSuites(), tls.InsecureCipherSuites()} {
		for _, s := range list {
			for _, v := range s.SupportedVersions {
				if v <= tls.VersionTLS12 {
					ids = append(ids, s.ID)
					break
				}
			}
		}
	}
	return ids
}

// probeCurves are offered by vigie's own handshakes: classical groups every
// server speaks. Go's default adds a post-quantum hybrid share whose
// generation dominated the CPU profile of large scans, and tells nothing more
// about versions or suites.
var probeCurves = []tls.CurveID{tls.X25519, tls.CurveP256, tls.CurveP384}

// scanTLS fills which protocol versions and TLS ≤ 1.2 suites the server
// accepts. negotiated is the version of the handshake already made with
// every version offered: if it is TLS 1.3 the server accepts 1.3, else it
// refuses it, so 1.3 needs no handshake of its own.
func (p *Prober) scanTLS(ctx context.Context, pace Pacer, addr, serverName string, negotiated uint16, cipher uint16, out *web.TLS) {
	out.NotTested = notTestable
	out.Protocols = make([]web.Protocol, len(versions))
	firstSuite := map[uint16]uint16{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i, v := range versions {
		if v == tls.VersionTLS13 {
			out.Protocols[i] = web.Protocol{Version: tls.VersionName(v), Tested: true, Accepted: negotiated == v}
			if negotiated == v {
				out.Protocols[i].Cipher = tls.CipherSuiteName(cipher)
			}
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			cfg := &tls.Config{ServerName: serverName, InsecureSkipVerify: true, MinVersion: v, MaxVersion: v, CurvePreferences: probeCurves}
			if v <= tls.VersionTLS12 {
				cfg.CipherSuites = legacySuites()
			}
			res := web.Protocol{Version: tls.VersionName(v)}
			st, err := p.dialTLS(ctx, pace, addr, cfg)
			switch {
			case err == nil:
				res.Tested, res.Accepted, res.Cipher = true, true, tls.CipherSuiteName(st.CipherSuite)
				mu.Lock()
				firstSuite[v] = st.CipherSuite
				mu.Unlock()
			case refusedByServer(err):
				res.Tested = true
			default:
				_, res.Error = classify(err, p.opts.Timeout)
			}
			out.Protocols[i] = res
		}()
	}
	wg.Wait()

	// Enumerate suites at the best TLS ≤ 1.2 version the server accepts.
	var best uint16
	for i, pr := range out.Protocols {
		if pr.Accepted && versions[i] <= tls.VersionTLS12 {
			best = versions[i]
		}
	}
	if best == 0 {
		return
	}
	out.SuitesVersion = tls.VersionName(best)
	// The version probe offered every suite: its pick is the first one found.
	out.Suites = []string{tls.CipherSuiteName(firstSuite[best])}
	offer := without(legacySuites(), firstSuite[best])
	for range maxSuiteProbes {
		if len(offer) == 0 {
			return
		}
		cfg := &tls.Config{ServerName: serverName, InsecureSkipVerify: true, MinVersion: best, MaxVersion: best, CipherSuites: offer,
			CurvePreferences: probeCurves}
		st, err := p.dialTLS(ctx, pace, addr, cfg)
		if err != nil {
			if !refusedByServer(err) {
				_, out.SuitesErr = classify(err, p.opts.Timeout)
			}
			return
		}
		out.Suites = append(out.Suites, tls.CipherSuiteName(st.CipherSuite))
		offer = without(offer, st.CipherSuite)
	}
	out.SuitesErr = check.Textf("stopped after %d handshakes", "arrêté après %d négociations", maxSuiteProbes)
}

// dialTLS makes one bounded handshake and closes the connection.
func (p *Prober) dialTLS(ctx context.Context, pace Pacer, addr string, cfg *tls.Config) (tls.ConnectionState, error) {
	if err := pace.Wait(ctx); err != nil {
		return tls.ConnectionState{}, err
	}
	hctx, cancel := context.WithTimeout(ctx, p.opts.Timeout)
	defer cancel()
	d := tls.Dialer{NetDialer: &net.Dialer{}, Config: cfg}
	conn, err := d.DialContext(hctx, "tcp", addr)
	if err != nil {
		return tls.ConnectionState{}, err
	}
	defer conn.Close()
	return conn.(*tls.Conn).ConnectionState(), nil
}

// refusedByServer tells a server that declined the offer (an alert, or a
// connection closed during the handshake) from one that could not be reached.
func refusedByServer(err error) bool {
	var alert tls.AlertError
	if errors.As(err, &alert) {
		return true
	}
	var rec tls.RecordHeaderError
	if errors.As(err, &rec) {
		return false // not TLS at all: garbage, or plain HTTP on the port
	}
	msg := strings.ToLower(err.Error())
	for _, s := range []string{"handshake failure", "protocol version", "no cipher suite", "unsupported versions",
		"insufficient security", "server selected unsupported", "eof", "connection reset"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

func without(ids []uint16, id uint16) []uint16 {
	out := make([]uint16, 0, len(ids))
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}
