package web

import (
	"math"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// ExpiryWarning is how close to expiry a certificate turns WEB-CERT-004 to WARN.
const ExpiryWarning = 30 * 24 * time.Hour

func certMeta(id string, sev check.Severity, title, desc, risk, fix check.Text, cap check.Grade, more ...check.Reference) check.Meta {
	return check.Meta{ID: id, Family: check.FamilyWeb, Severity: sev, Title: title, Description: desc,
		Risk: risk, Remediation: fix, CapOnFail: cap,
		References: append([]check.Reference{refRFC5280, refANSSITLS, refCNILDev}, more...),
		Frameworks: transportFrameworks()}
}

var (
	metaCertTrust = certMeta("WEB-CERT-001", check.Critical,
		check.Text{EN: "Certificate chains to a trusted root", FR: "Le certificat remonte à une racine de confiance"},
		check.Text{EN: "The certificate chain the server presents verifies against the system roots (plus --ca-file).",
			FR: "La chaîne présentée par le serveur se vérifie avec les racines du système (et --ca-file)."},
		check.Text{EN: "Browsers show a blocking warning; visitors who click through cannot tell the real site from an impostor.",
			FR: "Les navigateurs affichent une alerte bloquante ; un visiteur qui passe outre ne distingue plus le vrai site d'un imposteur."},
		check.Text{EN: "Install a certificate from a public CA and serve the full chain (leaf + intermediates); for internal sites, pass your private CA with --ca-file.",
			FR: "Installez un certificat d'une autorité publique et servez la chaîne complète (feuille + intermédiaires) ; pour un site interne, fournissez votre AC privée avec --ca-file."},
		"E")
	metaCertValidity = certMeta("WEB-CERT-002", check.Critical,
		check.Text{EN: "Certificate is within its validity period", FR: "Le certificat est dans sa période de validité"},
		check.Text{EN: "The leaf certificate is neither expired nor not yet valid at scan time.",
			FR: "Le certificat feuille n'est ni expiré ni pas encore valide au moment du scan."},
		check.Text{EN: "An expired certificate makes browsers block the site and trains visitors to ignore security warnings.",
			FR: "Un certificat expiré fait bloquer le site par les navigateurs et habitue les visiteurs à ignorer les alertes."},
		check.Text{EN: "Renew the certificate and automate renewal (ACME / certbot), with monitoring of the expiry date.",
			FR: "Renouvelez le certificat et automatisez le renouvellement (ACME / certbot), avec une surveillance de l'échéance."},
		"E")
	metaCertName = certMeta("WEB-CERT-003", check.High,
		check.Text{EN: "Certificate matches the host name", FR: "Le certificat correspond au nom d'hôte"},
		check.Text{EN: "The leaf certificate's subject alternative names cover the scanned host.",
			FR: "Les noms alternatifs du certificat feuille couvrent l'hôte scanné."},
		check.Text{EN: "A certificate for another name is rejected by browsers, exactly like an attacker's certificate.",
			FR: "Un certificat émis pour un autre nom est rejeté par les navigateurs, comme celui d'un attaquant."},
		check.Text{EN: "Issue a certificate whose SAN list includes this host name (or a matching wildcard).",
			FR: "Émettez un certificat dont la liste SAN contient ce nom d'hôte (ou un joker correspondant)."},
		"E")
	metaCertExpiry = certMeta("WEB-CERT-004", check.Medium,
		check.Text{EN: "Certificate does not expire within 30 days", FR: "Le certificat n'expire pas dans les 30 jours"},
		check.Text{EN: "The leaf certificate stays valid for more than 30 days after the scan.",
			FR: "Le certificat feuille reste valide plus de 30 jours après le scan."},
		check.Text{EN: "A renewal that fails unnoticed takes the site down, or pushes visitors through warnings.",
			FR: "Un renouvellement qui échoue sans que personne ne le voie rend le site inaccessible ou couvert d'alertes."},
		check.Text{EN: "Renew now and check that automatic renewal runs (certbot renew --dry-run).",
			FR: "Renouvelez maintenant et vérifiez que le renouvellement automatique fonctionne (certbot renew --dry-run)."},
		"")
)

// certApplies returns the SKIPPED or ERROR outcome when there is no certificate to judge.
func certApplies(e Evidence) (check.Outcome, bool) {
	if o, down := unreachable(e); down {
		return o, false
	}
	if !e.HTTPS.Reached && e.TLS.Leaf == nil {
		return check.Outcome{Status: check.Skipped,
			Message: check.Text{EN: "not applicable: HTTPS is not available (see WEB-HTTPS-001)",
				FR: "sans objet : HTTPS n'est pas disponible (voir WEB-HTTPS-001)"}}, false
	}
	if e.TLS.Leaf == nil {
		return check.Outcome{Status: check.Error,
			Message:  check.Textf("no certificate could be read: %s", "aucun certificat n'a pu être lu : %s", e.TLS.Error),
			Evidence: map[string]any{"error": e.TLS.Error}}, false
	}
	return check.Outcome{}, true
}

func certEvidence(e Evidence) map[string]any {
	c := e.TLS.Leaf
	ev := map[string]any{
		"subject": c.Subject, "issuer": c.Issuer, "not_before": c.NotBefore.UTC(), "not_after": c.NotAfter.UTC(),
		"sha256": c.SHA256, "chain_length": e.TLS.ChainLen, "self_signed": c.SelfSigned,
	}
	if len(c.DNSNames) > 0 {
		ev["dns_names"] = c.DNSNames
		for _, n := range c.DNSNames {
			if strings.HasPrefix(n, "*.") {
				ev["wildcard"] = true
			}
		}
	}
	if len(c.IPs) > 0 {
		ev["ip_addresses"] = c.IPs
	}
	return ev
}

// certFacts is the certificate's subject and fingerprint plus the named
// facts: each finding carries what it judged, the full set lives in WEB-CERT-001.
func certFacts(e Evidence, keys ...string) map[string]any {
	all := certEvidence(e)
	out := map[string]any{"subject": all["subject"], "sha256": all["sha256"]}
	for _, k := range keys {
		if v, ok := all[k]; ok {
			out[k] = v
		}
	}
	return out
}

func certExpired(e Evidence) bool {
	c := e.TLS.Leaf
	return c != nil && (e.CollectedAt.After(c.NotAfter) || e.CollectedAt.Before(c.NotBefore))
}

func evalCertTrust(e Evidence) check.Outcome {
	if o, ok := certApplies(e); !ok {
		return o
	}
	ev := certEvidence(e)
	if !e.TLS.Trusted {
		why := e.TLS.TrustErr
		if refused := refusedSignatures(e.TLS.Chain); len(refused) > 0 {
			// Go refuses these signatures outright (x509.InsecureAlgorithmError),
			// then reports the issuer as missing: the chain and the CA may be fine.
			why = check.Textf("%s, which browsers and Go refuse whoever the issuer is (see WEB-CERT-006)",
				"%s, que les navigateurs et Go refusent quel que soit l'émetteur (voir WEB-CERT-006)", check.Join(refused, "; ", " ; "))
		}
		ev["error"] = why
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Text{EN: "certificate is not trusted: " + why.EN, FR: "certificat non reconnu : " + why.FR}}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("certificate issued by %s chains to a trusted root",
			"le certificat émis par %s remonte à une racine de confiance", e.TLS.Leaf.Issuer)}
}

