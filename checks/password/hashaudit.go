package password

import (
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// Grades a stored value can get.
const (
	GradeOK      = "ok"      // slow, salted, parameters at OWASP's minimum or above
	GradeBelow   = "below"   // slow function, parameters under the minimum
	GradeFast    = "fast"    // fast or unsalted hash: cracked at scale
	GradePlain   = "plain"   // looks like a password kept as is
	GradeUnknown = "unknown" // not a format vigie recognises
	GradeEmpty   = "empty"
)

// scryptRows are OWASP's (log2 N, p) minimums with r = 8.
var scryptRows = [][2]int{{17, 1}, {16, 2}, {15, 3}, {14, 5}, {13, 10}}

// GradeHash judges one recognised value against OWASP (reference §3).
func GradeHash(h Hash) string {
	switch a := h.Algorithm; {
	case a == "empty":
		return GradeEmpty
	case a == "plaintext":
		return GradePlain
	case a == "unknown":
		return GradeUnknown
	case strings.HasPrefix(a, "argon2"):
		if argon2Meets(h.MemoryKiB, h.Time) {
			return GradeOK
		}
		return GradeBelow
	case a == "scrypt":
		for _, r := range scryptRows {
			if h.Cost >= r[0] && max(h.Parallel, 1) >= r[1] {
				return GradeOK
			}
		}
		return GradeBelow
	case a == "yescrypt":
		return GradeOK
	case a == "bcrypt":
		if h.Cost >= 10 {
			return GradeOK
		}
		return GradeBelow
	case strings.HasPrefix(a, "pbkdf2"):
		min := map[string]int{"pbkdf2-sha256": 600000, "pbkdf2-sha512": 210000, "pbkdf2-sha1": 1300000}[a]
		if min > 0 && h.Rounds >= min {
			return GradeOK
		}
		return GradeBelow
	case a == "sha512crypt", a == "sha256crypt":
		if h.Rounds >= 5000 {
			return GradeOK
		}
		return GradeBelow
	}
	return GradeFast // md5crypt, phpass, Drupal 7, des, ntlm, raw and salted MD5/SHA digests
}

// maxBuckets bounds the distinct parameter sets kept, so memory stays flat.
const maxBuckets = 200

// HashAudit is the distribution of a column of stored passwords: counts only.
type HashAudit struct {
	Total   int
	Grades  map[string]int // grade → count
	Buckets map[string]int // "bcrypt cost=10" → count
	Other   int            // values beyond maxBuckets distinct parameter sets
	Lines   int            // lines read

	// ASP.NET Identity V2 values wait for the column (Settled): blobs
	// counts its base64 values, identity those in an Identity layout.
	pendingV2, identity, blobs int
}

// Add counts one value. It keeps no part of it.
func (a *HashAudit) Add(h Hash) {
	switch h.shape {
	case shapeIdentityV2:
		a.pendingV2++
		a.identity++
		a.blobs++
		return
	case shapeIdentityV3:
		a.identity++
		a.blobs++
	case shapeBlob:
		a.blobs++
	}
	a.count(h, 1)
}

// count adds n values recognised as h.
func (a *HashAudit) count(h Hash, n int) {
	if a.Grades == nil {
		a.Grades, a.Buckets = map[string]int{}, map[string]int{}
	}
	g := GradeHash(h)
	a.Grades[g] += n
	if g == GradeEmpty {
		return
	}
	a.Total += n
	key := h.Algorithm
	if h.Params != "" {
		key += " " + h.Params
	}
	if _, ok := a.Buckets[key]; ok || len(a.Buckets) < maxBuckets {
		a.Buckets[key] += n
	} else {
		a.Other += n
	}
}

// HashEvidence is the audit of one file or column.
type HashEvidence struct {
	Target string // file, with the column when one was chosen
	Audit  HashAudit
}

// TargetName implements check.Subject.
func (e HashEvidence) TargetName() string { return e.Target }

// distribution lists buckets, most frequent first, for evidence: each
// reader's numbers, and vigie's own words (not the algorithms' names) in
// each language.
func (a HashAudit) distribution() []check.Text {
	type kv struct {
		k string
		n int
	}
	var all []kv
	for k, n := range a.Buckets {
		all = append(all, kv{k, n})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || all[i].n == all[j].n && all[i].k < all[j].k })
	var out []check.Text
	for i, e := range all {
		if i == 20 {
			out = append(out, check.Textf("… %d more parameter sets", "… %d autres jeux de paramètres", len(all)-20))
			break
		}
		name := check.Text{EN: e.k, FR: e.k}
		if w, ok := bucketWords[e.k]; ok {
			name = w
		}
		out = append(out, check.Textf("%s: %d (%s)", "%s : %d (%s)", name, e.n, pct(e.n, a.Total)))
	}
	return out
}

