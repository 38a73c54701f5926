package leadscan

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgconn"
)

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
			return errors.New("authentication failed: wrong password or user for this database (or no pg_hba.conf line lets it in)")
		case pg.Code == "3D000":
			return errors.New("the database does not exist")
		case pg.Code == "57014":
			return fmt.Errorf("the statement timed out after %s (statement_timeout)", timeout)
		case pg.Code == "25006":
			return errors.New("the server refused a write in the read-only session")
		case strings.HasPrefix(pg.Code, "42"):
			return fmt.Errorf("the account may not read the table, or it does not exist (SQLSTATE %s)", pg.Code)
		case pg.Code == "53300":
			return errors.New("the server has too many connections")
		}
		return fmt.Errorf("the server refused the query (SQLSTATE %s)", pg.Code)
	case errors.As(err, &my):
		switch my.Number {
		case 1045, 1698:
			return errors.New("authentication failed: wrong password or user for this database")
		case 1049:
			return errors.New("the database does not exist")
		case 3024, 1969, 1317:
			return fmt.Errorf("the statement timed out after %s (max_execution_time / max_statement_time)", timeout)
		case 1142, 1146, 1044:
			return fmt.Errorf("the account may not read the table, or it does not exist (MySQL error %d)", my.Number)
		case 1792:
			return errors.New("the server refused a write in the read-only transaction")
		case 1040:
			return errors.New("the server has too many connections")
		}
		return fmt.Errorf("the server refused the query (MySQL error %d)", my.Number)
	case errors.Is(err, mysql.ErrInvalidConn):
		return fmt.Errorf("the server stopped answering or closed the connection (read timeout %s)", timeout)
	case errors.Is(err, syscall.ECONNREFUSED):
		return errors.New("connection refused: no database server listens there")
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("the server did not answer within %s", timeout)
	case errors.Is(err, context.Canceled):
		return errors.New("the read was cancelled")
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return errors.New("the host name does not resolve")
	}
	// A driver's own message (a TLS refusal, a broken packet): masked.
	return errors.New(d.scrub(err.Error()))
}
