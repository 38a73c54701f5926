package probe

import (
	"context"
	"crypto/x509"
	"net"
	"time"

	web "github.com/vigie-security/vigie/checks/web"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/tlswire"
)

// tlsParallel bounds the connections one server's TLS scan holds at once.
const tlsParallel = 6

// maxScanWait caps each scan connection: the server has just answered a
// handshake, so a hello it leaves unanswered this long is one it drops.
const maxScanWait = 5 * time.Second

func (p *Prober) scanTimeout() time.Duration { return min(p.opts.Timeout, maxScanWait) }

// scanTLS enumerates, with hand-built ClientHellos, what the server accepts:
// SSLv2 to TLS 1.3, every suite in the server's order, the TLS 1.3 groups
// and the DH group. No handshake has to succeed, so what Go's client cannot
// offer (SSLv2/3, EXPORT, NULL, anonymous, DHE, CCM/ARIA/Camellia) is tested
// too. Every connection waits for the pacer, like the other requests.
func (p *Prober) scanTLS(ctx context.Context, pace Pacer, addr, serverName string) tlswire.Result {
	s := &tlswire.Scanner{Addr: addr, ServerName: serverName, Timeout: p.scanTimeout(), Parallel: tlsParallel,
		Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
			if err := pace.Wait(ctx); err != nil {
				return nil, err
			}
			return (&net.Dialer{KeepAlive: -1}).DialContext(ctx, network, addr) // one hello: no keep-alive probes to set up
		}}
	return s.Scan(ctx)
}

// fillScan writes the scan into the evidence the checks read. Suites holds
// the best TLS ≤ 1.2 version's suites in the server's order, then those
// only older versions accept.
func fillScan(out *web.TLS, r tlswire.Result, timeout time.Duration) {
	out.Protocols, out.Suites, out.NotTested, out.DH, out.Groups, out.TLS13Err = nil, nil, nil, nil, nil, check.Text{}
	best := -1
	for i, pr := range r.Protocols {
		wp := web.Protocol{Version: tlswire.VersionName(pr.Version), Tested: pr.Tested, Accepted: pr.Accepted, ServerOrder: pr.ServerOrder}
		if len(pr.Suites) > 0 {
			wp.Cipher = pr.Suites[0].String()
		}
		for _, s := range pr.Suites {
			wp.Suites = append(wp.Suites, s.String())
		}
		if pr.Err != nil {
			_, reason := classify(pr.Err, timeout)
			if !pr.Tested {
				wp.Error = reason
				out.NotTested = append(out.NotTested, wp.Version)
			} else if pr.Version == tlswire.TLS13 {
				out.TLS13Err = check.Textf("suites: %s", "suites : %s", reason)
			} else if out.SuitesErr.EN == "" { // the first: later ones often follow from it
				out.SuitesErr = check.Textf("%s: %s", "%s : %s", wp.Version, reason)
			}
		}
		out.Protocols = append(out.Protocols, wp)
		if pr.Accepted && pr.Version >= tlswire.SSL30 && pr.Version <= tlswire.TLS12 {
			best = i
		}
	}
	if d := r.DH; d != nil {
		out.DH = &web.DHGroup{Bits: d.Bits, Common: d.Common, Prime: d.Prime, Safe: d.Safe, LargeOrder: d.LargeOrder, SmallOrder: d.SmallOrder,
			Untested: d.Bits > tlswire.MaxDHBits}
	}
	for _, g := range r.Groups {
		out.Groups = append(out.Groups, tlswire.GroupName(g))
	}
	if r.GroupsErr != nil && out.TLS13Err.EN == "" {
		_, reason := classify(r.GroupsErr, timeout)
		out.TLS13Err = check.Textf("groups: %s", "groupes : %s", reason)
	}
	if best < 0 {
		return
	}
	out.SuitesVersion = tlswire.VersionName(r.Protocols[best].Version)
	seen := map[string]bool{}
	for i := best; i >= 0; i-- {
		if r.Protocols[i].Version < tlswire.SSL30 {
			continue // SSLv2 cipher specs are judged with SSLv2 itself
		}
		for _, s := range r.Protocols[i].Suites {
			if name := s.String(); !seen[name] {
				seen[name] = true
				out.Suites = append(out.Suites, name)
			}
		}
	}
}

// scannedChain parses the chain the scan read from a Certificate message:
// x509 parses keys and signatures Go's handshake refuses to use.
func scannedChain(r tlswire.Result) []*x509.Certificate {
	var chain []*x509.Certificate
	for _, der := range r.Certs {
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return chain
		}
		chain = append(chain, c)
	}
	return chain
}

// scannedVersion is the best version the scan saw accepted, and the suite
// the server chose with it.
func scannedVersion(r tlswire.Result) (version, cipher string) {
	for _, pr := range r.Protocols {
		if pr.Accepted && len(pr.Suites) > 0 {
			version, cipher = tlswire.VersionName(pr.Version), pr.Suites[0].String()
		}
	}
	return version, cipher
}

// anonymousOnly: every suite accepted authenticates nobody, so there is no
// certificate to read.
func anonymousOnly(out web.TLS) bool {
	for _, name := range out.Suites {
		if s, ok := tlswire.ByName(name); !ok || !s.Has(tlswire.Anon) {
			return false
		}
	}
	return len(out.Suites) > 0
}
