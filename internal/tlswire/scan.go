package tlswire

import (
	"context"
	"slices"
	"sync"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/safe"
)

// Protocol is what one protocol version showed.
type Protocol struct {
	Version  uint16
	Tested   bool // the server answered: accepted, or refused with an alert or a hang-up
	Accepted bool
	// Suites are the accepted suites, in the server's order of preference
	// when ServerOrder, else in the order vigie offered them.
	Suites []Suite
	// ServerOrder: the server was seen to pick by its own preference, not
	// the client's.
	ServerOrder bool
	Err         error // why it was not tested, or why the enumeration stopped
}

// Result is everything a scan learnt of one server.
type Result struct {
	Protocols []Protocol // SSLv2, SSLv3, TLS 1.0, 1.1, 1.2, 1.3, in that order
	Groups    []uint16   // TLS 1.3 groups accepted, in the server's order
	GroupsErr error
	Certs     [][]byte // chain from the first handshake that sent one, DER, leaf first
	DH        *DHGroup // from the first DHE or anonymous DH suite
	Curves    []uint16 // named curves seen in TLS ≤ 1.2 ECDHE key exchanges
	Conns     int      // connections made
}

// Versions are scanned in this order.
var Versions = []uint16{SSL20, SSL30, TLS10, TLS11, TLS12, TLS13}

// Scan enumerates every protocol, suite and TLS 1.3 group the server
// accepts. Versions are scanned in parallel, within the Parallel bound.
func (s *Scanner) Scan(ctx context.Context) Result {
	s.init()
	st := &scanState{s: s, res: Result{Protocols: make([]Protocol, len(Versions))}}
	var wg safe.Group // a panic reaches the caller, whom the engine recovers
	for i, v := range Versions {
		wg.Go(func() {
			var p Protocol
			switch v {
			case SSL20:
				p = st.sslv2(ctx)
			case TLS13:
				p = st.tls13(ctx)
			case SSL30:
				p = st.sslv3(ctx)
			default:
				p = st.legacy(ctx, v)
			}
			st.res.Protocols[i] = p
		})
	}
	wg.Wait()
	return st.res
}

type scanState struct {
	s     *Scanner
	mu    sync.Mutex
	res   Result
	dhRaw *DHParams
	sent  map[string]*answer
}

// answer is a hello's answer, shared by the parts of a scan that send the
// same hello: the TLS 1.3 suites and groups both begin with every suite and
// every group.
type answer struct {
	done chan struct{}
	resp Response
	err  error
}

// send counts the connection and keeps the chain and key exchange facts. A
// hello already sent in this scan is not sent again: it gets its answer.
func (st *scanState) send(ctx context.Context, h Hello, full bool) (Response, error) {
	key := helloKey(h, full)
	st.mu.Lock()
	if a, ok := st.sent[key]; ok {
		st.mu.Unlock()
		select {
		case <-a.done:
			return a.resp, a.err
		case <-ctx.Done():
			return Response{}, ctx.Err()
		}
	}
	a := &answer{done: make(chan struct{})}
	if st.sent == nil {
		st.sent = map[string]*answer{}
	}
	st.sent[key] = a
	st.mu.Unlock()
	defer close(a.done) // even if Send panics: the hello's other askers must not wait forever
	resp, err := st.s.Send(ctx, h, full)
	a.resp, a.err = resp, err
	st.mu.Lock()
	defer st.mu.Unlock()
	st.res.Conns++
	if len(st.res.Certs) == 0 && len(resp.Certs) > 0 {
		st.res.Certs = resp.Certs
	}
	if kx := resp.KX; kx != nil {
		if kx.DH != nil && st.dhRaw == nil {
			st.dhRaw = kx.DH
			g := Analyse(*kx.DH)
			st.res.DH = &g
		}
		if kx.Curve != 0 && !slices.Contains(st.res.Curves, kx.Curve) {
			st.res.Curves = append(st.res.Curves, kx.Curve)
		}
	}
	return resp, err
}

// offerable lists the suites a version can negotiate: no TLS 1.2 AEAD/SHA-2
// suites below 1.2, no TLS 1.3 suites below 1.3. The caller owns the copy
// (an enumeration deletes from it).
func offerable(v uint16) []uint16 { return slices.Clone(offers[v]) }

