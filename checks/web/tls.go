package web

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

func tlsMeta(id string, sev check.Severity, cap check.Grade, title, desc, risk, fix check.Text, refs ...check.Reference) check.Meta {
	return check.Meta{ID: id, Family: check.FamilyWeb, Severity: sev, CapOnFail: cap, Title: title, Description: desc,
		Risk: risk, Remediation: fix, References: append(refs, refANSSITLS, refCNILDev), Frameworks: transportFrameworks()}
}

var (
	metaOldTLS = tlsMeta("WEB-TLS-001", check.High, "B",
		check.Text{EN: "TLS 1.0 and TLS 1.1 are refused", FR: "TLS 1.0 et TLS 1.1 sont refusés"},
		check.Text{EN: "A handshake limited to TLS 1.0, then to TLS 1.1, is refused by the server.",
			FR: "Une négociation limitée à TLS 1.0, puis à TLS 1.1, est refusée par le serveur."},
		check.Text{EN: "TLS 1.0 and 1.1 have known weaknesses (BEAST, SHA-1 and MD5 in the handshake); the CNIL and ANSSI require TLS 1.2 at least.",
			FR: "TLS 1.0 et 1.1 ont des faiblesses connues (BEAST, SHA-1 et MD5 dans la négociation) ; la CNIL et l'ANSSI exigent au moins TLS 1.2."},
		check.Text{EN: "Allow only TLS 1.2 and 1.3 (nginx: `ssl_protocols TLSv1.2 TLSv1.3;`, Apache: `SSLProtocol -all +TLSv1.2 +TLSv1.3`).",
			FR: "N'autorisez que TLS 1.2 et 1.3 (nginx : `ssl_protocols TLSv1.2 TLSv1.3;`, Apache : `SSLProtocol -all +TLSv1.2 +TLSv1.3`)."},
		refRFC8996, refSSLLabs)
	metaModernTLS = tlsMeta("WEB-TLS-002", check.Medium, "C",
		check.Text{EN: "TLS 1.2 or 1.3 is offered, TLS 1.3 preferably", FR: "TLS 1.2 ou 1.3 est proposé, TLS 1.3 de préférence"},
		check.Text{EN: "The server accepts TLS 1.3 (WARN with TLS 1.2 only, FAIL with neither).",
			FR: "Le serveur accepte TLS 1.3 (ALERTE avec seulement TLS 1.2, ÉCHEC avec aucun des deux)."},
		check.Text{EN: "Without TLS 1.2 or 1.3, only broken protocols remain; TLS 1.3 removes legacy options and is the ANSSI's preferred version.",
			FR: "Sans TLS 1.2 ni 1.3, il ne reste que des protocoles cassés ; TLS 1.3 retire les options héritées et c'est la version préférée de l'ANSSI."},
		check.Text{EN: "Enable TLS 1.3 next to TLS 1.2 (nginx ≥ 1.13 with OpenSSL ≥ 1.1.1: `ssl_protocols TLSv1.2 TLSv1.3;`).",
			FR: "Activez TLS 1.3 à côté de TLS 1.2 (nginx ≥ 1.13 avec OpenSSL ≥ 1.1.1 : `ssl_protocols TLSv1.2 TLSv1.3;`)."},
		refMozillaTLS, refSSLLabs)
	metaForwardSecrecy = tlsMeta("WEB-TLS-003", check.High, "B",
		check.Text{EN: "Every cipher suite has forward secrecy", FR: "Toutes les suites ont la confidentialité persistante"},
		check.Text{EN: "No accepted TLS ≤ 1.2 suite uses static RSA key exchange (only ECDHE/DHE).",
			FR: "Aucune suite TLS ≤ 1.2 acceptée n'utilise l'échange de clé RSA statique (seulement ECDHE/DHE)."},
		check.Text{EN: "With static RSA key exchange, whoever obtains the server key later can decrypt every recorded session.",
			FR: "Avec l'échange de clé RSA statique, quiconque obtient plus tard la clé du serveur peut déchiffrer toutes les sessions enregistrées."},
		check.Text{EN: "Keep only ECDHE suites with AES-GCM or ChaCha20-Poly1305 (Mozilla intermediate list).",
			FR: "Ne gardez que les suites ECDHE avec AES-GCM ou ChaCha20-Poly1305 (liste « intermediate » de Mozilla)."},
		refMozillaTLS, refSSLLabs)
	metaBrokenCiphers = tlsMeta("WEB-TLS-004", check.High, "C",
		check.Text{EN: "No RC4 or 3DES cipher suite", FR: "Aucune suite RC4 ou 3DES"},
		check.Text{EN: "No accepted suite uses RC4 or 3DES; what Go's client cannot offer (SSLv2/3, EXPORT, NULL, DHE…) is listed as not tested.",
			FR: "Aucune suite acceptée n'utilise RC4 ou 3DES ; ce que le client Go ne sait pas proposer (SSLv2/3, EXPORT, NULL, DHE…) est signalé comme non testé."},
		check.Text{EN: "RC4 has exploitable biases and 3DES 64-bit blocks (SWEET32): traffic can be recovered.",
			FR: "RC4 a des biais exploitables et 3DES des blocs de 64 bits (SWEET32) : le trafic peut être retrouvé."},
		check.Text{EN: "Remove RC4 and 3DES from the server's cipher list (OpenSSL: add `!RC4:!3DES`).",
			FR: "Retirez RC4 et 3DES de la liste des suites du serveur (OpenSSL : ajoutez `!RC4:!3DES`)."},
		refRFC7465, refSSLLabs)
	metaAEAD = tlsMeta("WEB-TLS-005", check.Low, "",
		check.Text{EN: "Only AEAD cipher suites (no CBC, no SHA-1 MAC)", FR: "Uniquement des suites AEAD (ni CBC, ni MAC SHA-1)"},
		check.Text{EN: "Accepted TLS ≤ 1.2 suites use AES-GCM or ChaCha20-Poly1305; CBC or SHA-1 MAC suites give a WARN.",
			FR: "Les suites TLS ≤ 1.2 acceptées utilisent AES-GCM ou ChaCha20-Poly1305 ; des suites CBC ou à MAC SHA-1 donnent une ALERTE."},
		check.Text{EN: "CBC suites have a long history of padding-oracle attacks; the ANSSI rates them as degraded.",
			FR: "Les suites CBC ont un long historique d'attaques par oracle de remplissage ; l'ANSSI les classe comme dégradées."},
		check.Text{EN: "Offer only AEAD suites (Mozilla intermediate list); keep CBC only for clients you must support.",
			FR: "Ne proposez que des suites AEAD (liste « intermediate » de Mozilla) ; ne gardez CBC que pour des clients à supporter absolument."},
		refMozillaTLS)
)

