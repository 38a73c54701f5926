package password

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// ANSSI R-numbers come from third-party checklists of PG-078 (reference §2); the PDF itself was not read.
var (
	metaANSSILength = meta("PWD-ANSSI-021", check.Medium, map[string][]string{"anssi-pg078": {"R21"}},
		check.Text{EN: "Minimum length fits ANSSI's strength bands", FR: "La longueur minimale correspond aux paliers de l'ANSSI"},
		check.Text{EN: "R21: at least 12 characters for users (medium to strong, about 85 bits) and 15 for administrators (strong, MFA advised); 9–11 only suits low sensitivity (WARN). Band figures come from third-party summaries of the guide.",
			FR: "R21 : au moins 12 caractères pour les utilisateurs (moyen à fort, environ 85 bits) et 15 pour les administrateurs (fort, MFA conseillé) ; 9 à 11 ne convient qu'à une faible sensibilité (ALERTE). Les paliers viennent de résumés tiers du guide."},
		check.Text{EN: "Short passwords fall to offline cracking as soon as a hash leaks.", FR: "Les mots de passe courts tombent au cassage hors ligne dès qu'un hachage fuit."},
		check.Text{EN: "Require 12 characters for users and 15 for administrators.", FR: "Exigez 12 caractères pour les utilisateurs et 15 pour les administrateurs."},
		refANSSI)
	metaANSSIMaxLength = meta("PWD-ANSSI-022", check.Low, map[string][]string{"anssi-pg078": {"R22"}},
		check.Text{EN: "No short maximum length", FR: "Pas de longueur maximale courte"},
		check.Text{EN: "R22: do not cap length; vigie fails a maximum under 64 characters (the CNIL asks for a generous maximum).",
			FR: "R22 : ne pas plafonner la longueur ; vigie échoue sous 64 caractères (la CNIL demande un maximum généreux)."},
		check.Text{EN: "A low maximum forbids passphrases and the long random passwords managers generate.",
			FR: "Un maximum bas interdit les phrases de passe et les longs mots de passe aléatoires des gestionnaires."},
		check.Text{EN: "Allow at least 64 characters (bcrypt users: pre-hash carefully or move to Argon2id).",
			FR: "Autorisez au moins 64 caractères (avec bcrypt : pré-hachage prudent, ou passage à Argon2id)."},
		refANSSI, refCNILFAQ)
	metaANSSIExpiry = meta("PWD-ANSSI-024", check.Low, map[string][]string{"anssi-pg078": {"R24", "R25"}},
		check.Text{EN: "Expiry as ANSSI recommends", FR: "Expiration conforme à l'ANSSI"},
		check.Text{EN: "R24: no expiry by default for users; R25: expiry between 1 and 3 years for privileged accounts.",
			FR: "R24 : pas d'expiration par défaut pour les utilisateurs ; R25 : expiration entre 1 et 3 ans pour les comptes à privilèges."},
		check.Text{EN: "Frequent expiry weakens passwords; none at all on admin accounts keeps leaked ones alive.",
			FR: "Une expiration fréquente affaiblit les mots de passe ; aucune sur les comptes d'administration garde en vie ceux qui ont fui."},
		check.Text{EN: "No expiry for users; 1 to 3 years for administrators.", FR: "Pas d'expiration pour les utilisateurs ; 1 à 3 ans pour les administrateurs."},
		refANSSI)
	metaANSSIBlacklist = meta("PWD-ANSSI-027", check.Medium, map[string][]string{"anssi-pg078": {"R27"}, "cnil-2022-100": {"liste noire"}},
		check.Text{EN: "New passwords are checked against a blacklist", FR: "Les nouveaux mots de passe sont comparés à une liste noire"},
		check.Text{EN: "R27 (and the CNIL): reject common and known-compromised passwords at creation.",
			FR: "R27 (et la CNIL) : refuser à la création les mots de passe courants et déjà compromis."},
		check.Text{EN: "\"Azerty123!\" meets every composition rule and is among the first guesses.",
			FR: "« Azerty123! » respecte toutes les règles de composition et fait partie des premiers essais."},
		check.Text{EN: "Enable the dictionary or breached-password check of your identity system.",
			FR: "Activez le contrôle par dictionnaire ou de mots de passe compromis de votre système d'identité."},
		refANSSI, refCNIL)
	metaANSSIAttempts = meta("PWD-ANSSI-010", check.High, map[string][]string{"anssi-pg078": {"R10"}},
		check.Text{EN: "Failed attempts are limited", FR: "Les tentatives échouées sont limitées"},
		check.Text{EN: "R10: limit authentication attempts by lockout, delay or CAPTCHA (the guide gives no number).",
			FR: "R10 : limiter les tentatives par verrouillage, délai ou CAPTCHA (le guide ne donne pas de chiffre)."},
		check.Text{EN: "Unlimited attempts let attackers try passwords online for as long as they like.",
			FR: "Des essais illimités laissent un attaquant tester des mots de passe en ligne autant qu'il veut."},
		check.Text{EN: "Lock or slow down after at most 10 failures.", FR: "Verrouillez ou ralentissez après 10 échecs au plus."},
		refANSSI)
	metaANSSIStorage = meta("PWD-ANSSI-029", check.High, map[string][]string{"anssi-pg078": {"R28", "R29"}},
		check.Text{EN: "Storage uses a memory-hard function with OWASP parameters", FR: "Le stockage utilise une fonction à mémoire dure aux paramètres OWASP"},
		check.Text{EN: "R29: scrypt or Argon2 (PASS when parameters meet OWASP); R29-: PBKDF2 with enough iterations, and legacy bcrypt cost ≥ 10, give a WARN; fast or reversible storage fails.",
			FR: "R29 : scrypt ou Argon2 (OK si les paramètres atteignent OWASP) ; R29- : PBKDF2 avec assez d'itérations, et bcrypt hérité coût ≥ 10, donnent une ALERTE ; un stockage rapide ou réversible échoue."},
		check.Text{EN: "Functions that are not memory-hard are cracked at scale on GPUs.", FR: "Les fonctions sans mémoire dure se cassent en masse sur GPU."},
		check.Text{EN: "Use Argon2id with m ≥ 19 MiB and t ≥ 2 (or an equivalent OWASP row), or scrypt N ≥ 2^17.",
			FR: "Utilisez Argon2id avec m ≥ 19 Mio et t ≥ 2 (ou une ligne OWASP équivalente), ou scrypt N ≥ 2^17."},
		refANSSI, refOWASP)
	metaANSSIMFA = meta("PWD-ANSSI-001", check.Medium, map[string][]string{"anssi-pg078": {"R1", "R2"}},
		check.Text{EN: "Multi-factor authentication, at least for administrators", FR: "Authentification multifacteur, au moins pour les administrateurs"},
		check.Text{EN: "R1/R2: prefer MFA; vigie fails administrator policies without it and warns on user policies.",
			FR: "R1/R2 : préférer le multifacteur ; vigie échoue les politiques d'administrateurs qui n'en ont pas et alerte sur celles des utilisateurs."},
		check.Text{EN: "One phished administrator password opens the whole lead database.", FR: "Un seul mot de passe d'administrateur hameçonné ouvre toute la base de prospects."},
		check.Text{EN: "Require a second factor (TOTP, FIDO2) for administrators first, then for users.",
			FR: "Exigez un second facteur (TOTP, FIDO2) d'abord pour les administrateurs, puis pour les utilisateurs."},
		refANSSI)
)

