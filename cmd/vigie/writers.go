package main

import (
	"os"
	"path/filepath"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/report/formats"
	"github.com/vigie-security/vigie/internal/scan"
)

// handover names the organisation and the consultant on HTML and PDF reports.
type handover struct{ org, consultant, browser string }

// deliveryOf is the config's output section (flags already over it) as the writers take it.
func deliveryOf(o config.Output, f outputFlags) delivery {
	return delivery{formats: o.FormatList(), output: o.File, dir: o.Dir, noColor: f.noColor, quiet: f.quiet,
		handover: handover{org: o.Organisation, consultant: o.Consultant, browser: o.Browser}}
}

// outputsOf turns --format (one, or several with commas), --output and
// --output-dir into the session's outputs. Several formats need a folder:
// one file each, vigie-report.<ext>.
func outputsOf(o delivery, lang check.Lang, color bool, e env) ([]scan.Output, error) {
	h := o.handover
	// The config (flags over it) was validated: the formats are known, and
	// several come with a folder, never with a file as well.
	list := o.formats
	if len(list) == 0 {
		list = []string{"table"}
	}
	if o.output == "-" { // the usual name for standard output, not a file called "-"
		o.output = ""
	}
	if o.dir != "" {
		// The folder is made (private) if missing: a report folder per run is the common case.
		if err := os.MkdirAll(o.dir, 0o700); err != nil {
			return nil, usageErr("--output-dir: %v", err)
		}
	}
	var out []scan.Output
	for _, f := range list {
		w, err := formats.For(f, formats.Options{Options: report.Options{Lang: lang, Color: color && o.dir == "" && o.output == ""},
			Organisation: h.org, Consultant: h.consultant, Browser: h.browser})
		if err != nil {
			return nil, usageErr("--format: %v", err)
		}
		switch {
		case o.dir != "":
			out = append(out, scan.Output{Writer: w, Path: filepath.Join(o.dir, "vigie-report"+report.Extension(f))})
		case f == "pdf" && o.output == "" && isTerminal(e.stdout):
			return nil, usageText("--format pdf: give --output FILE; a PDF is not for a terminal", "--format pdf : donnez --output FICHIER ; un PDF n'est pas pour un terminal")
		default:
			out = append(out, scan.Output{Writer: w, Path: o.output, Stdout: e.stdout})
		}
	}
	return out, nil
}