// tlsApplies returns the outcome when the TLS scan has nothing to judge.
func tlsApplies(e Evidence) (check.Outcome, bool) {
	if o, down := unreachable(e); down {
		return o, false
	}
	if e.TLS.Leaf == nil || len(e.TLS.Protocols) == 0 {
		if !e.HTTPS.Reached {
			return check.Outcome{Status: check.Skipped,
				Message: check.Text{EN: "not applicable: HTTPS is not available (see WEB-HTTPS-001)",
					FR: "sans objet : HTTPS n'est pas disponible (voir WEB-HTTPS-001)"}}, false
		}
		if e.TLS.Error.EN == "" {
			return check.Outcome{Status: check.Error, Message: check.Text{EN: "TLS versions were not scanned",
				FR: "les versions TLS n'ont pas été testées"}}, false
		}
		return check.Outcome{Status: check.Error,
			Message: check.Textf("the TLS handshake failed: %s", "la négociation TLS a échoué : %s", e.TLS.Error)}, false
	}
	return check.Outcome{}, true
}

func protocol(e Evidence, version string) Protocol {
	for _, p := range e.TLS.Protocols {
		if p.Version == version {
			return p
		}
	}
	return Protocol{Version: version}
}

func protocolsEvidence(e Evidence) map[string]any {
	m := map[string]any{}
	for _, p := range e.TLS.Protocols {
		switch {
		case p.Accepted:
			m[p.Version] = "accepted"
		case p.Tested:
			m[p.Version] = "refused"
		default:
			m[p.Version] = "not tested: " + p.Error.EN
		}
	}
	return map[string]any{"protocols": m}
}

func untested(e Evidence, versions ...string) (check.Outcome, bool) {
	for _, v := range versions {
		if p := protocol(e, v); !p.Tested {
			return check.Outcome{Status: check.Error, Evidence: protocolsEvidence(e),
				Message: check.Textf("%s could not be tested: %s", "%s n'a pas pu être testé : %s", v, p.Error)}, true
		}
	}
	return check.Outcome{}, false
}

func evalOldTLS(e Evidence) check.Outcome {
	if o, ok := tlsApplies(e); !ok {
		return o
	}
	var old []string
	for _, v := range []string{"TLS 1.0", "TLS 1.1"} {
		if protocol(e, v).Accepted {
			old = append(old, v)
		}
	}
	if len(old) > 0 {
		return check.Outcome{Status: check.Fail, Evidence: protocolsEvidence(e),
			Message: check.Textf("the server accepts %s", "le serveur accepte %s", strings.Join(old, ", "))}
	}
	if o, bad := untested(e, "TLS 1.0", "TLS 1.1"); bad {
		return o
	}
	return check.Outcome{Status: check.Pass, Evidence: protocolsEvidence(e),
		Message: check.Text{EN: "TLS 1.0 and TLS 1.1 are refused", FR: "TLS 1.0 et TLS 1.1 sont refusés"}}
}

