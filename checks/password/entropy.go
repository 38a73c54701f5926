package password

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// Class sizes the CNIL calculator assumes (reference §1.2).
var classSize = map[string]int{"lower": 26, "upper": 26, "digits": 10, "specials": 37}

var classLabel = map[string]check.Text{"lower": {EN: "lower", FR: "minuscules"}, "upper": {EN: "upper", FR: "majuscules"},
	"digits": {EN: "digits", FR: "chiffres"}, "specials": {EN: "specials", FR: "spéciaux"}}

// classOrder lists classes weakest first, to pick the weakest k of them.
var classOrder = []string{"digits", "lower", "upper", "specials"}

// Assessment is how a policy fares against the CNIL cases.
type Assessment struct {
	Classes  []string // the classes the policy forces (weakest combination for "k of 4")
	Alphabet int
	Length   int
	Bits     float64    // Length × log2(Alphabet)
	Rounded  int        // compared with the thresholds (reference §6.2)
	Case     int        // best case met: 1, 2, 3, or 0
	Example  check.Text // the CNIL example that met it, if any
	Reason   check.Text
	Missing  []check.Text // what would make the policy meet a case
}

// forcedClasses applies §6.2: explicit requirements, then for "k of 4" the
// weakest remaining classes.
func forcedClasses(p Policy) []string {
	req := map[string]bool{"lower": p.RequireLower == Yes, "upper": p.RequireUpper == Yes,
		"digits": p.RequireDigit == Yes, "specials": p.RequireSpecial == Yes}
	var out []string
	for _, c := range classOrder {
		if req[c] {
			out = append(out, c)
		}
	}
	if p.MinClasses != nil {
		for _, c := range classOrder {
			if len(out) >= *p.MinClasses {
				break
			}
			if !req[c] {
				out = append(out, c)
			}
		}
	}
	// A policy known to force no class still lets a password of one class
	// through: the weakest one counts, as for "1 of 4".
	if len(out) == 0 && p.RequireLower == No && p.RequireUpper == No && p.RequireDigit == No && p.RequireSpecial == No {
		out = append(out, classOrder[0])
	}
	sort.Slice(out, func(i, j int) bool { return indexOf(classOrder, out[i]) < indexOf(classOrder, out[j]) })
	return out
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return len(list)
}

// Entropy computes the CNIL arithmetic for a policy's minimum length.
func Entropy(p Policy) (classes []string, alphabet int, bits float64, ok bool) {
	classes = forcedClasses(p)
	if p.MinLength == nil || len(classes) == 0 {
		return classes, 0, 0, false
	}
	for _, c := range classes {
		alphabet += classSize[c]
	}
	// A negative minimum length means no minimum: it never makes negative bits.
	return classes, alphabet, float64(max(*p.MinLength, 0)) * math.Log2(float64(alphabet)), true
}

// maxRounded caps the rounded bits: far above every threshold, and below
// the point where converting a float to int wraps to a negative number.
const maxRounded = 1 << 30

// Arithmetic is the sentence a finding shows: "12 characters over 99 symbols (…) = 79.6 bits".
func (a Assessment) Arithmetic() check.Text {
	if a.Alphabet == 0 {
		return check.Text{EN: "entropy cannot be computed: the minimum length or the forced classes are not stated",
			FR: "entropie incalculable : la longueur minimale ou les classes imposées ne sont pas indiquées"}
	}
	var en, fr []string
	for _, c := range a.Classes {
		en = append(en, fmt.Sprintf("%s %d", classLabel[c].EN, classSize[c]))
		fr = append(fr, fmt.Sprintf("%s %d", classLabel[c].FR, classSize[c]))
	}
	return check.Textf("%s over an alphabet of %d symbols (%s) = %s bits, rounded to %d",
		"%s sur un alphabet de %d symboles (%s) = %s bits, arrondis à %d",
		check.Plural(a.Length, check.Text{EN: "%d character", FR: "%d caractère"}, check.Text{EN: "%d characters", FR: "%d caractères"}, a.Length),
		a.Alphabet, check.Text{EN: strings.Join(en, " + "), FR: strings.Join(fr, " + ")}, check.Num(a.Bits, 1), a.Rounded)
}

func has(p Policy, n int) bool { return p.MinLength != nil && *p.MinLength >= n }

func allFour(p Policy) bool {
	explicit := p.RequireLower == Yes && p.RequireUpper == Yes && p.RequireDigit == Yes && p.RequireSpecial == Yes
	return explicit || (p.MinClasses != nil && *p.MinClasses >= 4)
}

func threeOfFour(p Policy) bool {
	n := 0
	for _, t := range []Tri{p.RequireLower, p.RequireUpper, p.RequireDigit, p.RequireSpecial} {
		if t == Yes {
			n++
		}
	}
	return n >= 3 || (p.MinClasses != nil && *p.MinClasses >= 3)
}

// Restriction tells whether the policy has a case-2 access restriction
// (§6.3), and what it is.
func Restriction(p Policy) (ok bool, what check.Text, known bool) {
	if t := p.LockoutThreshold; t != nil && *t >= 1 && *t <= 10 {
		return true, check.Textf("lockout after %s", "verrouillage après %s", failures(*t)), true
	}
	if th := p.Throttling; th != nil && th.Grows && th.AfterFailures >= 1 && th.AfterFailures <= 5 &&
		th.FirstDelay.Minutes() >= 1 && th.MaxPer24h >= 1 && th.MaxPer24h <= 25 {
		return true, check.Text{EN: "a growing delay (≥ 1 min after ≤ 5 failures, ≤ 25 failures a day)",
			FR: "un délai croissant (≥ 1 min après ≤ 5 échecs, ≤ 25 échecs par jour)"}, true
	}
	if p.Captcha == Yes {
		return true, check.Text{EN: "a CAPTCHA against automated attempts", FR: "un CAPTCHA contre les essais automatisés"}, true
	}
	known = p.LockoutThreshold != nil || p.Throttling != nil || p.Captcha.Known()
	return false, check.Text{}, known
}