// bucketWords are the buckets vigie names itself, not by a format's name.
var bucketWords = map[string]check.Text{
	"plaintext": {EN: "plain text", FR: "texte en clair"},
	"unknown":   {EN: "unknown format", FR: "format inconnu"},
}

// pct is n of total as a share, written as each reader writes it (33.3%, 33,3 %).
func pct(n, total int) check.Text {
	v := 0.0
	if total > 0 {
		v = 100 * float64(n) / float64(total)
	}
	return check.Textf("%s%%", "%s %%", check.Num(v, 1))
}

func hashMeta(id string, sev check.Severity, cap check.Grade, title, desc, risk, fix check.Text) check.Meta {
	m := meta(id, sev, map[string][]string{"cnil-2022-100": {"conservation"}, "anssi-pg078": {"R28", "R29"}, "rgpd-art32": {"32(1)(a)"}},
		title, desc, risk, fix, refCNIL, refANSSI, refOWASP)
	m.CapOnFail = cap
	return m
}

var (
	metaHashPlain = hashMeta("PWD-HASH-001", check.Critical, "F",
		check.Text{EN: "No password is stored in plain text", FR: "Aucun mot de passe n'est conservé en clair"},
		check.Text{EN: "No stored value looks like a password kept as is (short values, spaces or symbols no hash format produces). Values are counted, never shown.",
			FR: "Aucune valeur conservée ne ressemble à un mot de passe tel quel (valeurs courtes, espaces ou symboles qu'aucun format de hachage ne produit). Les valeurs sont comptées, jamais affichées."},
		check.Text{EN: "Plain-text passwords are read by anyone with database access, or in any backup that leaks.",
			FR: "Les mots de passe en clair sont lus par quiconque accède à la base, ou dans toute sauvegarde qui fuit."},
		check.Text{EN: "Hash every stored password with Argon2id at once and force a reset for the accounts concerned.",
			FR: "Hachez immédiatement chaque mot de passe avec Argon2id et forcez la réinitialisation des comptes concernés."})
	metaHashFast = hashMeta("PWD-HASH-002", check.Critical, "E",
		check.Text{EN: "No fast or unsalted password hash", FR: "Aucun hachage de mot de passe rapide ou non salé"},
		check.Text{EN: "No stored value uses MD5, SHA-1/2 digests (salted or not), NT hashes, DES, md5crypt, phpass ($P$/$H$, WordPress before 6.8 and phpBB: salted MD5 repeated 2^n times, an MD5 construction and no password-hashing function) or Drupal 7's $S$ (the same on SHA-512): the CNIL (2022-100) asks for non-reversible, salted, slow functions, ANSSI (R29) for memory-hard ones.",
			FR: "Aucune valeur n'utilise MD5, des empreintes SHA-1/2 (salées ou non), des hachages NT, DES, md5crypt, phpass ($P$/$H$, WordPress avant 6.8 et phpBB : MD5 salé répété 2^n fois, une construction MD5 et non une fonction de hachage de mots de passe) ou le $S$ de Drupal 7 (la même sur SHA-512) : la CNIL (2022-100) exige des fonctions irréversibles, salées et lentes, l'ANSSI (R29) des fonctions à mémoire dure."},
		check.Text{EN: "Fast hashes fall to GPU cracking by the billion per second; the CNIL fined a company for MD4-hashed passwords (Canal+, 2023).",
			FR: "Les hachages rapides tombent au cassage GPU par milliards à la seconde ; la CNIL a sanctionné une entreprise pour des mots de passe hachés en MD4 (Canal+, 2023)."},
		check.Text{EN: "Rehash at next login with Argon2id (or wrap the old hash: argon2id(md5(p))), then drop the old column. phpass ($P$, $H$: WordPress before 6.8, phpBB) is not acceptable under CNIL 2022-100 or ANSSI's guide either: WordPress 6.8 and later rehash phpass values to bcrypt at each user's next login, so update, and have the accounts that no longer log in reset their password.",
			FR: "Re-hachez à la prochaine connexion avec Argon2id (ou encapsulez l'ancien : argon2id(md5(p))), puis supprimez l'ancienne colonne. phpass ($P$, $H$ : WordPress avant 6.8, phpBB) n'est pas acceptable non plus selon la délibération CNIL 2022-100 ni le guide de l'ANSSI : WordPress 6.8 et suivants re-hachent les valeurs phpass en bcrypt à la prochaine connexion de chacun, donc mettez à jour, et faites réinitialiser le mot de passe des comptes qui ne se connectent plus."})
	metaHashParams = hashMeta("PWD-HASH-003", check.High, "",
		check.Text{EN: "Slow hashes use OWASP's minimum parameters", FR: "Les hachages lents ont les paramètres minimaux de l'OWASP"},
		check.Text{EN: "Argon2 (m, t) at an OWASP row, scrypt N/p at a row with r=8, bcrypt cost ≥ 10, PBKDF2-SHA256 ≥ 600,000 / SHA512 ≥ 210,000 / SHA1 ≥ 1,300,000 iterations (ASP.NET Identity's too: V2 is PBKDF2-SHA1 at 1,000, V3 states its own), sha-crypt ≥ 5,000 rounds.",
			FR: "Argon2 (m, t) sur une ligne OWASP, scrypt N/p sur une ligne avec r=8, bcrypt coût ≥ 10, PBKDF2-SHA256 ≥ 600 000 / SHA512 ≥ 210 000 / SHA1 ≥ 1 300 000 itérations (celui d'ASP.NET Identity aussi : la V2 est PBKDF2-SHA1 à 1 000, la V3 indique les siennes), sha-crypt ≥ 5 000 tours."},
		check.Text{EN: "A slow function with a low cost is only a little slower than a fast one.", FR: "Une fonction lente avec un coût faible n'est qu'un peu plus lente qu'une rapide."},
		check.Text{EN: "Raise the cost and rehash at next login (ASP.NET Identity: raise PasswordHasherOptions.IterationCount; V2 values and lower counts are rehashed at the next sign-in).",
			FR: "Augmentez le coût et re-hachez à la prochaine connexion (ASP.NET Identity : augmentez PasswordHasherOptions.IterationCount ; les valeurs V2 et les nombres inférieurs sont re-hachés à la connexion suivante)."})
)

