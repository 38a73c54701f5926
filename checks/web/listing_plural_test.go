package web

import "testing"

// TestListingSingular: a listing of one entry, one of them named like an
// export, reads "1 entry, 1 named", not "1 entrées, 1 nommées".
func TestListingSingular(t *testing.T) {
	var e Evidence
	e.Exposure.Listings = []Listing{{Path: "/backup/", Entries: 1, Flagged: []string{"leads.csv"}}, {Path: "/old/", Entries: 3, Flagged: []string{"a.sql", "b.csv"}}}
	one := describeListing(e, KindListing, "/backup/")
	if one.EN != ": 1 entry, 1 named like a dump or an export: leads.csv" || one.FR != " : 1 entrée, 1 nommée comme un dump ou un export : leads.csv" {
		t.Errorf("one: %+v", one)
	}
	many := describeListing(e, KindListing, "/old/")
	if many.EN != ": 3 entries, 2 named like dumps or exports: a.sql, b.csv" || many.FR != " : 3 entrées, 2 nommées comme des dumps ou des exports : a.sql, b.csv" {
		t.Errorf("many: %+v", many)
	}
}
