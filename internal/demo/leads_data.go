package demo

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"time"
)

// column is one column of a demo lead table; personal says its cells are
// about a person, so no report may show them (TestReportsShowNoLeadValue).
type column struct {
	label    string
	personal bool
}

// hubspotColumns are the labels HubSpot gives a contacts export.
var hubspotColumns = []column{
	{"Record ID", false}, {"First Name", true}, {"Last Name", true}, {"Email", true}, {"Phone Number", true},
	{"Company Name", false}, {"Job Title", false}, {"Create Date", false}, {"Last Activity Date", false},
	{"Last Marketing Email Open Date", false}, {"Last Marketing Email Send Date", false}, {"Lifecycle Stage", false},
	{"Marketing contact status", false}, {"Original Source", false}, {"Unsubscribed from all email", false},
	{"Legal basis for processing contact's data", false}, {"Message", true},
}

// raggedRecord is the export's row whose note holds an unquoted comma, as
// a hand edit leaves it: one cell too many (LEAD-SRC-001).
const raggedRecord = "1012"

// hubspotRows is a HubSpot export of 14 contacts, each planted with the
// problem its comment names. Dates are relative to now.
func hubspotRows(now time.Time) [][]string {
	at := func(years, months, days int) string {
		return now.AddDate(-years, -months, -days).Format("2006-01-02 15:04")
	}
	const (
		lead, customer = "Lead", "Customer"
		mc             = "Marketing contact"
		prospect       = "Legitimate interest – prospect/lead"
		existing       = "Legitimate interest – existing customer"
	)
	//  id, first, last, email, phone, company, title, created, activity, open, sent, stage, status, source, unsubscribed, basis, message
	return [][]string{
		// Kept five years with no contact, no consent, a personal mobile, "Offline Sources".
		{"1001", "Camille", "Lefort", "camille.lefort@example.fr", "+33 6 39 98 00 11", "", "", at(5, 2, 0), "", "", "", lead, mc, "Offline Sources", "false", prospect, ""},
		// The clean one: a buyer at a company, recent, a note naming a charity that is no health fact.
		{"1002", "Paul", "Garnier", "paul.garnier@acme-industrie.example", fictionPhone(false, 1234), "Acme Industrie", "Directeur achats",
			at(0, 8, 0), at(0, 2, 0), at(0, 1, 0), at(0, 0, 20), lead, mc, "Organic Search", "false", prospect,
			"Works with the Cancer Research Foundation as a buyer; wants a quote for 40 seats"},
		// Looks active only because it opens newsletters.
		{"1003", "Sophie", "Marchand", "sophie.marchand@atelier-oree.example", fictionPhone(false, 5678), "Atelier Orée", "Gérante",
			at(5, 6, 0), at(4, 1, 0), at(0, 2, 0), at(0, 1, 0), lead, mc, "Email Marketing", "false", prospect, ""},
		// A customer gone quiet for five years, still a marketing contact.
		{"1004", "Luc", "Moreau", "luc.moreau@menuiserie-du-lac.example", fictionPhone(false, 2468), "Menuiserie du Lac", "Gérant",
			at(7, 0, 0), at(5, 2, 0), "", at(0, 1, 0), customer, mc, "Direct Traffic", "false", existing, ""},
		// Created "next month": a typo in the year, not a fresh lead.
		{"1005", "Inès", "Vidal", "ines.vidal@vidal-conseil.example", fictionPhone(false, 1357), "Vidal Conseil", "Consultante",
			now.AddDate(0, 0, 40).Format("2006-01-02 15:04"), "", "", "", lead, mc, "Organic Search", "false", prospect, ""},
		// No date at all: its retention cannot be shown.
		{"1006", "Hugo", "Lemaire", "hugo.lemaire@lemaire-logistique.example", fictionPhone(false, 9753), "Lemaire Logistique", "DAF",
			"", "", "", "", lead, mc, "Referrals", "false", prospect, ""},
		// "Existing customer" claimed for a lead that never bought.
		{"1007", "Nadia", "Caron", "nadia.caron@boulangerie-caron.example", fictionPhone(false, 8642), "Boulangerie Caron", "Gérante",
			at(1, 0, 0), at(0, 3, 0), "", at(0, 0, 12), lead, mc, "Paid Social", "false", existing, ""},
		// Unsubscribed, still a marketing contact, sent a campaign since.
		{"1008", "Marc", "Petitjean", "marc.petitjean@petitjean-fils.example", fictionPhone(false, 3141), "Petitjean & Fils", "Directeur",
			at(2, 0, 0), at(1, 0, 0), "", at(0, 0, 14), lead, mc, "Organic Search", "true", prospect, ""},
		// A card number read out on the phone, two years ago.
		{"1009", "Élodie", "Rey", "elodie.rey@example.org", "", "", "", at(2, 3, 0), at(2, 3, 0), "", "", lead, mc, "Direct Traffic", "false", prospect,
			"Réglé par téléphone, carte " + testVisa + " exp. 09/28"},
		// Health facts volunteered in a call.
		{"1010", "Emma", "Clarke", "emma.clarke@northwind-trading.example", fictionPhone(false, 2718), "Northwind Trading", "Buyer",
			at(0, 5, 0), at(0, 1, 0), "", "", lead, mc, "Referrals", "false", prospect,
			"Said she is pregnant and on sick leave until June, call back after"},
		// No source: where the record came from cannot be told.
		{"1011", "Thomas", "Perrin", "thomas.perrin@perrin-transports.example", fictionPhone(false, 1618), "Perrin Transports", "Responsable logistique",
			at(0, 10, 0), at(0, 4, 0), "", "", lead, mc, "", "false", prospect, ""},
		// The ragged row (see raggedRecord): its note "Rappeler lundi, pas avant 10h" split in two.
		{raggedRecord, "Léa", "Fabre", "lea.fabre@fabre-paysages.example", fictionPhone(false, 4242), "Fabre Paysages", "Gérante",
			at(0, 6, 0), at(0, 2, 0), "", "", lead, mc, "Organic Search", "false", prospect, "Rappeler lundi", "pas avant 10h"},
		// A named work address with no job title.
		{"1013", "Julien", "Roux", "julien.roux@roux-batiment.example", fictionPhone(false, 7777), "Roux Bâtiment", "",
			at(0, 7, 0), at(0, 1, 0), "", "", lead, mc, "Organic Search", "false", prospect, ""},
		// Numbers that must not count: an order number that fails Luhn, a masked card.
		{"1014", "Anne", "Bouvier", "anne.bouvier@bouvier-optique.example", fictionPhone(false, 6060), "Bouvier Optique", "Acheteuse",
			at(0, 9, 0), at(0, 1, 0), "", "", customer, mc, "Referrals", "false", existing,
			"Commande n° 4970 1012 3456 7890 livrée ; carte enregistrée 4970 **** **** 1234"},
	}
}

