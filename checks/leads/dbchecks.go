package leads

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// dbc wraps a database-level check: a file has no server to ask (SKIPPED);
// a server that could not be reached is an error; a table that could not
// be scanned still has its server facts judged.
func dbc(m check.Meta, fn func(Evidence, *DB) check.Outcome) check.Check {
	return check.Typed[Evidence]{M: m, Fn: func(e Evidence) check.Outcome {
		switch {
		case e.DB != nil:
			return fn(e, e.DB)
		case e.Problem != nil:
			return check.Outcome{Status: check.Error, Message: *e.Problem, Evidence: e.base()}
		}
		return check.Outcome{Status: check.Skipped, Evidence: e.base(), Message: t(
			"a file source: no database account, privileges or server settings to check",
			"une source fichier : pas de compte, de droits ni de réglages de serveur à vérifier")}
	}}
}

func (e Evidence) dbBase(d *DB) map[string]any {
	ev := e.base()
	ev["engine"] = d.Engine
	if d.Version != "" {
		ev["server_version"] = d.Version
	}
	ev["records"] = e.Counts.Rows // the records the account reaches
	if len(d.Unknown) > 0 {
		ev["not_readable"] = d.Unknown
	}
	return ev
}

// fromParts joins the reasons of a finding, in both languages.
func fromParts(en, fr []string) check.Text {
	return check.Text{EN: strings.Join(en, "; "), FR: strings.Join(fr, " ; ")}
}

func evalSecPrivileges(e Evidence, d *DB) check.Outcome {
	ev := e.dbBase(d)
	ev["superuser"], ev["owns_table"], ev["all_privileges"] = d.Superuser, d.Owner, d.AllPrivileges
	if len(d.Writes) > 0 {
		ev["write_privileges"] = d.Writes
	}
	if len(d.Public) > 0 {
		ev["public_privileges"] = d.Public
	}
	if d.Engine != "postgres" {
		ev["anonymous_account"] = d.Anonymous
	}
	var en, fr []string
	if d.Superuser {
		en, fr = append(en, "the application account is a superuser"), append(fr, "le compte applicatif est superutilisateur")
	}
	if d.Owner {
		en, fr = append(en, "the application account owns the lead table"), append(fr, "le compte applicatif est propriétaire de la table de leads")
	}
	if d.AllPrivileges && !d.Superuser && !d.Owner {
		en, fr = append(en, "the application account holds every privilege on the table (GRANT ALL)"), append(fr, "le compte applicatif détient tous les droits sur la table (GRANT ALL)")
	}
	if len(d.Public) > 0 {
		p := strings.Join(d.Public, ", ")
		en, fr = append(en, "every account may "+p+" the table (PUBLIC)"), append(fr, "tout compte a "+p+" sur la table (PUBLIC)")
	}
	if d.Anonymous {
		en, fr = append(en, "an anonymous account (empty user name) exists"), append(fr, "un compte anonyme (nom vide) existe")
	}
	switch {
	case len(en) > 0:
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: fromParts(en, fr)}
	case !d.known("privileges"):
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t(
			"the account's privileges could not all be read; none found is excessive",
			"les droits du compte n'ont pu être tous lus ; aucun de ceux lus n'est excessif")}
	case d.Engine != "postgres" && !d.known("anonymous accounts"):
		// An application account usually may not read mysql.user: what
		// could not be seen does not pass.
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t(
			"the account's privileges are not excessive, but whether an anonymous account exists could not be read (mysql.user)",
			"les droits du compte ne sont pas excessifs, mais l'existence d'un compte anonyme n'a pu être lue (mysql.user)")}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: t(
		"the account is neither superuser nor owner, holds no GRANT ALL on the table, and the table has no PUBLIC grant",
		"le compte n'est ni superutilisateur ni propriétaire, n'a pas de GRANT ALL sur la table, et la table n'a aucun droit PUBLIC")}
}

