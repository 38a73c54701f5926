package demo

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // writes the demo's lead base

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/leadscan"
)

// Where the demo's lead sources are reported to be: a HubSpot export left
// in a folder a web server publishes, and the in-house French base.
const (
	LeadsExport = "demo/www/exports/hubspot-contacts.csv"
	LeadsBase   = "demo/leads/prospects.db"
	LeadsTable  = "prospects"
)

// writeLeads puts the demo's two lead sources under root, their records
// made by code relative to now (no real person in them).
func writeLeads(root string, now time.Time) error {
	if err := writeExport(filepath.Join(root, filepath.FromSlash(LeadsExport)), now); err != nil {
		return fmt.Errorf("%s: %w", LeadsExport, err)
	}
	if err := writeBase(filepath.Join(root, filepath.FromSlash(LeadsBase)), now); err != nil {
		return fmt.Errorf("%s: %w", LeadsBase, err)
	}
	return nil
}

// writeExport writes the HubSpot export readable by everyone (0644), as
// exports left on a web server are: LEAD-SEC-006 is about that.
func writeExport(path string, now time.Time) error {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	header := make([]string, len(hubspotColumns))
	for i, c := range hubspotColumns {
		header[i] = c.label
	}
	_ = w.Write(header)
	_ = w.WriteAll(hubspotRows(now)) // into a buffer: cannot fail
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Chmod(path, 0o644) // whatever the umask
}

// writeBase writes the French base as SQLite, one transaction.
func writeBase(path string, now time.Time) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, crmTableSQL()); err != nil {
		return err
	}
	insert := "INSERT INTO prospects VALUES (" + strings.TrimSuffix(strings.Repeat("?, ", len(crmColumns)), ", ") + ")"
	for i, c := range crmRows(now) {
		if _, err := tx.ExecContext(ctx, insert, c.cells(i+1)...); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	return os.Chmod(path, 0o600)
}

// leadPlans prepares the two sources, named as the report shows them.
func leadPlans(root string) ([]*leadscan.Plan, error) {
	var out []*leadscan.Plan
	for _, s := range []struct{ name, table string }{{LeadsExport, ""}, {LeadsBase, LeadsTable}} {
		p, err := leadscan.Prepare(leadscan.Source{Path: filepath.Join(root, filepath.FromSlash(s.name)), Table: s.table})
		if err != nil {
			return nil, check.Errorf("demo lead source %s: %v", "source de prospects de démonstration %s : %v", s.name, err)
		}
		p.Target = s.name
		if s.table != "" {
			p.Target += "#" + s.table
		}
		out = append(out, p)
	}
	return out, nil
}