// offers are offerable's lists, made once: every scan asks for each.
var offers = func() map[uint16][]uint16 {
	m := map[uint16][]uint16{}
	for _, v := range Versions[1:] {
		for _, s := range suiteTable {
			switch {
			case s.Has(SSLv2Only):
			case s.Min == "TLSv1.3":
				if v == TLS13 {
					m[v] = append(m[v], uint16(s.Code))
				}
			case v == TLS13:
			case s.Min == "TLSv1.2" && v < TLS12:
			default:
				m[v] = append(m[v], uint16(s.Code))
			}
		}
	}
	return m
}()

func (st *scanState) sslv2(ctx context.Context) Protocol {
	p := Protocol{Version: SSL20}
	resp, err := st.s.SendSSLv2(ctx)
	st.mu.Lock()
	st.res.Conns++
	st.mu.Unlock()
	if err != nil {
		p.Err = err
		return p
	}
	p.Tested, p.Accepted = true, resp.Accepted
	for _, c := range resp.Specs {
		s, _ := LookupSSLv2(c)
		p.Suites = append(p.Suites, s)
	}
	return p
}

// legacy enumerates SSLv3 to TLS 1.2: offer every suite, remove the one the
// server picks, repeat until it refuses.
func (st *scanState) legacy(ctx context.Context, v uint16) Protocol {
	p := Protocol{Version: v}
	st.enumerate(ctx, &p, offerable(v), nil)
	return p
}

// sslv3 scans SSLv3 unless the TLS 1.0 hello has answered for it already:
// a server answers with the highest version it shares with the client, so
// a TLS 1.0 hello offers SSLv3 too (RFC 4346 appendix E), and one that
// refuses it with protocol_version does not speak SSLv3. That is taken
// only from a server seen accepting TLS 1.2 or 1.3: a stack that knows no
// TLS may refuse a TLS hello it does not understand (version intolerance)
// and still speak SSLv3. TLS 1.0 is not read from the TLS 1.1 hello that
// way: GnuTLS refuses with protocol_version a version below its highest
// that it does not enable rather than answer with the next one down
// (_gnutls_negotiate_version), so NORMAL:-VERS-TLS1.1 refuses a 1.1 hello
// and speaks 1.0.
func (st *scanState) sslv3(ctx context.Context) Protocol {
	if st.tls10RefusedByAModernServer(ctx) {
		return Protocol{Version: SSL30, Tested: true}
	}
	return st.legacy(ctx, SSL30)
}

// tls10RefusedByAModernServer sends (or waits for the answers to) the first
// hellos of TLS 1.0, 1.2 and 1.3, as their own enumerations send them (a
// hello sent twice would cost a connection more: the scan tests count
// them), and tells whether TLS 1.0 was refused with protocol_version by a
// server accepting TLS 1.2 or 1.3.
func (st *scanState) tls10RefusedByAModernServer(ctx context.Context) bool {
	resp, err := st.send(ctx, Hello{Version: TLS10, Suites: offerable(TLS10)}, true)
	if err != nil || resp.Hello != nil || resp.Alert == nil || resp.Alert.Desc != alertProtocolVersion {
		return false
	}
	if resp, err := st.send(ctx, Hello{Version: TLS12, Suites: offerable(TLS12)}, true); err == nil && resp.Accepted(TLS12) {
		return true
	}
	resp, err = st.send(ctx, Hello{Version: TLS13, Suites: offerable(TLS13), Groups: TLS13Groups}, false)
	return err == nil && resp.Accepted(TLS13)
}

// alertProtocolVersion: "the protocol version the peer has attempted to
// negotiate is recognized but not supported" (RFC 8446 §6.2).
const alertProtocolVersion = 70