func evalCertValidity(e Evidence) check.Outcome {
	if o, ok := certApplies(e); !ok {
		return o
	}
	c, now, ev := e.TLS.Leaf, e.CollectedAt, certFacts(e, "not_before", "not_after")
	switch {
	case now.After(c.NotAfter):
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("certificate expired on %s (%s ago)", "certificat expiré le %s (il y a %s)",
				c.NotAfter.UTC().Format(time.DateOnly), check.Days(days(now.Sub(c.NotAfter))))}
	case now.Before(c.NotBefore):
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Textf("certificate is not valid before %s", "certificat non valide avant le %s",
				c.NotBefore.UTC().Format(time.DateOnly))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("certificate valid until %s", "certificat valide jusqu'au %s", c.NotAfter.UTC().Format(time.DateOnly))}
}

func evalCertName(e Evidence) check.Outcome {
	if o, ok := certApplies(e); !ok {
		return o
	}
	ev := certFacts(e, "dns_names", "ip_addresses", "wildcard")
	ev["host"] = e.Host
	if !e.TLS.NameOK {
		ev["error"] = e.TLS.NameErr
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: check.Text{EN: "certificate does not cover " + e.Host + ": " + e.TLS.NameErr.EN,
				FR: "le certificat ne couvre pas " + e.Host + " : " + e.TLS.NameErr.FR}}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("certificate covers %s", "le certificat couvre %s", e.Host)}
}

func evalCertExpiry(e Evidence) check.Outcome {
	if o, ok := certApplies(e); !ok {
		return o
	}
	c, now, ev := e.TLS.Leaf, e.CollectedAt, certFacts(e, "not_after")
	left := c.NotAfter.Sub(now)
	ev["days_left"] = days(left)
	switch {
	case left < 0 || now.Before(c.NotBefore):
		return check.Outcome{Status: check.Skipped, Evidence: ev,
			Message: check.Text{EN: "not applicable: the certificate is outside its validity period (see WEB-CERT-002)",
				FR: "sans objet : le certificat est hors de sa période de validité (voir WEB-CERT-002)"}}
	case left < ExpiryWarning:
		return check.Outcome{Status: check.Warn, Evidence: ev,
			Message: check.Textf("certificate expires in %s (%s)", "le certificat expire dans %s (%s)",
				check.Days(days(left)), c.NotAfter.UTC().Format(time.DateOnly))}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev,
		Message: check.Textf("certificate expires in %s", "le certificat expire dans %s", check.Days(days(left)))}
}

func days(d time.Duration) int { return int(math.Floor(d.Hours() / 24)) }

// refusedSignatures says which presented certificates are signed with SHA-1,
// MD5 or MD2; a self-signed one is left out, its own signature is never
// checked (a root) or not the reason (a self-signed leaf).
func refusedSignatures(chain []Cert) []check.Text {
	var out []check.Text
	for _, c := range chain {
		if !c.SelfSigned && weakSig(c.SigAlg) {
			out = append(out, check.Textf("%s is signed with %s", "%s est signé en %s", c.Subject, c.SigAlg))
		}
	}
	return out
}
