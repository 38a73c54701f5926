package password

import (
	"encoding/base64"
	"encoding/binary"
	"maps"
	"math"
	"strconv"
)

// shape is what a value's layout says beyond its algorithm, for the
// values whose column decides (HashAudit.Settled).
type shape uint8

const (
	shapeNone       shape = iota
	shapeBlob             // base64 of 16 bytes or more that no format names
	shapeIdentityV3       // ASP.NET Identity V3: its header confirms it
	shapeIdentityV2       // ASP.NET Identity V2's layout: only its column can confirm it
)

// identityV2 is ASP.NET Identity V2: PBKDF2-HMAC-SHA1 at a fixed 1,000
// iterations, a 128-bit salt and a 256-bit subkey after the marker 0x00.
var identityV2 = Hash{Algorithm: "pbkdf2-sha1", Rounds: 1000, Params: "iterations=1000"}

// identityPRF names V3's pseudo-random function ids (KeyDerivationPrf).
var identityPRF = [...]string{"pbkdf2-sha1", "pbkdf2-sha256", "pbkdf2-sha512"}

// maxIdentity bounds the decoded value: Identity writes 49 (V2) or 61
// bytes (V3 with its 16-byte salt and 32-byte subkey).
const maxIdentity = 1024

// aspNetIdentity reads an ASP.NET Identity PasswordHash: standard base64
// of 0x00, salt (16) and subkey (32), exactly 49 bytes (V2); or of 0x01,
// then big-endian uint32 PRF (0 SHA-1, 1 SHA-256, 2 SHA-512), iteration
// count and salt length, the salt and the subkey (V3), with the minimums
// Identity's own verifier requires: a salt and a subkey of 16 bytes at
// least. A V2 layout is 1 random blob in 256, so it comes back with
// shapeIdentityV2 for its column to confirm.
func aspNetIdentity(s string) (Hash, bool) {
	if len(s) < 24 || s[0] != 'A' || len(s) > base64.StdEncoding.EncodedLen(maxIdentity) {
		return Hash{}, false // 'A' is the six zero bits both markers start with
	}
	var buf [maxIdentity]byte
	n, err := base64.StdEncoding.Strict().Decode(buf[:], []byte(s))
	if err != nil {
		return Hash{}, false
	}
	b := buf[:n]
	switch {
	case b[0] == 0 && n == 49:
		h := identityV2
		h.shape = shapeIdentityV2
		return h, true
	case b[0] == 1 && n >= 13:
		prf, iter, salt := binary.BigEndian.Uint32(b[1:]), binary.BigEndian.Uint32(b[5:]), binary.BigEndian.Uint32(b[9:])
		if prf >= uint32(len(identityPRF)) || iter == 0 || iter > math.MaxInt32 || salt < 16 || int64(salt) > int64(n-13-16) {
			return Hash{}, false
		}
		return Hash{Algorithm: identityPRF[prf], Rounds: int(iter), Params: "iterations=" + strconv.Itoa(int(iter)), shape: shapeIdentityV3}, true
	}
	return Hash{}, false
}

// isBase64Blob: standard padded base64 of 16 bytes or more, the shape of
// a random token as much as of a hash.
func isBase64Blob(s string) bool {
	if len(s) < 24 || len(s)%4 != 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' && i >= len(s)-2 && (i == len(s)-1 || s[len(s)-1] == '=') {
			continue
		}
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '+' || c == '/') {
			return false
		}
	}
	return true
}

// Settled is the audit with the values only their column can name
// decided: ASP.NET Identity V2 values count as PBKDF2-SHA1 when ASP.NET
// Identity's layouts are most of the column's base64 values (a column of
// Identity hashes, or of other hashes beside them), and as an unknown
// format otherwise (a column of random tokens, 1 in 256 of which has V2's
// layout). It reads counts only: it runs once the whole column is read.
func (a HashAudit) Settled() HashAudit {
	if a.pendingV2 == 0 {
		return a
	}
	h := Hash{Algorithm: "unknown"}
	if 2*a.identity > a.blobs {
		h = identityV2
	}
	s := a
	s.Grades, s.Buckets, s.pendingV2 = maps.Clone(a.Grades), maps.Clone(a.Buckets), 0
	s.count(h, a.pendingV2)
	return s
}
