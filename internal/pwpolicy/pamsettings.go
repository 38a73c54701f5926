package pwpolicy

import (
	"fmt"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

// quality is what pam_pwquality (from pwquality.conf and its arguments)
// or pam_cracklib (arguments only) enforces; nil means not set.
type quality struct {
	minlen, minclass, dictcheck *int
	credit                      map[string]int // dcredit, ucredit, lcredit, ocredit
	enforceRoot                 bool
}

func (q *quality) set(file string, line int, k, v string) error {
	switch k {
	case "minlen", "minclass", "dictcheck", "dcredit", "ucredit", "lcredit", "ocredit", "retry":
	case "enforce_for_root":
		q.enforceRoot = true
		return nil
	default:
		return nil
	}
	r := linuxRange[k]
	n, err := wholeIn(file, line, k, v, r[0], r[1])
	if err != nil {
		return err
	}
	switch k {
	case "minlen":
		q.minlen = ptr(n)
	case "minclass":
		q.minclass = ptr(n)
	case "dictcheck":
		q.dictcheck = ptr(n)
	default:
		if q.credit == nil {
			q.credit = map[string]int{}
		}
		q.credit[k] = n
	}
	return nil
}

// withDefaults fills what q leaves out with module's documented
// defaults, and says which were taken.
func (q quality) withDefaults(module string) (quality, []string) {
	minlen, credit, dict := 8, 0, 1 // pwquality.conf(5)
	if module == "pam_cracklib.so" {
		minlen, credit = 9, 1 // pam_cracklib(8): credits of 1; the dictionary check cannot be turned off
	}
	var took []string
	if q.minlen == nil {
		q.minlen = ptr(minlen)
		took = append(took, fmt.Sprintf("minlen %d", minlen))
	}
	if q.dictcheck == nil {
		q.dictcheck = ptr(dict)
	}
	c := map[string]int{}
	for _, k := range []string{"dcredit", "ucredit", "lcredit", "ocredit"} {
		if v, ok := q.credit[k]; ok {
			c[k] = v
		} else {
			c[k] = credit
			if credit != 0 {
				took = append(took, fmt.Sprintf("%s %d", k, credit))
			}
		}
	}
	q.credit = c
	return q, took
}

// apply writes q into p. A negative credit forces that class; positive
// credits let a password shorter than minlen pass (pam_cracklib(8)): the
// real minimum is minlen minus their sum, never under 6.
func (q quality) apply(p *password.Policy, module string) {
	credits := map[string]*password.Tri{"dcredit": &p.RequireDigit, "ucredit": &p.RequireUpper, "lcredit": &p.RequireLower, "ocredit": &p.RequireSpecial}
	bonus := 0
	for k, v := range q.credit {
		*credits[k] = password.No
		if v < 0 {
			*credits[k] = password.Yes
		} else {
			bonus += v
		}
	}
	if q.minlen != nil {
		n := *q.minlen
		if bonus > 0 || n < 6 {
			eff := max(n-bonus, 6)
			p.Note(password.AboutStrength, check.Textf("minlen %d with positive credits of %d in all: a password of %d characters is accepted",
				"minlen %d avec des crédits positifs de %d au total : un mot de passe de %d caractères est accepté", n, bonus, eff))
			n = eff
		}
		p.MinLength = ptr(n)
	}
	if q.minclass != nil && *q.minclass > 0 {
		p.MinClasses = ptr(min(*q.minclass, 4))
	}
	if q.dictcheck != nil {
		p.Blacklist = password.No
		if *q.dictcheck != 0 || module == "pam_cracklib.so" {
			p.Blacklist = password.Yes
		}
	}
}

// faillock is a lockout: failures allowed and seconds locked (0 = until
// an administrator unlocks).
type faillock struct{ deny, unlock, interval int }

func faillockDefaults() faillock { return faillock{deny: 3, unlock: 600, interval: 900} } // faillock.conf(5)

func (f *faillock) set(file string, line int, k, v string) error {
	switch k {
	case "deny", "unlock_time", "fail_interval":
	default:
		return nil
	}
	if k == "unlock_time" && v == "never" {
		f.unlock = 0
		return nil
	}
	r, ok := linuxRange[k]
	if !ok {
		r = [2]int{0, maxSeconds}
	}
	n, err := wholeIn(file, line, k, v, r[0], r[1])
	if err != nil {
		return err
	}
	switch k {
	case "deny":
		f.deny = n
	case "unlock_time":
		f.unlock = n
	case "fail_interval":
		f.interval = n
	}
	return nil
}

func (f faillock) apply(p *password.Policy) {
	p.LockoutThreshold = ptr(f.deny) // deny=0: no lockout
	p.LockoutDuration = ptr(time.Duration(f.unlock) * time.Second)
}

// args applies a module line's key=value arguments through set.
func (l pamLine) apply(set func(file string, line int, k, v string) error) error {
	for _, a := range l.args {
		if k, v, ok := strings.Cut(a, "="); ok {
			if err := set(l.file, l.line, k, v); err != nil {
				return err
			}
		}
	}
	return nil
}
