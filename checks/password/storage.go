package password

import (
	"slices"
	"strings"
)

// StorageClass is what a storage algorithm's name says about how a password
// can be recovered from what is stored. PWD-CNIL-002 and PWD-ANSSI-029 both
// read it, so they never disagree on the same name.
type StorageClass int

const (
	StorageUnknown    StorageClass = iota // a name vigie does not know
	StorageSlow                           // a salted password-hashing function (CNIL, ANSSI R29, OWASP)
	StorageFast                           // a fast or unsalted digest: cracked at scale
	StoragePlain                          // kept as typed
	StorageReversible                     // encrypted or encoded: whoever has the key or the method reads it
)

// Storage algorithm names by class, lower case. The slow ones are those the
// family's hash recogniser and ANSSI check grade (argon2, scrypt, yescrypt,
// bcrypt, PBKDF2, sha-crypt); "des" is DES crypt(3), the one-way hash the
// PAM and login.defs readers name so, and the ciphers are the other names.
// "none" is in no class: it may mean kept as typed or not kept at all (SSO
// only), so the YAML format refuses it and asks which.
var (
	slowNames = []string{"argon2id", "argon2i", "argon2d", "argon2", "scrypt", "yescrypt", "bcrypt",
		"pbkdf2-sha256", "pbkdf2-sha512", "pbkdf2-sha1", "pbkdf2", "sha512crypt", "sha256crypt"}
	fastNames = []string{"md5", "md4", "sha", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3-256", "sha3-512",
		"ntlm", "lm", "md5crypt", "phpass", "phpass-md5", "des", "ssha", "ssha256", "ssha512", "smd5", "mysql41", "crc32"}
	plainNames      = []string{"plaintext", "plain", "cleartext", "clear", "clair"}
	reversibleNames = []string{"aes", "aes128", "aes192", "aes256", "aes-128", "aes-256", "aes-gcm", "aes-cbc", "3des", "des3", "tripledes",
		"rsa", "rc4", "chacha20", "blowfish-cbc", "base64", "base32", "hex", "rot13", "xor", "caesar", "encrypted", "reversible"}
)

// storageAliases are other spellings of a known name.
var storageAliases = map[string]string{"sha512-crypt": "sha512crypt", "sha256-crypt": "sha256crypt", "sha-512-crypt": "sha512crypt",
	"sha-256-crypt": "sha256crypt", "blowfishcrypt": "bcrypt", "md5-crypt": "md5crypt", "sha-1": "sha1", "sha-256": "sha256", "sha-512": "sha512",
	"plain-text": "plaintext", "clear-text": "cleartext", "nt": "ntlm", "nthash": "ntlm"}

// StorageName is alg as the checks name it: lower case, "_" read as "-"
// (Django's pbkdf2_sha256), aliases resolved.
func StorageName(alg string) string {
	a := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(alg)), "_", "-")
	if c, ok := storageAliases[a]; ok {
		return c
	}
	return a
}

// ClassifyStorage says which class a storage algorithm's name is in.
func ClassifyStorage(alg string) StorageClass {
	a := StorageName(alg)
	switch {
	case slices.Contains(slowNames, a):
		return StorageSlow
	case slices.Contains(fastNames, a), strings.HasPrefix(a, "salted-"): // salted-sha1 and the like: salted but fast
		return StorageFast
	case slices.Contains(plainNames, a):
		return StoragePlain
	case slices.Contains(reversibleNames, a):
		return StorageReversible
	}
	return StorageUnknown
}

// KnownStorage lists the names ClassifyStorage knows, the slow ones first,
// for an error about a name it does not.
func KnownStorage() (slow, weak []string) {
	return slices.Clone(slowNames), slices.Concat(plainNames, fastNames, reversibleNames)
}
