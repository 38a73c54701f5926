package pwpolicy

import (
	"strings"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

// judge reads one stack: its module lines, with pwquality.conf,
// faillock.conf and login.defs where the stack's modules read them.
func (s linuxSet) judge(e entry) (password.Policy, error) {
	p := password.Policy{Name: "pam:" + e.label, Format: "linux-pam", Notes: []password.Note{{About: password.AboutAll, Text: e.why}}}
	if f, ok := s.confs["login.defs"]; ok {
		if err := applyLinux(f.path, "login.defs", f.data, &p); err != nil {
			return p, err
		}
	}
	var missing []check.Text
	var lines []pamLine
	for _, f := range e.files {
		l, err := s.expand(f, "", []string{f}, &missing)
		if err != nil {
			return p, err
		}
		lines = append(lines, l...)
	}
	for _, m := range missing {
		p.Note(password.AboutAll, m)
	}
	complete := len(missing) == 0
	st := stackOf(lines)
	if err := s.quality(&p, st, complete); err != nil {
		return p, err
	}
	if err := s.lockout(&p, st, complete); err != nil {
		return p, err
	}
	for _, l := range st.history {
		v, ok := l.arg("remember")
		n := 10 // pam_pwhistory(8)'s default; pam_unix remembers nothing without remember=
		switch {
		case ok:
			r, err := wholeIn(l.file, l.line, "remember", v, 0, maxHistory)
			if err != nil {
				return p, err
			}
			n = r
		case l.moduleName() != "pam_pwhistory.so":
			continue
		}
		if p.HistoryCount == nil || n > *p.HistoryCount {
			p.HistoryCount = ptr(n)
		}
	}
	if err := unixHash(&p, st.unixPassword); err != nil {
		return p, err
	}
	switch {
	case st.nullok != nil:
		p.EmptyAllowed, p.EmptyAllowedAt = password.Yes, st.nullok.at()
	case st.unixSeen && complete:
		p.EmptyAllowed = password.No
	}
	return p, nil
}

// stack is what vigie reads of a stack's lines.
type stack struct {
	quality      *pamLine  // the first pam_pwquality or pam_cracklib password line
	faillock     []pamLine // pam_faillock auth lines
	tally        []pamLine // pam_tally2 / pam_tally auth lines
	history      []pamLine // pam_pwhistory, and pam_unix password lines (remember=)
	unixPassword []pamLine
	nullok       *pamLine
	unixSeen     bool
}

func stackOf(lines []pamLine) stack {
	var st stack
	for i := range lines {
		l := lines[i]
		switch m := l.moduleName(); {
		case (m == "pam_pwquality.so" || m == "pam_cracklib.so") && l.typ == "password" && st.quality == nil:
			st.quality = &lines[i]
		case m == "pam_faillock.so" && l.typ == "auth":
			st.faillock = append(st.faillock, l)
		case (m == "pam_tally2.so" || m == "pam_tally.so") && l.typ == "auth":
			st.tally = append(st.tally, l)
		case m == "pam_pwhistory.so" && l.typ == "password":
			st.history = append(st.history, l)
		case m == "pam_unix.so" || m == "pam_unix2.so" || m == "pam_tcb.so":
			st.unixSeen = true
			_, n1 := l.arg("nullok")
			_, n2 := l.arg("nullok_secure")
			if (n1 || n2) && (l.typ == "auth" || l.typ == "password") && st.nullok == nil {
				st.nullok = &lines[i]
			}
			if l.typ == "password" {
				st.unixPassword = append(st.unixPassword, l)
				st.history = append(st.history, l)
			}
		}
	}
	return st
}

func (s linuxSet) quality(p *password.Policy, st stack, complete bool) error {
	var q quality
	hasConf := len(s.dropins) > 0
	if _, ok := s.confs["pwquality.conf"]; ok {
		hasConf = true
	}
	if st.quality == nil {
		if hasConf {
			p.Note(password.AboutStrength, check.Text{EN: "pwquality.conf is present, but the judged stack calls neither pam_pwquality nor pam_cracklib: it is not in effect",
				FR: "pwquality.conf est présent, mais la pile jugée n'appelle ni pam_pwquality ni pam_cracklib : il ne s'applique pas"})
		}
		if len(st.unixPassword) > 0 && complete {
			n := 6 // pam_unix(8)
			if v, ok := st.unixPassword[0].arg("minlen"); ok {
				var err error
				if n, err = wholeIn(st.unixPassword[0].file, st.unixPassword[0].line, "minlen", v, 0, maxLength); err != nil {
					return err
				}
			} else {
				p.Note(password.AboutStrength, check.Text{EN: "pam_unix's default minimum of 6 characters is assumed", FR: "le minimum de 6 caractères par défaut de pam_unix est supposé"})
			}
			p.MinLength = ptr(n)
			_ = p.SetClasses() // pam_unix forces no class
		}
		return nil
	}
	mod := st.quality.moduleName()
	if mod == "pam_pwquality.so" {
		if _, err := s.pwqualityConf(&q); err != nil {
			return err
		}
	} else if hasConf {
		p.Note(password.AboutStrength, check.Text{EN: "pwquality.conf is present, but pam_cracklib does not read it", FR: "pwquality.conf est présent, mais pam_cracklib ne le lit pas"})
	}
	if err := st.quality.apply(q.set); err != nil { // arguments override the file
		return err
	}
	if _, ok := st.quality.arg("enforce_for_root"); ok {
		q.enforceRoot = true
	}
	if !q.enforceRoot {
		p.Note(password.AboutStrength, check.Text{EN: "without enforce_for_root, root may set a password that breaks these rules",
			FR: "sans enforce_for_root, root peut choisir un mot de passe qui enfreint ces règles"})
	}
	q, took := q.withDefaults(mod)
	if len(took) > 0 {
		p.Note(password.AboutStrength, check.Textf("%s defaults assumed: %s", "valeurs par défaut de %s supposées : %s", strings.TrimSuffix(mod, ".so"), strings.Join(took, ", ")))
	}
	q.apply(p, mod)
	return nil
}

func (s linuxSet) lockout(p *password.Policy, st stack, complete bool) error {
	conf, hasConf := s.confs["faillock.conf"]
	switch {
	case len(st.faillock) > 0:
		f := faillockDefaults()
		if hasConf {
			if err := kvLines(conf.path, conf.data, func(line int, k, v string) error { return f.set(conf.path, line, k, v) }); err != nil {
				return err
			}
		}
		for _, l := range st.faillock {
			if err := l.apply(f.set); err != nil {
				return err
			}
		}
		f.apply(p)
		p.Note(password.AboutLockout, check.Textf("lockout by pam_faillock (%s): deny=%d failures within fail_interval=%d s, unlock_time=%d s",
			"verrouillage par pam_faillock (%s) : deny=%d échecs en fail_interval=%d s, unlock_time=%d s", st.faillock[0].at(), f.deny, f.interval, f.unlock))
	case len(st.tally) > 0:
		f := faillock{} // pam_tally2(8): no deny= never locks; no unlock_time= locks until an administrator resets
		for _, l := range st.tally {
			if err := l.apply(f.set); err != nil {
				return err
			}
		}
		f.apply(p)
		p.Note(password.AboutLockout, check.Textf("lockout by %s (%s): deny=%d, unlock_time=%d s", "verrouillage par %s (%s) : deny=%d, unlock_time=%d s",
			strings.TrimSuffix(st.tally[0].moduleName(), ".so"), st.tally[0].at(), f.deny, f.unlock))
	case complete:
		p.LockoutThreshold = ptr(0)
		msg := check.Text{EN: "the judged stack calls neither pam_faillock nor pam_tally2: failed attempts are not limited",
			FR: "la pile jugée n'appelle ni pam_faillock ni pam_tally2 : les échecs ne sont pas limités"}
		if hasConf {
			msg.EN += " (faillock.conf is present but not in effect)"
			msg.FR += " (faillock.conf est présent mais ne s'applique pas)"
		}
		p.Note(password.AboutLockout, msg)
	}
	return nil
}

// unixHash reads pam_unix's hash option, which overrides login.defs.
func unixHash(p *password.Policy, lines []pamLine) error {
	for _, l := range lines {
		rounds := 0
		if v, ok := l.arg("rounds"); ok {
			n, err := wholeIn(l.file, l.line, "rounds", v, 0, maxRounds)
			if err != nil {
				return err
			}
			rounds = n
		}
		for _, a := range l.args {
			switch a {
			case "sha512", "sha256":
				p.Storage = &password.Storage{Algorithm: a + "crypt", Iterations: max(rounds, 5000), Salted: password.Yes}
			case "yescrypt", "gost_yescrypt":
				p.Storage = &password.Storage{Algorithm: "yescrypt", Cost: min(rounds, 11), Salted: password.Yes}
			case "blowfish":
				p.Storage = &password.Storage{Algorithm: "bcrypt", Cost: min(rounds, 31), Salted: password.Yes}
			case "md5":
				p.Storage = &password.Storage{Algorithm: "md5crypt", Salted: password.Yes}
			case "bigcrypt":
				p.Storage = &password.Storage{Algorithm: "des", Salted: password.Yes}
			}
		}
	}
	return nil
}
