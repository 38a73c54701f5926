package tlswire

import (
	"bufio"
	"context"
	"errors"
	"net"
	"sync"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Dialer opens a TCP connection. The caller's dialer carries its pacing.
type Dialer func(ctx context.Context, network, addr string) (net.Conn, error)

// Scanner sends hand-built hellos to one server.
type Scanner struct {
	Addr       string        // host:port
	ServerName string        // SNI
	Timeout    time.Duration // per connection: dial, hello and answer
	Parallel   int           // connections at once; 6 when zero
	Dial       Dialer        // net.Dialer when nil

	sem chan struct{}
}

// DefaultTimeout applies when Scanner.Timeout is zero.
const DefaultTimeout = 5 * time.Second

func (s *Scanner) init() {
	if s.sem == nil {
		n := s.Parallel
		if n <= 0 {
			n = 6
		}
		s.sem = make(chan struct{}, n)
	}
}

// exchange dials, writes hello, and hands the connection to read, all
// within the connection's deadline.
func (s *Scanner) exchange(ctx context.Context, hello []byte, read func(net.Conn) error) error {
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.sem }()
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	cctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	dial := s.Dial
	if dial == nil {
		dial = (&net.Dialer{}).DialContext
	}
	conn, err := dial(cctx, "tcp", s.Addr)
	if err != nil {
		return err
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		// The answer is all a hello is sent for: closing with a reset spares
		// both sides the FIN exchange, and the scanner a TIME_WAIT socket per
		// hello (some twenty per server).
		_ = tc.SetLinger(0)
	}
	defer conn.Close()
	deadline, _ := cctx.Deadline()
	if err := conn.SetDeadline(deadline); err != nil {
		return err
	}
	// Closing on cancellation unblocks a read the deadline has not reached yet.
	stop := context.AfterFunc(cctx, func() { conn.Close() })
	defer stop()
	if _, err := conn.Write(hello); err != nil {
		if closedEarly(err) {
			return errRefusedOnWrite
		}
		return err
	}
	err = read(conn)
	if err != nil && ctx.Err() != nil {
		return ctx.Err() // the caller gave up
	}
	var ne net.Error
	if err != nil && (cctx.Err() != nil || errors.As(err, &ne) && ne.Timeout()) {
		// Cut by the connection's deadline (or by the close that enforces it), not by the server.
		return check.Errorf("tlswire: no answer within %s: %v", "tlswire : pas de réponse en %s : %v", timeout, context.DeadlineExceeded)
	}
	return err
}

// errRefusedOnWrite: the server hung up before the hello was written.
var errRefusedOnWrite = errors.New("tlswire: connection closed by the server") // not shown: Send and SendSSLv2 turn it into a refusal

// answerBuffer holds a typical answer (ServerHello to ServerHelloDone, a
// short chain) in one read.
const answerBuffer = 8 << 10

// answerReaders are reused: a scan reads some twenty answers.
var answerReaders = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, answerBuffer) }}

// Send offers h on a new connection and returns the answer; full reads up to
// the ServerHelloDone (certificate, key exchange), else only the ServerHello.
func (s *Scanner) Send(ctx context.Context, h Hello, full bool) (Response, error) {
	s.init()
	if h.ServerName == "" {
		h.ServerName = s.ServerName
	}
	rec, err := h.Marshal()
	if err != nil {
		return Response{}, err
	}
	var resp Response
	err = s.exchange(ctx, rec, func(c net.Conn) error {
		var rerr error
		// Buffered: a flight of several records comes in one read, not two per record.
		br := answerReaders.Get().(*bufio.Reader)
		br.Reset(c)
		resp, rerr = ReadResponse(br, full)
		br.Reset(nil)
		answerReaders.Put(br)
		return rerr
	})
	if errors.Is(err, errRefusedOnWrite) {
		return Response{Closed: true}, nil
	}
	return resp, err
}

// SendSSLv2 offers every SSLv2 cipher spec.
func (s *Scanner) SendSSLv2(ctx context.Context) (SSLv2Response, error) {
	s.init()
	var resp SSLv2Response
	err := s.exchange(ctx, SSLv2Hello(nil), func(c net.Conn) error {
		var err error
		resp, err = ReadSSLv2(c)
		return err
	})
	if errors.Is(err, errRefusedOnWrite) {
		return SSLv2Response{}, nil
	}
	return resp, err
}
