package contracts

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestBigCellsAreNotRepeated: every cell of an inventory row reaches about
// eight findings; a 4 KiB cell or a 500-item list must not be copied whole
// into each of them.
func TestBigCellsAreNotRepeated(t *testing.T) {
	big := strings.Repeat("clauses contractuelles x ", 160) // 4 KiB
	many := func(f string) []string {
		out := make([]string, 500)
		for i := range out {
			out[i] = fmt.Sprintf(f, i)
		}
		return out
	}
	withUS := &Analysis{ThirdCountries: []Mention{{Term: "united states", Location: Location{Paragraph: 4}}}}
	var docs []DocRef
	for _, c := range many("contract-%03d.pdf") {
		docs = append(docs, DocRef{Path: c, Analysis: withUS})
	}
	p := Processor{Inventory: "inv.csv", Row: 2, Name: "Acme", Service: big, Mechanism: big,
		Countries: many("Country %d"), DataCategories: many("santé %d"), Contracts: many("contract-%03d.pdf"),
		Signed: Yes, Docs: docs, AsOf: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}
	for _, c := range InventoryChecks() {
		f := c.Evaluate(p)
		out, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) > 4<<10 {
			t.Errorf("%s: %d bytes of finding for one row (status %s)", f.CheckID, len(out), f.Status)
		}
	}
	folder := Folder{Inventory: "inv.csv", Files: 600, Unreferenced: many("orphan-%03d.pdf")}
	for _, c := range FolderChecks() {
		if out, _ := json.Marshal(c.Evaluate(folder)); len(out) > 4<<10 {
			t.Errorf("%s: %d bytes", c.Meta().ID, len(out))
		}
	}
	if got := shownList(many("c%d")); len(got) != shownItems+1 || got[shownItems] != "… (+490)" {
		t.Errorf("shownList = %v", got)
	}
}