// tls13 enumerates the TLS 1.3 suites and groups together while both last:
// each hello offers the suites and the groups not seen yet, and the
// HelloRetryRequest names one of each. After the first refusal (one list,
// or both, is used up) or a lost hello, each enumeration goes on alone, with
// the whole of the other list, as if it had run alone from the start
// (unless usedUp shows the suites left were refused).
func (st *scanState) tls13(ctx context.Context) Protocol {
	p := Protocol{Version: TLS13}
	suites, groups := offerable(TLS13), slices.Clone(TLS13Groups)
	var found []uint16
	refused := false // the joint enumeration ended on a plain refusal of what was left of both lists
	for len(suites) > 0 && len(groups) > 0 {
		resp, err := st.send(ctx, Hello{Version: TLS13, Suites: suites, Groups: groups}, false)
		if err != nil && resp.Hello == nil && len(p.Suites) == 0 { // the hello both enumerations begin with
			p.Err = err
			st.setGroups(found, err)
			return p
		}
		p.Tested = true
		if err != nil || !resp.Accepted(TLS13) || !slices.Contains(suites, resp.Hello.Suite) || !slices.Contains(groups, resp.Hello.Group) {
			refused = err == nil && resp.Hello == nil && resp.Alert != nil && !oddRefusal(resp)
			break // a refusal, a lost hello, or an answer each enumeration reads its own way
		}
		s, _ := Lookup(resp.Hello.Suite)
		p.Accepted, p.Suites = true, append(p.Suites, s)
		suites = slices.DeleteFunc(suites, func(c uint16) bool { return c == resp.Hello.Suite })
		found = append(found, resp.Hello.Group)
		groups = slices.DeleteFunc(groups, func(g uint16) bool { return g == resp.Hello.Group })
	}
	joint := len(p.Suites)
	if refused && len(suites) > 0 && len(groups) > 0 && st.usedUp(ctx, suites, groups) {
		suites = nil
	}
	var wg safe.Group
	wg.Go(func() { st.groups(ctx, found, groups) })
	if len(suites) > 0 {
		st.drainAll(ctx, &p, suites, TLS13Groups)
	}
	st.order(ctx, &p, TLS13Groups, joint)
	wg.Wait()
	return p
}

// chunkSuites is the longest list offered again when a server hangs up on
// the full one: some stacks choke on long ClientHellos (testssl.sh's
// "128 cipher limit" bug).
const chunkSuites = 128

// enumerate adds to p the suites of offer the server accepts, then tells
// its order.
func (st *scanState) enumerate(ctx context.Context, p *Protocol, offer, groups []uint16) {
	st.drainAll(ctx, p, offer, groups)
	st.order(ctx, p, groups, 0)
}

// drainAll drains offer, by chunks if the server hangs up on the whole.
func (st *scanState) drainAll(ctx context.Context, p *Protocol, offer, groups []uint16) {
	if odd := st.drain(ctx, p, offer, groups); odd && len(offer) > chunkSuites {
		for chunk := range slices.Chunk(offer, chunkSuites) {
			if st.drain(ctx, p, slices.Clone(chunk), groups); p.Err != nil {
				break
			}
		}
	}
}

// order tells whether the server follows its own order. A server that
// follows the client's picks suites in the order vigie offers them; one
// seen picking a suite offered after another it accepts follows its own,
// and the probe serverOrder would send is spared. The first split picks
// were offered with fewer groups than the rest (TLS 1.3's joint
// enumeration): a suite refused then may be picked later, so the two runs
// are not compared.
func (st *scanState) order(ctx context.Context, p *Protocol, groups []uint16, split int) {
	if len(p.Suites) < 2 || p.Err != nil {
		return
	}
	// Every hello of an enumeration offers what is left of offers[v], in its order.
	rank := func(s Suite) int { return slices.Index(offers[p.Version], uint16(s.Code)) }
	for i := 1; i < len(p.Suites); i++ {
		if i != split && rank(p.Suites[i]) < rank(p.Suites[i-1]) {
			p.ServerOrder = true
			return
		}
	}
	p.ServerOrder = st.serverOrder(ctx, p.Version, p.Suites, groups)
}

