package web

import (
	"maps"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/tlswire"
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
		check.Text{EN: "No suite accepted with SSLv3 to TLS 1.2 uses RC4 or 3DES; every suite code is offered in hand-built ClientHellos, and a version that could not be tested is named.",
			FR: "Aucune suite acceptée de SSLv3 à TLS 1.2 n'utilise RC4 ou 3DES ; chaque code de suite est proposé dans des ClientHello écrits à la main, et une version qui n'a pas pu être testée est nommée."},
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
	// The scan needs no certificate: a server with only anonymous suites,
	// or with a chain Go refuses, is judged on what it accepts.
	if !tlsScanned(e.TLS) {
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

func tlsScanned(t TLS) bool {
	for _, p := range t.Protocols {
		if p.Tested {
			return true
		}
	}
	return false
}

func protocol(e Evidence, version string) Protocol {
	for _, p := range e.TLS.Protocols {
		if p.Version == version {
			return p
		}
	}
	return Protocol{Version: version}
}

func newProtocolsEvidence(t TLS) map[string]any {
	m := map[string]any{}
	for _, p := range t.Protocols {
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

// newModernEvidence is the protocols, with TLS 1.3's suites (in the
// server's order when it keeps one) and groups when TLS 1.3 is accepted.
func newModernEvidence(t TLS) map[string]any {
	ev := newProtocolsEvidence(t)
	for _, p := range t.Protocols {
		if p.Version == "TLS 1.3" && p.Accepted {
			if len(p.Suites) > 0 {
				ev["tls13_suites"] = p.Suites
			}
			if len(t.Groups) > 0 {
				ev["tls13_groups"] = t.Groups
			}
			if p.ServerOrder {
				ev["tls13_server_order"] = true
			}
			if t.TLS13Err.EN != "" {
				ev["tls13_incomplete"] = t.TLS13Err
			}
		}
	}
	return ev
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
		return check.Outcome{Status: check.Pass, Evidence: modernEvidence(e),
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

// Suite properties, read from the suite table by the IANA name the scan
// keeps. A name outside the table has none of them.
func suiteHas(s string, f tlswire.Flags) bool {
	st, ok := tlswire.ByName(s)
	return ok && st.Flags&f != 0
}
func forwardSecret(s string) bool { return suiteHas(s, tlswire.FS) }
func aead(s string) bool          { return suiteHas(s, tlswire.AEAD) }
func weakMAC(s string) bool       { return strings.HasSuffix(s, "_SHA") }
func broken(s string) bool        { return suiteHas(s, tlswire.RC4|tlswire.TripleDES) }

func newSuitesEvidence(t TLS) map[string]any {
	ev := map[string]any{"accepted_suites": t.Suites, "enumerated_with": t.SuitesVersion, "not_tested": t.NotTested}
	if t.SuitesErr.EN != "" {
		ev["enumeration_incomplete"] = t.SuitesErr
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
		ev = maps.Clone(ev) // shared by the server's other findings
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
	clean := check.Text{EN: "all %d accepted suites use ECDHE", FR: "les %d suites acceptées utilisent ECDHE"}
	for _, name := range e.TLS.Suites {
		if st, ok := tlswire.ByName(name); ok && st.EphemeralDH() {
			clean = check.Text{EN: "all %d accepted suites use ECDHE or DHE", FR: "les %d suites acceptées utilisent ECDHE ou DHE"}
		}
	}
	return judgeSuites(e, func(s string) bool { return !forwardSecret(s) }, check.Fail,
		check.Text{EN: "suites without forward secrecy accepted: %s", FR: "suites sans confidentialité persistante acceptées : %s"}, clean)
}

func evalBrokenCiphers(e Evidence) check.Outcome {
	o := judgeSuites(e, broken, check.Fail,
		check.Text{EN: "broken suites accepted: %s", FR: "suites cassées acceptées : %s"},
		check.Text{EN: "none of the %d accepted suites uses RC4 or 3DES", FR: "aucune des %d suites acceptées n'utilise RC4 ou 3DES"})
	if (o.Status == check.Pass || o.Status == check.Fail) && len(e.TLS.NotTested) > 0 {
		o.Message = check.Textf("%s (not tested: %s)", "%s (non testé : %s)", o.Message, strings.Join(e.TLS.NotTested, ", "))
	}
	return o
}

func evalAEAD(e Evidence) check.Outcome {
	return judgeSuites(e, func(s string) bool { return !aead(s) || weakMAC(s) }, check.Warn,
		check.Text{EN: "non-AEAD suites accepted: %s", FR: "suites non AEAD acceptées : %s"},
		check.Text{EN: "all %d accepted suites are AEAD", FR: "les %d suites acceptées sont AEAD"})
}

// Sources for what the hand-built ClientHellos find.
var (
	refRFC6176 = check.Reference{Source: "IETF", Title: "RFC 6176: prohibiting SSL version 2.0", TitleFR: "RFC 6176 : interdiction de SSL version 2.0",
		URL: "https://www.rfc-editor.org/rfc/rfc6176"}
	refRFC7568 = check.Reference{Source: "IETF", Title: "RFC 7568: deprecating SSL version 3.0", TitleFR: "RFC 7568 : abandon de SSL version 3.0",
		URL: "https://www.rfc-editor.org/rfc/rfc7568"}
	refRFC9325 = check.Reference{Source: "IETF", Title: "RFC 9325 (BCP 195): recommendations for secure use of TLS", TitleFR: "RFC 9325 (BCP 195) : recommandations pour un usage sûr de TLS",
		URL: "https://www.rfc-editor.org/rfc/rfc9325"}
	refWeakDH = check.Reference{Source: "weakdh.org", Title: "Imperfect Forward Secrecy: How Diffie-Hellman Fails in Practice (Logjam)",
		URL: "https://weakdh.org/"}
)

var (
	metaSSLv2 = tlsMeta("WEB-TLS-006", check.Critical, "F",
		check.Text{EN: "SSLv2 is refused", FR: "SSLv2 est refusé"},
		check.Text{EN: "An SSLv2 CLIENT-HELLO offering every SSLv2 cipher spec gets no SERVER-HELLO.",
			FR: "Un CLIENT-HELLO SSLv2 proposant toutes les suites SSLv2 ne reçoit pas de SERVER-HELLO."},
		check.Text{EN: "SSLv2 is broken beyond repair; a server that still speaks it lets an attacker decrypt its TLS sessions too when they share the key (DROWN).",
			FR: "SSLv2 est irrémédiablement cassé ; un serveur qui le parle encore permet de déchiffrer aussi ses sessions TLS quand elles partagent la clé (DROWN)."},
		check.Text{EN: "Disable SSLv2 on every service using this key (nginx: `ssl_protocols TLSv1.2 TLSv1.3;`, Apache: `SSLProtocol -all +TLSv1.2 +TLSv1.3`), or upgrade OpenSSL.",
			FR: "Désactivez SSLv2 sur tous les services qui utilisent cette clé (nginx : `ssl_protocols TLSv1.2 TLSv1.3;`, Apache : `SSLProtocol -all +TLSv1.2 +TLSv1.3`), ou mettez OpenSSL à jour."},
		refRFC6176, refSSLLabs)
	metaSSLv3 = tlsMeta("WEB-TLS-007", check.High, "C",
		check.Text{EN: "SSLv3 is refused", FR: "SSLv3 est refusé"},
		check.Text{EN: "A ClientHello offering only SSLv3, with every suite, is refused.",
			FR: "Un ClientHello ne proposant que SSLv3, avec toutes les suites, est refusé."},
		check.Text{EN: "SSLv3's CBC padding is broken (POODLE): an attacker on the network recovers cookies byte by byte.",
			FR: "Le remplissage CBC de SSLv3 est cassé (POODLE) : un attaquant sur le réseau retrouve les cookies octet par octet."},
		check.Text{EN: "Allow only TLS 1.2 and 1.3 (nginx: `ssl_protocols TLSv1.2 TLSv1.3;`, Apache: `SSLProtocol -all +TLSv1.2 +TLSv1.3`).",
			FR: "N'autorisez que TLS 1.2 et 1.3 (nginx : `ssl_protocols TLSv1.2 TLSv1.3;`, Apache : `SSLProtocol -all +TLSv1.2 +TLSv1.3`)."},
		refRFC7568, refSSLLabs)
	metaInsecureSuites = tlsMeta("WEB-TLS-008", check.Critical, "F",
		check.Text{EN: "No anonymous, NULL or EXPORT cipher suite", FR: "Aucune suite anonyme, NULL ou EXPORT"},
		check.Text{EN: "No suite accepted with SSLv3 to TLS 1.2 skips server authentication (anonymous DH/ECDH), encryption (NULL) or uses export-grade keys.",
			FR: "Aucune suite acceptée de SSLv3 à TLS 1.2 ne se passe d'authentification du serveur (DH/ECDH anonyme), de chiffrement (NULL) ni n'utilise de clés « export »."},
		check.Text{EN: "Anonymous suites let anyone on the path impersonate the server; NULL suites send everything in clear; EXPORT keys are broken in hours (FREAK, Logjam).",
			FR: "Les suites anonymes permettent à quiconque sur le chemin d'usurper le serveur ; les suites NULL envoient tout en clair ; les clés « export » se cassent en quelques heures (FREAK, Logjam)."},
		check.Text{EN: "Remove them from the cipher list (OpenSSL: add `!aNULL:!eNULL:!EXPORT`, or use Mozilla's intermediate list).",
			FR: "Retirez-les de la liste des suites (OpenSSL : ajoutez `!aNULL:!eNULL:!EXPORT`, ou utilisez la liste « intermediate » de Mozilla)."},
		refRFC9325, refSSLLabs)
	metaDHSize = tlsMeta("WEB-TLS-009", check.Medium, "B",
		check.Text{EN: "DH group of at least 2048 bits", FR: "Groupe DH d'au moins 2048 bits"},
		check.Text{EN: "The finite-field DH group of the DHE and anonymous DH suites, read from ServerKeyExchange, is 2048 bits or more.",
			FR: "Le groupe DH des suites DHE et DH anonymes, lu dans le ServerKeyExchange, fait 2048 bits ou plus."},
		check.Text{EN: "A state-level attacker can break 1024-bit groups, common primes first, and decrypt recorded sessions (Logjam).",
			FR: "Un attaquant étatique peut casser les groupes de 1024 bits, les nombres premiers courants d'abord, et déchiffrer les sessions enregistrées (Logjam)."},
		check.Text{EN: "Use ECDHE suites only, or a 2048-bit group (nginx: `ssl_dhparam` with RFC 7919's ffdhe2048, Apache: `SSLOpenSSLConfCmd DHParameters`).",
			FR: "N'utilisez que des suites ECDHE, ou un groupe de 2048 bits (nginx : `ssl_dhparam` avec le ffdhe2048 de la RFC 7919, Apache : `SSLOpenSSLConfCmd DHParameters`)."},
		refWeakDH, refSSLLabs)
	metaDHSound = tlsMeta("WEB-TLS-010", check.Critical, "F",
		check.Text{EN: "DH group is sound: 1024 bits or more, prime, no small subgroup", FR: "Groupe DH sain : 1024 bits ou plus, premier, sans petit sous-groupe"},
		check.Text{EN: "The DH modulus is at least 1024 bits and prime, and the generator does not lie in a subgroup of small order.",
			FR: "Le module DH fait au moins 1024 bits et est premier, et le générateur n'est pas dans un sous-groupe d'ordre petit."},
		check.Text{EN: "A group under 1024 bits is broken in hours; a modulus that is not prime, or a generator of small order, gives the session key away.",
			FR: "Un groupe de moins de 1024 bits se casse en quelques heures ; un module non premier, ou un générateur d'ordre petit, livre la clé de session."},
		check.Text{EN: "Replace the DH parameters with RFC 7919's ffdhe2048 (or drop DHE suites for ECDHE).",
			FR: "Remplacez les paramètres DH par le ffdhe2048 de la RFC 7919 (ou abandonnez les suites DHE pour ECDHE)."},
		refWeakDH, refRFC7919, refSSLLabs)
	refRFC7919 = check.Reference{Source: "IETF", Title: "RFC 7919: negotiated finite field DH ephemeral parameters for TLS", TitleFR: "RFC 7919 : paramètres Diffie-Hellman éphémères négociés pour TLS",
		URL: "https://www.rfc-editor.org/rfc/rfc7919"}
)

// protocolAccepted fails when the server accepts version.
func protocolAccepted(e Evidence, version string) check.Outcome {
	if o, ok := tlsApplies(e); !ok {
		return o
	}
	p := protocol(e, version)
	switch {
	case p.Accepted:
		return check.Outcome{Status: check.Fail, Evidence: protocolsEvidence(e),
			Message: check.Textf("the server accepts %s (suite %s)", "le serveur accepte %s (suite %s)", version, p.Cipher)}
	case !p.Tested:
		o, _ := untested(e, version)
		return o
	}
	return check.Outcome{Status: check.Pass, Evidence: protocolsEvidence(e),
		Message: check.Textf("%s is refused", "%s est refusé", version)}
}

func evalSSLv2(e Evidence) check.Outcome { return protocolAccepted(e, "SSLv2") }
func evalSSLv3(e Evidence) check.Outcome { return protocolAccepted(e, "SSLv3") }

// insecureFlags mark a suite that authenticates or encrypts nothing, or that
// export rules weakened.
const insecureFlags = tlswire.Anon | tlswire.Null | tlswire.Export

// evalInsecureSuites judges SSLv3 to TLS 1.2 suites; SSLv2, whatever its
// specs, fails WEB-TLS-006 at the same cap.
func evalInsecureSuites(e Evidence) check.Outcome {
	return judgeSuites(e, func(s string) bool { return suiteHas(s, insecureFlags) }, check.Fail,
		check.Text{EN: "anonymous, NULL or EXPORT suites accepted: %s", FR: "suites anonymes, NULL ou EXPORT acceptées : %s"},
		check.Text{EN: "none of the %d accepted suites is anonymous, NULL or EXPORT", FR: "aucune des %d suites acceptées n'est anonyme, NULL ou EXPORT"})
}

// DHGroup is the finite-field DH group of a server's DHE and anonymous DH
// suites, read from its ServerKeyExchange.
type DHGroup struct {
	Bits       int
	Common     string // the well-known group it is, e.g. "RFC2409/Oakley Group 2"
	Prime      bool
	Safe       bool // (p-1)/2 is prime too
	LargeOrder bool // the generator's order is proven large
	SmallOrder bool // the generator is proven to lie in a subgroup of small order
	Untested   bool // too large for vigie to test its primality within its bounds
}

func dhEvidence(dh *DHGroup) map[string]any {
	ev := map[string]any{"dh_bits": dh.Bits, "prime": dh.Prime, "safe_prime": dh.Safe,
		"generator_large_order": dh.LargeOrder, "generator_small_order": dh.SmallOrder}
	if dh.Common != "" {
		ev["common_prime"] = dh.Common
	}
	return ev
}

// dhApplies returns the outcome when there is no DH group to judge.
func dhApplies(e Evidence, dh *DHGroup) (check.Outcome, bool) {
	if o, ok := tlsApplies(e); !ok {
		return o, false
	}
	if dh != nil {
		return check.Outcome{}, true
	}
	for _, s := range e.TLS.Suites {
		if st, ok := tlswire.ByName(s); ok && st.EphemeralDH() {
			return check.Outcome{Status: check.Error, Evidence: suitesEvidence(e),
				Message: check.Textf("DHE suites are accepted (%s) but their DH parameters could not be read",
					"des suites DHE sont acceptées (%s) mais leurs paramètres DH n'ont pas pu être lus", s)}, false
		}
	}
	return check.Outcome{Status: check.Pass, Evidence: suitesEvidence(e),
		Message: check.Text{EN: "no accepted suite uses finite-field DH", FR: "aucune suite acceptée n'utilise le DH sur corps fini"}}, false
}

// judgeDHSize is WEB-TLS-009 on the group the scan read.
func judgeDHSize(e Evidence, dh *DHGroup) check.Outcome {
	if o, ok := dhApplies(e, dh); !ok {
		return o
	}
	ev := dhEvidence(dh)
	if dh.Bits < 2048 {
		msg := check.Textf("DH group of %d bits, below 2048", "groupe DH de %d bits, sous 2048", dh.Bits)
		if dh.Common != "" {
			msg = check.Textf("%s, and a common prime (%s) that precomputation targets", "%s, et un nombre premier courant (%s) que les précalculs visent", msg, dh.Common)
		}
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: msg}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf("DH group of %d bits", "groupe DH de %d bits", dh.Bits)}
}

// judgeDHSound is WEB-TLS-010 on the group the scan read.
func judgeDHSound(e Evidence, dh *DHGroup) check.Outcome {
	if o, ok := dhApplies(e, dh); !ok {
		return o
	}
	ev := dhEvidence(dh)
	if dh.Untested {
		return check.Outcome{Status: check.Skipped, Evidence: ev, Message: check.Textf(
			"a DH group of %d bits: too large for vigie to test whether it is prime", "un groupe DH de %d bits : trop grand pour que vigie vérifie qu'il est premier", dh.Bits)}
	}
	var bad []check.Text
	if dh.Bits < 1024 {
		bad = append(bad, check.Textf("%d bits, below 1024", "%d bits, sous 1024", dh.Bits))
	}
	switch {
	case !dh.Prime:
		bad = append(bad, check.Text{EN: "the modulus is not prime", FR: "le module n'est pas premier"})
	case dh.SmallOrder:
		bad = append(bad, check.Text{EN: "the generator lies in a small subgroup", FR: "le générateur est dans un petit sous-groupe"})
	}
	if len(bad) > 0 {
		why := check.Join(bad, "; ", " ; ")
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf("weak DH group: %s", "groupe DH faible : %s", why)}
	}
	msg := check.Textf("DH group of %d bits, prime", "groupe DH de %d bits, premier", dh.Bits)
	switch {
	case dh.Safe:
		msg = check.Textf("%s (a safe prime)", "%s (premier sûr)", msg)
	case !dh.LargeOrder:
		msg = check.Textf("%s; the generator's order could not be proven large (the server does not send it)",
			"%s ; l'ordre du générateur n'a pas pu être prouvé grand (le serveur ne l'envoie pas)", msg)
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: msg}
}