func auditEvidence(a HashAudit) map[string]any {
	return map[string]any{"values": a.Total, "distribution": a.distribution(), "grades": a.Grades, "other_parameter_sets": a.Other}
}

func auditApplies(e HashEvidence) (check.Outcome, bool) {
	a := e.Audit
	if a.Total == 0 {
		return check.Outcome{Status: check.Error, Message: check.Text{EN: "no stored value to audit (empty column or file)",
			FR: "aucune valeur à auditer (colonne ou fichier vide)"}}, false
	}
	if a.Grades[GradeUnknown] == a.Total {
		return check.Outcome{Status: check.Error, Evidence: auditEvidence(a), Message: check.Textf(
			"none of the %d values is a recognisable password hash: is this the right column?",
			"aucune des %d valeurs n'est un hachage reconnaissable : est-ce la bonne colonne ?", a.Total)}, false
	}
	return check.Outcome{}, true
}

// judgeGrade: found says one value of many, many, and the only value
// ([0], [1], [2]), so counts of one read "1 of 5 stored values looks
// like", "the stored value looks like"; clean says one value and many.
func judgeGrade(e HashEvidence, grade string, fail check.Status, found [3]check.Text, clean [2]check.Text) check.Outcome {
	e.Audit = e.Audit.Settled()
	if o, ok := auditApplies(e); !ok {
		return o
	}
	a := e.Audit
	n := a.Grades[grade]
	ev := auditEvidence(a)
	if n > 0 && a.Total == 1 {
		return check.Outcome{Status: fail, Evidence: ev, Message: found[2]}
	}
	if n > 0 {
		return check.Outcome{Status: fail, Evidence: ev, Message: check.Plural(n, found[0], found[1], n, a.Total, pct(n, a.Total))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Plural(a.Total, clean[0], clean[1], a.Total)}
}

func evalHashPlain(e HashEvidence) check.Outcome {
	return judgeGrade(e, GradePlain, check.Fail, [3]check.Text{
		{EN: "%d of %d stored values (%s) looks like a plain-text password", FR: "%d des %d valeurs conservées (%s) ressemble à un mot de passe en clair"},
		{EN: "%d of %d stored values (%s) look like plain-text passwords", FR: "%d des %d valeurs conservées (%s) ressemblent à des mots de passe en clair"},
		{EN: "the only stored value looks like a plain-text password", FR: "la seule valeur conservée ressemble à un mot de passe en clair"}}, [2]check.Text{
		{EN: "%d stored value, which does not look like plain text", FR: "%d valeur conservée, qui ne ressemble pas à du clair"},
		{EN: "none of the %d stored values looks like plain text", FR: "aucune des %d valeurs conservées ne ressemble à du clair"}})
}

func evalHashFast(e HashEvidence) check.Outcome {
	return judgeGrade(e, GradeFast, check.Fail, [3]check.Text{
		{EN: "%d of %d stored values (%s) uses a fast or unsalted hash", FR: "%d des %d valeurs conservées (%s) utilise un hachage rapide ou non salé"},
		{EN: "%d of %d stored values (%s) use a fast or unsalted hash", FR: "%d des %d valeurs conservées (%s) utilisent un hachage rapide ou non salé"},
		{EN: "the only stored value uses a fast or unsalted hash", FR: "la seule valeur conservée utilise un hachage rapide ou non salé"}}, [2]check.Text{
		{EN: "%d stored value, which uses no fast or unsalted hash", FR: "%d valeur conservée, qui n'utilise pas de hachage rapide ou non salé"},
		{EN: "none of the %d stored values uses a fast or unsalted hash", FR: "aucune des %d valeurs n'utilise de hachage rapide ou non salé"}})
}

func evalHashParams(e HashEvidence) check.Outcome {
	return judgeGrade(e, GradeBelow, check.Fail, [3]check.Text{
		{EN: "%d of %d stored values (%s) uses a slow function below OWASP's minimum", FR: "%d des %d valeurs (%s) utilise une fonction lente sous le minimum de l'OWASP"},
		{EN: "%d of %d stored values (%s) use a slow function below OWASP's minimum", FR: "%d des %d valeurs (%s) utilisent une fonction lente sous le minimum de l'OWASP"},
		{EN: "the only stored value uses a slow function below OWASP's minimum", FR: "la seule valeur conservée utilise une fonction lente sous le minimum de l'OWASP"}}, [2]check.Text{
		{EN: "%d stored value, which is no slow hash below OWASP's minimum", FR: "%d valeur conservée, qui n'est pas un hachage lent sous le minimum de l'OWASP"},
		{EN: "every slow hash among the %d values meets OWASP's minimum", FR: "chaque hachage lent parmi les %d valeurs atteint le minimum de l'OWASP"}})
}

// HashChecks returns the stored-hash audit's checks.
func HashChecks() check.Catalogue {
	return check.Catalogue{
		check.Typed[HashEvidence]{M: metaHashPlain, Fn: evalHashPlain},
		check.Typed[HashEvidence]{M: metaHashFast, Fn: evalHashFast},
		check.Typed[HashEvidence]{M: metaHashParams, Fn: evalHashParams},
	}
}
