package password

import (
	"math"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

var (
	metaCNILCase = meta("PWD-CNIL-001", check.High, map[string][]string{"cnil-2022-100": {"cas 1", "cas 2", "cas 3"}, "rgpd-art32": {"32(1)"}},
		check.Text{EN: "Policy meets a CNIL 2022-100 authentication case", FR: "La politique atteint un cas d'authentification de la CNIL (2022-100)"},
		check.Text{EN: "Case 1: 80 bits alone; case 2: 50 bits plus an access restriction (lockout ≤ 10 failures, a growing delay, or a CAPTCHA); case 3: a code unlocking hardware held by the person. The CNIL's own examples count first; otherwise entropy = length × log2(alphabet of forced classes: 26/26/10/37), rounded. The delay thresholds (≥ 1 min after 5 failures, ≤ 25 a day) come from the ANS EXI 25 wording and are unconfirmed in the CNIL text. A PAM stack that accepts empty passwords (nullok) meets no case.",
			FR: "Cas 1 : 80 bits seuls ; cas 2 : 50 bits et une restriction d'accès (verrouillage ≤ 10 échecs, délai croissant ou CAPTCHA) ; cas 3 : code déverrouillant un matériel détenu par la personne. Les exemples de la CNIL comptent d'abord ; sinon entropie = longueur × log2(alphabet des classes imposées : 26/26/10/37), arrondie. Les seuils de délai (≥ 1 min après 5 échecs, ≤ 25 par jour) viennent du référentiel ANS EXI 25 et ne sont pas confirmés dans le texte de la CNIL. Une pile PAM qui accepte les mots de passe vides (nullok) n'atteint aucun cas."},
		check.Text{EN: "Passwords below the CNIL's floor are guessed by credential stuffing and brute force; the CNIL sanctions weak password rules.",
			FR: "Des mots de passe sous le plancher de la CNIL sont devinés par bourrage d'identifiants et force brute ; la CNIL sanctionne les règles faibles."},
		check.Text{EN: "Either require 12 characters with the four classes (or 14 with upper, lower and digits), or require 8 characters with 3 of the 4 classes and lock the account after at most 10 failures.",
			FR: "Exigez 12 caractères avec les quatre classes (ou 14 avec majuscules, minuscules et chiffres), ou 8 caractères avec 3 des 4 classes et un verrouillage après 10 échecs au plus."},
		refCNIL, refCNILFAQ)
	metaCNILStorage = meta("PWD-CNIL-002", check.Critical, map[string][]string{"cnil-2022-100": {"conservation"}, "rgpd-art32": {"32(1)(a)"}},
		check.Text{EN: "Passwords are stored non-reversibly, salted and slow", FR: "Les mots de passe sont conservés de façon irréversible, salés et lents"},
		check.Text{EN: "Storage uses a salted, slow key-derivation function (the CNIL names scrypt and Argon2); reversible encryption, plain text and fast unsalted hashes fail. Whether the CNIL names PBKDF2 or bcrypt is unconfirmed: vigie accepts them as slow functions. A name vigie does not know is never taken for a slow one.",
			FR: "Le stockage utilise une fonction de dérivation salée et lente (la CNIL cite scrypt et Argon2) ; le chiffrement réversible, le clair et les hachages rapides non salés échouent. Que la CNIL cite PBKDF2 ou bcrypt n'est pas confirmé : vigie les accepte comme fonctions lentes. Un nom que vigie ne connaît pas n'est jamais pris pour une fonction lente."},
		check.Text{EN: "A leaked table of reversible or fast hashes gives every password away within hours, and the passwords people reuse elsewhere with them.",
			FR: "Une table de hachages réversibles ou rapides qui fuit livre tous les mots de passe en quelques heures, et ceux que les personnes réutilisent ailleurs."},
		check.Text{EN: "Store passwords with Argon2id (m=19 MiB, t=2) or scrypt; rehash weak hashes at next login.",
			FR: "Conservez les mots de passe avec Argon2id (m=19 Mio, t=2) ou scrypt ; re-hachez les anciens à la prochaine connexion."},
		refCNIL, refOWASP)
	metaCNILRenewal = meta("PWD-CNIL-003", check.Low, map[string][]string{"cnil-2022-100": {"renouvellement"}},
		check.Text{EN: "Renewal: none forced on users, periodic for administrators", FR: "Renouvellement : pas imposé aux utilisateurs, périodique pour les administrateurs"},
		check.Text{EN: "The CNIL no longer recommends forced periodic renewal for ordinary accounts, and still recommends it for privileged ones, at a period the controller chooses (no number is given).",
			FR: "La CNIL ne recommande plus le renouvellement périodique forcé des comptes ordinaires, et le recommande encore pour les comptes à privilèges, à une période choisie par le responsable (aucun chiffre n'est donné)."},
		check.Text{EN: "Forced renewal makes users pick predictable variants; unrenewed admin passwords stay valid for ever after a leak.",
			FR: "Le renouvellement forcé pousse à des variantes prévisibles ; un mot de passe d'administrateur jamais renouvelé reste valable indéfiniment après une fuite."},
		check.Text{EN: "Remove the expiry for users (change only on suspicion of compromise); set one for administrators.",
			FR: "Supprimez l'expiration pour les utilisateurs (changement seulement en cas de doute) ; fixez-en une pour les administrateurs."},
		refCNIL, refCNILFAQ)
	metaCNILClear = meta("PWD-CNIL-004", check.High, map[string][]string{"cnil-2022-100": {"transmission"}, "rgpd-art32": {"32(1)(a)"}},
		check.Text{EN: "Passwords are never sent in clear", FR: "Les mots de passe ne sont jamais envoyés en clair"},
		check.Text{EN: "Passwords are not sent by e-mail or any other clear channel; the CNIL sanctions this for non-temporary passwords.",
			FR: "Les mots de passe ne sont pas envoyés par e-mail ni par un autre canal en clair ; la CNIL le sanctionne pour les mots de passe non temporaires."},
		check.Text{EN: "A password in a mailbox is readable by anyone who gets into it, for as long as it is kept.",
			FR: "Un mot de passe dans une boîte aux lettres est lisible par quiconque y accède, tant qu'il y est conservé."},
		check.Text{EN: "Send a single-use set-password link instead of a password.", FR: "Envoyez un lien à usage unique de choix du mot de passe au lieu d'un mot de passe."},
		refCNIL)
	metaCNILReset = meta("PWD-CNIL-005", check.Medium, map[string][]string{"cnil-2022-100": {"réinitialisation"}},
		check.Text{EN: "Reset links expire", FR: "Les liens de réinitialisation expirent"},
		check.Text{EN: "Password-reset links or tokens have a limited life. No CNIL duration was found (unconfirmed): vigie warns beyond 24 hours, NIST's figure for e-mailed links.",
			FR: "Les liens ou jetons de réinitialisation ont une durée de vie limitée. Aucune durée de la CNIL n'a été trouvée (non confirmé) : vigie alerte au-delà de 24 heures, le chiffre du NIST pour les liens envoyés par e-mail."},
		check.Text{EN: "A reset link that never expires is a standing password for whoever finds the e-mail later.",
			FR: "Un lien de réinitialisation qui n'expire jamais est un mot de passe permanent pour qui retrouvera l'e-mail plus tard."},
		check.Text{EN: "Make reset tokens single-use and valid for at most a few hours.", FR: "Rendez les jetons de réinitialisation à usage unique et valables quelques heures au plus."},
		refCNIL, refCNILFAQ)
)

func evalCNILCase(e Evidence) check.Outcome {
	a := Assess(e.Policy)
	ev := map[string]any{"classes": a.Classes, "alphabet": a.Alphabet, "min_length": a.Length, "bits": roundTo(a.Bits, 1), "case": a.Case}
	if a.Example.EN != "" {
		ev["cnil_example"] = a.Example
	}
	// Every CNIL case sets a floor on the secret each account must present;
	// an account that logs in with an empty one presents none, so the
	// stack meets no case, whatever its rules for the passwords it does ask.
	if e.Policy.EmptyAllowed == Yes {
		ev["empty_allowed_at"] = e.Policy.EmptyAllowedAt
		msg := check.Textf("meets no CNIL case: empty passwords are accepted (nullok at %s), and an account without one logs in with no secret at all",
			"n'atteint aucun cas de la CNIL : les mots de passe vides sont acceptés (nullok en %s), et un compte qui n'en a pas se connecte sans aucun secret", e.Policy.EmptyAllowedAt)
		if a.Case > 0 {
			msg = check.Textf("%s; the rules for the passwords asked would meet %s", "%s ; les règles pour les mots de passe demandés atteindraient le %s", msg, a.Reason)
		}
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("%s; %s", "%s ; %s", msg, a.Arithmetic())}
	}
	if a.Case > 0 {
		msg := check.Textf("meets %s; %s", "atteint le %s ; %s", a.Reason, a.Arithmetic())
		if a.Example.EN != "" {
			msg = check.Textf("meets %s through the CNIL example \"%s\"; %s", "atteint le %s par l'exemple de la CNIL « %s » ; %s", a.Reason, a.Example, a.Arithmetic())
		}
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: msg}
	}
	var en, fr []string
	for _, m := range a.Missing {
		en, fr = append(en, m.EN), append(fr, m.FR)
	}
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Text{
		EN: "meets no CNIL case: " + a.Arithmetic().EN + "; " + strings.Join(en, "; "),
		FR: "n'atteint aucun cas de la CNIL : " + a.Arithmetic().FR + " ; " + strings.Join(fr, " ; ")}}
}

