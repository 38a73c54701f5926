package password

import "github.com/vigie-security/vigie/internal/check"

var metaEmpty = meta("PWD-PAM-001", check.High, map[string][]string{"cnil-2022-100": {"cas 1", "cas 2"}, "rgpd-art32": {"32(1)"}},
	check.Text{EN: "Empty passwords are refused (no nullok)", FR: "Les mots de passe vides sont refusés (pas de nullok)"},
	check.Text{EN: "pam_unix's nullok lets an account whose password field is empty log in without any password, whatever the length and class rules say. vigie fails any module line of the judged PAM stack that carries nullok.",
		FR: "L'option nullok de pam_unix laisse un compte dont le mot de passe est vide se connecter sans aucun mot de passe, quelles que soient les règles de longueur et de classes. vigie échoue toute ligne de module de la pile PAM jugée qui porte nullok."},
	check.Text{EN: "One account created without a password, or whose password was cleared, opens the machine to anyone who types its name.",
		FR: "Un seul compte créé sans mot de passe, ou dont le mot de passe a été effacé, ouvre la machine à quiconque tape son nom."},
	check.Text{EN: "Remove nullok from the pam_unix lines (with authselect: authselect disable-feature with-nullok), and lock accounts without a password (passwd -l).",
		FR: "Retirez nullok des lignes pam_unix (avec authselect : authselect disable-feature with-nullok) et verrouillez les comptes sans mot de passe (passwd -l)."},
	refCNIL)

func evalEmpty(e Evidence) check.Outcome {
	switch e.Policy.EmptyAllowed {
	case Yes:
		return check.Outcome{Status: check.Fail, Evidence: map[string]any{"where": e.Policy.EmptyAllowedAt}, Message: check.Textf(
			"empty passwords are accepted: nullok at %s", "les mots de passe vides sont acceptés : nullok en %s", e.Policy.EmptyAllowedAt)}
	case No:
		return check.Outcome{Status: check.Pass, Message: check.Text{EN: "no module line of the judged PAM stack carries nullok",
			FR: "aucune ligne de module de la pile PAM jugée ne porte nullok"}}
	}
	return check.Outcome{Status: check.Skipped, Message: check.Text{EN: "not a PAM stack: the format cannot accept empty passwords by option",
		FR: "pas une pile PAM : le format ne peut pas accepter de mot de passe vide par option"}}
}
