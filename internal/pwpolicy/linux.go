package pwpolicy

import (
	"strings"

	"github.com/vigie-security/vigie/checks/password"
)

// kvLines reads "key = value" (pwquality, faillock) or "KEY value" (login.defs) lines.
func kvLines(name string, data []byte, fn func(line int, k, v string) error) error {
	return eachLine(name, data, func(line int, s string) error {
		s = strings.TrimSpace(s)
		if s == "" || strings.HasPrefix(s, "#") {
			return nil
		}
		k, v, ok := strings.Cut(s, "=")
		if !ok {
			f := strings.Fields(s)
			k, v = f[0], strings.Join(f[1:], " ")
		}
		return fn(line, strings.TrimSpace(k), strings.TrimSpace(v))
	})
}

// linuxRange is what each numeric key accepts (pwquality.conf(5),
// login.defs(5), faillock.conf(5)), widened only where real files go beyond.
var linuxRange = map[string][2]int{"minlen": {0, maxLength}, "minclass": {0, 4}, "dictcheck": {0, 1},
	"dcredit": {-maxLength, maxLength}, "ucredit": {-maxLength, maxLength}, "lcredit": {-maxLength, maxLength}, "ocredit": {-maxLength, maxLength},
	"PASS_MAX_DAYS": {-1, 1<<31 - 1}, "SHA_CRYPT_MIN_ROUNDS": {0, maxRounds}, "BCRYPT_MIN_ROUNDS": {0, 31}, "YESCRYPT_COST_FACTOR": {0, 11},
	"deny": {0, maxAttempts}, "unlock_time": {0, maxSeconds}, "retry": {1, maxAttempts}}

func applyLinux(path, kind string, data []byte, p *password.Policy) error {
	num := func(line int, k, v string) (int, error) {
		r := linuxRange[k]
		return wholeIn(path, line, k, v, r[0], r[1])
	}
	switch kind {
	case "pwquality.conf":
		var q quality
		if err := kvLines(path, data, func(line int, k, v string) error { return q.set(path, line, k, v) }); err != nil {
			return err
		}
		q.apply(p, "")
		return nil
	case "login.defs":
		rounds := 0
		method := ""
		err := kvLines(path, data, func(line int, k, v string) error {
			switch k {
			case "PASS_MAX_DAYS":
				n, err := num(line, k, v)
				if err != nil {
					return err
				}
				if n < 0 || n >= 99999 { // shadow(5): -1 and 99999 mean never
					n = 0 // disabled
				}
				p.MaxAgeDays = ptr(n)
			case "ENCRYPT_METHOD":
				method = strings.ToUpper(v)
			case "SHA_CRYPT_MIN_ROUNDS", "BCRYPT_MIN_ROUNDS", "YESCRYPT_COST_FACTOR":
				n, err := num(line, k, v)
				if err != nil {
					return err
				}
				rounds = n
			}
			return nil
		})
		if err != nil {
			return err
		}
		switch method {
		case "SHA512", "SHA256":
			p.Storage = &password.Storage{Algorithm: strings.ToLower(method) + "crypt", Iterations: max(rounds, 5000), Salted: password.Yes}
		case "YESCRYPT":
			p.Storage = &password.Storage{Algorithm: "yescrypt", Cost: rounds, Salted: password.Yes}
		case "BCRYPT":
			p.Storage = &password.Storage{Algorithm: "bcrypt", Cost: rounds, Salted: password.Yes}
		case "MD5":
			p.Storage = &password.Storage{Algorithm: "md5crypt", Salted: password.Yes}
		case "DES", "":
			if method == "DES" {
				p.Storage = &password.Storage{Algorithm: "des", Salted: password.Yes}
			}
		}
		return nil
	case "faillock.conf":
		f := faillockDefaults()
		if err := kvLines(path, data, func(line int, k, v string) error { return f.set(path, line, k, v) }); err != nil {
			return err
		}
		f.apply(p)
		return nil
	}
	return nil
}