func evalANSSILength(e Evidence) check.Outcome {
	p := e.Policy
	if p.MinLength == nil {
		return unknownOutcome(check.Text{EN: "the minimum length", FR: "la longueur minimale"})
	}
	n, want := *p.MinLength, 12
	if p.Admin {
		want = 15
	}
	ev := map[string]any{"min_length": n, "expected": want}
	switch {
	case n >= want:
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("minimum length %d (≥ %d)", "longueur minimale %d (≥ %d)", n, want)}
	case n >= 9 && !p.Admin:
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf("minimum length %d: low-to-medium sensitivity only (ANSSI asks 12)", "longueur minimale %d : sensibilité faible à moyenne seulement (l'ANSSI demande 12)", n)}
	}
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("minimum length %d, below %d", "longueur minimale %d, sous %d", n, want)}
}

func evalANSSIMaxLength(e Evidence) check.Outcome {
	m := e.Policy.MaxLength
	switch {
	case m == nil:
		return unknownOutcome(check.Text{EN: "whether length is capped", FR: "si la longueur est plafonnée"})
	case *m > 0 && *m < 64:
		return check.Outcome{Status: check.Fail, Message: check.Textf("passwords are capped at %d characters", "les mots de passe sont plafonnés à %d caractères", *m)}
	}
	return check.Outcome{Status: check.Pass, Message: check.Text{EN: "no short maximum length", FR: "pas de longueur maximale courte"}}
}

