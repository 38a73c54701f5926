// Package leadscan reads lead tables (CSV, XLSX, SQLite, PostgreSQL,
// MySQL/MariaDB) into the evidence
// the checks/leads family judges: one streamed pass, read-only, bounded in
// size, rows, cell length and time, with the columns found without mapping.
package leadscan

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vigie-security/vigie/checks/leads"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/textenc"
)

// Source is one lead table to check.
type Source struct {
	Path       string            // a .csv/.tsv/.txt, .xlsx, or SQLite file (.db, .sqlite, .sqlite3, or by its header); or a DSN
	DSN        string            // postgres://… or mysql://…, over Path; never shown (Target is host:port/db)
	Table      string            // the database table or the XLSX sheet; "" picks the one that looks like leads
	Columns    map[string]string // role → column label, over detection (leads.Roles lists the roles)
	Limits     Limits            // zero fields take DefaultLimits
	Thresholds leads.Thresholds  // zero fields take leads.DefaultThresholds
	plan       leads.PlanSink    // set by WritePlan: every record to act on
	// sheetPeeked: Prepare chose the sheet by peeking at every one, so no
	// other holds leads and the unit need not peek again.
	sheetPeeked bool
}

// Plan is a source resolved: its format known, its table chosen.
type Plan struct {
	src    Source
	db     *dsn
	Format string // csv, xlsx, sqlite, postgres, mysql
	Target string // the path, with "#table" for a database; a server's host:port/db, never its DSN
}

// Prepare checks that the source can be opened and chooses its format and
// table; reading the rows is the unit's work.
func Prepare(src Source) (*Plan, error) {
	src.Limits = src.Limits.withDefaults()
	src.Thresholds = src.Thresholds.WithDefaults()
	if err := leads.CheckRoles(src.Columns); err != nil {
		return nil, err
	}
	if src.DSN == "" && IsDSN(src.Path) {
		src.DSN, src.Path = src.Path, ""
	}
	if src.DSN != "" {
		return prepareDB(src)
	}
	st, err := os.Stat(src.Path)
	if err != nil {
		return nil, check.Errorf("%s: %v", "%s : %v", src.Path, check.FileReason(err))
	}
	if st.IsDir() {
		return nil, atPath(src.Path, check.Errorf("a directory, not a lead file", "un dossier, pas un fichier de prospects"))
	}
	if !st.Mode().IsRegular() {
		// A pipe would block the unit's open, which no timeout ends, and
		// format would eat its first bytes.
		return nil, atPath(src.Path, check.Errorf("not a regular file (%s)", "pas un fichier ordinaire (%s)", st.Mode().Type()))
	}
	p := &Plan{src: src, Target: src.Path}
	switch p.Format = format(src.Path); p.Format {
	case "sqlite":
		table, err := chooseTable(src)
		if err != nil {
			return nil, atPath(src.Path, err)
		}
		p.src.Table, p.Target = table, src.Path+"#"+table
	case "xlsx":
		if st.Size() > src.Limits.MaxXLSX {
			return nil, atPath(src.Path, check.Errorf("%d bytes, over the %d-byte limit for a workbook (export it as CSV, which is streamed)",
				"%d octets, au-delà de la limite de %d octets pour un classeur (exportez-le en CSV, lu en flux)", st.Size(), src.Limits.MaxXLSX))
		}
		sheet, several, err := chooseSheet(src)
		if err != nil {
			return nil, atPath(src.Path, err)
		}
		p.src.Table, p.src.sheetPeeked = sheet, src.Table == "" && several
		if several && textenc.IsLabel(sheet) {
			p.Target = src.Path + "#" + sheet // as a SQLite table: which sheet was read
		}
	case "csv":
		if st.Size() > src.Limits.MaxFile {
			return nil, atPath(src.Path, check.Errorf("%d bytes, over the %d-byte limit", "%d octets, au-delà de la limite de %d octets", st.Size(), src.Limits.MaxFile))
		}
	default:
		return nil, atPath(src.Path, check.Errorf("not a lead file vigie reads (CSV, TSV, XLSX or SQLite)",
			"pas un fichier de prospects que vigie sait lire (CSV, TSV, XLSX ou SQLite)"))
	}
	if err := p.checkColumns(); err != nil {
		return nil, atPath(src.Path, err)
	}
	return p, nil
}

