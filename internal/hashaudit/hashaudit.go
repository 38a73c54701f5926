// Package hashaudit streams a file of stored passwords (one per line, or a
// CSV column) through the password family's recogniser. Memory stays flat
// whatever the file's size, and no value is kept.
package hashaudit

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/fileread"
	"github.com/vigie-security/vigie/internal/textenc"
)

// MaxLine bounds one line, and one CSV record (a quoted value may span
// lines): no hash format comes near it.
const MaxLine = 64 << 10

// AuditFile audits path; column names a CSV column (header name or 1-based
// index). Without one, a CSV header naming a hash or password column is used,
// else every line is a value.
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
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	first, _, _ := bytes.Cut(head, []byte("\n"))
	sep := byte(0)
	for _, s := range []byte{';', ',', '\t'} {
		if bytes.IndexByte(first, s) >= 0 {
			sep = s
			break
		}
	}
	if column == "" && sep != 0 {
		for i, h := range strings.Split(strings.TrimSpace(string(first)), string(sep)) {
			if isHashColumn(h) {
				column = strconv.Itoa(i + 1)
				break
			}
		}
	}
	if column == "" {
		a, err := lines(ctx, br, name)
		return a, "", err
	}
	if sep == 0 {
		sep = ','
	}
	return csvColumn(ctx, br, name, column, rune(sep))
}

// isHashColumn: a label naming a password column. The label test comes
// first: a hash's random letters may spell "mdp".
func isHashColumn(h string) bool {
	if !textenc.IsLabel(h) {
		return false
	}
	h = strings.ToLower(textenc.Clean(h))
	for _, k := range []string{"hash", "password", "passwd", "mot_de_passe", "motdepasse"} {
		if strings.Contains(h, k) {
			return true
		}
	}
	// "mdp" is a whole word (mdp, mdp_hash): inside one ("mdpsoleil") it
	// may be a password, which would become the label of every finding.
	return slices.Contains(strings.FieldsFunc(h, func(r rune) bool { return !unicode.IsLetter(r) }), "mdp")
}

// usualColumns are words a header of stored passwords names its columns
// with. A first line of short words ("jdoe,soleil") reads as labels too:
// its cells are printed only when one of them is such a word.
var usualColumns = []string{"id", "uid", "user", "users", "username", "login", "mail", "email", "courriel", "name", "nom", "prenom", "prénom",
	"identifiant", "utilisateur", "account", "compte", "salt", "sel", "created", "updated", "date", "role", "rôle", "status", "statut",
	"pwd", "address", "adresse", "at", "first", "last", "full"}

// namesAColumn reports whether a cell of a header is a hash column's name
// or is made of the usual columns' words (or their plurals): "user_name",
// "EmailAddress" and "logins" are; "Compteur", "Emailing" and "super_user",
// which may be a person's password, are not.
func namesAColumn(header []string) bool {
	return slices.ContainsFunc(header, namesOne)
}

func namesOne(h string) bool {
	if isHashColumn(h) {
		return true
	}
	words := headerWords(textenc.Clean(h))
	usual := func(w string) bool {
		return slices.ContainsFunc(usualColumns, func(u string) bool { return w == u || w == u+"s" })
	}
	// Every word a column's: "user_name" is one; "super_user", which may be
	// someone's password, is not.
	return len(words) > 0 && !slices.ContainsFunc(words, func(w string) bool { return !usual(w) })
}

// shownColumns lists a header's cells for an error: a cell that names a
// column by itself as written, any other by its position ("jdoe,super_user"
// shows "column 1, super_user": the login is never printed).
func shownColumns(header []string) check.Text {
	en, fr := make([]string, len(header)), make([]string, len(header))
	for i, h := range header {
		if namesOne(h) {
			en[i], fr[i] = textenc.Clean(h), textenc.Clean(h)
		} else {
			en[i], fr[i] = fmt.Sprintf("column %d", i+1), fmt.Sprintf("colonne %d", i+1)
		}
	}
	return check.Text{EN: strings.Join(en, ", "), FR: strings.Join(fr, ", ")}
}

// headerWords splits a column name into lower-case words at anything not a
// letter and where camel case starts a word ("EmailAddress": email, address).
func headerWords(h string) []string {
	var words []string
	var w []rune
	prevLower := false
	for _, r := range h {
		if !unicode.IsLetter(r) || unicode.IsUpper(r) && prevLower {
			if len(w) > 0 {
				words = append(words, string(w))
			}
			w = w[:0]
		}
		if unicode.IsLetter(r) {
			w = append(w, unicode.ToLower(r))
		}
		prevLower = unicode.IsLower(r)
	}
	if len(w) > 0 {
		words = append(words, string(w))
	}
	return words
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
	// it names a password column, else the column's number.
	label := fmt.Sprintf("column %d", idx+1)
	if !byIndex || isHashColumn(header[idx]) {
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
	if byIndex && !isHeader {
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
