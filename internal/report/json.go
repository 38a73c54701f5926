package report

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
)

// JSON writes the report as indented JSON (see the README for the fields).
// Texts carry both languages: {"en": …, "fr": …}.
//
// Findings are encoded one at a time into a buffered stream: encoding the
// whole report at once built the document in memory, 1.2 GB more for the
// 208 MB report of 10,000 targets, and that is also the render an
// interrupted scan must afford. The bytes are those of one Encode.
type JSON struct{}

// findingsSlot is where the findings go in the report encoded without them:
// at the top level, after a real line break, which no string can hold.
var findingsSlot = []byte("\n  \"findings\": null")

func (JSON) Write(ctx context.Context, w io.Writer, r Report) error {
	findings, spooled := r.Findings, r.spool
	r.Findings = nil
	var head bytes.Buffer
	if err := encoder(&head, "").Encode(r); err != nil {
		return err
	}
	at := bytes.Index(head.Bytes(), findingsSlot)
	if at < 0 {
		return errors.New("json: no place for the findings in the encoded report") // not shown: cannot happen (vigie's own encoding)
	}
	at += len(findingsSlot) - len("null")
	out := bufio.NewWriterSize(w, 64<<10)
	out.Write(head.Bytes()[:at])
	switch {
	case findings == nil && spooled == nil:
		out.WriteString("null")
	case len(findings) == 0 && (spooled == nil || spooled.Len() == 0):
		out.WriteString("[]")
	default:
		out.WriteString("[\n")
		// Encode ends with a line break, which the array's layout has no room for.
		var one bytes.Buffer
		enc := encoder(&one, "    ")
		i := 0
		next := func() error {
			if i%1024 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			if i > 0 {
				out.WriteString(",\n")
			}
			i++
			out.WriteString("    ")
			return nil
		}
		for _, f := range findings {
			if err := next(); err != nil {
				return err
			}
			one.Reset()
			if err := enc.Encode(f); err != nil {
				return err
			}
			out.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
		}
		if spooled != nil {
			// The spool holds each finding as Encode wrote it, compact:
			// indenting it gives the bytes Encode would, without decoding.
			var err error
			for line := range spooled.raw {
				if err = next(); err != nil {
					break
				}
				one.Reset()
				if err = json.Indent(&one, line, "    ", "  "); err != nil {
					break
				}
				out.Write(one.Bytes())
			}
			if err == nil {
				err = spooled.Err()
			}
			if err != nil {
				return err
			}
		}
		out.WriteString("\n  ]")
	}
	out.Write(head.Bytes()[at+len("null"):])
	return out.Flush()
}

func encoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}