// checkColumns reads the header of a CSV or SQLite source when columns are
// configured, so a column the file lacks is a usage mistake said before the
// scan, not an ERROR on every check. A workbook is read whole by its unit
// only; a source that cannot be read is said by the unit as before.
func (p *Plan) checkColumns() error {
	if len(p.src.Columns) == 0 || p.Format != "csv" && p.Format != "sqlite" {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), p.src.Limits.Timeout)
	defer cancel()
	var rows rowReader
	var err error
	if p.Format == "csv" {
		rows, err = openCSV(p.src)
	} else {
		rows, err = openSQLite(ctx, p.src)
	}
	if err != nil {
		return nil
	}
	defer rows.Close()
	var wrong leads.ColumnError
	if _, _, _, err := head(rows, p.src); errors.As(err, &wrong) {
		return err
	}
	return nil
}

// Units is the plan's work: one unit, the table. now is the reference
// date of every retention and consent rule.
func (p *Plan) Units(now time.Time) []engine.Unit {
	return []engine.Unit{{Family: check.FamilyLeads, Target: p.Target, Checks: leads.All(),
		Collect: func(ctx context.Context, _ engine.Pacer) (any, error) { return p.Collect(ctx, now), nil }}}
}

// Collect reads the table and returns its evidence; a source that cannot
// be read gives evidence with a Problem, so every check reports an error.
func (p *Plan) Collect(ctx context.Context, now time.Time) leads.Evidence {
	ev := leads.Evidence{Target: p.Target, Format: p.Format, AsOf: now, Thresholds: p.src.Thresholds}
	p.collect(ctx, now, &ev)
	return ev
}

// collect fills ev; its target and columns are set before the first row
// is judged, for the plan's sink.
func (p *Plan) collect(ctx context.Context, now time.Time, ev *leads.Evidence) {
	var rows rowReader
	var err error
	switch p.Format {
	case "csv":
		rows, err = openCSV(p.src)
	case "xlsx":
		rows, err = openXLSX(p.src)
	case "sqlite":
		rows, err = openSQLite(ctx, p.src)
	case "postgres", "mysql":
		// Past the statement timeout and the connection's, a server that
		// stops answering still cannot hold the scan.
		q := *p
		q.src.Limits.Timeout = within(ctx, p.src.Limits.Timeout)
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, q.src.Limits.Timeout+connectTimeout)
		defer cancel()
		rows, err = q.openDB(ctx, ev)
	}
	if err == nil {
		defer rows.Close()
		err = judge(ctx, rows, p.src, now, ev)
	}
	if err != nil {
		msg := check.Textf("could not read %s: %v", "lecture impossible de %s : %v", ev.Target, err)
		ev.Problem = &msg
	}
	if p.src.DSN == "" {
		// A SQLite base or a workbook is downloaded from public_html as
		// easily as a CSV: every file source is judged.
		ev.File = fileFacts(p.src.Path)
	}
}

// within shortens a database's statement timeout to the time the caller
// left (the scan's unit timeout): the server's own timeout error, which
// names the limit, then comes before the context's silent cancellation.
func within(ctx context.Context, limit time.Duration) time.Duration {
	if dl, ok := ctx.Deadline(); ok {
		if left := time.Until(dl) - time.Second; left < limit {
			return max(left, time.Second).Round(100 * time.Millisecond)
		}
	}
	return limit
}

func format(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".tsv", ".txt":
		return "csv"
	case ".xlsx", ".xlsm":
		return "xlsx"
	case ".db", ".sqlite", ".sqlite3", ".db3":
		return "sqlite"
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 16)
	n, _ := f.Read(head)
	switch {
	case string(head[:n]) == "SQLite format 3\x00":
		return "sqlite"
	case n >= 4 && string(head[:4]) == "PK\x03\x04":
		return "xlsx"
	}
	return ""
}

// fileFacts: who may read the export, and whether a web server publishes it.
func fileFacts(path string) *leads.File {
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	abs, _ := filepath.Abs(path)
	web := false
	for _, part := range strings.Split(filepath.ToSlash(abs), "/") {
		switch strings.ToLower(part) {
		case "public_html", "www", "htdocs", "wwwroot", "public", "webroot", "html":
			web = true
		}
	}
	return &leads.File{Mode: uint32(st.Mode().Perm()), WebServed: web, Modified: st.ModTime()}
}

// atPath is err after the file it is about: "leads.csv: …" in English,
// "leads.csv : …" in French.
func atPath(path string, err error) error { return check.Errorf("%s: %v", "%s : %v", path, err) }
