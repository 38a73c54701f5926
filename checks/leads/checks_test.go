package leads

import (
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

var june = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// table builds the evidence of a small table: header, then rows, "|" separated.
func table(t *testing.T, now time.Time, header string, rows ...string) Evidence {
	t.Helper()
	h := strings.Split(header, "|")
	var recs [][]string
	for _, r := range rows {
		recs = append(recs, strings.Split(r, "|"))
	}
	cols, err := Detect(h, 0, recs, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	ta := NewTally(cols, now, DefaultThresholds())
	for i, r := range recs {
		ta.Add(i+2, r)
	}
	return Evidence{Target: "t.csv", Format: "csv", AsOf: now, Columns: cols, Counts: ta.Counts()}
}

func run(t *testing.T, id string, e Evidence) check.Finding {
	t.Helper()
	c, ok := All().Lookup(id)
	if !ok {
		t.Fatalf("no check %s", id)
	}
	return c.Evaluate(e)
}

func TestChecks(t *testing.T) {
	cases := []struct {
		id      string
		now     time.Time
		header  string
		rows    []string
		status  check.Status
		records int
	}{
		// Retention: the right dates.
		{"LEAD-RET-001", june, "id|email|created_at|last_activity_at", []string{"1|a@gmail.com|2020-01-01|", "2|b@gmail.com|2020-01-01|2025-01-01", "3|c@gmail.com|2025-01-01|"}, check.Fail, 1},
		{"LEAD-RET-001", june, "id|email|created_at|last_open_at", []string{"1|a@gmail.com|2025-01-01|2020-01-01"}, check.Pass, 0},
		{"LEAD-RET-001", june, "id|email|created_at|lifecycle_stage", []string{"1|a@gmail.com|2020-01-01|customer"}, check.Pass, 0},
		{"LEAD-RET-001", june, "id|email|last_sent_at", []string{"1|a@gmail.com|2026-01-01"}, check.Skipped, 0},
		{"LEAD-RET-001", june, "id|email|created_at|last_sent_at", []string{"1|a@gmail.com|2020-01-01|2026-05-01"}, check.Fail, 1}, // a campaign sent is no contact
		{"LEAD-RET-002", june, "id|email|created_at", []string{"1|a@gmail.com|", "2|b@gmail.com|2027-01-01", "3|c@gmail.com|2025-01-01"}, check.Fail, 1},
		{"LEAD-RET-002", june, "id|email", []string{"1|a@gmail.com"}, check.Fail, 1},
		{"LEAD-RET-002", june, "id|email|created_at", []string{"1|a@gmail.com|2025-01-01"}, check.Pass, 0},
		{"LEAD-RET-003", june, "id|email|created_at|last_activity_at|last_open_at", []string{"1|a@gmail.com|2020-01-01|2021-01-01|2026-05-01", "2|b@gmail.com|2020-01-01||"}, check.Fail, 1},
		{"LEAD-RET-003", june, "id|email|created_at|last_open_at", []string{"1|a@gmail.com|2025-01-01|2026-01-01"}, check.Fail, 1},
		{"LEAD-RET-003", june, "id|email|created_at", []string{"1|a@gmail.com|2025-01-01"}, check.Skipped, 0},
		{"LEAD-RET-004", june, "id|email|is_customer|last_order_at|optin", []string{"1|a@gmail.com|yes|2021-01-01|yes", "2|b@gmail.com|yes|2025-01-01|yes"}, check.Fail, 1},
		{"LEAD-RET-005", june, "id|email|deleted", []string{"1|a@gmail.com|true", "2||true", "3|c@gmail.com|false"}, check.Fail, 1},
		{"LEAD-RET-005", june, "id|email|status", []string{"1|a@gmail.com|Open", "2|b@gmail.com|Archived"}, check.Fail, 1},
		{"LEAD-RET-005", june, "id|email|is_active", []string{"1|a@gmail.com|0"}, check.Fail, 1},
		{"LEAD-RET-006", june, "id|created_at|notes", []string{"1|2024-01-01|card 4970 1012 3456 7893", "2|2026-05-01|card 4970 1012 3456 7893"}, check.Fail, 1},
		// Consent.
		{"LEAD-CON-001", june, "id|email|company|optin", []string{"1|a@gmail.com||no", "2|b@acme.fr|Acme|", "3|c@gmail.com||yes", "4|contact@gmail.com||"}, check.Fail, 1},
		{"LEAD-CON-001", june, "id|email|company", []string{"1|jean@acme.fr|Acme"}, check.Pass, 0},
		{"LEAD-CON-001", june, "id|email|is_customer|last_order_at", []string{"1|a@gmail.com|yes|2026-01-01"}, check.Pass, 0}, // soft opt-in
		{"LEAD-CON-001", june, "id|email|unsubscribed", []string{"1|a@gmail.com|true"}, check.Pass, 0},
		{"LEAD-CON-001", june, "id|email|phone|company|optin|optin_sms", []string{"1|a@acme.fr|06 12 34 56 78||yes|no", "2|b@acme.fr|06 12 34 56 79||yes|yes"}, check.Fail, 1}, // SMS
		{"LEAD-CON-001", june, "id|phone|company|optin_sms", []string{"1|06 12 34 56 78||no"}, check.Skipped, 0},                                                               // no e-mail column
		{"LEAD-CON-002", june, "id|email|optin|consent_at|consent_source|consent_version", []string{"1|a@gmail.com|yes|2025-01-01|form|v2", "2|b@gmail.com|yes||form|v2"}, check.Fail, 1},
		{"LEAD-CON-002", june, "id|email|optin", []string{"1|a@gmail.com|yes"}, check.Fail, 1},
		{"LEAD-CON-003", june, "id|email|legal_basis|last_order_at", []string{"1|a@gmail.com|soft opt-in|", "2|b@gmail.com|soft opt-in|2025-01-01", "3|c@gmail.com|consent|"}, check.Fail, 1},
		{"LEAD-CON-005", june, "id|email|unsubscribed|marketing_contact_status", []string{"1|a@gmail.com|true|Marketing contact", "2|b@gmail.com|true|Non-marketing contact"}, check.Fail, 1},
		{"LEAD-CON-005", june, "id|email|unsubscribed|unsubscribed_at|last_sent_at", []string{"1|a@gmail.com|true|2025-01-01|2025-02-01", "2|b@gmail.com|true|2025-01-01|2024-12-01"}, check.Fail, 1},
		{"LEAD-CON-005", june, "id|email|optin", []string{"1|a@gmail.com|yes"}, check.Skipped, 0},
		{"LEAD-CON-006", june, "id|email|source|consent_partners", []string{"1|a@gmail.com|Jeu concours|", "2|b@gmail.com|Partenaire X|oui", "3|c@gmail.com|Formulaire site|"}, check.Fail, 1},
		{"LEAD-CON-007", june, "id|email|shared_with|consent_partners", []string{"1|a@gmail.com|Acme Media|", "2|b@gmail.com||", "3|c@gmail.com|Acme Media|yes"}, check.Fail, 1},
		{"LEAD-CON-008", june, "id|email|job_title", []string{"1|jean.dupont@acme.fr|", "2|marie.curie@acme.fr|CTO", "3|contact@acme.fr|", "4|jean.dupont@gmail.com|"}, check.Fail, 1},
		// Information.
		{"LEAD-INF-001", june, "id|email", []string{"1|a@gmail.com"}, check.Fail, 1},
		{"LEAD-INF-001", june, "id|email|lead_source", []string{"1|a@gmail.com|", "2|b@gmail.com|Salon Lyon"}, check.Fail, 1},
		{"LEAD-INF-002", june, "id|email|lead_source", []string{"1|a@gmail.com|Web", "2|b@gmail.com|Salon Lyon", "3|c@gmail.com|unknown"}, check.Fail, 2},
		{"LEAD-INF-003", june, "id|email|source|created_at|informed_at", []string{"1|a@gmail.com|Purchased List|2026-01-01|", "2|b@gmail.com|Purchased List|2026-05-25|", "3|c@gmail.com|LinkedIn|2026-01-01|2026-01-10", "4|d@gmail.com|Formulaire|2020-01-01|"}, check.Fail, 1},
		{"LEAD-INF-004", june, "id|email|source", []string{"1|a@gmail.com|LinkedIn", "2|jean@acme.fr|LinkedIn"}, check.Warn, 1},
		// Special categories and numbers.
		{"LEAD-SEN-001", june, "id|company|notes", []string{"1|Cancer Research Foundation|rappeler jeudi", "2|Acme|diabétique, à rappeler", "3|Acme|Works at Cancer Research Foundation"}, check.Fail, 1},
		{"LEAD-SEN-001", june, "id|email", []string{"1|a@gmail.com"}, check.Skipped, 0},
		{"LEAD-SEN-002", june, "id|email|religion", []string{"1|a@gmail.com|catholique", "2|b@gmail.com|"}, check.Fail, 1},
		{"LEAD-SEN-002", june, "id|email|origine", []string{"1|a@gmail.com|Salon"}, check.Pass, 0},
		{"LEAD-SEN-003", june, "id|commentaire", []string{"1|client au chômage", "2|rappeler lundi"}, check.Fail, 1},
		{"LEAD-SEN-004", june, "id|notes", []string{"1|NIR 1 85 05 78 006 084 91", "2|ref 1 85 05 78 006 084 92"}, check.Fail, 1},
		{"LEAD-SEN-005", june, "id|notes|order", []string{"1|4970 **** **** 7893|4970101234567890", "2|paid with 4970101234567893|"}, check.Fail, 1},
		{"LEAD-SEN-005", june, "id|notes", []string{"1|4970 **** **** 7893"}, check.Pass, 0},
		{"LEAD-SEN-006", june, "id|cvv", []string{"1|123", "2|"}, check.Fail, 1},
		{"LEAD-SEN-007", june, "id|notes", []string{"1|FR76 3000 6000 0112 3456 7890 189"}, check.Fail, 1},
		{"LEAD-SEN-008", june, "id|date_de_naissance", []string{"1|01/01/2013", "2|01/01/1980"}, check.Fail, 1},
		{"LEAD-SEN-008", june, "id|date_de_naissance", []string{"1|01/01/2010"}, check.Warn, 1},
		{"LEAD-SEC-001", june, "id|mot_de_passe", []string{"1|azerty123", "2|$2b$12$abcdefghijklmnopqrstuv"}, check.Fail, 1},
		{"LEAD-SEC-001", june, "id|password", []string{"1|$2b$12$abcdefghijklmnopqrstuv"}, check.Warn, 1},
		{"LEAD-SEC-001", june, "id|email", []string{"1|a@gmail.com"}, check.Pass, 0},
	}
	for _, c := range cases {
		f := run(t, c.id, table(t, c.now, c.header, c.rows...))
		if f.Status != c.status {
			t.Errorf("%s %s: %s (%s), want %s", c.id, c.header, f.Status, f.Message.EN, c.status)
			continue
		}
		if n, ok := f.Evidence["records"].(int); !ok || (c.status != check.Skipped && n != c.records) {
			t.Errorf("%s %s: %d records, want %d", c.id, c.header, n, c.records)
		}
	}
}

// TestPhoneRuleCutoff: the same table on both sides of 11 Aug 2026.
func TestPhoneRuleCutoff(t *testing.T) {
	header := "id|phone|company|bloctel_checked_at|consent_phone"
	rows := []string{"1|06 12 34 56 78||2026-08-01|", "2|08 99 12 34 56||2026-08-01|", "3|06 98 76 54 32|Acme|2026-08-01|", "4|07 11 22 33 44||2026-08-01|oui"}
	cases := []struct {
		now    time.Time
		status check.Status
	}{
		{time.Date(2026, 8, 10, 12, 0, 0, 0, time.UTC), check.Warn}, // Bloctel checked, consent not yet required
		{time.Date(2026, 8, 11, 0, 0, 0, 0, time.UTC), check.Fail},  // prior consent required
		{time.Date(2026, 9, 20, 0, 0, 0, 0, time.UTC), check.Fail},
	}
	for _, c := range cases {
		f := run(t, "LEAD-CON-009", table(t, c.now, header, rows...))
		if f.Status != c.status || f.Evidence["records"] != 1 {
			t.Errorf("%s: %s with %v records (%s), want %s with 1", c.now.Format(time.DateOnly), f.Status, f.Evidence["records"], f.Message.EN, c.status)
		}
	}
	// Before the cutoff, a stale Bloctel check fails.
	f := run(t, "LEAD-CON-009", table(t, time.Date(2026, 8, 10, 0, 0, 0, 0, time.UTC), header, "1|06 12 34 56 78||2026-06-01|"))
	if f.Status != check.Fail {
		t.Errorf("stale Bloctel check: %s", f.Status)
	}
}

// TestPhoneAdviceFollowsDate: the advice fits the scan's date: before the
// cutoff, collect consent before it; after, collect it or stop calling. The
// remediation, the same on any date, promises no date still to come.
func TestPhoneAdviceFollowsDate(t *testing.T) {
	header := "id|phone|company|bloctel_checked_at|consent_phone"
	fix := metaConPhone.Remediation
	for _, s := range []string{fix.EN, fix.FR} {
		for _, w := range []string{" now", "maintenant", "before 11 Aug", "avant le 11 août"} {
			if strings.Contains(s, w) {
				t.Errorf("remediation %q says %q, wrong once the date has passed", s, w)
			}
		}
	}
	cases := []struct {
		now     time.Time
		bloctel string
		want    []string
		wantNot []string
	}{
		{time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), "2026-07-20", []string{"before then", "avant cette date"}, []string{"stop", "cessez"}},
		{time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC), "2026-05-01", []string{"before then", "avant cette date"}, []string{"stop", "cessez"}},
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), "2026-11-20", []string{"stop calling", "cessez de l"}, []string{"before", "avant"}},
	}
	for _, c := range cases {
		f := run(t, "LEAD-CON-009", table(t, c.now, header, "1|06 12 34 56 78||"+c.bloctel+"|"))
		msg := f.Message.EN + " | " + f.Message.FR
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q lacks %q", c.now.Format(time.DateOnly), msg, w)
			}
		}
		for _, w := range c.wantNot {
			if strings.Contains(msg, w) {
				t.Errorf("%s: %q says %q", c.now.Format(time.DateOnly), msg, w)
			}
		}
	}
}

