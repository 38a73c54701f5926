package leads

import (
	"strings"
	"testing"
)

// TestDetectCRMHeaders: exports as CRMs write them, without any mapping.
func TestDetectCRMHeaders(t *testing.T) {
	cases := map[string]map[Role]string{
		// HubSpot contacts export
		"Record ID,First Name,Email,Phone Number,Create Date,Last Activity Date,Last Marketing Email Open Date,Lifecycle Stage,Marketing contact status,Original Source,Unsubscribed from all email,Legal basis for processing contact's data": {
			Key: "Record ID", Email: "Email", Phone: "Phone Number", Created: "Create Date", LastActivity: "Last Activity Date",
			LastOpen: "Last Marketing Email Open Date", Customer: "Lifecycle Stage", Contactable: "Marketing contact status",
			Source: "Original Source", OptOut: "Unsubscribed from all email", LegalBasis: "Legal basis for processing contact's data"},
		// Salesforce leads report
		"Lead ID,Title,Company,Email,Phone,Lead Source,Created Date,Email Opt Out,Do Not Call,Description": {
			Key: "Lead ID", JobTitle: "Title", Company: "Company", Email: "Email", Source: "Lead Source", Created: "Created Date",
			OptOut: "Email Opt Out", OptOutPhone: "Do Not Call", Notes: "Description"},
		// Brevo contacts export
		"EMAIL,SMS,OPT_IN,DOUBLE_OPT-IN,EMAIL_BLACKLISTED,ADDED_TIME": {
			Email: "EMAIL", Phone: "SMS", ConsentEmail: "OPT_IN", OptOut: "EMAIL_BLACKLISTED", Created: "ADDED_TIME"},
		// Pipedrive persons
		"Person - ID,Person - Email,Person - Phone,Organization - Name,Person - Created": {
			Email: "Person - Email", Phone: "Person - Phone", Company: "Organization - Name", Created: "Person - Created"},
		// Zoho CRM, Dynamics 365
		"Lead Owner,Email,Mobile,Created Time,Lead Source,Email Opt Out": {Email: "Email", Phone: "Mobile", Created: "Created Time", Source: "Lead Source", OptOut: "Email Opt Out"},
		"Full Name,Email,Business Phone,Created On,Do not allow Emails":  {Email: "Email", Phone: "Business Phone", Created: "Created On"},
		// French in-house
		"id;nom;e-mail;téléphone portable;date de collecte;consentement;date du consentement;provenance;commentaire;mot de passe": {
			Key: "id", Email: "e-mail", Phone: "téléphone portable", Created: "date de collecte", ConsentEmail: "consentement",
			ConsentAt: "date du consentement", Source: "provenance", Notes: "commentaire", Password: "mot de passe"},
	}
	for header, want := range cases {
		sep := ","
		if strings.Contains(header, ";") {
			sep = ";"
		}
		c, err := Detect(strings.Split(header, sep), 0, nil, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		for r, name := range want {
			if got := c.Name(r); got != name {
				t.Errorf("%.30s…: %s is %q, want %q", header, r, got, name)
			}
		}
	}
}

func TestDetectByValues(t *testing.T) {
	sample := [][]string{{"1", "jean@x.fr", "06 12 34 56 78"}, {"2", "marie@y.com", "+33 7 11 22 33 44"}, {"3", "paul@z.org", "0144556677"}}
	c, err := Detect([]string{"ref", "contact", "numéro"}, 0, sample, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name(Email) != "contact" || c.Name(Phone) != "numéro" || c.How[Email] != "values" {
		t.Errorf("by values: %v %v", c.Found(), c.How)
	}
	// No header at all: columns named by position, found by values.
	c, _ = Detect(nil, 3, sample, nil, false)
	if c.Name(Email) != "column 2" || !c.NoHeader {
		t.Errorf("header-less: %v", c.Found())
	}
}

func TestDetectOverride(t *testing.T) {
	c, err := Detect([]string{"A", "B", "when"}, 0, nil, map[string]string{"email": "B", "created": "column 3"}, false)
	if err != nil || c.Name(Email) != "B" || c.Name(Created) != "when" || c.How[Email] != "config" {
		t.Errorf("override: %v %v", c.Found(), err)
	}
	if _, err := Detect([]string{"A"}, 0, nil, map[string]string{"mail": "A"}, false); err == nil {
		t.Error("unknown role accepted")
	}
	if _, err := Detect([]string{"A"}, 0, nil, map[string]string{"email": "Z"}, false); err == nil {
		t.Error("missing column accepted")
	}
}

func TestDetectDuplicatesAndValueLabels(t *testing.T) {
	c, _ := Detect([]string{"Email", "Phone", "email", "Azerty123"}, 0, nil, nil, false)
	if c.Name(Email) != "Email" || len(c.Notes) != 1 {
		t.Errorf("duplicates: %v %v", c.Found(), c.Notes)
	}
	if c.Names[3] != "column 4" {
		t.Errorf("a label that reads as a value is shown: %q", c.Names[3])
	}
	if !HeaderIsValues([]string{"1", "jean@x.fr", "Dupont"}) || HeaderIsValues([]string{"id", "Email", "Create Date"}) {
		t.Error("HeaderIsValues")
	}
}

func TestMonthFirst(t *testing.T) {
	c, _ := Detect([]string{"Created Date"}, 0, [][]string{{"3/15/2025"}, {"1/2/2024"}}, nil, false)
	if !c.MDY[0] {
		t.Error("3/15/2025 is month first")
	}
	c, _ = Detect([]string{"date de collecte"}, 0, [][]string{{"15/03/2025"}, {"01/02/2024"}}, nil, false)
	if c.MDY[0] {
		t.Error("15/03/2025 is day first")
	}
}

func TestRoleOrdinals(t *testing.T) {
	for i, r := range roleOrder {
		if ord(r) != i {
			t.Errorf("ord(%s) = %d, want %d", r, ord(r), i)
		}
	}
}
