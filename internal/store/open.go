package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// DefaultBusyTimeout is how long a write waits for another vigie holding
// the history before giving up.
const DefaultBusyTimeout = 5 * time.Second

// Option changes how Open treats the history.
type Option func(*options)

type options struct {
	busy      time.Duration
	statement time.Duration
	retention Retention
}

// WithBusyTimeout sets how long a write waits for a lock held by another
// process (DefaultBusyTimeout otherwise); in PostgreSQL, its lock_timeout.
func WithBusyTimeout(d time.Duration) Option { return func(o *options) { o.busy = d } }

// WithStatementTimeout bounds each PostgreSQL statement
// (DefaultStatementTimeout otherwise); SQLite has no server to wait for.
func WithStatementTimeout(d time.Duration) Option { return func(o *options) { o.statement = d } }

// WithRetention sets what Save keeps (DefaultRetention otherwise).
func WithRetention(r Retention) Option { return func(o *options) { o.retention = r } }

func settings(opts []Option) options {
	o := options{busy: DefaultBusyTimeout, statement: DefaultStatementTimeout, retention: DefaultRetention}
	for _, f := range opts {
		f(&o)
	}
	return o
}

// create makes sure path is a regular file, creating it empty and private
// (0600) when missing, so that SQLite, opened with mode=rw, never creates a
// file itself with the process's default mode.
func create(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err == nil {
		return f.Close()
	}
	if !errors.Is(err, fs.ErrExist) {
		return check.Errorf("opening history %s: %v", "ouverture de l'historique %s : %v", path, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return check.Errorf("opening history %s: %v", "ouverture de l'historique %s : %v", path, err)
	}
	if !fi.Mode().IsRegular() {
		return refuse(path, "history %q is not a regular file (%v)", "l'historique %q n'est pas un fichier ordinaire (%v)", check.FileKind(fi.Mode()))
	}
	return nil
}

// dsn is the SQLite URI of path. The path is made absolute and
// percent-escaped: '?' and '#' end a URI's path and '%' starts an escape, so
// "scan#1.db" pasted as is would open a file named "scan".
func dsn(path string, o options) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", check.Errorf("opening history %s: %v", "ouverture de l'historique %s : %v", path, err)
	}
	return "file:" + escapePath(abs) +
		"?mode=rw" + // never create: create did, with mode 0600
		"&_pragma=busy_timeout(" + strconv.FormatInt(o.busy.Milliseconds(), 10) + ")" +
		"&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)" + // a kill or a power cut loses at most the scan being saved
		"&_txlock=immediate" + // a writer takes the lock at BEGIN, so it waits instead of failing half-way
		"&_defensive=1", nil
}

// escapePath percent-escapes every byte of p but the unreserved ones and '/'.
func escapePath(p string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~/", c) >= 0:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
