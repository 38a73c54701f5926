package tlswire

import (
	"context"
	"net"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The answers parts of a scan share (SSLv3 waits for the first hellos of
// TLS 1.0, 1.2 and 1.3; both TLS 1.3 enumerations begin with one hello):
// what a refusal other than protocol_version, a lost hello, a cancelled
// scan or a single connection slot do to them.

// seenVersions records the version of every TLS hello a server gets, the
// TLS 1.3 ones as TLS13.
type seenVersions struct {
	mu   sync.Mutex
	seen []uint16
}

func (s *seenVersions) add(ch clientHello) {
	v := ch.version
	if slices.Contains(ch.versions, TLS13) {
		v = TLS13
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seen = append(s.seen, v)
}

func (s *seenVersions) has(v uint16) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Contains(s.seen, v)
}

// Only protocol_version tells SSLv3 was refused: a TLS 1.0 hello refused
// with handshake_failure, hung up on or left unanswered, and SSLv3 gets its
// own hellos.
func TestScanSSLv3AfterAnotherTLS10Refusal(t *testing.T) {
	for _, tc := range []struct {
		name   string
		answer func() ([]byte, bool) // to the TLS 1.0 hellos
		tested bool                  // TLS 1.0
	}{
		{"handshake_failure", func() ([]byte, bool) { return alert(40), false }, true},
		{"hang-up", func() ([]byte, bool) { return nil, false }, true},
		{"no answer", func() ([]byte, bool) { return nil, true }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeServer{versions: []uint16{SSL30, TLS12}, suites: []uint16{0xC02F, 0x002F}, serverOrder: true, cert: weakCert(t)}
			addr := rawServer(t, func(_ int, in []byte) ([]byte, bool) {
				if ch, ok := parseClientHello(in); ok && ch.version == TLS10 {
					return tc.answer()
				}
				return f.answer(in), false
			})
			start := time.Now()
			r := (&Scanner{Addr: addr, Timeout: 300 * time.Millisecond}).Scan(context.Background())
			if p := r.Protocols[1]; !p.Tested || !p.Accepted || p.Err != nil {
				t.Errorf("SSLv3: tested=%v accepted=%v err=%v", p.Tested, p.Accepted, p.Err)
			}
			if p := r.Protocols[2]; p.Tested != tc.tested || p.Accepted || (p.Err == nil) == !tc.tested {
				t.Errorf("TLS 1.0: tested=%v accepted=%v err=%v", p.Tested, p.Accepted, p.Err)
			}
			if p := r.Protocols[4]; !p.Accepted {
				t.Errorf("TLS 1.2: accepted=%v err=%v", p.Accepted, p.Err)
			}
			// SSLv3 waits for the TLS 1.0 hello, then sends its own: two
			// deadlines at most, not more.
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("scan took %s", took)
			}
		})
	}
}

// TLS 1.2's first hello lost: TLS 1.3's answers for the versions below.
// SSLv3 is sent no hello when TLS 1.3 is accepted, its own when it is not.
func TestScanSSLv3WhenTLS12IsLost(t *testing.T) {
	for _, tls13 := range []bool{true, false} {
		f := &fakeServer{versions: []uint16{TLS12}, suites: []uint16{0xC02F}, cert: weakCert(t)}
		if tls13 {
			f.tls13, f.groups = []uint16{0x1301}, []uint16{GroupX25519}
		}
		var seen seenVersions
		var n12 atomic.Int32
		addr := rawServer(t, func(_ int, in []byte) ([]byte, bool) {
			ch, ok := parseClientHello(in)
			if ok {
				seen.add(ch)
				if ch.version == TLS12 && ch.versions == nil && n12.Add(1) == 1 {
					return nil, true
				}
			}
			return f.answer(in), false
		})
		r := (&Scanner{Addr: addr, Timeout: 300 * time.Millisecond}).Scan(context.Background())
		if p := r.Protocols[1]; !p.Tested || p.Accepted || p.Err != nil {
			t.Errorf("TLS 1.3 %v: SSLv3 tested=%v accepted=%v err=%v", tls13, p.Tested, p.Accepted, p.Err)
		}
		if seen.has(SSL30) == tls13 {
			t.Errorf("TLS 1.3 %v: an SSLv3 hello sent: %v", tls13, seen.has(SSL30))
		}
		if p := r.Protocols[4]; p.Tested || p.Err == nil {
			t.Errorf("TLS 1.3 %v: TLS 1.2 tested=%v err=%v, want its first hello lost", tls13, p.Tested, p.Err)
		}
	}
}

