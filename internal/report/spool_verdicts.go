package report

import (
	"encoding/binary"
	"encoding/json"
	"errors"

	"github.com/vigie-security/vigie/internal/check"
)

// A unit's verdicts (its findings without evidence) are also kept in a
// small binary form before its JSON lines: the table, the counts, the
// thresholds and the history read them several times, and decoding JSON
// that holds the evidence cost 8.5 µs a finding, 3.6 s a pass over 10,000
// web targets; this costs a fraction of a microsecond.

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// appendVerdict writes f's verdict: its strings, severity and waiver.
func appendVerdict(b []byte, f check.Finding) ([]byte, error) {
	for _, s := range []string{f.CheckID, string(f.Family), string(f.Status), f.Target, f.Message.EN, f.Message.FR, f.Fingerprint} {
		b = appendString(b, s)
	}
	b = binary.AppendVarint(b, int64(f.Severity))
	if f.Waiver == nil {
		return binary.AppendUvarint(b, 0), nil
	}
	w, err := json.Marshal(f.Waiver)
	if err != nil {
		return b, err
	}
	return append(binary.AppendUvarint(b, uint64(len(w))+1), w...), nil
}

var errVerdict = errors.New("a verdict cut short") // not shown: quoted inside a bilingual error

// verdictReader reads verdicts back, sharing the strings that repeat (check
// IDs, families, statuses) rather than allocating each.
type verdictReader struct {
	b      []byte
	shared map[string]string
}

func (r *verdictReader) bytes() ([]byte, error) {
	n, k := binary.Uvarint(r.b)
	if k <= 0 || uint64(len(r.b)-k) < n {
		return nil, errVerdict
	}
	out := r.b[k : k+int(n)]
	r.b = r.b[k+int(n):]
	return out, nil
}

func (r *verdictReader) str(share bool) (string, error) {
	b, err := r.bytes()
	if err != nil || !share {
		return string(b), err
	}
	if s, ok := r.shared[string(b)]; ok {
		return s, nil
	}
	s := string(b)
	r.shared[s] = s
	return s, nil
}

func (r *verdictReader) next() (check.Finding, error) {
	var f check.Finding
	var fam, st string
	var err error
	for _, p := range []struct {
		to    *string
		share bool
	}{{&f.CheckID, true}, {&fam, true}, {&st, true}, {&f.Target, false}, {&f.Message.EN, false}, {&f.Message.FR, false}, {&f.Fingerprint, false}} {
		if *p.to, err = r.str(p.share); err != nil {
			return f, err
		}
	}
	f.Family, f.Status = check.Family(fam), check.Status(st)
	sev, k := binary.Varint(r.b)
	if k <= 0 {
		return f, errVerdict
	}
	f.Severity, r.b = check.Severity(sev), r.b[k:]
	n, k := binary.Uvarint(r.b) // the waiver's length + 1; 0 for none
	r.b = r.b[max(k, 0):]
	switch {
	case k <= 0 || (n > 0 && uint64(len(r.b)) < n-1):
		return f, errVerdict
	case n > 0:
		f.Waiver = new(check.Waiver)
		if err := json.Unmarshal(r.b[:n-1], f.Waiver); err != nil {
			return f, err
		}
		r.b = r.b[n-1:]
	}
	return f, nil
}

// verdicts yields the findings without their evidence, in unit order.
func (s *Spool) verdicts(yield func(check.Finding) bool) {
	r := verdictReader{shared: map[string]string{}}
	var buf []byte
	for _, sp := range s.reading() {
		if sp.n == 0 {
			continue
		}
		if int64(cap(buf)) < sp.vsize {
			buf = make([]byte, sp.vsize)
		}
		buf = buf[:sp.vsize]
		if n, err := s.f.ReadAt(buf, sp.off); n < len(buf) { // a short read ends in EOF, or another error
			s.fail(check.Errorf("reading back the findings kept on disk: %v", "relecture des constats conservés sur disque : %v", err))
			return
		}
		r.b = buf
		for range sp.n {
			f, err := r.next()
			if err != nil {
				s.fail(check.Errorf("reading back the findings kept on disk: %v", "relecture des constats conservés sur disque : %v", err))
				return
			}
			if !yield(f) {
				return
			}
		}
	}
}
