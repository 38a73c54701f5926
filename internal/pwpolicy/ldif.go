package pwpolicy

import (
	"bytes"
	"encoding/base64"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

func isLDIF(data []byte) bool {
	return bytes.Contains(data, []byte("dn:")) && (bytes.Contains(bytes.ToLower(data), []byte("pwdminlength")) ||
		bytes.Contains(bytes.ToLower(data), []byte("pwdmaxfailure")) || bytes.Contains(data, []byte("pwdPolicy")))
}

type ldifAttr struct {
	line            int
	name, orig, val string // name lower-cased for lookups, orig as written for errors
}

// ldifEntries splits LDIF (RFC 2849) into entries: continuation lines,
// comments, and base64 values ("attr:: …") are handled.
func ldifEntries(name string, data []byte) ([][]ldifAttr, error) {
	var out [][]ldifAttr
	var cur []ldifAttr
	err := eachLine(name, data, func(line int, s string) error {
		s = strings.TrimRight(s, "\r")
		switch {
		case s == "":
			if len(cur) > 0 {
				out, cur = append(out, cur), nil
			}
		case strings.HasPrefix(s, "#"):
		case strings.HasPrefix(s, " "):
			if len(cur) == 0 {
				return lineErr(name, line, "a continuation line with nothing to continue", "une ligne de continuation qui ne continue rien")
			}
			cur[len(cur)-1].val += s[1:]
		default:
			k, v, ok := strings.Cut(s, ":")
			if !ok {
				return lineErr(name, line, "expected attribute: value, got a line without a colon", "attendu : attribut: valeur, trouvé une ligne sans deux-points")
			}
			if b64, isB64 := strings.CutPrefix(v, ":"); isB64 {
				d, err := base64.StdEncoding.DecodeString(strings.TrimSpace(b64))
				if err != nil {
					return lineErr(name, line, "%s: not valid base64", "%s : base64 incorrect", short(k))
				}
				v = string(d)
			}
			cur = append(cur, ldifAttr{line: line, name: strings.ToLower(k), orig: k, val: strings.TrimSpace(v)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// ppolicyRange is what draft-behera-ldap-password-policy allows, bounded
// by vigie's own ranges.
var ppolicyRange = map[string][2]int{"pwdminlength": {0, maxLength}, "pwdmaxfailure": {0, maxAttempts}, "pwdlockoutduration": {0, maxSeconds},
	"pwdcheckquality": {0, 2}, "pwdinhistory": {0, maxHistory}, "pwdmaxage": {0, maxDays * 86400}}

// ldapHashes maps olcPasswordHash schemes to vigie's algorithm names.
var ldapHashes = map[string]string{"{ssha}": "ssha", "{sha}": "sha1", "{md5}": "md5", "{smd5}": "md5", "{cleartext}": "plaintext",
	"{argon2}": "argon2", "{pbkdf2-sha512}": "pbkdf2-sha512", "{pbkdf2-sha256}": "pbkdf2-sha256", "{pbkdf2}": "pbkdf2-sha1",
	"{ssha512}": "sha512", "{ssha256}": "sha256"}

// parseLDIF reads OpenLDAP ppolicy entries (pwdPolicy): one policy each.
// pwdLockout defaults to FALSE, and pwdMinLength is enforced only when
// pwdCheckQuality is 1 or 2 (slapo-ppolicy(5)).
func parseLDIF(name string, data []byte) ([]password.Policy, error) {
	entries, err := ldifEntries(name, data)
	if err != nil {
		return nil, err
	}
	var out []password.Policy
	var hash *password.Storage
	for _, e := range entries {
		vals := map[string]ldifAttr{}
		for _, a := range e {
			vals[a.name] = a
			if a.name == "olcpasswordhash" {
				scheme := strings.ToLower(strings.Fields(a.val + " ")[0])
				if alg, ok := ldapHashes[scheme]; ok {
					hash = &password.Storage{Algorithm: alg, Salted: tri(ptr(strings.HasPrefix(scheme, "{s") || strings.Contains(scheme, "pbkdf2") || scheme == "{argon2}"))}
				}
			}
		}
		if _, ok := vals["pwdattribute"]; !ok && vals["pwdminlength"].name == "" && vals["pwdmaxfailure"].name == "" {
			continue
		}
		n := map[string]*int{}
		for k, r := range ppolicyRange {
			if a, ok := vals[k]; ok {
				v, err := wholeIn(name, a.line, a.orig, a.val, r[0], r[1])
				if err != nil {
					return nil, err
				}
				n[k] = ptr(v)
			}
		}
		p := password.Policy{Name: "ldap-" + rdn(vals["dn"].val), Format: "openldap-ppolicy", HistoryCount: n["pwdinhistory"]}
		quality := 0
		if q := n["pwdcheckquality"]; q != nil {
			quality = *q
		}
		if l := n["pwdminlength"]; l != nil {
			p.MinLength = l
			if quality == 0 {
				p.MinLength = ptr(0)
				p.Note(password.AboutStrength, check.Textf("pwdMinLength %d is not enforced: pwdCheckQuality is 0 (the default)",
					"pwdMinLength %d n'est pas appliqué : pwdCheckQuality vaut 0 (la valeur par défaut)", *l))
			}
		}
		if m, ok := vals["pwdcheckmodule"]; ok {
			p.Note(password.AboutStrength, check.Textf("character classes are decided by the check module %s, which vigie does not read",
				"les classes de caractères sont décidées par le module %s, que vigie ne lit pas", quoteShort(m.val)))
		} else {
			_ = p.SetClasses() // ppolicy alone checks length only
		}
		lockout := false
		if a, ok := vals["pwdlockout"]; ok {
			switch strings.ToUpper(a.val) {
			case "TRUE":
				lockout = true
			case "FALSE":
			default:
				return nil, lineErr(name, a.line, "pwdLockout: %s is not TRUE or FALSE", "pwdLockout : %s n'est ni TRUE ni FALSE", quoteShort(a.val))
			}
		}
		switch {
		case !lockout:
			p.LockoutThreshold = ptr(0)
			p.Note(password.AboutLockout, check.Text{EN: "pwdLockout is not TRUE: failures never lock the account", FR: "pwdLockout n'est pas TRUE : les échecs ne verrouillent jamais le compte"})
		case n["pwdmaxfailure"] != nil:
			p.LockoutThreshold = n["pwdmaxfailure"] // 0: no limit
			d := 0
			if x := n["pwdlockoutduration"]; x != nil {
				d = *x
			}
			p.LockoutDuration = ptr(time.Duration(d) * time.Second) // 0: until an administrator unlocks
		default:
			p.LockoutThreshold = ptr(0) // pwdMaxFailure defaults to 0: no limit
		}
		if a := n["pwdmaxage"]; a != nil {
			p.MaxAgeDays = ptr((*a + 86399) / 86400) // 0: never
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fileErr(name, "an LDIF without a ppolicy entry (pwdAttribute, pwdMinLength or pwdMaxFailure)",
			"un LDIF sans entrée ppolicy (pwdAttribute, pwdMinLength ou pwdMaxFailure)")
	}
	for i := range out {
		if hash != nil {
			out[i].Storage = hash
		}
	}
	return out, nil
}

// rdn is the value of a DN's first component: cn=default,ou=… → default.
func rdn(dn string) string {
	first, _, _ := strings.Cut(dn, ",")
	_, v, ok := strings.Cut(first, "=")
	if !ok || v == "" {
		return "policy"
	}
	return v
}
