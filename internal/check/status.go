package check

// Status is the outcome of one check on one target.
type Status string

const (
	Pass    Status = "PASS"
	Fail    Status = "FAIL"
	Warn    Status = "WARN"
	Error   Status = "ERROR"   // the check could not be evaluated (target unreachable, unreadable file…)
	Skipped Status = "SKIPPED" // not applicable to this target
	Waived  Status = "WAIVED"  // a person accepted the risk until a date
)

// Statuses lists every status, worst first.
var Statuses = []Status{Fail, Error, Warn, Pass, Skipped, Waived}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, k := range Statuses {
		if s == k {
			return true
		}
	}
	return false
}

// Label is the status as shown to a person.
func (s Status) Label(lang Lang) string {
	if lang != FR {
		return string(s)
	}
	switch s {
	case Pass:
		return "OK"
	case Fail:
		return "ÉCHEC"
	case Warn:
		return "ALERTE"
	case Error:
		return "ERREUR"
	case Skipped:
		return "IGNORÉ"
	case Waived:
		return "DÉROGÉ"
	}
	return string(s)
}
