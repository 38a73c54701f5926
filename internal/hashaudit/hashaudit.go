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
	"os"
	"strconv"
	"strings"

	"github.com/vigie-security/vigie/checks/password"
)

// MaxLine bounds one line: no hash format comes near it.
const MaxLine = 64 << 10

// AuditFile audits path; column names a CSV column (header name or 1-based
// index). Without one, a CSV header naming a hash or password column is used,
// else every line is a value.
func AuditFile(ctx context.Context, path, column string) (password.HashEvidence, error) {
	f, err := os.Open(path)
	if err != nil {
		return password.HashEvidence{}, fmt.Errorf("reading stored passwords: %w", err)
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

func isHashColumn(h string) bool {
	h = strings.ToLower(strings.Trim(strings.TrimSpace(h), `"`))
	for _, k := range []string{"hash", "password", "passwd", "mot_de_passe", "motdepasse", "mdp"} {
		if strings.Contains(h, k) {
			return true
		}
	}
	return false
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
			return a, fmt.Errorf("%s:%d: line longer than %d KB: not a file of stored passwords", name, a.Lines+1, MaxLine>>10)
		}
		return a, fmt.Errorf("%s:%d: %w", name, a.Lines+1, err)
	}
	return a, nil
}

func csvColumn(ctx context.Context, r io.Reader, name, column string, sep rune) (password.HashAudit, string, error) {
	var a password.HashAudit
	cr := csv.NewReader(&lineLimit{r: r})
	cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord, cr.LazyQuotes = sep, -1, true, true
	header, err := cr.Read()
	if err != nil {
		return a, column, fmt.Errorf("%s:1: reading the header: %w", name, err)
	}
	idx := -1
	if n, err := strconv.Atoi(column); err == nil && n >= 1 {
		idx = n - 1
	}
	for i, h := range header {
		if strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")), column) {
			idx = i
		}
	}
	if idx < 0 || idx >= len(header) {
		return a, column, fmt.Errorf("%s:1: no column %q (columns: %s)", name, column, strings.Join(header, ", "))
	}
	label := strings.TrimSpace(strings.TrimPrefix(header[idx], "\ufeff"))
	for line := 2; ; line++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return a, label, nil
		}
		if err != nil {
			return a, label, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		a.Lines++
		if a.Lines%16384 == 0 && ctx.Err() != nil {
			return a, label, ctx.Err()
		}
		if idx < len(rec) {
			a.Add(password.Recognise(rec[idx]))
		} else {
			a.Add(password.Recognise(""))
		}
	}
}

// lineLimit fails a read once a line grows past MaxLine, so a file without
// newlines cannot make the CSV reader buffer it whole.
type lineLimit struct {
	r   io.Reader
	run int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			l.run = 0
		} else if l.run++; l.run > MaxLine {
			return 0, fmt.Errorf("line longer than %d KB: not a CSV of stored passwords", MaxLine>>10)
		}
	}
	return n, err
}
