package password

import (
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Tri is a yes/no answer that may be unknown.
type Tri int

const (
	Unknown Tri = iota
	No
	Yes
)

// Known reports whether the configuration stated it.
func (t Tri) Known() bool { return t != Unknown }

// Policy is one password policy, whatever format it came from. Pointers are
// nil when the source does not say.
type Policy struct {
	Name   string // e.g. "users", "admins"
	Admin  bool   // applies to privileged accounts
	Format string // where it was read from: vigie-yaml, aws-iam, …

	MinLength       *int
	MaxLength       *int // 0 = no maximum
	RequireLower    Tri
	RequireUpper    Tri
	RequireDigit    Tri
	RequireSpecial  Tri
	MinClasses      *int // "k of the 4 classes"
	PassphraseWords *int // minimum words when the policy is a passphrase policy
	Blacklist       Tri

	LockoutThreshold *int           // failures before lockout; 0 = never
	LockoutDuration  *time.Duration // 0 = until an administrator unlocks
	Throttling       *Throttling
	Captcha          Tri
	MFA              Tri

	// Case 3: the secret only unlocks hardware the person holds.
	HardwareBound      Tri
	HardwareBlockAfter *int

	MaxAgeDays   *int // forced renewal; 0 = never
	HistoryCount *int

	Storage           *Storage
	ReversibleStorage Tri
	SentInClear       Tri            // passwords sent by e-mail or any clear channel
	ResetLinkLifetime *time.Duration // 0 = never expires

	EmptyAllowed   Tri    // an empty password is accepted (pam_unix nullok)
	EmptyAllowedAt string // where it is allowed, e.g. "pam.d/system-auth:7"

	// Notes are what the reader assumed or chose (documented defaults
	// taken for omitted settings, which PAM stack is judged): the findings
	// on their topic quote them, and PWD-CNIL-001 quotes them all.
	Notes []Note

	// Lines maps a field name to the line it was read from, for findings.
	Lines map[string]int
}

// Topic says which findings quote a note.
type Topic string

const (
	AboutAll       Topic = "" // e.g. which PAM stack is judged: every finding
	AboutStrength  Topic = "strength"
	AboutBlacklist Topic = "blacklist"
	AboutLockout   Topic = "lockout"
	AboutExpiry    Topic = "expiry"
	AboutHistory   Topic = "history" // no check judges it: PWD-CNIL-001 quotes it
	AboutStorage   Topic = "storage"
	AboutEmpty     Topic = "empty"
)

// Note is something the reader assumed or chose about a policy.
type Note struct {
	About Topic
	Text  check.Text
}

// Note records a note on a topic.
func (p *Policy) Note(about Topic, t check.Text) {
	p.Notes = append(p.Notes, Note{About: about, Text: t})
}

// Throttling is a delay imposed after failed attempts.
type Throttling struct {
	Grows         bool          // the delay increases with failures (exponential or doubling)
	AfterFailures int           // failures before the first delay
	FirstDelay    time.Duration // delay after those failures
	MaxPer24h     int           // cap on failures per 24 hours; 0 = none
}

// Storage is how passwords are stored.
type Storage struct {
	Algorithm  string // argon2id, scrypt, bcrypt, pbkdf2-sha256, sha512crypt, md5, plaintext…
	Cost       int    // bcrypt cost
	Iterations int    // PBKDF2 / sha-crypt rounds
	MemoryKiB  int    // Argon2 m
	Time       int    // Argon2 t
	Salted     Tri
}

// Evidence is a policy and where it came from.
type Evidence struct {
	Target string // file the policy was read from
	Policy Policy
}

// TargetName implements check.Subject.
func (e Evidence) TargetName() string {
	if e.Policy.Name != "" {
		return e.Target + "#" + e.Policy.Name
	}
	return e.Target
}

// SetClasses records exactly which character classes a policy forces
// (lower, upper, digit, special; "digits" and "specials" accepted): the
// others become known as not forced.
func (p *Policy) SetClasses(classes ...string) error {
	p.RequireLower, p.RequireUpper, p.RequireDigit, p.RequireSpecial = No, No, No, No
	for _, c := range classes {
		switch c {
		case "lower":
			p.RequireLower = Yes
		case "upper":
			p.RequireUpper = Yes
		case "digits", "digit":
			p.RequireDigit = Yes
		case "specials", "special":
			p.RequireSpecial = Yes
		default:
			return check.Errorf("unknown character class %q (want lower, upper, digit or special)",
				"classe de caractères inconnue %q (au choix : lower, upper, digit ou special)", c)
		}
	}
	return nil
}