// crmColumns are those of an in-house French prospect base.
var crmColumns = []column{
	{"id", false}, {"nom", true}, {"prénom", true}, {"email", true}, {"téléphone", true}, {"société", false}, {"fonction", false},
	{"date de collecte", false}, {"consentement", false}, {"date du consentement", false}, {"provenance", false},
	{"optin partenaires", false}, {"transmis à", false}, {"commentaire", true}, {"santé", true}, {"date de naissance", true},
	{"mot de passe", true}, {"cryptogramme", true}, {"rib", true}, {"actif", false},
}

// crm is one record of the French base, by column.
type crm struct {
	last, first, phone, company, title, source, partners, sharedWith, note, health, birth, password, cvv, rib string
	collected, consented                                                                                      time.Time
	inactive                                                                                                  bool
}

func (c crm) cells(id int) []any {
	email := localPart(c.first, c.last) + "@example.fr"
	if c.company != "" {
		email = localPart(c.first, c.last) + "@" + domainOf(c.company)
	}
	actif := 1
	if c.inactive {
		actif = 0
	}
	const stamp = "2006-01-02 15:04:05"
	return []any{id, c.last, c.first, email, c.phone, c.company, c.title, c.collected.Format(stamp), "oui", c.consented.Format(stamp),
		c.source, c.partners, c.sharedWith, c.note, c.health, c.birth, c.password, c.cvv, c.rib, actif}
}

func domainOf(company string) string {
	r := localPart(company, "")
	return r[:len(r)-1] + ".example"
}

