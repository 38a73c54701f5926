package contracts

import (
	"fmt"

	"github.com/vigie-security/vigie/internal/check"
)

// Level is how well a document covers an element.
type Level int

const (
	Missing  Level = iota // no clause counts (a negated or carved-out one included)
	Restated              // the clause only repeats the Article
	Present               // the clause exists, with nothing concrete
	Specific              // the clause carries concrete content: a delay, a list, an annex, a procedure, a named tool
)

var levelNames = [...]string{"missing", "restated", "present", "specific"}

func (l Level) String() string {
	if l < 0 || int(l) >= len(levelNames) {
		return fmt.Sprintf("level(%d)", int(l))
	}
	return levelNames[l]
}

// Label is the level as a person reads it.
func (l Level) Label(lang check.Lang) string {
	if lang == check.FR {
		return [...]string{"absent", "recopié", "présent", "précis"}[l]
	}
	return l.String()
}

// Counts reports whether the element is there at all (restated included).
func (l Level) Counts() bool { return l > Missing }

// ParseLevel reads a level name.
func ParseLevel(s string) (Level, error) {
	for i, n := range levelNames {
		if n == s {
			return Level(i), nil
		}
	}
	return Missing, check.Errorf("unknown level %q (want missing, restated, present or specific)", "niveau inconnu %q (attendu : \"missing\", \"restated\", \"present\" ou \"specific\")", s)
}