func evalANSSIExpiry(e Evidence) check.Outcome {
	p := e.Policy
	if p.MaxAgeDays == nil {
		return unknownOutcome(check.Text{EN: "whether passwords expire", FR: "si les mots de passe expirent"})
	}
	d := *p.MaxAgeDays
	switch {
	case !p.Admin && d > 0:
		return check.Outcome{Status: check.Warn, Message: check.Textf("users' passwords expire every %s (R24: none by default)", "les mots de passe des utilisateurs expirent tous les %s (R24 : aucune par défaut)", check.Days(d))}
	case p.Admin && (d == 0 || d > 3*365):
		return check.Outcome{Status: check.Warn, Message: check.Text{EN: "administrator passwords do not expire within 3 years (R25: 1 to 3 years)",
			FR: "les mots de passe d'administrateur n'expirent pas sous 3 ans (R25 : 1 à 3 ans)"}}
	case p.Admin && d < 365:
		return check.Outcome{Status: check.Warn, Message: check.Textf("administrator passwords expire every %s, more often than R25's 1 to 3 years", "les mots de passe d'administrateur expirent tous les %s, plus souvent que les 1 à 3 ans de R25", check.Days(d))}
	}
	return check.Outcome{Status: check.Pass, Message: check.Text{EN: "expiry matches R24/R25", FR: "l'expiration correspond à R24/R25"}}
}

func evalANSSIBlacklist(e Evidence) check.Outcome {
	switch e.Policy.Blacklist {
	case Yes:
		return check.Outcome{Status: check.Pass, Message: check.Text{EN: "new passwords are checked against a blacklist", FR: "les nouveaux mots de passe sont comparés à une liste noire"}}
	case No:
		return check.Outcome{Status: check.Fail, Message: check.Text{EN: "no blacklist of common passwords", FR: "aucune liste noire de mots de passe courants"}}
	}
	return unknownOutcome(check.Text{EN: "whether a blacklist is used", FR: "si une liste noire est utilisée"})
}

func evalANSSIAttempts(e Evidence) check.Outcome {
	p := e.Policy
	if ok, how, _ := Restriction(p); ok {
		return check.Outcome{Status: check.Pass, Message: check.Textf("attempts are limited: %s", "les tentatives sont limitées : %s", how)}
	}
	if t := p.LockoutThreshold; t != nil && *t > 10 {
		return check.Outcome{Status: check.Warn, Message: check.Textf("lockout only after %d failures", "verrouillage seulement après %d échecs", *t)}
	}
	if t := p.LockoutThreshold; t != nil && *t == 0 && p.Throttling == nil && p.Captcha != Yes {
		return check.Outcome{Status: check.Fail, Message: check.Text{EN: "failed attempts are never limited", FR: "les échecs ne sont jamais limités"}}
	}
	if p.Throttling != nil {
		return check.Outcome{Status: check.Warn, Message: check.Text{EN: "a delay exists but does not grow enough to limit guessing",
			FR: "un délai existe mais ne croît pas assez pour limiter les essais"}}
	}
	return unknownOutcome(check.Text{EN: "how failed attempts are limited", FR: "comment les échecs sont limités"})
}

