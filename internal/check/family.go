package check

// familyNames are the families as a person reads them: a short label for
// tables, a title for headings.
var familyNames = map[Family][2]Text{
	FamilyWeb:       {{EN: "web", FR: "web"}, {EN: "Web sites", FR: "Sites web"}},
	FamilyPassword:  {{EN: "passwords", FR: "mots de passe"}, {EN: "Passwords", FR: "Mots de passe"}},
	FamilyContracts: {{EN: "contracts", FR: "contrats"}, {EN: "Processor contracts", FR: "Contrats de sous-traitance"}},
	FamilyLeads:     {{EN: "leads", FR: "prospects"}, {EN: "Lead databases", FR: "Bases de prospects"}},
}

// Label is the family's short name in l ("mots de passe"); an unknown
// family is shown as it is named.
func (f Family) Label(l Lang) string {
	if n, ok := familyNames[f]; ok {
		return n[0].In(l)
	}
	return string(f)
}

// Title is the family's name as a heading ("Contrats de sous-traitance").
func (f Family) Title(l Lang) string {
	if n, ok := familyNames[f]; ok {
		return n[1].In(l)
	}
	return string(f)
}
