package schedule

import (
	"strconv"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

var (
	daysFR   = [...]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."}
	monthsFR = [...]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}
)

// FormatTime is a run's time as a reader of l writes it, in t's zone:
// "Wed 2026-12-02 02:30 CET", "mer. 2 déc. 2026 02:30 CET"; the seconds only
// when there are some (an @every schedule).
func FormatTime(t time.Time, l check.Lang) string {
	clock := "15:04 MST"
	if t.Second() != 0 {
		clock = "15:04:05 MST"
	}
	if l != check.FR {
		return t.Format("Mon 2006-01-02 " + clock)
	}
	day := strconv.Itoa(t.Day())
	if t.Day() == 1 {
		day = "1er" // le premier du mois
	}
	return daysFR[t.Weekday()] + " " + day + " " + monthsFR[t.Month()-1] + " " + t.Format("2006 "+clock)
}

// timeText is t in both languages, for the runner's log.
func timeText(t time.Time) check.Text {
	return check.Text{EN: FormatTime(t, check.EN), FR: FormatTime(t, check.FR)}
}

// elapsed is how long a run took, as a person writes it: to the millisecond
// under a minute, to the second beyond.
func elapsed(d time.Duration) string {
	if d >= time.Minute {
		return config.FormatDuration(d.Round(time.Second))
	}
	return config.FormatDuration(d.Round(time.Millisecond))
}
