package pwpolicy

import (
	"strconv"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
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
		return 0, lineErr(name, line, "%s: %s is not a whole number (accepted: %d to %d)", "%s : %s n'est pas un nombre entier (accepté : %d à %d)", field, quoteShort(v), lo, hi)
	}
	if n < int64(lo) || n > int64(hi) {
		return 0, outOfRange(name, line, field, n, lo, hi)
	}
	return int(n), nil
}

// within checks a number a JSON or YAML decoder already read.
func within(name string, line int, field string, v *int, lo, hi int) error {
	if v != nil && (*v < lo || *v > hi) {
		return outOfRange(name, line, field, int64(*v), lo, hi)
	}
	return nil
}

func outOfRange(name string, line int, field string, n int64, lo, hi int) error {
	return lineErr(name, line, "%s: %d is out of range (accepted: %d to %d)", "%s : %d est hors limites (accepté : %d à %d)", field, n, lo, hi)
}

// quoteShort quotes a value for an error, cut so a hostile line stays short.
func quoteShort(v string) string { return strconv.Quote(short(v)) }

// short cuts v for an error, unquoted.
func short(v string) string {
	if len(v) > 40 {
		v = v[:40] + "…"
	}
	return v
}

type intField struct {
	field  string
	v      *int
	lo, hi int
}

// policyInt and policyDur are the normalised policy's fields, named for
// a reader of either language.
type policyInt struct {
	field  check.Text
	v      *int
	lo, hi int
}

type policyDur struct {
	field check.Text
	v     *time.Duration
}

// checkPolicy is the net under every parser: the normalised policy's
// numbers are in range whatever format they came from.
func checkPolicy(p password.Policy) error {
	ints := []policyInt{{tx("minimum length", "longueur minimale"), p.MinLength, 0, maxLength},
		{tx("maximum length", "longueur maximale"), p.MaxLength, 0, maxMaxLength},
		{tx("character classes", "classes de caractères"), p.MinClasses, 0, 4},
		{tx("passphrase words", "mots de la phrase de passe"), p.PassphraseWords, 0, 100},
		{tx("lockout threshold", "seuil de verrouillage"), p.LockoutThreshold, 0, maxAttempts},
		{tx("hardware block after", "blocage matériel après"), p.HardwareBlockAfter, 0, maxAttempts},
		{tx("maximum age (days)", "durée de vie maximale (jours)"), p.MaxAgeDays, 0, maxDays},
		{tx("password history", "historique des mots de passe"), p.HistoryCount, 0, maxHistory}}
	durs := []policyDur{{tx("lockout duration", "durée de verrouillage"), p.LockoutDuration},
		{tx("reset link lifetime", "durée de vie du lien de réinitialisation"), p.ResetLinkLifetime}}
	if t := p.Throttling; t != nil {
		ints = append(ints, policyInt{tx("throttling after failures", "ralentissement après échecs"), &t.AfterFailures, 0, maxAttempts},
			policyInt{tx("throttling failures a day", "ralentissement, échecs par jour"), &t.MaxPer24h, 0, maxAttempts})
		durs = append(durs, policyDur{tx("throttling first delay", "ralentissement, premier délai"), &t.FirstDelay})
	}
	if s := p.Storage; s != nil {
		ints = append(ints, policyInt{tx("storage cost", "stockage, coût"), &s.Cost, 0, 64},
			policyInt{tx("storage iterations", "stockage, itérations"), &s.Iterations, 0, maxRounds},
			policyInt{tx("storage memory (KiB)", "stockage, mémoire (Kio)"), &s.MemoryKiB, 0, maxRounds},
			policyInt{tx("storage time", "stockage, temps"), &s.Time, 0, maxRounds})
	}
	for _, c := range ints {
		if c.v != nil && (*c.v < c.lo || *c.v > c.hi) {
			return check.Errorf("%s: %d is out of range (accepted: %d to %d)", "%s : %d est hors limites (accepté : %d à %d)", c.field, *c.v, c.lo, c.hi)
		}
	}
	for _, d := range durs {
		if d.v != nil && (*d.v < 0 || *d.v > maxDuration) {
			return check.Errorf("%s: %s is out of range (accepted: 0 to %d days)", "%s : %s est hors limites (accepté : 0 à %d jours)", d.field, *d.v, maxSeconds/86400)
		}
	}
	return nil
}