func roundTo(v float64, d int) float64 {
	p := 1.0
	for range d {
		p *= 10
	}
	if math.Abs(v) > 1e15 || math.IsNaN(v) {
		return v // past float64's exact integers rounding changes nothing; int() would wrap
	}
	return math.Round(v*p) / p
}

func evalCNILStorage(e Evidence) check.Outcome {
	p := e.Policy
	if p.ReversibleStorage == Yes {
		return check.Outcome{Status: check.Fail, Message: check.Text{EN: "passwords are stored with reversible encryption",
			FR: "les mots de passe sont conservés avec un chiffrement réversible"}}
	}
	if p.Storage == nil || p.Storage.Algorithm == "" {
		return unknownOutcome(check.Text{EN: "the storage algorithm", FR: "l'algorithme de conservation"})
	}
	alg := StorageName(p.Storage.Algorithm)
	ev := map[string]any{"algorithm": alg}
	if o, weak := notSlow(alg, ev); weak {
		return o
	}
	if p.Storage.Salted == No {
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("storage with %s is not salted", "la conservation par %s n'est pas salée", alg)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf(
		"storage uses %s, a salted slow function", "la conservation utilise %s, une fonction lente et salée", alg)}
}

// notSlow is the outcome both storage checks give an algorithm that is no
// password-hashing function (weak is then true): one wording per class, so
// PWD-CNIL-002 and PWD-ANSSI-029 say the same of the same name.
func notSlow(alg string, ev map[string]any) (check.Outcome, bool) {
	fail := func(m check.Text) (check.Outcome, bool) {
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: m}, true
	}
	switch ClassifyStorage(alg) {
	case StoragePlain:
		return fail(check.Textf("storage is %s: passwords are kept in clear", "la conservation est %s : les mots de passe sont gardés en clair", alg))
	case StorageReversible:
		return fail(check.Textf("storage uses %s: reversible encryption or encoding, not a one-way function",
			"la conservation utilise %s : un chiffrement ou un encodage réversible, pas une fonction à sens unique", alg))
	case StorageFast:
		return fail(check.Textf("storage uses %s: a fast or unsalted hash, not a slow salted function",
			"la conservation utilise %s : un hachage rapide ou non salé, pas une fonction lente et salée", alg))
	case StorageUnknown:
		// The YAML format refuses such a name, but a reader passes a
		// product's own through (Keycloak's hashAlgorithm). Not known is
		// not slow.
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf(
			"vigie does not know the storage algorithm %s: it cannot say it is slow and salted",
			"vigie ne connaît pas l'algorithme de conservation %s : il ne peut pas dire qu'il est lent et salé", alg)}, true
	}
	return check.Outcome{}, false
}