// drain offers what is left of offer until the server refuses, and says
// whether it refused the very first offer oddly: by hanging up or with an
// alert other than "no common suite or version".
func (st *scanState) drain(ctx context.Context, p *Protocol, offer, groups []uint16) (odd bool) {
	for first := true; len(offer) > 0; first = false {
		resp, err := st.send(ctx, Hello{Version: p.Version, Suites: offer, Groups: groups}, p.Version != TLS13)
		if err != nil && resp.Hello == nil {
			p.Err = err
			return false
		} // a malformed certificate or key exchange after the ServerHello still tells the suite
		p.Tested = true
		if !resp.Accepted(p.Version) {
			return first && oddRefusal(resp)
		}
		chosen := resp.Hello.Suite
		if !slices.Contains(offer, chosen) {
			p.Err = check.Errorf("tlswire: the server chose suite 0x%04X, which was not offered", "tlswire : le serveur a choisi la suite 0x%04X, qui n'était pas proposée", chosen)
			return false
		}
		s, _ := Lookup(chosen)
		p.Accepted, p.Suites = true, append(p.Suites, s)
		offer = slices.DeleteFunc(offer, func(c uint16) bool { return c == chosen })
	}
	return false
}

// oddRefusal: not handshake_failure, protocol_version, insufficient_security
// nor inappropriate_fallback, the alerts of a server that simply says no.
func oddRefusal(r Response) bool {
	if r.Alert == nil {
		return r.Closed
	}
	switch r.Alert.Desc {
	case 40, alertProtocolVersion, 71, 86:
		return false
	}
	return true
}

// serverOrder offers the first two suites found in reverse: a server that
// still picks the first one follows its own order. An answer that tells
// nothing (a timeout, a refusal) leaves the order unclaimed.
func (st *scanState) serverOrder(ctx context.Context, v uint16, found []Suite, groups []uint16) bool {
	resp, err := st.send(ctx, Hello{Version: v, Suites: []uint16{uint16(found[1].Code), uint16(found[0].Code)}, Groups: groups}, false)
	return err == nil && resp.Accepted(v) && resp.Hello.Suite == uint16(found[0].Code)
}

// usedUp tells, after the server refused what the joint enumeration had
// left of both lists, whether the suites alone were to blame. It sends the
// group enumeration's first hello now (every suite, the groups left): a
// server that answers it with one of those groups and a suite found before
// refused the suites left although a group it takes was offered, so they
// are not offered again (no TLS stack makes a TLS 1.3 suite depend on the
// group). When the groups left hold none the server takes, the suites left
// get their own enumeration, with every group.
func (st *scanState) usedUp(ctx context.Context, suites, groups []uint16) bool {
	resp, err := st.send(ctx, Hello{Version: TLS13, Suites: offerable(TLS13), Groups: groups}, false)
	return err == nil && resp.Accepted(TLS13) && slices.Contains(groups, resp.Hello.Group) && !slices.Contains(suites, resp.Hello.Suite)
}

// groups goes on enumerating TLS 1.3 groups through HelloRetryRequests
// from those already found: no key share is sent, so the server names the
// group it wants among offer.
func (st *scanState) groups(ctx context.Context, found, offer []uint16) {
	suites := offerable(TLS13)
	for len(offer) > 0 {
		resp, err := st.send(ctx, Hello{Version: TLS13, Suites: suites, Groups: offer}, false)
		if err != nil {
			st.setGroups(found, err)
			return
		}
		if !resp.Accepted(TLS13) || resp.Hello.Group == 0 || !slices.Contains(offer, resp.Hello.Group) {
			break
		}
		found = append(found, resp.Hello.Group)
		offer = slices.DeleteFunc(offer, func(g uint16) bool { return g == resp.Hello.Group })
	}
	st.setGroups(found, nil)
}

func (st *scanState) setGroups(found []uint16, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.res.Groups, st.res.GroupsErr = found, err
}

// helloKey tells hellos apart by what a server answers to: version, suites,
// groups, key shares and how much of the answer is read.
func helloKey(h Hello, full bool) string {
	b := make([]byte, 0, 8+2*(len(h.Suites)+len(h.Groups)+len(h.KeyShares)))
	b = append(b, byte(h.Version>>8), byte(h.Version), byte(len(h.Suites)>>8), byte(len(h.Suites)), byte(len(h.Groups)), 0)
	if full {
		b[len(b)-1] = 1
	}
	for _, list := range [][]uint16{h.Suites, h.Groups} {
		for _, v := range list {
			b = append(b, byte(v>>8), byte(v))
		}
	}
	for _, ks := range h.KeyShares {
		b = append(b, byte(ks.Group>>8), byte(ks.Group), byte(len(ks.Data)>>8), byte(len(ks.Data)))
		b = append(b, ks.Data...)
	}
	return string(b)
}