func evalANSSIStorage(e Evidence) check.Outcome {
	p := e.Policy
	if p.ReversibleStorage == Yes {
		return check.Outcome{Status: check.Fail, Message: check.Text{EN: "reversible storage", FR: "stockage réversible"}}
	}
	if p.Storage == nil || p.Storage.Algorithm == "" {
		return unknownOutcome(check.Text{EN: "the storage algorithm", FR: "l'algorithme de conservation"})
	}
	s := p.Storage
	alg := StorageName(s.Algorithm)
	ev := map[string]any{"algorithm": alg}
	if o, weak := notSlow(alg, ev); weak {
		return o
	}
	if s.Salted == No {
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("storage with %s is not salted", "la conservation par %s n'est pas salée", alg)}
	}
	switch {
	case strings.HasPrefix(alg, "argon2"):
		ev["memory_kib"], ev["time"] = s.MemoryKiB, s.Time
		if argon2Meets(s.MemoryKiB, s.Time) {
			return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("%s with m=%d KiB, t=%d meets OWASP", "%s avec m=%d Kio, t=%d atteint OWASP", alg, s.MemoryKiB, s.Time)}
		}
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf("%s with m=%d KiB, t=%d is below every OWASP row (e.g. m=19456, t=2)", "%s avec m=%d Kio, t=%d est sous toutes les lignes OWASP (par ex. m=19456, t=2)", alg, s.MemoryKiB, s.Time)}
	case alg == "scrypt" || alg == "yescrypt":
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("%s is memory-hard (R29)", "%s est à mémoire dure (R29)", alg)}
	case strings.HasPrefix(alg, "pbkdf2"):
		// A bare "pbkdf2" does not name its hash: SHA-1's figure, the highest, applies.
		min := map[string]int{"pbkdf2-sha256": 600000, "pbkdf2-sha512": 210000, "pbkdf2-sha1": 1300000, "pbkdf2": 1300000}[alg]
		ev["iterations"] = s.Iterations
		if s.Iterations >= min {
			return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf("%s with %d iterations: acceptable (R29-) but not memory-hard", "%s avec %d itérations : acceptable (R29-) mais sans mémoire dure", alg, s.Iterations)}
		}
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("%s with %d iterations, below OWASP (%d)", "%s avec %d itérations, sous OWASP (%d)", alg, s.Iterations, min)}
	case alg == "bcrypt":
		ev["cost"] = s.Cost
		if s.Cost >= 10 {
			return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf("bcrypt cost %d: acceptable legacy, not memory-hard", "bcrypt coût %d : héritage acceptable, sans mémoire dure", s.Cost)}
		}
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("bcrypt cost %d, below 10", "bcrypt coût %d, sous 10", s.Cost)}
	}
	ev["rounds"] = s.Iterations
	return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf("%s is slow but not memory-hard", "%s est lent mais sans mémoire dure", alg)} // sha-crypt
}

// argon2Meets compares (m, t) with OWASP's equivalence rows (reference §3).
func argon2Meets(m, t int) bool {
	rows := []struct{ m, t int }{{47104, 1}, {19456, 2}, {12288, 3}, {9216, 4}, {7168, 5}}
	for _, r := range rows {
		if m >= r.m && t >= r.t {
			return true
		}
	}
	return false
}

func evalANSSIMFA(e Evidence) check.Outcome {
	p := e.Policy
	switch {
	case p.MFA == Yes:
		return check.Outcome{Status: check.Pass, Message: check.Text{EN: "multi-factor authentication is required", FR: "le multifacteur est exigé"}}
	case p.MFA == No && p.Admin:
		return check.Outcome{Status: check.Fail, Message: check.Text{EN: "administrators sign in without a second factor", FR: "les administrateurs se connectent sans second facteur"}}
	case p.MFA == No:
		return check.Outcome{Status: check.Warn, Message: check.Text{EN: "users sign in without a second factor", FR: "les utilisateurs se connectent sans second facteur"}}
	}
	return unknownOutcome(check.Text{EN: "whether a second factor is required", FR: "si un second facteur est exigé"})
}
