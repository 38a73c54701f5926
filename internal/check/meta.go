package check

import "regexp"

// Family groups checks that share a kind of evidence.
type Family string

const (
	FamilyWeb       Family = "web"
	FamilyPassword  Family = "password"
	FamilyContracts Family = "contracts"
	FamilyLeads     Family = "leads"
)

// Families lists every family in display order.
var Families = []Family{FamilyWeb, FamilyPassword, FamilyContracts, FamilyLeads}

// Reference points to the text a rule comes from.
type Reference struct {
	Source string `json:"source"` // e.g. "CNIL", "ANSSI", "RFC 6797"
	Title  string `json:"title"`
	// TitleFR is the title for a French reader, where the text has one in
	// French or the title describes it (a sanction's summary); a standard
	// known by its English title (an RFC) keeps it.
	TitleFR string `json:"title_fr,omitempty"`
	URL     string `json:"url"`
}

// Meta describes a check: what it looks at, why it matters, how to fix it.
type Meta struct {
	ID          string              `json:"id"`
	Family      Family              `json:"family"`
	Severity    Severity            `json:"severity"`
	Title       Text                `json:"title"`
	Description Text                `json:"description"`
	Risk        Text                `json:"risk"`
	Remediation Text                `json:"remediation"`
	References  []Reference         `json:"references"`
	Frameworks  map[string][]string `json:"frameworks,omitempty"` // framework → controls, e.g. "cnil-2022-100": ["art. 4"]
	// CapOnFail, when set, is the best grade a target can get while this check fails.
	CapOnFail Grade `json:"cap_on_fail,omitempty"`
	// ObservatoryPoints: the check is scored with the MDN Observatory modifier
	// its findings record, not with a severity weight (see the README).
	ObservatoryPoints bool `json:"observatory_points,omitempty"`
}

// IDPattern is the shape of every check ID: FAMILY-TOPIC-NNN.
var IDPattern = regexp.MustCompile(`^(WEB|PWD|CTR|LEAD)-[A-Z0-9]{2,12}-[0-9]{3}$`)