// Assess classifies a policy into the best CNIL case it meets (§6).
func Assess(p Policy) Assessment {
	var a Assessment
	a.Classes, a.Alphabet, a.Bits, _ = Entropy(p)
	if p.MinLength != nil {
		a.Length = *p.MinLength
	}
	a.Rounded = int(math.Round(min(a.Bits, maxRounded)))
	restricted, how, restrictionKnown := Restriction(p)

	// Case 1: the CNIL's examples first (§6.1), then 80 bits.
	switch {
	case has(p, 12) && allFour(p):
		a.Case, a.Example = 1, check.Text{EN: "≥ 12 characters with the four classes", FR: "≥ 12 caractères avec les quatre classes"}
	case has(p, 14) && p.RequireUpper == Yes && p.RequireLower == Yes && p.RequireDigit == Yes:
		a.Case, a.Example = 1, check.Text{EN: "≥ 14 characters with upper, lower and digits", FR: "≥ 14 caractères avec majuscules, minuscules et chiffres"}
	case p.PassphraseWords != nil && *p.PassphraseWords >= 7:
		a.Case, a.Example = 1, check.Text{EN: "a passphrase of ≥ 7 words", FR: "une phrase de passe d'au moins 7 mots"}
	case a.Rounded >= 80:
		a.Case = 1
	}
	if a.Case == 1 {
		a.Reason = check.Text{EN: "case 1 (password alone, 80 bits)", FR: "cas 1 (mot de passe seul, 80 bits)"}
		return a
	}
	// Case 2: 50 bits (or the 8-character, 3-of-4 example) plus a restriction.
	strongEnough := (has(p, 8) && threeOfFour(p)) || a.Rounded >= 50
	if strongEnough && restricted {
		a.Case = 2
		if has(p, 8) && threeOfFour(p) && a.Rounded < 50 {
			a.Example = check.Text{EN: "≥ 8 characters with 3 of the 4 classes", FR: "≥ 8 caractères avec 3 des 4 classes"}
		}
		a.Reason = check.Textf("case 2 (password with an access restriction: %s)", "cas 2 (mot de passe avec restriction d'accès : %s)", how)
		return a
	}
	// Case 3: a code that unlocks hardware held by the person.
	if p.HardwareBound == Yes && has(p, 4) && p.HardwareBlockAfter != nil && *p.HardwareBlockAfter >= 1 && *p.HardwareBlockAfter <= 3 {
		a.Case, a.Example = 3, check.Text{EN: "a ≥ 4-digit code on a device held by the person, blocked after 3 failures",
			FR: "un code d'au moins 4 chiffres sur un matériel détenu par la personne, bloqué après 3 échecs"}
		a.Reason = check.Text{EN: "case 3 (code unlocking hardware held by the person)", FR: "cas 3 (code déverrouillant un matériel détenu par la personne)"}
		return a
	}
	// No case: say what is missing.
	if strongEnough && !restricted {
		if restrictionKnown {
			a.Missing = append(a.Missing, check.Text{EN: "lockout after at most 10 failures (or a growing delay, or a CAPTCHA) would make this policy meet case 2",
				FR: "un verrouillage après 10 échecs au plus (ou un délai croissant, ou un CAPTCHA) ferait atteindre le cas 2"})
		} else {
			a.Missing = append(a.Missing, check.Text{EN: "the configuration does not say how failed attempts are limited: a lockout after at most 10 failures (or a growing delay, or a CAPTCHA) would make this policy meet case 2",
				FR: "la configuration n'indique pas comment les échecs sont limités : un verrouillage après 10 échecs au plus (ou un délai croissant, ou un CAPTCHA) ferait atteindre le cas 2"})
		}
	}
	if a.Alphabet > 0 && !strongEnough {
		per := math.Log2(float64(a.Alphabet))
		need2 := int(math.Ceil(49.5 / per))
		need1 := int(math.Ceil(79.5 / per))
		// The CNIL's own examples (§6.1) may ask less than the arithmetic.
		if threeOfFour(p) {
			need2 = min(need2, 8)
		}
		if allFour(p) {
			need1 = min(need1, 12)
		} else if p.RequireUpper == Yes && p.RequireLower == Yes && p.RequireDigit == Yes {
			need1 = min(need1, 14)
		}
		a.Missing = append(a.Missing, check.Textf("with these classes, a minimum length of %d (with a lockout) would meet case 2, and %d would meet case 1",
			"avec ces classes, une longueur minimale de %d (avec verrouillage) atteindrait le cas 2, et %d le cas 1", need2, need1))
	}
	if a.Alphabet == 0 {
		a.Missing = append(a.Missing, check.Text{EN: "state the minimum length and the required character classes",
			FR: "indiquez la longueur minimale et les classes de caractères exigées"})
	}
	return a
}

// Reaches tells which case a policy's composition is strong enough for,
// leaving the case-2 restriction aside: 1, 2 or 0.
func Reaches(p Policy) int {
	a := Assess(Policy{MinLength: p.MinLength, MinClasses: p.MinClasses, PassphraseWords: p.PassphraseWords,
		RequireLower: p.RequireLower, RequireUpper: p.RequireUpper, RequireDigit: p.RequireDigit, RequireSpecial: p.RequireSpecial,
		Captcha: Yes}) // a stand-in restriction, so case 2 is judged on strength alone
	return a.Case
}
