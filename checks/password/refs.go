package password

import "github.com/vigie-security/vigie/internal/check"

var (
	refCNIL = check.Reference{Source: "CNIL", Title: "Délibération n° 2022-100 du 21 juillet 2022 (mots de passe)",
		URL: "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000046432885"}
	refCNILFAQ = check.Reference{Source: "CNIL", Title: "Questions-réponses sur la recommandation relative aux mots de passe",
		URL: "https://www.cnil.fr/questions-reponses-sur-la-nouvelle-recommandation-relative-aux-mots-de-passe-et-autres-secrets"}
	refANSSI = check.Reference{Source: "ANSSI", Title: "PG-078 : recommandations relatives à l'authentification multifacteur et aux mots de passe (v2.0, 2021)",
		URL: "https://cyber.gouv.fr/sites/default/files/2021/10/anssi-guide-authentification_multifacteur_et_mots_de_passe.pdf"}
	refOWASP = check.Reference{Source: "OWASP", Title: "Password Storage Cheat Sheet",
		URL: "https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html"}
)

func meta(id string, sev check.Severity, fw map[string][]string, title, desc, risk, fix check.Text, refs ...check.Reference) check.Meta {
	return check.Meta{ID: id, Family: check.FamilyPassword, Severity: sev, Title: title, Description: desc, Risk: risk,
		Remediation: fix, References: refs, Frameworks: fw}
}

// unknownOutcome reports a fact the configuration does not state: never met.
func unknownOutcome(what check.Text) check.Outcome {
	return check.Outcome{Status: check.Warn, Message: check.Textf("unknown: the configuration does not state %s",
		"inconnu : la configuration n'indique pas %s", what)}
}