func TestPrefilledConsent(t *testing.T) {
	var rows []string
	for i := range 60 {
		rows = append(rows, strings.Join([]string{string(rune('a' + i%26)), "x@gmail.com", "yes", "2025-01-01 10:00:00", "2025-01-01 10:00:00"}, "|"))
	}
	if f := run(t, "LEAD-CON-004", table(t, june, "id|email|optin|consent_at|created_at", rows...)); f.Status != check.Fail {
		t.Errorf("pre-ticked: %s", f.Status)
	}
	rows[0] = "a|x@gmail.com|no||2025-01-01 10:00:00"
	rows[1] = "b|x@gmail.com|no||2025-01-01 10:00:00"
	rows[2] = "c|x@gmail.com|no||2025-01-01 10:00:00"
	rows[3] = "d|x@gmail.com|no||2025-01-01 10:00:00"
	if f := run(t, "LEAD-CON-004", table(t, june, "id|email|optin|consent_at|created_at", rows...)); f.Status != check.Pass {
		t.Errorf("a real choice: %s", f.Status)
	}
}

func TestProblemIsErrorNeverPass(t *testing.T) {
	msg := check.Text{EN: "x", FR: "x"}
	e := Evidence{Target: "t.csv", Problem: &msg}
	for _, c := range All() {
		if f := c.Evaluate(e); f.Status != check.Error {
			t.Errorf("%s: %s on an unreadable source", c.Meta().ID, f.Status)
		}
	}
}