func evalModernTLS(e Evidence) check.Outcome {
	if o, ok := tlsApplies(e); !ok {
		return o
	}
	v12, v13 := protocol(e, "TLS 1.2"), protocol(e, "TLS 1.3")
	switch {
	case v13.Accepted:
		return check.Outcome{Status: check.Pass, Evidence: protocolsEvidence(e),
			Message: check.Text{EN: "TLS 1.3 is accepted", FR: "TLS 1.3 est accepté"}}
	case !v13.Tested:
		o, _ := untested(e, "TLS 1.3")
		return o
	case v12.Accepted:
		return check.Outcome{Status: check.Warn, Evidence: protocolsEvidence(e),
			Message: check.Text{EN: "TLS 1.2 is accepted but not TLS 1.3", FR: "TLS 1.2 est accepté mais pas TLS 1.3"}}
	case !v12.Tested:
		o, _ := untested(e, "TLS 1.2")
		return o
	}
	return check.Outcome{Status: check.Fail, Evidence: protocolsEvidence(e),
		Message: check.Text{EN: "neither TLS 1.2 nor TLS 1.3 is accepted", FR: "ni TLS 1.2 ni TLS 1.3 ne sont acceptés"}}
}

// Suite properties, read from the IANA names Go reports.
func forwardSecret(s string) bool {
	return strings.Contains(s, "_ECDHE_") || strings.Contains(s, "_DHE_")
}
func aead(s string) bool    { return strings.Contains(s, "_GCM_") || strings.Contains(s, "CHACHA20") }
func weakMAC(s string) bool { return strings.HasSuffix(s, "_SHA") }
func broken(s string) bool  { return strings.Contains(s, "_RC4_") || strings.Contains(s, "3DES") }

func suitesEvidence(e Evidence) map[string]any {
	ev := map[string]any{"accepted_suites": e.TLS.Suites, "enumerated_with": e.TLS.SuitesVersion, "not_tested": e.TLS.NotTested}
	if e.TLS.SuitesErr.EN != "" {
		ev["enumeration_incomplete"] = e.TLS.SuitesErr.EN
	}
	return ev
}

// judgeSuites fails when a suite matches bad, and says what could not be told otherwise.
func judgeSuites(e Evidence, bad func(string) bool, fail check.Status, found, clean check.Text) check.Outcome {
	if o, ok := tlsApplies(e); !ok {
		return o
	}
	var hits []string
	for _, s := range e.TLS.Suites {
		if bad(s) {
			hits = append(hits, s)
		}
	}
	ev := suitesEvidence(e)
	if len(hits) > 0 {
		ev["offending_suites"] = hits
		return check.Outcome{Status: fail, Evidence: ev, Message: check.Textf(found.EN, found.FR, strings.Join(hits, ", "))}
	}
	if e.TLS.SuitesErr.EN != "" {
		return check.Outcome{Status: check.Error, Evidence: ev,
			Message: check.Textf("cipher suites could not all be listed: %s", "les suites n'ont pas pu toutes être listées : %s", e.TLS.SuitesErr)}
	}
	if e.TLS.SuitesVersion == "" {
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Text{
			EN: "only TLS 1.3 is accepted: every TLS 1.3 suite is AEAD with forward secrecy",
			FR: "seul TLS 1.3 est accepté : toutes ses suites sont AEAD avec confidentialité persistante"}}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf(clean.EN, clean.FR, len(e.TLS.Suites))}
}

func evalForwardSecrecy(e Evidence) check.Outcome {
	return judgeSuites(e, func(s string) bool { return !forwardSecret(s) }, check.Fail,
		check.Text{EN: "suites without forward secrecy accepted: %s", FR: "suites sans confidentialité persistante acceptées : %s"},
		check.Text{EN: "all %d accepted suites use ECDHE", FR: "les %d suites acceptées utilisent ECDHE"})
}

func evalBrokenCiphers(e Evidence) check.Outcome {
	o := judgeSuites(e, broken, check.Fail,
		check.Text{EN: "broken suites accepted: %s", FR: "suites cassées acceptées : %s"},
		check.Text{EN: "none of the %d accepted suites uses RC4 or 3DES", FR: "aucune des %d suites acceptées n'utilise RC4 ou 3DES"})
	if o.Status == check.Pass || o.Status == check.Fail {
		o.Message = check.Textf("%s (not tested: %s)", "%s (non testé : %s)", o.Message, strings.Join(e.TLS.NotTested, ", "))
	}
	return o
}

func evalAEAD(e Evidence) check.Outcome {
	return judgeSuites(e, func(s string) bool { return !aead(s) || weakMAC(s) }, check.Warn,
		check.Text{EN: "non-AEAD suites accepted: %s", FR: "suites non AEAD acceptées : %s"},
		check.Text{EN: "all %d accepted suites are AEAD", FR: "les %d suites acceptées sont AEAD"})
}
