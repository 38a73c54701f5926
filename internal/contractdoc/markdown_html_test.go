package contractdoc

import (
	"reflect"
	"testing"

	"github.com/vigie-security/vigie/checks/contracts"
)

// The HTML lists and headings a Markdown file carries are read as Markdown's
// own: each list item a block, a heading a heading, the tags dropped.
func TestMarkdownCarriesHTML(t *testing.T) {
	md := "Use of sub-processors\n\n<ol type=\"a\">\n  <li><b>General authorisation.</b> The processor may engage sub-processors;</li>\n" +
		"  <li>it informs the controller 30 days ahead.</li>\n</ol>\n\n<p id=\"a1\"><h1>Attachment 1 - Clauses</h1></p>\n\nText <br/> under it.\n"
	want := []contracts.Block{
		{Text: "Use of sub-processors"},
		{Text: "General authorisation. The processor may engage sub-processors;", Item: true},
		{Text: "it informs the controller 30 days ahead.", Item: true},
		{Text: "Attachment 1 - Clauses", Heading: 1},
		{Text: "Text under it."},
	}
	if got := markdownBlocks(md); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %+v\nwant %+v", got, want)
	}
}

// A table written without its outer pipes is a table: one block a row.
func TestMarkdownTableWithoutOuterPipes(t *testing.T) {
	md := "Domain | Practices\n-------|---------|\nAccess control | Access is logged.\nIncidents | We notify the customer.\n\nAfter the table.\n"
	want := []contracts.Block{
		{Text: "Domain: Practices"},
		{Text: "Access control: Access is logged."},
		{Text: "Incidents: We notify the customer."},
		{Text: "After the table."},
	}
	if got := markdownBlocks(md); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %+v\nwant %+v", got, want)
	}
}
