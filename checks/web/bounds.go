package web

import "github.com/vigie-security/vigie/internal/check"

// withCut appends to m, when the page's body was cut at the probe's limit,
// that only its first bytes were judged: a long page is judged on what was
// read, never skipped, and the reader knows the rest was not seen.
func withCut(m check.Text, p Probe, ev map[string]any) check.Text {
	if !p.BodyTruncated {
		return m
	}
	ev["body_read_bytes"] = len(p.Body)
	cut := check.Textf(" (the page was cut: only its first %d bytes were read)",
		" (page tronquée : seuls ses %d premiers octets ont été lus)", len(p.Body))
	return check.Text{EN: m.EN + cut.EN, FR: m.FR + cut.FR}
}

// maxEvidenceName bounds one name (cookie, header) written into evidence.
const maxEvidenceName = 100

func shortName(s string) string {
	if len(s) <= maxEvidenceName {
		return s
	}
	cut := maxEvidenceName
	for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}