func evalCNILRenewal(e Evidence) check.Outcome {
	p := e.Policy
	if p.MaxAgeDays == nil {
		return unknownOutcome(check.Text{EN: "whether passwords expire", FR: "si les mots de passe expirent"})
	}
	days := *p.MaxAgeDays
	ev := map[string]any{"max_age_days": days, "admin": p.Admin}
	switch {
	case !p.Admin && days > 0:
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf(
			"users must change their password every %s: the CNIL no longer recommends forced renewal", "les utilisateurs doivent changer de mot de passe tous les %s : la CNIL ne recommande plus le renouvellement forcé", check.Days(days))}
	case p.Admin && days == 0:
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Text{
			EN: "administrator passwords never expire: the CNIL recommends periodic renewal for privileged accounts",
			FR: "les mots de passe d'administrateur n'expirent jamais : la CNIL recommande un renouvellement périodique des comptes à privilèges"}}
	case p.Admin:
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("administrators renew every %s", "les administrateurs renouvellent tous les %s", check.Days(days))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Text{EN: "no forced renewal for users", FR: "pas de renouvellement forcé pour les utilisateurs"}}
}

func evalCNILClear(e Evidence) check.Outcome {
	switch e.Policy.SentInClear {
	case Yes:
		return check.Outcome{Status: check.Fail, Message: check.Text{EN: "passwords are sent in clear (e.g. by e-mail)", FR: "les mots de passe sont envoyés en clair (par ex. par e-mail)"}}
	case No:
		return check.Outcome{Status: check.Pass, Message: check.Text{EN: "passwords are never sent in clear", FR: "les mots de passe ne sont jamais envoyés en clair"}}
	}
	return unknownOutcome(check.Text{EN: "whether passwords are sent in clear", FR: "si les mots de passe sont envoyés en clair"})
}

