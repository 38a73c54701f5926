package report

import "strings"

// mdEscaper makes any text inert inside a Markdown table cell or line: every
// character that could end a cell, open code, a link, emphasis, an entity or
// raw HTML is backslash-escaped (CommonMark allows it before any ASCII
// punctuation), and line breaks, which would end the table row, become spaces.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "|", `\|`, "<", `\<`, ">", `\>`, "&", `\&`,
	"*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "~", `\~`,
	"\r\n", " ", "\n", " ", "\r", " ", "\u2028", " ", "\u2029", " ",
)

func mdInline(s string) string { return mdEscaper.Replace(s) }

// mdTrusted is for vigie's own check texts (titles, risks, remediations),
// written with code spans: only what would end a cell or a line is escaped.
// Nothing a scan read may go through it.
var mdTrusted = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ").Replace

// mdLink links only plain web addresses; anything else is printed, escaped.
func mdLink(title, url string) string {
	if title == "" {
		title = url
	}
	if (strings.HasPrefix(url, "https://") || strings.HasPrefix(url, "http://")) && !strings.ContainsAny(url, " ()<>\"'`|\\\n\r\t") {
		return "[" + mdInline(title) + "](" + url + ")"
	}
	if url == "" || url == title {
		return mdInline(title)
	}
	return mdInline(title) + " " + mdInline(url)
}

// mdCut shortens a cell to n runes, so one long message cannot make a ticket unreadable.
func mdCut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
