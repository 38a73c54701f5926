package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/internal/catalog"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/scan"
	"github.com/vigie-security/vigie/internal/waiver"
)

// waiveForm asks why a finding's risk is accepted and until when, then
// writes the waiver file and shows the finding as WAIVED.
type waiveForm struct {
	statement, expires textinput.Model
	focus              int
	err                string
}

func newWaiveForm(ctx *shared) *waiveForm {
	st := textinput.New()
	st.Prompt = tr(ctx.lang, "Why is the risk accepted? ", "Pourquoi le risque est-il accepté ? ")
	st.CharLimit = 300
	st.Focus()
	ex := textinput.New()
	ex.Prompt = tr(ctx.lang, "Until (YYYY-MM-DD): ", "Jusqu'au (AAAA-MM-JJ) : ")
	ex.CharLimit = 10
	ex.SetValue(ctx.now().AddDate(0, 3, 0).Format(time.DateOnly))
	return &waiveForm{statement: st, expires: ex}
}

// update returns done when the form was submitted or cancelled.
func (w *waiveForm) update(ctx *shared, f check.Finding, msg tea.KeyMsg) (done bool, cmd tea.Cmd) {
	switch msg.Type {
	case tea.KeyEsc:
		return true, nil
	case tea.KeyTab, tea.KeyShiftTab:
		w.switchFocus()
		return false, nil
	case tea.KeyEnter:
		if w.focus == 0 {
			w.switchFocus()
			return false, nil
		}
		e := waiver.Entry{Check: f.CheckID, Target: f.Target, Statement: strings.TrimSpace(w.statement.Value()), Expires: strings.TrimSpace(w.expires.Value())}
		// The form's own mistakes are said in the person's language.
		if e.Statement == "" {
			w.err = tr(ctx.lang, "a waiver needs a statement: say why the risk is accepted", "une dérogation demande une justification : dites pourquoi le risque est accepté")
			return false, nil
		}
		if _, err := time.Parse(time.DateOnly, e.Expires); err != nil {
			w.err = fmt.Sprintf(tr(ctx.lang, "%q is not a date (YYYY-MM-DD)", "%q n'est pas une date (AAAA-MM-JJ)"), e.Expires)
			return false, nil
		}
		if err := ctx.waive(e); err != nil {
			w.err = err.Error()
			return false, nil
		}
		return true, nil
	}
	if w.focus == 0 {
		w.statement, cmd = w.statement.Update(msg)
	} else {
		w.expires, cmd = w.expires.Update(msg)
	}
	return false, cmd
}

func (w *waiveForm) switchFocus() {
	w.focus = 1 - w.focus
	if w.focus == 0 {
		w.statement.Focus()
		w.expires.Blur()
	} else {
		w.expires.Focus()
		w.statement.Blur()
	}
}

func (w *waiveForm) view(ctx *shared) string {
	s := ctx.styles
	var b strings.Builder
	b.WriteString(s.Header.Render(tr(ctx.lang, "Waive this finding", "Déroger à ce constat")) + "\n")
	b.WriteString(w.statement.View() + "\n" + w.expires.View() + "\n")
	b.WriteString(s.Muted.Render(truncate(tr(ctx.lang, "enter: next / save · tab: switch · esc: cancel", "entrée : suivant / enregistrer · tab : changer · échap : annuler"), ctx.width)) + "\n")
	// The path on its own line, whole and absolute: the reader must find the
	// file, and know which scans will read it.
	where := ctx.waiverFile
	if abs, err := filepath.Abs(where); err == nil {
		where = abs
	}
	if ctx.waiversUnread {
		b.WriteString(s.Bad.Render(wrapTo(fmt.Sprintf(tr(ctx.lang, "The waiver goes to %s and applies here at once. ", "La dérogation va dans %s et s'applique ici aussitôt. "), where)+
			ctx.waiversUnreadNote(), max(ctx.width-1, 20))) + "\n")
	} else {
		b.WriteString(s.Muted.Render(wrapTo(fmt.Sprintf(tr(ctx.lang,
			"The waiver goes to %s; it applies here at once and to every scan that reads this file (waivers: in the configuration).",
			"La dérogation va dans %s ; elle s'applique ici aussitôt et à tout scan qui lit ce fichier (waivers: de la configuration)."), where),
			max(ctx.width-1, 20))) + "\n")
	}
	if w.err != "" {
		b.WriteString(s.Bad.Render(wrapTo(w.err, max(ctx.width-2, 20))) + "\n")
	}
	return b.String()
}

// waiversUnreadNote says that the configuration's own scans will not see
// a waiver written here, and the line that makes them: trial 4 #17, a
// consultant believed the risk accepted and the night's scan still failed.
func (ctx *shared) waiversUnreadNote() string {
	return fmt.Sprintf(tr(ctx.lang,
		"%s does not read this file: add `waivers: %s` to it, or vigie scan -c %s still reports the finding.",
		"%s ne lit pas ce fichier : ajoutez-y `waivers: %s`, sinon vigie scan -c %s signale toujours le constat."),
		ctx.configFile, ctx.waiversKey(), ctx.configFile)
}

// waiversKey is the path the configuration should name: its paths are
// read from the folder vigie runs in, so the name as written when the
// configuration is in this folder, the absolute path otherwise.
func (ctx *shared) waiversKey() string {
	if filepath.Dir(ctx.configFile) == "." {
		return ctx.waiverFile
	}
	if abs, err := filepath.Abs(ctx.waiverFile); err == nil {
		return abs
	}
	return ctx.waiverFile
}

// waive writes the waiver and shows the report with every waiver applied.
func (ctx *shared) waive(e waiver.Entry) error {
	if err := waiver.Append(ctx.waiverFile, e, catalog.Known, ctx.lang); err != nil {
		return err
	}
	return ctx.applyWaivers()
}

// applyWaivers shows the scan's report with the waiver file applied, the
// way the scan session applies it.
func (ctx *shared) applyWaivers() error {
	if ctx.base == nil {
		return nil
	}
	sess := ctx.session
	if sess == nil { // a report given alone
		sess = &scan.Session{WaiverFile: ctx.waiverFile, WaiversMayBeMissing: true, Now: ctx.now}
	}
	waived, _, err := sess.Rewaive(*ctx.base)
	if err != nil {
		return err
	}
	ctx.report = &waived
	return nil
}

// setReport installs a new scan's report.
func (ctx *shared) setReport(r *report.Report) error {
	ctx.base = r
	return ctx.applyWaivers()
}