// accountName is the login without MySQL's @host part.
func accountName(a string) string {
	if i := strings.LastIndexByte(a, '@'); i >= 0 {
		a = a[:i]
	}
	return strings.ToLower(strings.Trim(a, "'`\""))
}

func evalSecGeneric(e Evidence, d *DB) check.Outcome {
	ev := e.dbBase(d)
	name := accountName(d.Account)
	if name == "" {
		ev["records"] = 0
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t("the account name could not be read", "le nom du compte n'a pu être lu")}
	}
	if !genericAccounts[name] {
		ev["account_generic"] = false
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: t(
			"the account has a name of its own, not a generic or default one",
			"le compte a un nom propre, ni générique ni par défaut")}
	}
	ev["account_generic"], ev["account"] = true, name // a role's name, not a person's
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Textf(
		"the lead table is read with the generic account %q: its actions cannot be traced to one application or person",
		"la table de leads est lue avec le compte générique %q : ses actions ne peuvent être rattachées à une application ou une personne", name)}
}

func evalSecAudit(e Evidence, d *DB) check.Outcome {
	ev := e.dbBase(d)
	ev["connections_logged"] = d.ConnLog
	ev["statement_audit"] = d.StmtAudit
	if d.StmtAudit == "" {
		ev["statement_audit"] = "none"
	}
	switch {
	case !d.known("audit settings") && !d.ConnLog && d.StmtAudit == "":
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t(
			"the audit settings could not be read with this account; none found on",
			"les réglages d'audit n'ont pu être lus avec ce compte ; aucun trouvé actif")}
	case !d.ConnLog && d.StmtAudit == "":
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: t(
			"neither connections nor statements are logged: who read the leads cannot be shown",
			"ni les connexions ni les requêtes ne sont journalisées : qui a lu les leads ne peut être montré")}
	case d.StmtAudit == "":
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t(
			"connections are logged but not statements: what was read or exported is not traced",
			"les connexions sont journalisées mais pas les requêtes : ce qui a été lu ou exporté n'est pas tracé")}
	case !d.ConnLog:
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf(
			"statements are audited (%s) but connections are not logged", "les requêtes sont auditées (%s) mais les connexions ne sont pas journalisées", d.StmtAudit)}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Textf(
		"connections are logged and statements audited (%s)", "les connexions sont journalisées et les requêtes auditées (%s)", d.StmtAudit)}
}

func evalSecTransport(e Evidence, d *DB) check.Outcome {
	ev := e.dbBase(d)
	ev["server_tls"], ev["connection_tls"] = d.ServerTLS, d.ConnTLS
	if d.Engine != "postgres" {
		ev["require_secure_transport"] = d.RequireTLS
	}
	if d.Listen != "" {
		ev["listen"] = d.Listen
	}
	ev["listens_on_all_interfaces"] = d.ListenAnyHost
	var en, fr []string
	switch {
	case !d.ServerTLS && d.known("tls settings"):
		en, fr = append(en, "the server does not offer TLS (ssl off)"), append(fr, "le serveur ne propose pas TLS (ssl désactivé)")
	case !d.ConnTLS:
		en, fr = append(en, "vigie's own connection ran without TLS: the server accepts clear-text logins"), append(fr, "la connexion de vigie elle-même était sans TLS : le serveur accepte les connexions en clair")
	}
	if len(en) > 0 {
		if d.ListenAnyHost {
			en, fr = append(en, "and it listens on every interface"), append(fr, "et il écoute sur toutes les interfaces")
		}
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: fromParts(en, fr)}
	}
	if d.Engine != "postgres" && !d.RequireTLS {
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: t(
			"this connection used TLS, but require_secure_transport is OFF: other clients may connect in clear",
			"cette connexion utilisait TLS, mais require_secure_transport est OFF : d'autres clients peuvent se connecter en clair")}
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: t("the server offers TLS and this connection used it",
		"le serveur propose TLS et cette connexion l'utilisait")}
}
