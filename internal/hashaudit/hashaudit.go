// Package hashaudit streams a file of stored passwords (one per line, or a
// CSV column) through the password family's recogniser. Memory stays flat
// whatever the file's size, and no value is kept.
package hashaudit

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/textenc"
)

// MaxLine bounds one line, and one CSV record (a quoted value may span
// lines): no hash format comes near it.
const MaxLine = 64 << 10

// AuditFile audits path; column names a CSV column (header name or 1-based
// index). Without one, chooseColumn finds it, or reads every line as a value.
func AuditFile(ctx context.Context, path, column string) (password.HashEvidence, error) {
	f, err := fileread.Open(path)
	if err != nil {
		return password.HashEvidence{}, check.Errorf("reading stored passwords: %v", "lecture des mots de passe stockés : %v", err)
	}
	defer f.Close()
	a, col, err := Audit(ctx, f, path, column)
	target := path
	if col != "" {
		target += "#" + col
	}
	return password.HashEvidence{Target: target, Audit: a}, err
}

// Audit reads r; name labels errors. It returns the column it used.
func Audit(ctx context.Context, r io.Reader, name, column string) (password.HashAudit, string, error) {
	br := bufio.NewReaderSize(r, MaxLine)
	head, err := br.Peek(MaxLine)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return password.HashAudit{}, "", check.Prefixed{Prefix: name + ": ", Err: err} // not a short file: a failed read
	}
	whole := errors.Is(err, io.EOF)
	sep := separator(head)
	if column == "" {
		if column, err = chooseColumn(head, whole, name); err != nil {
			return password.HashAudit{}, "", err
		}
	}
	// Settled: a value only the whole column can name (ASP.NET Identity
	// V2) is decided once every value is counted.
	if column == "" {
		a, err := lines(ctx, br, name)
		return a.Settled(), "", err
	}
	if sep == 0 {
		sep = ','
	}
	a, col, err := csvColumn(ctx, br, name, column, rune(sep))
	return a.Settled(), col, err
}

func lines(ctx context.Context, r io.Reader, name string) (password.HashAudit, error) {
	var a password.HashAudit
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), MaxLine)
	for sc.Scan() {
		a.Lines++
		if a.Lines%16384 == 0 && ctx.Err() != nil {
			return a, ctx.Err()
		}
		a.Add(password.Recognise(strings.TrimPrefix(sc.Text(), "\ufeff")))
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return a, check.Prefixed{Prefix: fmt.Sprintf("%s:%d: ", name, a.Lines+1), Err: check.Errorf(
				"line longer than %d KB: not a file of stored passwords", "ligne de plus de %d Ko : ce n'est pas un fichier de mots de passe stockés", MaxLine>>10)}
		}
		return a, fmt.Errorf("%s:%d: %w", name, a.Lines+1, err)
	}
	return a, nil
}

// csvColumn audits one column. Errors and the returned label never carry a
// cell of the file: a file without a header starts with an e-mail and a
// password, so the first line is shown only when it reads as labels.
func csvColumn(ctx context.Context, r io.Reader, name, column string, sep rune) (password.HashAudit, string, error) {
	var a password.HashAudit
	lim := &recordLimit{r: r}
	cr := csv.NewReader(lim)
	cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord, cr.LazyQuotes = sep, -1, true, true
	read := func() ([]string, error) {
		lim.start = cr.InputOffset()
		return cr.Read()
	}
	header, err := read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return a, column, check.Prefixed{Prefix: name + ": ", Err: check.Errorf("the file is empty: no header, no column %q", "le fichier est vide : ni en-tête, ni colonne %q", column)}
		}
		return a, column, check.Prefixed{Prefix: name + ":1: ", Err: check.Errorf("reading the header: %v", "lecture de l'en-tête : %v", err)}
	}
	_, isHeader := textenc.Labels(header)
	idx := -1
	n, err := strconv.Atoi(column)
	byIndex := err == nil && n >= 1
	if byIndex {
		if n > len(header) {
			return a, column, check.Prefixed{Prefix: name + ":1: ", Err: check.Errorf("no column %d: the line has %s", "pas de colonne %d : la ligne a %s", n, textenc.Columns(len(header)))}
		}
		idx = n - 1
	} else {
		for i, h := range header {
			if strings.EqualFold(textenc.Clean(h), strings.TrimSpace(column)) {
				idx = i
			}
		}
	}
	switch {
	case idx < 0 && isHeader && namesAColumn(header):
		return a, column, check.Prefixed{Prefix: name + ":1: ", Err: check.Errorf("no column %q (columns: %s)", "pas de colonne %q (colonnes : %s)", column, shownColumns(header))}
	case idx < 0 && isHeader:
		return a, column, check.Prefixed{Prefix: name + ":1: ", Err: check.Errorf(
			"no column %q: the first line has %s, none named so, and none of its cells names a usual column (login, email, hash…), so they are not shown: they may be values",
			"pas de colonne %q : la première ligne a %s, aucune nommée ainsi, et aucune de ses cellules ne nomme une colonne habituelle (login, email, hash…) : elles ne sont pas affichées, ce sont peut-être des valeurs",
			column, textenc.Columns(len(header)))}
	case idx < 0:
		return a, column, check.Prefixed{Prefix: name + ":1: ", Err: check.Errorf(
			"the first line does not look like a header: %s, none named %q; add a header line, or give the column by its number (--column 2)",
			"la première ligne ne ressemble pas à un en-tête : %s, aucune nommée %q ; ajoutez une ligne d'en-tête, ou donnez le numéro de la colonne (--column 2)",
			textenc.Columns(len(header)), column)}
	}
	// The label names the target in every finding: a header cell only when
	// it names a password column (or says something of one), else the
	// column's number.
	label := fmt.Sprintf("column %d", idx+1)
	if !byIndex || (hashColumn(header, idx) || namesHash(header[idx])) && besideAColumn(header, idx) {
		label = textenc.Clean(header[idx])
	}
	add := func(rec []string) {
		a.Lines++
		if idx < len(rec) {
			a.Add(password.Recognise(rec[idx]))
		} else {
			a.Add(password.Recognise(""))
		}
	}
	if byIndex && !isHeader && !wordsNameHash(header[idx]) {
		add(header) // no header: the first line is a value too
	}
	for line := 2; ; line++ {
		rec, err := read()
		if errors.Is(err, io.EOF) {
			return a, label, nil
		}
		if err != nil {
			return a, label, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if a.Lines%16384 == 0 && ctx.Err() != nil {
			return a, label, ctx.Err()
		}
		add(rec)
	}
}

// recordLimit fails a read once one CSV record has pulled more than MaxLine
// bytes, so neither a line without newlines nor an unclosed quote can make
// the reader buffer the file whole. The caller sets start to the record's
// offset; the count includes the CSV reader's 4 KB read-ahead, which only a
// record of 60 KB, far from any hash, can notice.
type recordLimit struct {
	r            io.Reader
	total, start int64
}

func (l *recordLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if l.total += int64(n); l.total-l.start > MaxLine {
		return 0, check.Errorf("a line or quoted value longer than %d KB: not a CSV of stored passwords",
			"ligne ou valeur entre guillemets de plus de %d Ko : ce n'est pas un CSV de mots de passe stockés", MaxLine>>10)
	}
	return n, err
}
