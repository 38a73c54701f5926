package web

import "github.com/vigie-security/vigie/internal/check"

// Sources cited by the web checks; see ../shared/reference/web.md.
var (
	refCNILDev = check.Reference{Source: "CNIL",
		Title: "Guide RGPD du développeur, fiche 6 : sécuriser vos sites web",
		URL:   "https://github.com/LINCnil/Guide-RGPD-du-developpeur"}
	refCNILKGCOM = check.Reference{Source: "CNIL",
		Title: "Délibération SAN-2023-008 (KG COM), 8 juin 2023 : sécurité des données insuffisante",
		URL:   "https://www.cnil.fr/fr/voyance-en-ligne-la-societe-kg-com-sanctionnee-par-une-amende-de-150-000-euros"}
	refANSSITLS = check.Reference{Source: "ANSSI",
		Title: "Recommandations de sécurité relatives à TLS (SDE-NT-35, v1.2)",
		URL:   "https://cyber.gouv.fr/publications/recommandations-de-securite-relatives-tls"}
	refRFC6797 = check.Reference{Source: "IETF",
		Title:   "RFC 6797: HTTP Strict Transport Security (HSTS)",
		TitleFR: "RFC 6797 : HTTP Strict Transport Security (HSTS)",
		URL:     "https://www.rfc-editor.org/rfc/rfc6797"}
	refRFC5280 = check.Reference{Source: "IETF",
		Title:   "RFC 5280: certificate path validation (§6) and validity (§4.1.2.5)",
		TitleFR: "RFC 5280 : validation du chemin de certification (§6) et période de validité (§4.1.2.5)",
		URL:     "https://www.rfc-editor.org/rfc/rfc5280"}
	refRFC9110Redirect = check.Reference{Source: "IETF",
		Title:   "RFC 9110 §15.4: redirection 3xx (301/308 permanent)",
		TitleFR: "RFC 9110 §15.4 : redirections 3xx (301/308 permanentes)",
		URL:     "https://www.rfc-editor.org/rfc/rfc9110#section-15.4"}
	refObservatory = check.Reference{Source: "MDN HTTP Observatory",
		Title:   "Tests and scoring (redirection, HSTS)",
		TitleFR: "Tests et notation (redirection, HSTS)",
		URL:     "https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring"}
	refGDPR32 = check.Reference{Source: "GDPR",
		Title:   "Article 32: security of processing",
		TitleFR: "Article 32 : sécurité du traitement",
		URL:     "https://eur-lex.europa.eu/eli/reg/2016/679/oj"}
)

// frameworks shared by checks about transport security.
func transportFrameworks() map[string][]string {
	return map[string][]string{"rgpd-art32": {"32(1)(a)", "32(1)(b)"}, "cnil-guide-dev": {"fiche 6"}}
}

var (
	refRFC8996 = check.Reference{Source: "IETF",
		Title:   "RFC 8996: deprecating TLS 1.0 and TLS 1.1",
		TitleFR: "RFC 8996 : abandon de TLS 1.0 et TLS 1.1",
		URL:     "https://www.rfc-editor.org/rfc/rfc8996"}
	refRFC7465 = check.Reference{Source: "IETF",
		Title:   "RFC 7465: prohibiting RC4 cipher suites",
		TitleFR: "RFC 7465 : interdiction des suites RC4",
		URL:     "https://www.rfc-editor.org/rfc/rfc7465"}
	refMozillaTLS = check.Reference{Source: "Mozilla",
		Title:   "Server Side TLS guidelines (intermediate configuration)",
		TitleFR: "Server Side TLS : recommandations (configuration intermédiaire)",
		URL:     "https://wiki.mozilla.org/Security/Server_Side_TLS"}
	refSSLLabs = check.Reference{Source: "Qualys SSL Labs",
		Title:   "SSL Server Rating Guide (grade caps)",
		TitleFR: "SSL Server Rating Guide (plafonds de note)",
		URL:     "https://github.com/ssllabs/research/wiki/SSL-Server-Rating-Guide"}
	refCABF = check.Reference{Source: "CA/Browser Forum",
		Title:   "Baseline Requirements: TLS server certificates valid at most 398 days",
		TitleFR: "Baseline Requirements : certificats de serveur TLS valables 398 jours au plus",
		URL:     "https://cabforum.org/working-groups/server/baseline-requirements/"}
)

var (
	refObservatoryHeaders = check.Reference{Source: "MDN HTTP Observatory",
		Title:   "Tests and scoring (CSP, X-Frame-Options, X-Content-Type-Options, Referrer-Policy, CORP, CORS)",
		TitleFR: "Tests et notation (CSP, X-Frame-Options, X-Content-Type-Options, Referrer-Policy, CORP, CORS)",
		URL:     "https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring"}
	refCSP3 = check.Reference{Source: "W3C",
		Title: "Content Security Policy Level 3",
		URL:   "https://www.w3.org/TR/CSP3/"}
	refOWASPHeaders = check.Reference{Source: "OWASP",
		Title: "HTTP Security Response Headers Cheat Sheet",
		URL:   "https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html"}
	refFetchCORS = check.Reference{Source: "WHATWG",
		Title:   "Fetch Standard: CORS protocol",
		TitleFR: "Fetch Standard : le protocole CORS",
		URL:     "https://fetch.spec.whatwg.org/#http-cors-protocol"}
)

// headerMeta builds the metadata of a response-header check.
func headerMeta(id string, sev check.Severity, title, desc, risk, fix check.Text, refs ...check.Reference) check.Meta {
	return check.Meta{ID: id, Family: check.FamilyWeb, Severity: sev, Title: title, Description: desc, Risk: risk,
		Remediation: fix, References: append(refs, refObservatoryHeaders, refOWASPHeaders),
		Frameworks:        map[string][]string{"rgpd-art32": {"32(1)"}, "cnil-guide-dev": {"fiche 6"}},
		ObservatoryPoints: true}
}
