package pwpolicy

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
)

// Ranges a policy's numbers must fall in, whatever the format. They are far
// wider than any real policy and narrow enough that no arithmetic on them
// (days × 24 h, length × log2 alphabet) can overflow.
const (
	maxLength    = 4096    // characters of a minimum length
	maxMaxLength = 100000  // characters of a maximum length
	maxDays      = 100000  // about 270 years of password age
	maxHistory   = 1024    // remembered passwords
	maxAttempts  = 100000  // failures before lockout
	maxSeconds   = 1 << 30 // about 34 years, for lockout and reset durations
	maxRounds    = 1 << 30 // hash iterations or rounds
	maxDuration  = time.Duration(maxSeconds) * time.Second
)

// wholeIn reads v as a whole number in [lo, hi]; the error names the file,
// the line, the field and the accepted range.
func wholeIn(name string, line int, field, v string, lo, hi int) (int, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s:%d: %s: %s is not a whole number (accepted: %d to %d)", name, line, field, quoteShort(v), lo, hi)
	}
	if n < int64(lo) || n > int64(hi) {
		return 0, fmt.Errorf("%s:%d: %s: %d is out of range (accepted: %d to %d)", name, line, field, n, lo, hi)
	}
	return int(n), nil
}

// within checks a number a JSON or YAML decoder already read.
func within(name string, line int, field string, v *int, lo, hi int) error {
	if v != nil && (*v < lo || *v > hi) {
		return fmt.Errorf("%s:%d: %s: %d is out of range (accepted: %d to %d)", name, line, field, *v, lo, hi)
	}
	return nil
}

// quoteShort quotes a value for an error, cut so a hostile line stays short.
func quoteShort(v string) string {
	if len(v) > 40 {
		v = v[:40] + "…"
	}
	return strconv.Quote(v)
}

type intField struct {
	field  string
	v      *int
	lo, hi int
}

type durField struct {
	field string
	v     *time.Duration
}

// checkPolicy is the net under every parser: the normalised policy's
// numbers are in range whatever format they came from.
func checkPolicy(p password.Policy) error {
	ints := []intField{{"minimum length", p.MinLength, 0, maxLength}, {"maximum length", p.MaxLength, 0, maxMaxLength},
		{"character classes", p.MinClasses, 0, 4}, {"passphrase words", p.PassphraseWords, 0, 100},
		{"lockout threshold", p.LockoutThreshold, 0, maxAttempts}, {"hardware block after", p.HardwareBlockAfter, 0, maxAttempts},
		{"maximum age (days)", p.MaxAgeDays, 0, maxDays}, {"password history", p.HistoryCount, 0, maxHistory}}
	durs := []durField{{"lockout duration", p.LockoutDuration}, {"reset link lifetime", p.ResetLinkLifetime}}
	if t := p.Throttling; t != nil {
		ints = append(ints, intField{"throttling after failures", &t.AfterFailures, 0, maxAttempts},
			intField{"throttling failures a day", &t.MaxPer24h, 0, maxAttempts})
		durs = append(durs, durField{"throttling first delay", &t.FirstDelay})
	}
	if s := p.Storage; s != nil {
		ints = append(ints, intField{"storage cost", &s.Cost, 0, 64}, intField{"storage iterations", &s.Iterations, 0, maxRounds},
			intField{"storage memory (KiB)", &s.MemoryKiB, 0, maxRounds}, intField{"storage time", &s.Time, 0, maxRounds})
	}
	for _, c := range ints {
		if c.v != nil && (*c.v < c.lo || *c.v > c.hi) {
			return fmt.Errorf("%s: %d is out of range (accepted: %d to %d)", c.field, *c.v, c.lo, c.hi)
		}
	}
	for _, d := range durs {
		if d.v != nil && (*d.v < 0 || *d.v > maxDuration) {
			return fmt.Errorf("%s: %s is out of range (accepted: 0 to %d days)", d.field, *d.v, maxSeconds/86400)
		}
	}
	return nil
}
