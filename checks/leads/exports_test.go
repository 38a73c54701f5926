package leads

import (
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// csvTable is table for a comma-separated export, as the tool writes it
// (no quoted cells in these samples).
func csvTable(t *testing.T, lines ...string) Evidence {
	t.Helper()
	for i, l := range lines {
		lines[i] = strings.ReplaceAll(l, ",", "|")
	}
	return table(t, june, lines[0], lines[1:]...)
}

// TestContactsExports: address books as Google Contacts and Outlook export
// them (every person invented).
func TestContactsExports(t *testing.T) {
	google := []string{
		"Name,Given Name,Family Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name",
		"Zoé Fictif,Zoé,Fictif,,* myContacts,* Home,zoe.fictif@gmail.com,Mobile,+33 6 12 00 00 01,",
		"Yann Exemple,Yann,Exemple,,* myContacts,* Work,yann.exemple@societe-fictive.example,Work,+33 1 99 00 00 02,Société Fictive",
	}
	outlook := []string{
		"First Name,Last Name,Title,E-mail Address,E-mail 2 Address,Home Phone,Business Phone,Mobile Phone,Job Title,Company,Notes",
		"Zoé,Fictif,Mme,zoe.fictif@gmail.com,,,,+33 6 12 00 00 01,,,",
		"Yann,Exemple,M.,,yann.exemple@free.fr,,,+33 6 12 00 00 02,,,",
		"Xavier,Modèle,M.,xavier.modele@societe-fictive.example,,,+33 1 99 00 00 03,,Acheteur,Société Fictive,",
	}
	outlookNoTitle := append([]string{outlook[0]}, strings.Replace(outlook[3], "M.", "", 1))
	cases := []struct {
		name   string
		lines  []string
		role   Role
		column string
		id     string
		status check.Status
		n      int
	}{
		{"google e-mail", google, Email, "E-mail 1 - Value", "LEAD-CON-001", check.Fail, 1},
		{"google phone", google, Phone, "Phone 1 - Value", "LEAD-CON-009", check.Fail, 1},
		{"google company", google, Company, "Organization 1 - Name", "LEAD-CON-008", check.Fail, 1}, // Yann: a work address, no job title
		{"outlook second address", outlook, Email, "E-mail Address, E-mail 2 Address", "LEAD-CON-001", check.Fail, 2},
		{"outlook job title", outlook, JobTitle, "Job Title", "LEAD-CON-008", check.Pass, 0},
		{"outlook empty title", outlookNoTitle, JobTitle, "Job Title", "LEAD-CON-008", check.Pass, 0},
	}
	for _, c := range cases {
		e := csvTable(t, append([]string(nil), c.lines...)...)
		if got := e.Columns.Name(c.role); got != c.column {
			t.Errorf("%s: %s is %q, want %q", c.name, c.role, got, c.column)
		}
		f := run(t, c.id, e)
		n, _ := f.Evidence["records"].(int)
		if f.Status != c.status || n != c.n {
			t.Errorf("%s: %s %s (%s) on %d records, want %s on %d", c.name, c.id, f.Status, f.Message.EN, n, c.status, c.n)
		}
	}
}

// TestNoAddressNoEmailColumn: a column named like an e-mail whose cells
// hold no address is never the e-mail column.
func TestNoAddressNoEmailColumn(t *testing.T) {
	c, err := Detect([]string{"id", "email_type", "contact"}, 0,
		[][]string{{"1", "Home", "ann.fictif@gmail.com"}, {"2", "Work", "bob.fictif@acme.example"}, {"3", "Home", "cy.fictif@free.fr"}}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Name(Email); got != "contact" {
		t.Errorf("e-mail column %q, want contact", got)
	}
}

// TestMailchimpExports: Mailchimp's audience exports. OPTIN_TIME and
// CONFIRM_TIME are the consent and its proof, UNSUB_TIME the withdrawal.
func TestMailchimpExports(t *testing.T) {
	unsub := []string{
		"Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,CC,UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_REASON,LEID,EUID,NOTES",
		"zoe.fictif@gmail.com,Zoé,Fictif,1,2022-03-02 10:11:12,,,,FR,2024-05-01 10:00:00,Soldes,NORMAL,2001,b1,",
		"yann.fictif@free.fr,Yann,Fictif,1,2023-03-02 10:11:12,,,,FR,2025-05-01 10:00:00,Soldes,NORMAL,2002,b2,",
	}
	sub := []string{
		"Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,CC,LAST_CHANGED,LEID,EUID,NOTES",
		"zoe.fictif@gmail.com,Zoé,Fictif,2,2019-03-02 10:11:12,,2019-03-02 10:11:12,,FR,2019-03-02 10:11:12,1001,a1,",
		"yann.fictif@orange.fr,Yann,Fictif,2,2025-04-02 09:00:00,,2025-04-02 09:05:00,,FR,2025-04-02 09:05:00,1002,a2,",
	}
	e := csvTable(t, unsub...)
	if e.Columns.Name(ConsentAt) != "OPTIN_TIME" || e.Columns.Name(OptOutAt) != "UNSUB_TIME" || e.Columns.Has(ConsentEmail) {
		t.Errorf("unsubscribed: columns %v", e.Columns.Found())
	}
	f := run(t, "LEAD-CON-001", e)
	if f.Status != check.Pass || f.Evidence["consumer_addresses_opted_out"] != 2 || !strings.Contains(f.Message.EN, "opted out") {
		t.Errorf("unsubscribed: CON-001 %s %q %v", f.Status, f.Message.EN, f.Evidence)
	}
	if f := run(t, "LEAD-CON-005", e); strings.Contains(f.Message.EN, "(optout)") {
		t.Errorf("unsubscribed: CON-005 does not read UNSUB_TIME: %s", f.Message.EN)
	}
	e = csvTable(t, sub...)
	for id, want := range map[string]check.Status{"LEAD-RET-001": check.Fail, "LEAD-RET-002": check.Pass} {
		if f := run(t, id, e); f.Status != want {
			t.Errorf("subscribed: %s %s (%s), want %s", id, f.Status, f.Message.EN, want)
		}
	}
	if f := run(t, "LEAD-CON-002", e); strings.Contains(f.Message.EN, "consent date") {
		t.Errorf("subscribed: CON-002 misses the consent date: %s", f.Message.EN)
	}
}

// TestBrevoPhones: Brevo's SMS column writes the country code without "+".
func TestBrevoPhones(t *testing.T) {
	e := table(t, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		"CONTACT ID|EMAIL|NOM|PRENOM|SMS|DOUBLE_OPT-IN|OPT_IN|EMAIL_BLACKLISTED|SMS_BLACKLISTED|ADDED_TIME|MODIFIED_TIME",
		"1|zoe.fictif@gmail.com|Fictif|Zoé|33612000001|Yes|Yes|No|No|2023-05-04 10:00:00|2026-11-01 10:00:00",
		"2|yann.fictif@gmail.com|Fictif|Yann|33612000002|No|Yes|No|No|2024-05-04 10:00:00|2026-11-02 10:00:00")
	f := run(t, "LEAD-CON-009", e)
	if n, _ := f.Evidence["records"].(int); f.Status != check.Fail || n != 2 {
		t.Errorf("CON-009 %s (%s) on %d records, want FAIL on 2", f.Status, f.Message.EN, n)
	}
}

// TestOnePersonOneClass: a French hand-kept table without a company
// column. Work addresses make work contacts for e-mail and phone alike;
// the explicit refusals keep CON-001 and CON-009 from passing on nobody.
func TestOnePersonOneClass(t *testing.T) {
	dec := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	header := "Identifiant|Nom|E-mail|Téléphone|Date de collecte|Consentement"
	work := table(t, dec, header,
		"P1|Fictif|zoe.fictif@exemple-sa.example|06 12 00 00 01|15/03/2025|oui",
		"P2|Fictif|yann.fictif@exemple-sa.example|06 12 00 00 02|15/03/2025|non",
		"P3|Modèle|xavier.modele@exemple-sa.example|06 12 00 00 03|15/03/2025|NON")
	isp := table(t, dec, header,
		"P1|Fictif|zoe.fictif@skynet.be|06 12 00 00 01|15/03/2025|oui",
		"P2|Fictif|yann.fictif@bluewin.ch|06 12 00 00 02|15/03/2025|non",
		"P3|Modèle|xavier.modele@voila.fr|06 12 00 00 03|15/03/2025|NON")
	cases := []struct {
		name   string
		e      Evidence
		id     string
		status check.Status
		n      int
	}{
		{"work e-mail", work, "LEAD-CON-001", check.Warn, 2},
		{"work phone", work, "LEAD-CON-009", check.Warn, 2},
		{"work title", work, "LEAD-CON-008", check.Fail, 3},
		{"isp e-mail", isp, "LEAD-CON-001", check.Fail, 2},
		{"isp phone", isp, "LEAD-CON-009", check.Fail, 3},
		{"isp title", isp, "LEAD-CON-008", check.Pass, 0},
	}
	for _, c := range cases {
		f := run(t, c.id, c.e)
		n, _ := f.Evidence["records"].(int)
		if f.Status != c.status || n != c.n {
			t.Errorf("%s: %s %s (%s) on %d records, want %s on %d", c.name, c.id, f.Status, f.Message.EN, n, c.status, c.n)
		}
	}
	if f := run(t, "LEAD-CON-009", isp); f.Evidence["phone_consent_column"] != "none found" || !strings.Contains(f.Message.EN, "no phone-consent column") {
		t.Errorf("CON-009 does not say the table has no phone-consent column: %v", f.Evidence)
	}
	// Filled phone cells, none readable: no pass on zero lines.
	f := run(t, "LEAD-CON-009", table(t, dec, "id|email|phone", "1|zoe.fictif@gmail.com|n/c", "2|yann.fictif@gmail.com|voir fiche"))
	if f.Status != check.Warn {
		t.Errorf("unreadable phones: %s (%s), want WARN", f.Status, f.Message.EN)
	}
}

// TestFrenchCRMLabels: HubSpot in French, an in-house French CRM and
// Pipedrive's marketing status, read without any mapping.
func TestFrenchCRMLabels(t *testing.T) {
	dec := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	hubspot := table(t, dec,
		"ID de l'enregistrement|Prénom|Nom|E-mail|Numéro de téléphone|Date de création|Date de la dernière activité|Date de la dernière ouverture d'e-mail marketing|Phase du cycle de vie|Statut de contact marketing|Source d'origine|Désabonné de tous les e-mails",
		"901|Zoé|Fictif|zoe.fictif@gmail.com||2019-04-02 10:00|2019-05-01 10:00|2026-11-20 08:00|Abonné|Contact marketing|Recherche organique|false",
		"902|Yann|Fictif|yann.fictif@gmail.com||2025-04-02 10:00|||Lead|Contact marketing|Sources hors ligne|true",
		"903|Xavier|Modèle|xavier.modele@gmail.com||2020-04-02 10:00|2020-04-03 10:00||Client|Contact marketing|Références|false")
	crm := table(t, dec,
		"N° client|Civilité|Nom|Adresse e-mail|Portable|Date de création|Opt-in newsletter|Origine du contact",
		"C-01|Mme|Fictif|zoe.fictif@gmail.com|06 12 00 00 01|2025-01-10|oui|Jeu concours été",
		"C-02|M.|Fictif|yann.fictif@gmail.com|06 12 00 00 02|2025-01-10|oui|Formulaire site")
	pipedrive := table(t, dec,
		"Person - ID|Person - Name|Person - Organization|Person - Email|Person - Phone|Person - Marketing status|Person - Person created",
		"501|Zoé Fictif||zoe.fictif@gmail.com|+33 6 12 00 00 01|Unsubscribed|2025-02-10 10:00:00",
		"502|Yann Fictif||yann.fictif@free.fr|+33 6 12 00 00 02|No consent|2025-02-10 10:00:00",
		"503|Xavier Modèle||xavier.modele@laposte.net|+33 6 12 00 00 03|Subscribed|2026-02-10 10:00:00")
	roles := []struct {
		e    Evidence
		want map[Role]string
	}{
		{hubspot, map[Role]string{Key: "ID de l'enregistrement", Source: "Source d'origine", Customer: "Phase du cycle de vie",
			Contactable: "Statut de contact marketing", LastOpen: "Date de la dernière ouverture d'e-mail marketing",
			LastActivity: "Date de la dernière activité", OptOut: "Désabonné de tous les e-mails", Created: "Date de création"}},
		{crm, map[Role]string{Key: "N° client", Source: "Origine du contact"}},
		{pipedrive, map[Role]string{ConsentEmail: "Person - Marketing status"}},
	}
	for _, c := range roles {
		for r, name := range c.want {
			if got := c.e.Columns.Name(r); got != name {
				t.Errorf("%s is %q, want %q", r, got, name)
			}
		}
	}
	cases := []struct {
		name   string
		e      Evidence
		id     string
		status check.Status
		n      int
		key    string
	}{
		{"hubspot source", hubspot, "LEAD-INF-001", check.Pass, 0, ""},
		{"hubspot offline", hubspot, "LEAD-INF-002", check.Fail, 1, "902"},
		{"hubspot customer", hubspot, "LEAD-RET-004", check.Fail, 1, "903"},
		{"hubspot opens", hubspot, "LEAD-RET-003", check.Fail, 1, "901"},
		{"crm contest", crm, "LEAD-CON-006", check.Fail, 1, "C-01"},
		{"pipedrive consent", pipedrive, "LEAD-CON-001", check.Fail, 1, "502"},
		{"pipedrive opt-out", pipedrive, "LEAD-CON-005", check.Pass, 0, ""},
	}
	for _, c := range cases {
		f := run(t, c.id, c.e)
		n, _ := f.Evidence["records"].(int)
		keys, _ := f.Evidence["record_keys"].([]string)
		if f.Status != c.status || n != c.n || (c.key != "" && (len(keys) == 0 || keys[0] != c.key)) {
			t.Errorf("%s: %s %s (%s) on %d records %v, want %s on %d %s", c.name, c.id, f.Status, f.Message.EN, n, keys, c.status, c.n, c.key)
		}
	}
}

// TestNotesAndNumbersTrial: what a consultant's trial found in notes.
func TestNotesAndNumbersTrial(t *testing.T) {
	header := "ID|E-mail|Date de collecte|Commentaire"
	cases := []struct {
		name, id string
		rows     []string
		status   check.Status
		n        int
	}{
		{"lower-case IBAN", "LEAD-SEN-007", []string{"R1|zoe.fictif@gmail.com|01/02/2026|iban fr7630006000011234567890189"}, check.Fail, 1},
		{"surgery", "LEAD-SEN-001", []string{"N1|zoe.fictif@gmail.com|15/03/2025|rappeler après son opération du genou"}, check.Fail, 1},
		{"not health", "LEAD-SEN-001", []string{
			"N1|zoe.fictif@gmail.com|15/03/2025|contact via le syndic de copropriété",
			"N2|yann.fictif@gmail.com|15/03/2025|livraison rue de l'Église",
			"N3|xavier.fictif@gmail.com|15/03/2025|son chien suivi à la clinique vétérinaire",
			"N4|wanda.fictif@gmail.com|15/03/2025|travaille à la Mutuelle Générale, service achats",
			"N5|victor.fictif@gmail.com|15/03/2025|intéressé par l'offre santé pour ses salariés",
			"N6|ursula.fictif@gmail.com|15/03/2025|opération commerciale de printemps"}, check.Pass, 0},
	}
	for _, c := range cases {
		f := run(t, c.id, table(t, june, header, c.rows...))
		n, _ := f.Evidence["records"].(int)
		if f.Status != c.status || n != c.n {
			t.Errorf("%s: %s %s (%s) on %d, want %s on %d", c.name, c.id, f.Status, f.Message.EN, n, c.status, c.n)
		}
	}
	// No note filled: said so, not "none of the 0 notes".
	f := run(t, "LEAD-SEN-001", table(t, june, header, "N1|zoe.fictif@gmail.com|15/03/2025|"))
	if strings.Contains(f.Message.EN, "0 notes") || strings.Contains(f.Message.FR, "0 note") {
		t.Errorf("empty notes: %q / %q", f.Message.EN, f.Message.FR)
	}
	// The share's base is named: 1 of the 2 dated prospects, not of the 3 rows.
	f = run(t, "LEAD-RET-001", table(t, june, header,
		"P1|zoe.fictif@gmail.com|02/01/2021|", "P2|yann.fictif@gmail.com|02/01/2026|", "P3|xavier.fictif@gmail.com||"))
	if !strings.HasPrefix(f.Message.EN, "1 of 2 dated prospects (50.0 %)") || f.Evidence["dated_prospects"] != 2 {
		t.Errorf("RET-001 base: %q %v", f.Message.EN, f.Evidence)
	}
}

// TestPassSaysWhyNothingWasJudged: a pass on no consumer line says so;
// RET-002 names only the faults it found.
func TestPassSaysWhyNothingWasJudged(t *testing.T) {
	dec := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		e    Evidence
		id   string
		want string
	}{
		{table(t, dec, "id|email|phone", "1|zoe.fictif@gmail.com|", "2|yann.fictif@gmail.com|"), "LEAD-CON-009", "the phone column is empty"},
		{table(t, dec, "id|email|phone|company", "1|zoe@acme.example|01 99 00 00 01|Acme"), "LEAD-CON-009", "on a work record"},
		{table(t, june, "id|email|phone|company", "1|zoe@acme.example|01 99 00 00 01|Acme"), "LEAD-CON-009", "on a work record"},
		{table(t, june, "id|created_at", "1|", "2|2025-01-01"), "LEAD-RET-002", "1 record has no readable date"},
		{table(t, june, "id|created_at", "1|2029-01-01", "2|2025-01-01"), "LEAD-RET-002", "1 record is dated in the future"},
	} {
		if f := run(t, c.id, c.e); f.Message.EN != c.want && !strings.Contains(f.Message.EN, c.want) || strings.Contains(f.Message.EN, " 0 ") {
			t.Errorf("%s: %q, want %q", c.id, f.Message.EN, c.want)
		}
	}
}
