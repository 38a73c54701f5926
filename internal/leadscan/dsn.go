package leadscan

import (
	"net"
	"net/url"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// dsn is a database source: the connection string is kept for the driver
// only; everything shown is Target, which has no user and no password.
type dsn struct {
	engine   string // postgres, mysql
	raw      string
	u        *url.URL
	password string
	user     string
	target   string // scheme://host:port/db
}

// IsDSN reports whether s is a PostgreSQL or MySQL/MariaDB URL rather than
// a file: vigie leads check takes both.
func IsDSN(s string) bool {
	scheme, _, ok := strings.Cut(s, "://")
	if !ok {
		return false
	}
	switch strings.ToLower(scheme) {
	case "postgres", "postgresql", "mysql", "mariadb":
		return true
	}
	return false
}

// parseDSN reads a postgres:// or mysql:// URL. Its errors never quote it.
func parseDSN(s string) (*dsn, error) {
	if ambiguous(s) {
		return nil, check.Errorf("the DSN is ambiguous (more than one @ before the host): percent-encode the password (%%40 for @, %%2F for /)",
			"le DSN est ambigu (plus d'un @ avant l'hôte) : encodez le mot de passe en pourcentage (%%40 pour @, %%2F pour /)")
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, check.Errorf("the database URL cannot be parsed (expected postgres://user:password@host:port/db or mysql://…)",
			"l'URL de la base de données est illisible (forme attendue : postgres://utilisateur:mot-de-passe@hôte:port/base ou mysql://…)")
	}
	d := &dsn{raw: s, u: u}
	switch strings.ToLower(u.Scheme) {
	case "postgres", "postgresql":
		d.engine = "postgres"
	case "mysql", "mariadb":
		d.engine = "mysql"
	default:
		return nil, check.Errorf("not a postgres:// or mysql:// URL", "l'URL n'est ni postgres:// ni mysql://")
	}
	if u.User != nil {
		d.password, _ = u.User.Password()
		d.user = u.User.Username()
	}
	if d.password == "" && d.engine == "postgres" {
		d.password = u.Query().Get("password") // pgx reads it there too: scrubbed the same
	}
	host, port := u.Hostname(), u.Port()
	if host == "" {
		return nil, check.Errorf("the database URL names no host", "l'URL de la base de données ne nomme aucun hôte")
	}
	if port == "" {
		port = map[string]string{"postgres": "5432", "mysql": "3306"}[d.engine]
	}
	db := strings.TrimPrefix(u.Path, "/")
	if d.engine == "mysql" && db == "" {
		return nil, check.Errorf("the MySQL URL names no database (mysql://user:password@host:port/db)",
			"l'URL MySQL ne nomme aucune base (mysql://utilisateur:mot-de-passe@hôte:port/base)")
	}
	d.target = d.engine + "://" + net.JoinHostPort(host, port) + "/" + db
	return d, nil
}

// ambiguous: a password pasted raw with an @, /, ? or # leaves an @ where
// url.Parse does not look for one, and would read the password's pieces as
// the host, port or database (shown in every report, resolved by DNS). The
// raw text is judged, before any parse: more than one @ in the authority, or
// an @ in the path, the fragment or a query parameter's name.
func ambiguous(s string) bool {
	_, rest, _ := strings.Cut(s, "://")
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if strings.Count(rest[:end], "@") > 1 {
		return true
	}
	rest, frag, _ := strings.Cut(rest[end:], "#")
	path, query, _ := strings.Cut(rest, "?")
	if strings.Contains(path, "@") || strings.Contains(frag, "@") {
		return true
	}
	for _, kv := range strings.Split(query, "&") {
		if k, _, _ := strings.Cut(kv, "="); strings.Contains(k, "@") {
			return true // a value may hold an @ (?password=p@ss), a name never does
		}
	}
	return false
}

// scrub removes the connection string and its password from a driver's
// message: drivers may quote either, and neither may reach a report.
func (d *dsn) scrub(msg string) string {
	msg = strings.ReplaceAll(msg, d.raw, d.target)
	if d.password != "" {
		msg = strings.ReplaceAll(msg, d.password, "***")
		if esc := url.QueryEscape(d.password); esc != d.password {
			msg = strings.ReplaceAll(msg, esc, "***")
		}
		if esc := url.PathEscape(d.password); esc != d.password {
			msg = strings.ReplaceAll(msg, esc, "***")
		}
	}
	if len(d.user) >= 3 && d.user != "postgres" && d.user != "root" && d.user != "mysql" {
		// A login may be a person's name; the target never shows it either.
		msg = strings.ReplaceAll(msg, d.user, "***")
	}
	return msg
}
