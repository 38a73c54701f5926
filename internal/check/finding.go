package check

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
)

// Finding is the outcome of one check on one target.
type Finding struct {
	CheckID     string         `json:"check_id"`
	Family      Family         `json:"family"`
	Status      Status         `json:"status"`
	Severity    Severity       `json:"severity"`
	Target      string         `json:"target"`
	Message     Text           `json:"message"`
	Evidence    map[string]any `json:"evidence,omitempty"`
	Fingerprint string         `json:"fingerprint"`
	Waiver      *Waiver        `json:"waiver,omitempty"`
}

// Waiver records why a person accepted a finding, and until when.
type Waiver struct {
	Statement string    `json:"statement"`
	Expires   time.Time `json:"expires"`
	Source    string    `json:"source"` // waiver file and line
	Was       Status    `json:"was"`    // the status before the waiver
}

// Outcome is what a pure evaluation decides; the check turns it into a Finding.
type Outcome struct {
	Status   Status
	Message  Text
	Evidence map[string]any
}

// NewFinding builds the finding of check m on target.
func NewFinding(m Meta, target string, o Outcome) Finding {
	return Finding{
		CheckID:     m.ID,
		Family:      m.Family,
		Status:      o.Status,
		Severity:    m.Severity,
		Target:      target,
		Message:     o.Message,
		Evidence:    o.Evidence,
		Fingerprint: Fingerprint(m.ID, target),
	}
}

// ErrorFinding reports that check m could not be evaluated on target.
func ErrorFinding(m Meta, target string, reason Text, evidence map[string]any) Finding {
	return NewFinding(m, target, Outcome{Status: Error, Message: reason, Evidence: evidence})
}

// Fingerprint identifies a check on a target across scans: the same check on
// the same target written differently (case, default port, trailing slash)
// gets the same fingerprint.
func Fingerprint(checkID, target string) string {
	sum := sha256.Sum256([]byte(checkID + "\x00" + NormalizeTarget(target)))
	return hex.EncodeToString(sum[:8])
}

// NormalizeTarget folds the spellings of one target into one form.
func NormalizeTarget(target string) string {
	// Every check of a target asks in a row (42 for a web target): the last
	// answer is kept, so the URL is parsed once rather than once a finding.
	if c := lastNormalized.Load(); c != nil && c.target == target {
		return c.norm
	}
	n := normalizeTarget(target)
	lastNormalized.Store(&normalized{target, n})
	return n
}

type normalized struct{ target, norm string }

var lastNormalized atomic.Pointer[normalized]

func normalizeTarget(target string) string {
	t := strings.TrimSpace(target)
	if u, err := url.Parse(t); err == nil && u.Scheme != "" && u.Host != "" {
		u.Scheme = strings.ToLower(u.Scheme)
		host, port := strings.ToLower(u.Hostname()), u.Port()
		if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
			port = ""
		}
		u.Host = host
		if port != "" {
			u.Host = joinHostPort(host, port)
		}
		u.Path = strings.TrimRight(u.Path, "/")
		u.RawQuery = normalQuery(u.Query())
		u.Fragment, u.User = "", nil
		return u.String()
	}
	if strings.Contains(t, "://") {
		return strings.ToLower(t)
	}
	return filepath.ToSlash(filepath.Clean(t))
}

// normalQuery keeps the query: /search?q=a and /search?q=b are two pages.
// Parameters are sorted, so one page written two ways is one target, and
// campaign tags (utm_*, gclid, fbclid…) are dropped: they do not change the page.
func normalQuery(q url.Values) string {
	for k := range q {
		switch lk := strings.ToLower(k); {
		case strings.HasPrefix(lk, "utm"), lk == "gclid", lk == "fbclid", lk == "msclkid", lk == "mc_cid", lk == "mc_eid":
			delete(q, k)
		}
	}
	return q.Encode()
}

func joinHostPort(host, port string) string {
	if strings.Contains(host, ":") {
		return "[" + host + "]:" + port
	}
	return host + ":" + port
}
