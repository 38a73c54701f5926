package leadscan

import (
	"context"
	"errors"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/vigie-security/vigie/internal/check"
)

var errTooMany = check.Errorf("the server has too many connections", "le serveur a trop de connexions")

// serverErr says what a PostgreSQL or MySQL error means for the audit,
// naming the database but never the connection string, and never a
// server message that could quote a row's value.
func serverErr(err error, d *dsn, timeout time.Duration) error {
	if err == nil {
		return nil
	}
	var pg *pgconn.PgError
	var my *mysql.MySQLError
	var ne net.Error
	switch {
	case errors.As(err, &pg):
		switch {
		case pg.Code == "28P01" || pg.Code == "28000":
			return check.Errorf("authentication failed: wrong password or user for this database (or no pg_hba.conf line lets it in)",
				"échec d'authentification : mot de passe ou utilisateur erroné pour cette base (ou aucune ligne de pg_hba.conf ne l'autorise)")
		case pg.Code == "3D000":
			return check.Errorf("the database does not exist", "la base de données n'existe pas")
		case pg.Code == "57014":
			return check.Errorf("the statement timed out after %s (statement_timeout)", "la requête a dépassé le délai de %s (statement_timeout)", timeout)
		case pg.Code == "25006":
			return check.Errorf("the server refused a write in the read-only session", "le serveur a refusé une écriture dans la session en lecture seule")
		case strings.HasPrefix(pg.Code, "42"):
			return check.Errorf("the account may not read the table, or it does not exist (SQLSTATE %s)",
				"le compte n'a pas le droit de lire la table, ou elle n'existe pas (SQLSTATE %s)", pg.Code)
		case pg.Code == "53300":
			return errTooMany
		}
		return check.Errorf("the server refused the query (SQLSTATE %s)", "le serveur a refusé la requête (SQLSTATE %s)", pg.Code)
	case errors.As(err, &my):
		switch my.Number {
		case 1045, 1698:
			return check.Errorf("authentication failed: wrong password or user for this database",
				"échec d'authentification : mot de passe ou utilisateur erroné pour cette base")
		case 1049:
			return check.Errorf("the database does not exist", "la base de données n'existe pas")
		case 3024, 1969, 1317:
			return check.Errorf("the statement timed out after %s (max_execution_time / max_statement_time)",
				"la requête a dépassé le délai de %s (max_execution_time / max_statement_time)", timeout)
		case 1142, 1146, 1044:
			return check.Errorf("the account may not read the table, or it does not exist (MySQL error %d)",
				"le compte n'a pas le droit de lire la table, ou elle n'existe pas (erreur MySQL %d)", my.Number)
		case 1792:
			return check.Errorf("the server refused a write in the read-only transaction", "le serveur a refusé une écriture dans la transaction en lecture seule")
		case 1040:
			return errTooMany
		}
		return check.Errorf("the server refused the query (MySQL error %d)", "le serveur a refusé la requête (erreur MySQL %d)", my.Number)
	case errors.Is(err, mysql.ErrInvalidConn):
		return check.Errorf("the server stopped answering or closed the connection (read timeout %s)",
			"le serveur a cessé de répondre ou a fermé la connexion (délai de lecture %s)", timeout)
	case errors.Is(err, syscall.ECONNREFUSED):
		return check.Errorf("connection refused: no database server listens there", "connexion refusée : aucun serveur de base de données n'écoute à cette adresse")
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return check.Errorf("the server did not answer within %s", "le serveur n'a pas répondu en %s", timeout)
	case errors.Is(err, context.Canceled):
		return check.Errorf("the read was cancelled", "la lecture a été annulée")
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return check.Errorf("the host name does not resolve", "le nom d'hôte est introuvable (DNS)")
	}
	// A driver's own message (a TLS refusal, a broken packet): masked.
	return errors.New(d.scrub(err.Error()))
}
