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
// The lists that grow with the targets (targets, findings, the targets'
// scores) are encoded one element at a time into a buffered stream:
// encoding the whole report at once built the document in memory, 1.2 GB
// more for the 208 MB report of 10,000 targets, and that is also the
// render an interrupted scan must afford. The bytes are those of one Encode.
type JSON struct{}

// Where the streamed lists go in the report encoded without them: after a
// real line break and their exact indentation, which no string can hold.
var (
	targetsSlot  = []byte("\n  \"targets\": null")
	findingsSlot = []byte("\n  \"findings\": null")
	scoresSlot   = []byte("\n  \"scores\": {")
	perTarget    = []byte("\n    \"targets\": null")
)

func (JSON) Write(ctx context.Context, w io.Writer, r Report) error {
	head := r
	head.Targets, head.Findings, head.Scores.Targets = nil, nil, nil
	var hb bytes.Buffer
	if err := encoder(&hb, "").Encode(head); err != nil {
		return err
	}
	h := hb.Bytes()
	at := func(slot []byte, from int) int {
		i := bytes.Index(h[from:], slot)
		if i < 0 {
			return -1
		}
		return from + i + len(slot) - len("null")
	}
	t, f := at(targetsSlot, 0), at(findingsSlot, 0)
	sc := bytes.Index(h, scoresSlot)
	st := -1
	if sc >= 0 {
		st = at(perTarget, sc)
	}
	if t < 0 || f < t || sc < f || st < 0 {
		return errors.New("json: no place for the lists in the encoded report") // not shown: cannot happen (vigie's own encoding)
	}
	out := bufio.NewWriterSize(w, 64<<10)
	a := &jsonArrays{ctx: ctx, out: out}
	out.Write(h[:t])
	a.list("  ", r.Targets == nil, func(elem func(any) error) error {
		for _, x := range r.Targets {
			if err := elem(x); err != nil {
				return err
			}
		}
		return nil
	})
	if a.err != nil { // nothing more: a half report must not look whole
		return a.err
	}
	out.Write(h[t+len("null") : f])
	a.findings(r)
	if a.err != nil {
		return a.err
	}
	out.Write(h[f+len("null") : st])
	a.list("    ", r.Scores.Targets == nil, func(elem func(any) error) error {
		for _, x := range r.Scores.Targets {
			if err := elem(x); err != nil {
				return err
			}
		}
		return nil
	})
	out.Write(h[st+len("null"):])
	if a.err != nil {
		return a.err
	}
	return out.Flush()
}

// jsonArrays writes arrays as Encode lays them out; the first error sticks.
type jsonArrays struct {
	ctx     context.Context
	out     *bufio.Writer
	one     bytes.Buffer
	scratch []byte
	err     error
}

// list writes null when isNil and nothing came, [] when nothing came, or
// one element a line, indent being the array's own indentation.
func (a *jsonArrays) list(indent string, isNil bool, each func(elem func(any) error) error) {
	if a.err != nil {
		return
	}
	enc := encoder(&a.one, indent+"  ")
	n := 0
	a.err = each(func(v any) error {
		return a.elem(indent, &n, func() error {
			// Encode ends with a line break, which the array's layout has no room for.
			if err := enc.Encode(v); err != nil {
				return err
			}
			a.one.Truncate(a.one.Len() - 1)
			return nil
		})
	})
	a.end(indent, isNil, n)
}

func (a *jsonArrays) elem(indent string, n *int, encode func() error) error {
	if *n%1024 == 0 && a.ctx.Err() != nil {
		return a.ctx.Err()
	}
	if *n == 0 {
		a.out.WriteString("[\n")
	} else {
		a.out.WriteString(",\n")
	}
	*n++
	a.out.WriteString(indent + "  ")
	a.one.Reset()
	if err := encode(); err != nil {
		return err
	}
	a.out.Write(a.one.Bytes())
	return nil
}

func (a *jsonArrays) end(indent string, isNil bool, n int) {
	switch {
	case a.err != nil:
	case n > 0:
		a.out.WriteString("\n" + indent + "]")
	case isNil:
		a.out.WriteString("null")
	default:
		a.out.WriteString("[]")
	}
}

// findings writes those in memory, then those kept on disk: the spool
// holds each as Encode wrote it, compact, and indenting it gives the bytes
// Encode would, without decoding it.
func (a *jsonArrays) findings(r Report) {
	if a.err != nil {
		return
	}
	const indent = "  "
	enc := encoder(&a.one, indent+"  ")
	n := 0
	for _, f := range r.Findings {
		if a.err = a.elem(indent, &n, func() error {
			if err := enc.Encode(f); err != nil {
				if err = enc.Encode(WithoutBadEvidence(f, err)); err != nil {
					return err
				}
			}
			a.one.Truncate(a.one.Len() - 1)
			return nil
		}); a.err != nil {
			return
		}
	}
	if r.spool != nil {
		for line := range r.spool.raw {
			if a.err = a.elem(indent, &n, func() error {
				a.scratch = indentJSON(a.scratch[:0], line, indent+"  ", "  ")
				a.one.Write(a.scratch)
				return nil
			}); a.err != nil {
				return
			}
		}
		if a.err = r.spool.Err(); a.err != nil {
			return
		}
	}
	a.end(indent, r.Findings == nil && r.spool == nil, n)
}

func encoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}