// A scan cancelled while SSLv3 waits for the answers it shares ends with
// the context, not with the connections' deadlines.
func TestScanCancelledWhileSharing(t *testing.T) {
	addr := rawServer(t, func(int, []byte) ([]byte, bool) { return nil, true })
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	r := (&Scanner{Addr: addr, Timeout: 5 * time.Second}).Scan(ctx)
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("scan took %s after a cancellation at 200ms", took)
	}
	for _, p := range r.Protocols {
		if p.Tested || p.Err == nil {
			t.Errorf("%s: tested=%v err=%v", VersionName(p.Version), p.Tested, p.Err)
		}
	}
}

// One connection at a time: the parts that wait for a shared answer hold
// no slot, so the scan ends, with the hellos a parallel one sends.
func TestScanOneConnectionAtATime(t *testing.T) {
	f := &fakeServer{versions: []uint16{TLS12}, suites: []uint16{0xC02F, 0x002F}, serverOrder: true, cert: weakCert(t),
		tls13: []uint16{0x1301}, groups: []uint16{GroupX25519}}
	addr := f.start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r := (&Scanner{Addr: addr, Timeout: 2 * time.Second, Parallel: 1}).Scan(ctx)
	if ctx.Err() != nil {
		t.Fatal("the scan did not end")
	}
	for _, p := range r.Protocols {
		if want := p.Version == TLS12 || p.Version == TLS13; !p.Tested || p.Accepted != want || p.Err != nil {
			t.Errorf("%s: tested=%v accepted=%v err=%v", VersionName(p.Version), p.Tested, p.Accepted, p.Err)
		}
	}
	// SSLv2, TLS 1.0, 1.1 refused, TLS 1.2 (two suites, the refusal, the
	// order), TLS 1.3 (its suite, the refusal of both lists' rest, the
	// first hello of the groups' enumeration, then of the suites'): SSLv3
	// follows, as in a parallel scan.
	parallel := scan(t, addr)
	if r.Conns != 3+4+4 || parallel.Conns != r.Conns {
		t.Errorf("%d connections, want %d (%d in parallel)", r.Conns, 3+4+4, parallel.Conns)
	}
}

// The joint TLS 1.3 enumeration ended by an odd alert (internal_error: a
// glitch, not a refusal) does not make the suites left look refused: they
// are enumerated again with every group.
func TestScanTLS13JointOddAlert(t *testing.T) {
	f := &fakeServer{tls13: []uint16{0x1302, 0x1301}, groups: []uint16{GroupX25519, GroupP256}}
	var n13 atomic.Int32
	addr := rawServer(t, func(_ int, in []byte) ([]byte, bool) {
		if ch, ok := parseClientHello(in); ok && slices.Contains(ch.versions, TLS13) && n13.Add(1) == 2 {
			return alert(80), false
		}
		return f.answer(in), false
	})
	r := scan(t, addr)
	p := r.Protocols[5]
	if got := openSSLNames(p.Suites); !slices.Equal(got, []string{"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"}) || p.Err != nil {
		t.Errorf("TLS 1.3: suites %v (%v)", got, p.Err)
	}
	if !slices.Equal(r.Groups, []uint16{GroupX25519, GroupP256}) || r.GroupsErr != nil {
		t.Errorf("groups %x (%v)", r.Groups, r.GroupsErr)
	}
}

// A panic in one of the scan's goroutines reaches Scan's caller (the
// engine recovers it there) once the others have ended, and a part waiting
// for the answer of a hello that panicked is not left waiting: here every
// part's first hello panics, after a pause in which the parts that share
// one (SSLv3 with TLS 1.0, 1.2 and 1.3) have all asked for it.
func TestScanRaisesAPanicInTheCaller(t *testing.T) {
	f := &fakeServer{versions: []uint16{TLS12}, suites: []uint16{0xC02F, 0x002F}, serverOrder: true, cert: weakCert(t),
		tls13: []uint16{0x1301}, groups: []uint16{GroupX25519}}
	addr := f.start(t)
	var dials atomic.Int32
	s := &Scanner{Addr: addr, Timeout: 2 * time.Second, Dial: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if dials.Add(1) <= int32(len(Versions)) {
			time.Sleep(50 * time.Millisecond)
			panic("bug")
		}
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
	done := make(chan any)
	go func() {
		defer func() { done <- recover() }()
		s.Scan(context.Background())
	}()
	select {
	case r := <-done:
		if r != "bug" {
			t.Fatalf("Scan raised %v, want the dial's panic", r)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Scan did not end: a part waits for the answer of a hello that panicked")
	}
}
