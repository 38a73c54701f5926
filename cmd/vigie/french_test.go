package main

import (
	"context"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/catalog"
)

// englishWords never belong in French prose; a hit outside quoted text
// (a document's own words «…», a header or command `…` or '…', a URL) is
// a message vigie forgot to translate.
var englishWords = regexp.MustCompile(`(?i)\b(the|and|with|without|not|none|found|missing|tested|header row|listing|characters|should|must|which|because|there|this|that|these|from|only|every|each|days|hours|months|years)\b`)

// englishDecimal is a decimal written with a point before a unit a French
// reader reads (79.6 bits, 33.3 %): French writes 79,6.
var englishDecimal = regexp.MustCompile(`\b\d+\.\d+ ?(%|bits|pts|points)`)

// quoted removes what vigie quotes rather than writes: a document's words,
// literals, URLs, hosts and file names.
var quoted = regexp.MustCompile("(?s)«[^»]*»|`[^`]*`|'[^'\\n]*'|\"[^\"\\n]*\"|https?://\\S+|\\b[\\w.-]+\\.(com|fr|org|txt|md|pdf|docx|odt|html|csv|xlsx|yaml|db)\\b|\\b\\w+(?:[-_]\\w+)+\\b")

// TestFrenchEverywhere renders every check and every report the demo makes
// in French and fails on English words in vigie's own text.
func TestFrenchEverywhere(t *testing.T) {
	fr := map[string]string{"LANG": "fr_FR.UTF-8"}
	outputs := map[string]string{}
	for _, f := range []string{"table", "markdown", "junit", "csv"} {
		r := vigie(t, context.Background(), fr, "demo", "--format", f, "--no-color")
		if r.code != 0 && r.code != exitThreshold {
			t.Fatalf("demo --format %s: %+v", f, r.stderr)
		}
		outputs["demo "+f] = r.stdout
	}
	for _, c := range catalog.All() {
		id := c.Meta().ID
		outputs["checks "+id] = vigie(t, context.Background(), fr, "checks", id).stdout
	}
	for name, out := range outputs {
		out = html.UnescapeString(out) // JUnit's XML escapes quotes: read the text
		for i, line := range strings.Split(quoted.ReplaceAllString(out, "…"), "\n") {
			if m := englishWords.FindString(line); m != "" {
				t.Errorf("%s, line %d: English %q in %q", name, i+1, m, strings.TrimSpace(line))
			}
			if m := englishDecimal.FindString(line); m != "" {
				t.Errorf("%s, line %d: an English decimal %q in %q", name, i+1, m, strings.TrimSpace(line))
			}
		}
	}
}
