package pwpolicy

import (
	"bytes"
	"regexp"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
)

// labelLine is "Label: value", as ipa and samba-tool print.
var labelLine = regexp.MustCompile(`^\s*([A-Za-z][A-Za-z0-9 ()_-]*?)\s*:\s*(.*?)\s*$`)

func isSamba(data []byte) bool {
	return bytes.Contains(data, []byte("Password complexity:")) && bytes.Contains(data, []byte("Minimum password length:"))
}

// sambaKeys are samba-tool domain passwordsettings show's labels, with
// the range Samba accepts for each.
var sambaKeys = map[string][2]int{"Password history length": {0, 24}, "Minimum password length": {0, 255},
	"Maximum password age (days)": {0, 999}, "Account lockout duration (mins)": {0, 99999},
	"Account lockout threshold (attempts)": {0, 999}}

// parseSamba reads `samba-tool domain passwordsettings show`. Samba AD,
// like Windows, keeps an NT hash of every password.
func parseSamba(name string, data []byte) ([]password.Policy, error) {
	p := password.Policy{Name: "samba-domain", Format: "samba-tool", Storage: ntHashes()}
	err := labelLines(name, data, func(line int, k, v string) error {
		switch k {
		case "Password complexity", "Store plaintext passwords":
			on, err := onOff(name, line, k, v)
			if err != nil {
				return err
			}
			switch {
			case k == "Store plaintext passwords":
				p.ReversibleStorage = tri(&on)
			case on:
				p.MinClasses = ptr(3) // AD complexity: 3 of the categories
			default:
				_ = p.SetClasses()
			}
		}
		r, ok := sambaKeys[k]
		if !ok {
			return nil
		}
		n, err := wholeIn(name, line, k, v, r[0], r[1])
		if err != nil {
			return err
		}
		switch k {
		case "Password history length":
			p.HistoryCount = ptr(n)
		case "Minimum password length":
			p.MinLength = ptr(n)
		case "Maximum password age (days)":
			p.MaxAgeDays = ptr(n) // 0: never
		case "Account lockout duration (mins)":
			p.LockoutDuration = ptr(time.Duration(n) * time.Minute) // 0: until an administrator unlocks
		case "Account lockout threshold (attempts)":
			p.LockoutThreshold = ptr(n) // 0: never
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return []password.Policy{p}, nil
}

func onOff(name string, line int, k, v string) (bool, error) {
	switch strings.ToLower(v) {
	case "on":
		return true, nil
	case "off":
		return false, nil
	}
	return false, lineErr(name, line, "%s: %s is not on or off", "%s : %s n'est ni on ni off", k, quoteShort(v))
}

func labelLines(name string, data []byte, fn func(line int, k, v string) error) error {
	return eachLine(name, data, func(line int, s string) error {
		if m := labelLine.FindStringSubmatch(s); m != nil {
			return fn(line, m[1], m[2])
		}
		return nil
	})
}

func isFreeIPA(data []byte) bool {
	return bytes.Contains(data, []byte("Max failures:")) || bytes.Contains(data, []byte("krbpwdmaxfailure:")) ||
		(bytes.Contains(data, []byte("Min length:")) && bytes.Contains(data, []byte("History size:")))
}

// ipaKeys maps `ipa pwpolicy-show` labels, and their --raw attribute
// names, to a field and the range FreeIPA accepts.
var ipaKeys = map[string]struct {
	field  string
	lo, hi int
}{
	"Max lifetime (days)": {"maxlife", 0, 20000}, "krbmaxpwdlife": {"maxlife-s", 0, 20000 * 86400},
	"History size": {"history", 0, maxHistory}, "krbpwdhistorylength": {"history", 0, maxHistory},
	"Character classes": {"classes", 0, 5}, "krbpwdmindiffchars": {"classes", 0, 5},
	"Min length": {"minlength", 0, maxLength}, "krbpwdminlength": {"minlength", 0, maxLength},
	"Max failures": {"maxfail", 0, maxAttempts}, "krbpwdmaxfailure": {"maxfail", 0, maxAttempts},
	"Lockout duration (seconds)": {"lockout", 0, maxSeconds}, "krbpwdlockoutduration": {"lockout", 0, maxSeconds},
}

// parseFreeIPA reads `ipa pwpolicy-show` (or -find: one policy per
// "Group:" block), labelled or --raw.
func parseFreeIPA(name string, data []byte) ([]password.Policy, error) {
	var out []password.Policy
	cur := -1
	start := func(group string) {
		out = append(out, password.Policy{Name: "ipa-" + group, Format: "freeipa"})
		cur = len(out) - 1
	}
	err := labelLines(name, data, func(line int, k, v string) error {
		if k == "Group" || k == "cn" {
			start(v)
			return nil
		}
		key, ok := ipaKeys[k]
		if !ok {
			return nil
		}
		if cur < 0 {
			start("global_policy")
		}
		n, err := wholeIn(name, line, k, v, key.lo, key.hi)
		if err != nil {
			return err
		}
		p := &out[cur]
		switch key.field {
		case "maxlife":
			p.MaxAgeDays = ptr(n) // 0: never
		case "maxlife-s":
			p.MaxAgeDays = ptr((n + 86399) / 86400)
		case "history":
			p.HistoryCount = ptr(n)
		case "classes":
			if n > 0 {
				// FreeIPA counts a fifth class (8-bit characters); the CNIL's four are judged.
				p.MinClasses = ptr(min(n, 4))
			} else {
				_ = p.SetClasses()
			}
		case "minlength":
			p.MinLength = ptr(n)
		case "maxfail":
			p.LockoutThreshold = ptr(n) // 0: never
		case "lockout":
			p.LockoutDuration = ptr(time.Duration(n) * time.Second) // 0: until an administrator unlocks
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fileErr(name, "no ipa pwpolicy field (Min length, Max failures…)", "aucun champ de ipa pwpolicy (Min length, Max failures…)")
	}
	for i := range out {
		if out[i].MinLength == nil && out[i].LockoutThreshold == nil {
			return nil, fileErr(name, "policy %s has neither Min length nor Max failures: not ipa pwpolicy-show output",
				"la politique %s n'a ni Min length ni Max failures : ce n'est pas une sortie de ipa pwpolicy-show", quoteShort(out[i].Name))
		}
	}
	return out, nil
}