func evalCNILReset(e Evidence) check.Outcome {
	l := e.Policy.ResetLinkLifetime
	switch {
	case l == nil:
		return unknownOutcome(check.Text{EN: "how long reset links stay valid", FR: "la durée de validité des liens de réinitialisation"})
	case *l == 0:
		return check.Outcome{Status: check.Fail, Message: check.Text{EN: "reset links never expire", FR: "les liens de réinitialisation n'expirent jamais"}}
	case *l > 24*time.Hour:
		return check.Outcome{Status: check.Warn, Message: check.Textf("reset links stay valid %s, more than 24 hours", "les liens de réinitialisation restent valables %s, plus de 24 heures", human(*l))}
	}
	return check.Outcome{Status: check.Pass, Message: check.Textf("reset links expire after %s", "les liens de réinitialisation expirent après %s", human(*l))}
}

// human writes a duration the way people do: "30 min", "1 h", "2 h 30 min", "7 days".
func human(d time.Duration) check.Text {
	switch {
	case d >= 48*time.Hour && d%(24*time.Hour) == 0:
		return check.Days(int(d / (24 * time.Hour)))
	case d >= time.Hour && d%time.Hour == 0:
		return check.Textf("%d h", "%d h", int(d/time.Hour))
	case d >= time.Hour:
		return check.Textf("%d h %d min", "%d h %d min", int(d/time.Hour), int(d%time.Hour/time.Minute))
	case d >= time.Minute:
		return check.Textf("%d min", "%d min", int(d/time.Minute))
	}
	return check.Textf("%d s", "%d s", int(d/time.Second))
}
