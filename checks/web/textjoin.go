package web

import (
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// joinText joins texts in each language, with each one's separator (French
// spaces its semicolons: " ; ").
func joinText(ts []check.Text, sepEN, sepFR string) check.Text {
	en, fr := make([]string, len(ts)), make([]string, len(ts))
	for i, t := range ts {
		en[i], fr[i] = t.EN, t.FR
	}
	return check.Text{EN: strings.Join(en, sepEN), FR: strings.Join(fr, sepFR)}
}
