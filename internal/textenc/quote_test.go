package textenc

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"
)

// A quote open at the end of the text is an error naming its line and the
// lines it swallowed; quoted line breaks that close, and stray quotes
// inside cells, are not.
func TestUnclosed(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"open to the end", "id,email,notes\n1,a@gmail.com,\"runaway\n2,b@gmail.com,x\n3,c@gmail.com,x\n", "line 2: a quote opened on this line is never closed: the 2 lines after it (lines 3 to 4, the end of the file) were read as one cell"},
		{"open, CRLF", "id,notes\r\n1,\"runaway\r\n2,x\r\n", "the line after it (line 3, the last)"},
		{"open, no final line break", "id,notes\n1,\"runaway\n2,x\n3,x", "the 2 lines after it"},
		{"open on the last line", "processor;contract\nFoo;\"unterminated\n", "line 2: a quote opened on this line is never closed (the file ends inside it)"},
		{"open after an escaped quote", "id,notes\n1,\"say \"\"hi\"\"\n2,x\n", "never closed"},
		{"closed", "id,notes\n1,\"two\nlines\"\n", ""},
		{"closed, no final line break", "id,notes\n1,\"two\nlines\"", ""},
		{"closed on an escaped quote", "id,notes\n1,\"two\nlines \"\"x\"\"\"\n", ""},
		{"closed, then a record", "id,notes\n1,\"two\nlines\"\n2,x\n", ""},
		{"stray quotes", "id,notes\n1,5\" screen\n2,Dupont \"SA\"\n", ""},
		// Lazy, a cell that starts with a quote is quoted: the quote after
		// Dupont does not close it, the file ends inside it.
		{"quote that does not close", "id,notes\n1,\"Dupont\" SA\n", "line 2: a quote opened on this line is never closed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := NewQuotes(strings.NewReader(tc.text))
			r := csv.NewReader(q)
			r.Comma = Delimiter([]byte(tc.text))
			r.LazyQuotes, r.FieldsPerRecord = true, -1
			var got error
			for got == nil {
				rec, err := r.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = q.Unclosed(r, rec)
			}
			switch {
			case tc.want == "" && got != nil:
				t.Errorf("%v, want none", got)
			case tc.want != "" && (got == nil || !strings.Contains(got.Error(), tc.want)):
				t.Errorf("%v, want %q", got, tc.want)
			}
		})
	}
}

// A long text: the tail kept is the text's, whatever the read sizes.
func TestUnclosedLong(t *testing.T) {
	text := "id,notes\n1,\"runaway\n" + strings.Repeat("2,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", 5000)
	for _, closed := range []bool{false, true} {
		body := text
		if closed {
			body = strings.TrimSuffix(text, "\n") + "\"\n"
		}
		q := NewQuotes(strings.NewReader(body))
		r := csv.NewReader(q)
		r.LazyQuotes, r.FieldsPerRecord = true, -1
		var got error
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			got = q.Unclosed(r, rec)
		}
		if (got == nil) != closed {
			t.Errorf("closed %v: %v", closed, got)
		}
		if got != nil && !strings.Contains(got.Error(), "the 5000 lines after it (lines 3 to 5002") {
			t.Errorf("%v", got)
		}
	}
}
