package web

import (
	"fmt"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// MaxLifetimeDays is the CA/Browser Forum limit for a TLS server certificate.
const MaxLifetimeDays = 398

var (
	metaCertKey = certMeta("WEB-CERT-005", check.High,
		check.Text{EN: "Certificate key is strong enough", FR: "La clé du certificat est assez robuste"},
		check.Text{EN: "The leaf key is RSA ≥ 2048 bits or ECDSA ≥ 256 bits.",
			FR: "La clé du certificat feuille est RSA ≥ 2048 bits ou ECDSA ≥ 256 bits."},
		check.Text{EN: "Short keys can be factored or broken, letting an attacker impersonate the site.",
			FR: "Une clé courte peut être factorisée ou cassée, ce qui permet d'usurper le site."},
		check.Text{EN: "Reissue the certificate with an ECDSA P-256 key or an RSA key of 2048 bits or more (3072 for long-term use).",
			FR: "Réémettez le certificat avec une clé ECDSA P-256 ou RSA d'au moins 2048 bits (3072 pour le long terme)."},
		"B", refSSLLabs)
	metaCertSig = certMeta("WEB-CERT-006", check.High,
		check.Text{EN: "No SHA-1 or MD5 signature in the chain", FR: "Aucune signature SHA-1 ou MD5 dans la chaîne"},
		check.Text{EN: "The leaf and intermediates are signed with SHA-2 or better (self-signed roots are not judged).",
			FR: "La feuille et les intermédiaires sont signés en SHA-2 ou mieux (les racines auto-signées ne sont pas jugées)."},
		check.Text{EN: "SHA-1 and MD5 signatures can be forged (collisions); browsers no longer trust them.",
			FR: "Les signatures SHA-1 et MD5 peuvent être forgées (collisions) ; les navigateurs ne leur font plus confiance."},
		check.Text{EN: "Reissue the certificate from a CA that signs with SHA-256 or better, and serve its current intermediates.",
			FR: "Réémettez le certificat auprès d'une autorité qui signe en SHA-256 ou mieux, et servez ses intermédiaires actuels."},
		"E", refSSLLabs)
	metaCertLifetime = certMeta("WEB-CERT-007", check.Low,
		check.Text{EN: "Certificate lifetime is at most 398 days", FR: "La durée de vie du certificat est d'au plus 398 jours"},
		check.Text{EN: "The leaf is valid for 398 days or less; a longer lifetime gives a WARN.",
			FR: "La feuille est valable 398 jours au plus ; une durée plus longue donne une ALERTE."},
		check.Text{EN: "Browsers reject public certificates valid for more than 398 days; long-lived keys stay exposed longer.",
			FR: "Les navigateurs rejettent les certificats publics valables plus de 398 jours ; une clé longue durée reste exposée plus longtemps."},
		check.Text{EN: "Use short-lived certificates renewed automatically (ACME: 90 days).",
			FR: "Utilisez des certificats courts renouvelés automatiquement (ACME : 90 jours)."},
		"", refCABF)
)

func evalCertKey(e Evidence) check.Outcome {
	if o, ok := certApplies(e); !ok {
		return o
	}
	c, ev := e.TLS.Leaf, certFacts(e)
	ev["key_type"], ev["key_bits"] = c.KeyType, c.KeyBits
	min := map[string]int{"RSA": 2048, "ECDSA": 256, "Ed25519": 256}[c.KeyType]
	switch {
	case min == 0:
		return check.Outcome{Status: check.Warn, Evidence: ev,
			Message: check.Textf("unusual key type %s: not judged", "type de clé inhabituel %s : non jugé", c.KeyType)}
	case c.KeyBits < min:
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("%s key of %d bits, below %d", "clé %s de %d bits, sous %d", c.KeyType, c.KeyBits, min)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("%s key of %d bits", "clé %s de %d bits", c.KeyType, c.KeyBits)}
}

func weakSig(alg string) bool {
	a := strings.ToUpper(alg)
	return strings.Contains(a, "SHA1") || strings.Contains(a, "MD5") || strings.Contains(a, "MD2")
}

func evalCertSig(e Evidence) check.Outcome {
	if o, ok := certApplies(e); !ok {
		return o
	}
	ev := certFacts(e, "chain_length")
	var weak, algs []string
	for i, c := range e.TLS.Chain {
		algs = append(algs, c.SigAlg)
		if i > 0 && c.SelfSigned {
			continue // a root's own signature is never checked by clients
		}
		if weakSig(c.SigAlg) {
			weak = append(weak, c.Subject+" ("+c.SigAlg+")")
		}
	}
	ev["signature_algorithms"] = algs
	if len(weak) > 0 {
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("weak signature on %s", "signature faible sur %s", strings.Join(weak, "; "))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("chain signed with %s", "chaîne signée en %s", strings.Join(algs, ", "))}
}

func evalCertLifetime(e Evidence) check.Outcome {
	if o, ok := certApplies(e); !ok {
		return o
	}
	c, ev := e.TLS.Leaf, certFacts(e, "not_before", "not_after")
	life := days(c.NotAfter.Sub(c.NotBefore))
	ev["lifetime_days"] = life
	if life > MaxLifetimeDays {
		return check.Outcome{Status: check.Warn, Evidence: ev,
			Message: check.Textf("certificate valid for %s, above %d", "certificat valable %s, au-delà de %d", check.Days(life), MaxLifetimeDays)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("certificate valid for %s", "certificat valable %s", check.Days(life))}
}

var metaCertBroken = certMeta("WEB-CERT-008", check.Critical,
	check.Text{EN: "Certificate is not broken: no MD5 or MD2 signature, no key under 1024 bits",
		FR: "Le certificat n'est pas cassé : ni signature MD5 ou MD2, ni clé de moins de 1024 bits"},
	check.Text{EN: "No certificate of the chain (self-signed roots apart) is signed with MD5 or MD2, and the leaf's RSA key is 1024 bits or more (ECDSA 160).",
		FR: "Aucun certificat de la chaîne (hors racines auto-signées) n'est signé en MD5 ou MD2, et la clé RSA de la feuille fait 1024 bits ou plus (ECDSA 160)."},
	check.Text{EN: "MD5 signatures have been forged in practice (a rogue CA in 2008) and a 512-bit RSA key is factored in hours: anyone can impersonate the site.",
		FR: "Des signatures MD5 ont été forgées en pratique (une fausse autorité en 2008) et une clé RSA de 512 bits se factorise en quelques heures : n'importe qui peut usurper le site."},
	check.Text{EN: "Reissue the certificate with an ECDSA P-256 or RSA 2048+ key, signed with SHA-256 or better.",
		FR: "Réémettez le certificat avec une clé ECDSA P-256 ou RSA 2048+, signé en SHA-256 ou mieux."},
	"F", refSSLLabs)

// evalCertBroken is SSL Labs' F for MD5/MD2 signatures and keys under 1024 bits.
func evalCertBroken(e Evidence) check.Outcome {
	if o, ok := certApplies(e); !ok {
		return o
	}
	c, ev := e.TLS.Leaf, certFacts(e, "chain_length")
	ev["key_type"], ev["key_bits"] = c.KeyType, c.KeyBits
	var bad []string
	if min := map[string]int{"RSA": 1024, "ECDSA": 160}[c.KeyType]; c.KeyBits < min {
		bad = append(bad, fmt.Sprintf("%s %d", c.KeyType, c.KeyBits))
	}
	for i, cc := range e.TLS.Chain {
		a := strings.ToUpper(cc.SigAlg)
		if (i == 0 || !cc.SelfSigned) && (strings.Contains(a, "MD5") || strings.Contains(a, "MD2")) {
			bad = append(bad, cc.Subject+" ("+cc.SigAlg+")")
		}
	}
	if len(bad) > 0 {
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("broken certificate: %s", "certificat cassé : %s", strings.Join(bad, "; "))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("%s key of %d bits, no MD5 or MD2 signature", "clé %s de %d bits, aucune signature MD5 ou MD2", c.KeyType, c.KeyBits)}
}
