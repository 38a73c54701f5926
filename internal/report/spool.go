package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"runtime"
	"sync"

	"github.com/vigie-security/vigie/internal/check"
)

// Spool keeps a scan's findings on disk while it runs, so that memory does
// not grow with the targets: about 25 KB of evidence a web target, 2.5 GB
// for 100,000 of them. Each finished unit's findings are appended to a
// private temporary file (mode 0600, unlinked at once where the system
// allows it, so that nothing is left behind even after kill -9) as one
// JSON line each, after their verdicts in a compact form (spool_verdicts.go);
// the report reads them back in unit order, the order of an in-memory
// report. The findings are stored as the writers see them:
// scrubbed and waived first.
type Spool struct {
	mu      sync.Mutex
	f       *os.File
	dir     string
	path    string // "" once unlinked
	end     int64
	spans   []span // by unit
	order   []int  // the units in reading order, when not their own
	n       int
	err     error // the first read failure; sticky
	buf     bytes.Buffer
	vbuf    []byte
	enc     *json.Encoder
	closing bool
}

// span is where a unit's findings are: its verdicts (vsize bytes from
// off), then its JSON lines (size bytes).
type span struct {
	off, vsize, size int64
	n                int
}

// NewSpool makes a spool in dir (the system's temporary folder when "").
func NewSpool(dir string) (*Spool, error) {
	f, err := os.CreateTemp(dir, ".vigie-findings-*")
	if err != nil {
		return nil, check.Errorf("keeping the findings on disk: %v", "conservation des constats sur disque : %v", err)
	}
	if dir == "" {
		dir = os.TempDir()
	}
	s := &Spool{f: f, dir: dir, path: f.Name()}
	// An open file outlives its name on Unix; Windows refuses, and Close
	// removes it there.
	if runtime.GOOS != "windows" && os.Remove(f.Name()) == nil {
		s.path = ""
	}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s, nil
}

// Put stores the findings of unit (its place in the plan, from 0), once.
func (s *Spool) Put(unit int, fs []check.Finding) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	s.buf.Reset()
	s.vbuf = s.vbuf[:0]
	for _, f := range fs {
		var err error
		if s.vbuf, err = appendVerdict(s.vbuf, f); err != nil {
			return check.Errorf("keeping the findings of %s on disk: %v", "conservation sur disque des constats de %s : %v", f.Target, err)
		}
		at := s.buf.Len()
		if err := s.enc.Encode(f); err != nil {
			// Evidence JSON cannot hold (a NaN a check computed): the finding
			// is kept, and its evidence says what became of it.
			s.buf.Truncate(at)
			if err := s.enc.Encode(WithoutBadEvidence(f, err)); err != nil {
				return check.Errorf("keeping the findings of %s on disk: %v", "conservation sur disque des constats de %s : %v", f.Target, err)
			}
		}
	}
	// A failed write (the disk full) loses this unit only: what is already
	// on disk stays readable, and the scan stops with this error.
	for _, part := range []struct {
		b  []byte
		at int64
	}{{s.vbuf, s.end}, {s.buf.Bytes(), s.end + int64(len(s.vbuf))}} {
		if _, err := s.f.WriteAt(part.b, part.at); err != nil {
			return check.Errorf("keeping the findings on disk (%s): %v", "conservation des constats sur disque (%s) : %v", s.dir, err)
		}
	}
	if unit >= len(s.spans) {
		s.spans = append(s.spans, make([]span, unit+1-len(s.spans))...)
	}
	s.spans[unit] = span{off: s.end, vsize: int64(len(s.vbuf)), size: int64(s.buf.Len()), n: len(fs)}
	s.end += int64(len(s.vbuf) + s.buf.Len())
	s.n += len(fs)
	if s.buf.Cap() > 1<<20 { // one unit with a huge inventory must not pin its buffers
		s.buf, s.vbuf = bytes.Buffer{}, nil
	}
	return nil
}

// Order makes the spool read its units in the order given (a merge of
// shards learns the targets' order only once every shard is read).
func (s *Spool) Order(units []int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.order = units
}

// Len is the number of findings stored.
func (s *Spool) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n
}

// raw yields each finding's JSON line (without its line break), in unit
// order. The slice is only valid until the next one.
func (s *Spool) raw(yield func([]byte) bool) {
	br := bufio.NewReaderSize(nil, 64<<10)
	for _, sp := range s.reading() {
		if sp.n == 0 {
			continue
		}
		br.Reset(io.NewSectionReader(s.f, sp.off+sp.vsize, sp.size))
		for range sp.n {
			line, err := readLine(br)
			if err != nil {
				s.fail(check.Errorf("reading back the findings kept on disk: %v", "relecture des constats conservés sur disque : %v", err))
				return
			}
			if !yield(line) {
				return
			}
		}
	}
}

// reading is the spans in the order they are read.
func (s *Spool) reading() []span {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.order == nil {
		return s.spans
	}
	out := make([]span, 0, len(s.order))
	for _, u := range s.order {
		if u >= 0 && u < len(s.spans) {
			out = append(out, s.spans[u])
		}
	}
	return out
}

// readLine reads one line whole, however long (a finding's evidence is
// bounded by its collector, not by a buffer here).
func readLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		long := append([]byte(nil), line...)
		for err == bufio.ErrBufferFull {
			line, err = br.ReadSlice('\n')
			long = append(long, line...)
		}
		line = long
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, err
	}
	return line[:len(line)-1], nil
}

// all yields the findings, decoded as a report read from JSON is, numbers
// kept as written (json.Number): an HSTS max-age past 2^53 stays exact.
func (s *Spool) all(yield func(check.Finding) bool) {
	var rd bytes.Reader
	for line := range s.raw {
		var f check.Finding
		rd.Reset(line)
		dec := json.NewDecoder(&rd)
		dec.UseNumber()
		if err := dec.Decode(&f); err != nil {
			s.fail(check.Errorf("reading back the findings kept on disk: %v", "relecture des constats conservés sur disque : %v", err))
			return
		}
		if !yield(f) {
			return
		}
	}
}

// WithoutBadEvidence is f with its evidence replaced by what err says,
// for a finding whose evidence JSON cannot hold (a NaN a check computed):
// the finding is reported, not the whole report lost.
func WithoutBadEvidence(f check.Finding, err error) check.Finding {
	f.Evidence = map[string]any{"evidence_error": err.Error()}
	return f
}

func (s *Spool) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil {
		s.err = err
	}
}

// Err is the first failure to read the spool back: a report written from
// it is incomplete and must not be delivered.
func (s *Spool) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Close releases the file (and removes it where it still has a name).
func (s *Spool) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return nil
	}
	s.closing = true
	err := s.f.Close()
	if s.path != "" {
		if rerr := os.Remove(s.path); err == nil {
			err = rerr
		}
	}
	return err
}
