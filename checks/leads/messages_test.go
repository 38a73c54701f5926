package leads

import (
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// TestMessagesSayNoZero: a message names only what is there. No "0
// records are of children under 15 and 1 of a minor", no "every
// partner-sourced record has consent" when there is none, no "0 notes on
// the header".
func TestMessagesSayNoZero(t *testing.T) {
	ragged := table(t, june, "id|email", "1|a@gmail.com")
	ragged.Read.Ragged.Record(3, "row 3")
	noted := table(t, june, "id|email", "1|a@gmail.com")
	noted.Read.Notes = []check.Text{{EN: "Email: duplicated header (columns 1 and 2), column 1 used", FR: "Email : en-tête en double (colonnes 1 et 2), colonne 1 retenue"}}
	both := table(t, june, "id|email", "1|a@gmail.com")
	both.Read.Oversized.Record(4, "row 4")
	both.Read.Notes = append(noted.Read.Notes, check.Text{EN: "mixed encodings", FR: "encodages mélangés"})
	swallowed := table(t, june, "id|email", "1|a@gmail.com")
	swallowed.Read.Swallowed.Record(2, 2, 48)
	for _, tc := range []struct {
		id     string
		e      Evidence
		status check.Status
		en, fr string
	}{
		{"LEAD-SEN-008", table(t, june, "id|date_de_naissance", "1|01/01/2010"), check.Warn,
			"1 record is of a minor aged 15 to 17", "1 fiche concerne un mineur de 15 à 17 ans"},
		{"LEAD-SEN-008", table(t, june, "id|date_de_naissance", "1|01/01/2013", "2|01/01/2014"), check.Fail,
			"2 records are of children under 15", "2 fiches concernent des enfants de moins de 15 ans"},
		{"LEAD-SEN-008", table(t, june, "id|date_de_naissance", "1|01/01/2013", "2|01/01/2010"), check.Fail,
			"1 record is of a child under 15 and 1 of a minor aged 15 to 17", "1 fiche concerne un enfant de moins de 15 ans et 1 un mineur de 15 à 17 ans"},
		{"LEAD-CON-006", table(t, june, "id|email|source|consent_partners", "1|a@gmail.com|Formulaire site|"), check.Pass,
			"no e-mail record comes from partners, brokers or contests", "aucune fiche avec e-mail ne vient de partenaires, courtiers ou jeux"},
		{"LEAD-CON-006", table(t, june, "id|email|source|consent_partners", "1|a@gmail.com|Partenaire X|oui", "2|b@gmail.com|Jeu concours|oui"), check.Pass,
			"each of the 2 records from partners, brokers or contests has partner consent or has opted out",
			"chacune des 2 fiches issues de partenaires, courtiers ou jeux a un consentement partenaires ou s'est désinscrite"},
		{"LEAD-SRC-001", ragged, check.Warn,
			"1 row could not be judged (1 with a cell count unlike the header's)", "1 ligne n'a pu être jugée (1 au nombre de cellules différent de l'en-tête)"},
		{"LEAD-SRC-001", noted, check.Warn,
			"Email: duplicated header (columns 1 and 2), column 1 used", "Email : en-tête en double (colonnes 1 et 2), colonne 1 retenue"},
		{"LEAD-SRC-001", both, check.Warn,
			"1 row could not be judged (1 with an oversized cell); 2 remarks on the reading (listed in the evidence), the first: Email: duplicated header (columns 1 and 2), column 1 used",
			"1 ligne n'a pu être jugée (1 avec une cellule trop grande) ; 2 remarques sur la lecture (listées dans les preuves), la première : Email : en-tête en double (colonnes 1 et 2), colonne 1 retenue"},
		{"LEAD-SRC-001", swallowed, check.Fail,
			"1 row could not be judged (1 whose quoted cell, opened on line 2, holds 48 lines that read as records: a stray quote?)",
			"1 ligne n'a pu être jugée (1 dont une cellule entre guillemets, ouverte ligne 2, contient 48 lignes qui se lisent comme des fiches : un guillemet égaré ?)"},
	} {
		f := run(t, tc.id, tc.e)
		if f.Status != tc.status || f.Message.EN != tc.en || f.Message.FR != tc.fr {
			t.Errorf("%s: %s %q / %q,\nwant %s %q / %q", tc.id, f.Status, f.Message.EN, f.Message.FR, tc.status, tc.en, tc.fr)
		}
	}
}

// TestSecExportNames: a SQLite base is a database file, not an export; a
// server source has no file.
func TestSecExportNames(t *testing.T) {
	e := table(t, june, "id|email", "1|a@gmail.com")
	e.Format, e.File = "sqlite", &File{Mode: 0o644, WebServed: true}
	if f := run(t, "LEAD-SEC-006", e); f.Status != check.Fail || f.Message.EN != "the lead database file is readable by every local user and in a web-served directory" ||
		f.Message.FR != "le fichier de base de leads est lisible par tout utilisateur local et dans un dossier publié par un serveur web" {
		t.Errorf("sqlite: %s %q / %q", f.Status, f.Message.EN, f.Message.FR)
	}
	e.Format, e.File = "postgres", nil
	if f := run(t, "LEAD-SEC-006", e); f.Status != check.Skipped || f.Message.EN != "a database server source: no file to check" {
		t.Errorf("server: %s %q", f.Status, f.Message.EN)
	}
}