// crmRows is the French base: 60 contacts from the quote form, whose
// consent box was ticked by default (consent stamped at the second the
// record was made, on nearly every record), then 8 records each planted
// with a problem.
func crmRows(now time.Time) []crm {
	firsts := []string{"Alice", "Bastien", "Claire", "Damien", "Estelle", "Fabien", "Gaëlle", "Hervé", "Isabelle", "Jérôme", "Karine", "Laurent"}
	lasts := []string{"Arnaud", "Benoît", "Colin", "Delorme", "Esnault", "Ferrand", "Gillet", "Hamon", "Imbert", "Joly", "Klein", "Lebrun", "Masson", "Noiret", "Ollivier"}
	companies := []string{"Alpha Bureautique", "Brio Emballages", "Cimes Ingénierie", "Delta Froid", "Éole Énergies", "Fibre Conseil"}
	titles := []string{"Responsable achats", "Responsable qualité", "Office manager", "Responsable informatique", "Responsable logistique", "Responsable RH"}
	notes := []string{"", "Demande de devis pour 12 postes", "", "Souhaite une démonstration en janvier", "", ""}
	var out []crm
	for i := range 60 {
		at := now.AddDate(0, 0, -(i*11 + 3)).Truncate(time.Hour).Add(time.Duration(i*7)*time.Minute + time.Duration(i)*time.Second)
		c := crm{last: lasts[i*7%len(lasts)], first: firsts[i%len(firsts)], phone: fictionPhone(false, 100+i), company: companies[i%len(companies)],
			title: titles[i%len(titles)], source: "Formulaire de devis (site web)", partners: "non", note: notes[i%len(notes)], collected: at, consented: at}
		switch i {
		case 7, 23: // two real double opt-ins, confirmed later
			c.consented = at.Add(47 * time.Minute)
		case 12: // a number with a wrong key: not a NIR
			c.note = "Ancien n° de dossier " + nir(1, 84, 12, "75", 56, 7, true)
		}
		out = append(out, c)
	}
	at := func(days int) time.Time { return now.AddDate(0, 0, -days).Truncate(time.Minute) }
	planted := []crm{
		// Found on LinkedIn, a freelancer's personal mobile.
		{last: "Aubert", first: "Maxime", phone: fictionPhone(true, 42), title: "Consultant indépendant", source: "LinkedIn Sales Navigator", partners: "non"},
		// From a partner's contest, no consent to partners.
		{last: "Renaud", first: "Chloé", phone: fictionPhone(true, 57), source: "Partenaire jeu concours été", partners: "non"},
		// Passed to the e-mail router without consent to partners; an MD5 password.
		{last: "Lacroix", first: "Bruno", phone: fictionPhone(false, 8080), company: "Lacroix Immobilier", title: "Directeur d'agence",
			source: "Formulaire de devis (site web)", partners: "non", sharedWith: "Routeur Express", password: md5hex("lacroix2024")},
		// Deactivated, still holding an address and a number.
		{last: "Charpentier", first: "Denise", phone: fictionPhone(false, 9191), company: "Charpentier Traiteur", title: "Gérante",
			source: "Formulaire de devis (site web)", partners: "non", inactive: true},
		// Fourteen years old.
		{last: "Barbier", first: "Lucas", source: "Jeu concours Instagram", partners: "non", birth: now.AddDate(-14, -3, -5).Format("2006-01-02")},
		// Health in the note and in a column, and a social security number.
		{last: "Girard", first: "Martine", phone: fictionPhone(false, 3030), company: "Girard Assurances", title: "Courtière",
			source: "Formulaire de devis (site web)", partners: "non", health: "diabète de type 2",
			note: "Rappeler après sa chimio. A donné son n° de sécu pour le devis mutuelle : " + nir(2, 61, 4, "75", 114, 12, false)},
		// An insulting note, a union membership.
		{last: "Collin", first: "Gérard", phone: fictionPhone(false, 4545), company: "Collin Métallerie", title: "Chef d'atelier",
			source: "Salon des artisans 2025", partners: "non", note: "Très relou, a pété un plomb au téléphone ; délégué syndical CGT"},
		// Card security code, bank details and a password in clear.
		{last: "Noël", first: "Patrick", phone: fictionPhone(false, 6262), company: "Noël Électricité", title: "Artisan",
			source: "Formulaire de devis (site web)", partners: "non", cvv: "737", rib: ibanFR("30001007941234567890185"), password: "Soleil2024!"},
	}
	for i, c := range planted {
		c.collected = at(20 + i*9)
		c.consented = c.collected
		out = append(out, c)
	}
	return out
}

func md5hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// crmTableSQL creates the French base's table, its columns as labelled.
func crmTableSQL() string {
	sql := `CREATE TABLE prospects (id INTEGER PRIMARY KEY`
	for _, c := range crmColumns[1:] {
		kind := "TEXT"
		if c.label == "actif" {
			kind = "INTEGER NOT NULL DEFAULT 1"
		}
		sql += fmt.Sprintf(`, "%s" %s`, c.label, kind)
	}
	return sql + ")"
}
