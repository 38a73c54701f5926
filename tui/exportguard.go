package tui

import (
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/scan"
)

// exportGuard refuses an export onto a file the scans read, as the CLI
// refuses such a -o: a CSV written over the history or a lead export loses
// it. Taken on the interface's loop, checked in the write's command.
type exportGuard struct {
	session    *scan.Session                // the last scan's; nil before one
	newSession func() (scan.Session, error) // the next scan's, when none ran yet
	waiverFile string
	configFile string
	reportFile string
}

func (ctx *shared) exportGuard() exportGuard {
	g := exportGuard{session: ctx.session, waiverFile: ctx.waiverFile, configFile: ctx.configFile, reportFile: ctx.reportFile}
	if !ctx.demo { // the demo's files live in a temporary folder of their own
		g.newSession = ctx.newSession
	}
	return g
}

// inputReport is the report vigie tui --report opened.
var inputReport = check.Text{EN: "the report the interface opened", FR: "le rapport que l'interface a ouvert"}

// refuse says why path must not be written, or nil.
func (g exportGuard) refuse(path string) error {
	var sess scan.Session
	switch {
	case g.session != nil:
		sess = *g.session
	case g.newSession != nil:
		s, err := g.newSession()
		if err != nil { // the inputs are unknown: writing could replace one
			return check.Errorf("the files the scan reads cannot be listed (%v): nothing written", "les fichiers que l'analyse lit ne peuvent être listés (%v) : rien n'est écrit", err)
		}
		sess = s
	}
	sess.WaiverFile = g.waiverFile
	if g.configFile != "" {
		sess.Inputs = append(sess.Inputs, scan.Input{Path: g.configFile, What: scan.InputConfig})
	}
	if sess.Plan.ConfigFile != "" {
		sess.Inputs = append(sess.Inputs, scan.Input{Path: sess.Plan.ConfigFile, What: scan.InputConfig})
	}
	if g.reportFile != "" {
		sess.Inputs = append(sess.Inputs, scan.Input{Path: g.reportFile, What: inputReport})
	}
	return sess.CheckNotInputs(scan.Output{Path: path})
}
