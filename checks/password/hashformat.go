package password

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/crypto/bcrypt"
)

// Hash is what one stored value reveals: its algorithm and cost, never the value.
type Hash struct {
	Algorithm string // bcrypt, argon2id, scrypt, pbkdf2-sha256, sha512crypt, md5crypt, md5, plaintext, unknown…
	Params    string // normalised cost, e.g. "cost=12", "m=19456,t=2,p=1"
	Cost      int    // bcrypt cost, log2 N for scrypt, log2 rounds for phpass
	Rounds    int    // PBKDF2 iterations, sha-crypt and phpass rounds
	MemoryKiB int
	Time      int
	Parallel  int
	shape     shape // for the values whose column decides (HashAudit.Settled)
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return len(s) > 0
}

func cryptAlphabet(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '.' || c == '/') {
			return false
		}
	}
	return true
}

// kv reads "m=19456,t=2,p=1" style parameters.
func kv(s string) map[string]int {
	out := map[string]int{}
	for _, part := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(part, "=")
		if ok {
			out[k] = atoi(v)
		}
	}
	return out
}

// Recognise identifies a stored password value (reference §5). It never
// keeps the value. An ASP.NET Identity V2 layout comes back as
// PBKDF2-SHA1, which only its column confirms: HashAudit counts it once
// Settled.
func Recognise(s string) Hash {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return Hash{Algorithm: "empty"}
	case strings.HasPrefix(s, "$2a$") || strings.HasPrefix(s, "$2b$") || strings.HasPrefix(s, "$2y$") || strings.HasPrefix(s, "$2x$"):
		// x/crypto/bcrypt validates the layout and reads the cost; it knows
		// $2a$ and $2b$, and $2y$/$2x$ share their layout.
		norm := "$2a$" + s[4:]
		if c, err := bcrypt.Cost([]byte(norm)); err == nil && len(s) == 60 {
			return Hash{Algorithm: "bcrypt", Cost: c, Params: fmt.Sprintf("cost=%02d", c)}
		}
	case strings.HasPrefix(s, "bcrypt_sha256$"):
		h := Recognise(strings.TrimPrefix(s, "bcrypt_sha256$"))
		if h.Algorithm == "bcrypt" {
			return h
		}
	case strings.HasPrefix(s, "$argon2"), strings.HasPrefix(s, "argon2$argon2"):
		p := strings.Split(strings.TrimPrefix(s, "argon2"), "$")
		if len(p) >= 5 && strings.HasPrefix(p[1], "argon2") {
			params := kv(p[3])
			if !strings.HasPrefix(p[2], "v=") {
				params = kv(p[2])
			}
			if params["m"] > 0 && params["t"] > 0 {
				return Hash{Algorithm: p[1], MemoryKiB: params["m"], Time: params["t"], Parallel: params["p"],
					Params: "m=" + strconv.Itoa(params["m"]) + ",t=" + strconv.Itoa(params["t"]) + ",p=" + strconv.Itoa(params["p"])}
			}
		}
	case strings.HasPrefix(s, "$scrypt$"):
		p := strings.Split(s, "$")
		if len(p) >= 4 {
			params := kv(p[2])
			if params["ln"] > 0 {
				return Hash{Algorithm: "scrypt", Cost: params["ln"], Parallel: params["p"],
					Params: "ln=" + strconv.Itoa(params["ln"]) + ",r=" + strconv.Itoa(params["r"]) + ",p=" + strconv.Itoa(params["p"])}
			}
		}
	case strings.HasPrefix(s, "$7$") && len(s) > 14:
		return Hash{Algorithm: "scrypt", Cost: int(strings.Index(cryptChars, s[3:4])), Parallel: 1, Params: "N=2^" + strconv.Itoa(strings.Index(cryptChars, s[3:4]))}
	case strings.HasPrefix(s, "$y$"), strings.HasPrefix(s, "$gy$"):
		return Hash{Algorithm: "yescrypt", Params: "params=" + strings.Split(s, "$")[2]}
	case strings.HasPrefix(s, "$pbkdf2"):
		p := strings.Split(s, "$")
		if len(p) >= 5 {
			alg := p[1]
			if alg == "pbkdf2" {
				alg = "pbkdf2-sha1"
			}
			if n := atoi(p[2]); n > 0 {
				return Hash{Algorithm: alg, Rounds: n, Params: "iterations=" + p[2]}
			}
		}
	case strings.HasPrefix(s, "pbkdf2_sha256$"), strings.HasPrefix(s, "pbkdf2_sha1$"):
		p := strings.Split(s, "$")
		if len(p) == 4 {
			if n := atoi(p[1]); n > 0 {
				return Hash{Algorithm: strings.Replace(p[0], "_", "-", 1), Rounds: n, Params: "iterations=" + p[1]}
			}
		}
	case strings.HasPrefix(s, "$6$"), strings.HasPrefix(s, "$5$"):
		alg := map[byte]string{'6': "sha512crypt", '5': "sha256crypt"}[s[1]]
		rounds := 5000
		if r, ok := strings.CutPrefix(s[3:], "rounds="); ok {
			n, _, _ := strings.Cut(r, "$")
			rounds = atoi(n)
		}
		return Hash{Algorithm: alg, Rounds: rounds, Params: "rounds=" + strconv.Itoa(rounds)}
	case strings.HasPrefix(s, "$P$"), strings.HasPrefix(s, "$H$"):
		if h, ok := phpass(s); ok {
			return h
		}
	case strings.HasPrefix(s, "$S$"):
		if h, ok := drupal7(s); ok {
			return h
		}
	case strings.HasPrefix(s, "$wp$"):
		if h, ok := wordpressBcrypt(s); ok {
			return h
		}
	case strings.HasPrefix(s, "$1$"):
		return Hash{Algorithm: "md5crypt", Params: "rounds=1000"}
	case strings.HasPrefix(s, "$3$$") && isHex(s[4:]) && len(s) == 36:
		return Hash{Algorithm: "ntlm"}
	case strings.HasPrefix(s, "{"):
		scheme, rest, ok := strings.Cut(s[1:], "}")
		if ok {
			switch strings.ToUpper(scheme) {
			case "CRYPT":
				return Recognise(rest)
			case "SSHA", "SSHA256", "SSHA512":
				return Hash{Algorithm: "salted-" + strings.ToLower(scheme[1:])}
			case "SHA", "SHA256", "SHA512", "MD5", "SMD5":
				return Hash{Algorithm: strings.ToLower(scheme)}
			case "ARGON2", "ARGON2ID":
				return Recognise(rest) // the PHC string follows the scheme
			case "PBKDF2-SHA256", "PBKDF2-SHA512", "PBKDF2-SHA1", "PBKDF2":
				// 389-DS / OpenLDAP: iterations$salt$hash
				alg := strings.ToLower(scheme)
				if alg == "pbkdf2" {
					alg = "pbkdf2-sha1"
				}
				it, _, _ := strings.Cut(rest, "$")
				if n := atoi(it); n > 0 {
					return Hash{Algorithm: alg, Rounds: n, Params: "iterations=" + it}
				}
				return Hash{Algorithm: "unknown"}
			}
		}
	case strings.HasPrefix(s, "sha1$"), strings.HasPrefix(s, "md5$"):
		return Hash{Algorithm: "salted-" + strings.Split(s, "$")[0]}
	case strings.HasPrefix(s, "unsalted_md5$"), strings.HasPrefix(s, "unsalted_sha1$"):
		return Hash{Algorithm: strings.TrimPrefix(strings.Split(s, "$")[0], "unsalted_")}
	case isHex(s) && (len(s) == 32 || len(s) == 40 || len(s) == 64 || len(s) == 128):
		return Hash{Algorithm: map[int]string{32: "md5", 40: "sha1", 64: "sha256", 128: "sha512"}[len(s)]}
	case len(s) == 13 && cryptAlphabet(s):
		return Hash{Algorithm: "des"}
	}
	if h, ok := aspNetIdentity(s); ok {
		return h
	}
	if looksPlain(s) {
		return Hash{Algorithm: "plaintext"}
	}
	if isBase64Blob(s) {
		return Hash{Algorithm: "unknown", shape: shapeBlob}
	}
	return Hash{Algorithm: "unknown"}
}

const cryptChars = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// looksPlain flags values no hash format produces: short, or with spaces or
// characters outside hex, base64 and crypt alphabets.
func looksPlain(s string) bool {
	if len(s) < 16 {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '!' || c == '@' || c == '#' || c == '%' || c == '&' || c == '*' || c == '?' {
			return true
		}
	}
	return false
}
