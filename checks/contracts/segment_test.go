package contracts

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// A run-on "sentence" of 5,000 bytes is read to its end: the breach
// deadline in its last words is found.
func TestLongSentenceIsReadToTheEnd(t *testing.T) {
	filler := strings.Repeat("the parties agree on the general terms and conditions set out in the schedules hereto and ", 60)
	text := filler[:5000-90] + " and the Processor shall notify the Controller of any personal data breach within 24 hours."
	if len(text) < 5000 {
		t.Fatalf("sentence is %d bytes", len(text))
	}
	r := level(t, Analyze(doc(text)), "A28-33-breach-deadline")
	if r.Level != Specific {
		t.Errorf("deadline at the end of a %d-byte sentence = %s, want specific", len(text), r.Level)
	}
}

// Pieces are bounded, valid UTF-8, in order, and together hold every byte.
func TestPiecesCoverEveryByte(t *testing.T) {
	// No two pieces of the same text: each is found where it was cut.
	var words, glued strings.Builder
	for i := range 1500 {
		words.WriteString("clause" + strconv.Itoa(i) + " données ")
		glued.WriteString(strconv.Itoa(10000+i) + "é")
	}
	for name, s := range map[string]string{
		"words":     words.String(),
		"no spaces": glued.String(),
		"one space": strings.Repeat("a", 1199) + " " + glued.String(),
		"short":     "a short one.",
	} {
		pieces := appendPieces(nil, s)
		covered := 0 // s[:covered] is in some piece
		from := 0
		for i, p := range pieces {
			if len(p) > maxSentence || !utf8.ValidString(p) || p == "" {
				t.Fatalf("%s: piece %d: %d bytes, valid %v", name, i, len(p), utf8.ValidString(p))
			}
			at := strings.Index(s[from:], p)
			if at < 0 {
				t.Fatalf("%s: piece %d is not the text that follows", name, i)
			}
			at += from
			if at > covered && strings.TrimSpace(s[covered:at]) != "" {
				t.Fatalf("%s: bytes %d-%d in no piece", name, covered, at)
			}
			covered, from = at+len(p), at+1
		}
		if strings.TrimSpace(s[covered:]) != "" {
			t.Errorf("%s: the text after byte %d is in no piece", name, covered)
		}
	}
}

// HTML a Markdown file carries ends its sentences with its tags: each list
// item is a sentence of its own, not a piece of one run-on text.
func TestSentencesEndAtMarkup(t *testing.T) {
	got, _ := splitSentences(nil, "<li>process only on documented instructions;</li> <li>assist the controller with DPIAs.</li>")
	if len(got) < 2 || !strings.HasSuffix(got[0], "instructions;") || !strings.HasPrefix(got[1], "</li> <li>assist") {
		t.Errorf("got %q", got)
	}
}
