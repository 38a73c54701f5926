package leadscan

import (
	"context"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
)

// prepareDB checks the DSN without connecting: a server that is down must
// give the scan an error finding, not stop it from starting.
func prepareDB(src Source) (*Plan, error) {
	d, err := parseDSN(src.DSN)
	if err != nil {
		return nil, check.Errorf("database source: %v", "source de base de données : %v", err)
	}
	p := &Plan{src: src, db: d, Format: d.engine, Target: d.target}
	if src.Table != "" {
		p.Target += "#" + src.Table
	}
	return p, nil
}

// openDB connects, reads the server's facts into ev and starts the scan;
// the table chosen joins the target.
func (p *Plan) openDB(ctx context.Context, ev *leads.Evidence) (rowReader, error) {
	var rows rowReader
	var table string
	var facts *leads.DB
	var err error
	switch p.Format {
	case "postgres":
		var r *pgRows
		r, table, facts, err = openPostgres(ctx, p.src, p.db)
		rows = r
	case "mysql":
		var r *myRows
		r, table, facts, err = openMySQL(ctx, p.src, p.db)
		rows = r
	}
	// The server's facts and the table chosen hold even when the scan then
	// failed (a statement timeout): the database checks still judge them.
	ev.DB = facts
	if table != "" {
		ev.Target = p.db.target + "#" + table
	}
	if err != nil {
		return nil, err
	}
	return rows, nil
}
