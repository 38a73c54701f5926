package report

import "github.com/vigie-security/vigie/internal/check"

// NotMet frames a check's title, which says what passing looks like
// ("No form posts to plain HTTP"), for a place that lists the check as a
// problem: there the bare title reads as the opposite of the finding.
func NotMet(title check.Text) check.Text {
	return check.Textf("Not met: “%s”", "Non respecté : « %s »", title)
}

// PartlyMet is NotMet for a check that only warns.
func PartlyMet(title check.Text) check.Text {
	return check.Textf("Partly met: “%s”", "Partiellement respecté : « %s »", title)
}
