package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/atomicfile"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/pwpolicy"
)

// whatIfModel edits a password policy and shows, as it changes, the
// entropy and every password check's verdict: the checks package judges,
// this screen only edits and shows.
type whatIfModel struct {
	ctx      *shared
	policies []password.Evidence
	current  int
	p        password.Policy
	row      int
	saved    string // the file just written
	taken    string // the first name that existed, when saved elsewhere
	err      error
}

var storageChoices = []string{"", "argon2id", "scrypt", "bcrypt", "pbkdf2-sha256", "sha512crypt", "sha1", "md5", "plaintext"}

const whatIfRows = 8

func newWhatIfModel(ctx *shared, policies []password.Evidence) whatIfModel {
	w := whatIfModel{ctx: ctx, policies: policies}
	w.load(0)
	return w
}

// load starts from one of the configured policies, or a blank one.
func (w *whatIfModel) load(i int) {
	if len(w.policies) == 0 {
		eight := 8
		w.p = password.Policy{Name: "users", MinLength: &eight}
		return
	}
	w.current = i % len(w.policies)
	w.p = clonePolicy(w.policies[w.current].Policy)
}

func clonePolicy(p password.Policy) password.Policy {
	c := p
	if p.MinLength != nil {
		v := *p.MinLength
		c.MinLength = &v
	}
	if p.LockoutThreshold != nil {
		v := *p.LockoutThreshold
		c.LockoutThreshold = &v
	}
	if p.Storage != nil {
		s := *p.Storage
		c.Storage = &s
	}
	return c
}

func (w whatIfModel) update(msg tea.KeyMsg) whatIfModel {
	k := w.ctx.keys
	w.saved, w.taken, w.err = "", "", nil
	switch {
	case key.Matches(msg, k.Up):
		w.row = (w.row + whatIfRows - 1) % whatIfRows
	case key.Matches(msg, k.Down):
		w.row = (w.row + 1) % whatIfRows
	case key.Matches(msg, k.Left), msg.String() == "-":
		w.change(-1)
	case key.Matches(msg, k.Right), msg.String() == "+", msg.String() == " ":
		w.change(+1)
	case msg.String() == "n":
		w.load(w.current + 1)
	case msg.String() == "w":
		w.save()
	}
	return w
}

func toggle(t password.Tri) password.Tri {
	if t == password.Yes {
		return password.No
	}
	return password.Yes
}

// change moves the value of the selected row by one step.
func (w *whatIfModel) change(d int) {
	p := &w.p
	switch w.row {
	case 0:
		p.MinLength = step(p.MinLength, d, 8, 1, 64)
	case 1:
		p.RequireLower = toggle(p.RequireLower)
	case 2:
		p.RequireUpper = toggle(p.RequireUpper)
	case 3:
		p.RequireDigit = toggle(p.RequireDigit)
	case 4:
		p.RequireSpecial = toggle(p.RequireSpecial)
	case 5:
		p.LockoutThreshold = step(p.LockoutThreshold, d, 0, 0, 50)
	case 6:
		p.MFA = toggle(p.MFA)
	case 7:
		cur := 0
		if p.Storage != nil {
			for i, s := range storageChoices {
				if s == p.Storage.Algorithm {
					cur = i
				}
			}
		}
		next := storageChoices[(cur+d+len(storageChoices))%len(storageChoices)]
		if next == "" {
			p.Storage = nil
		} else {
			p.Storage = &password.Storage{Algorithm: next, Salted: password.Yes}
			if next == "plaintext" || next == "md5" || next == "sha1" {
				p.Storage.Salted = password.No
			}
			// Back on the configured algorithm, its configured parameters come back too.
			if len(w.policies) > 0 {
				if o := w.policies[w.current].Policy.Storage; o != nil && o.Algorithm == next {
					c := *o
					p.Storage = &c
				}
			}
		}
	}
	p.Format = "what-if"
}

// step moves a number that may be unstated (from) by d, within [lo, hi].
func step(v *int, d, from, lo, hi int) *int {
	n := from
	if v != nil {
		n = *v
	}
	n = min(max(n+d, lo), hi)
	return &n
}

// maxSaveTries bounds the search for a free name: past it the admin has a
// folder full of what-ifs and is asked to tidy it rather than get a 100th.
const maxSaveTries = 99

// save writes the policy in vigie's YAML policy format, next to where vigie
// runs, under a name no file has yet: an existing file (perhaps the very
// policy file the scan read, with its comments) is never replaced. The name
// is reserved with O_EXCL before the atomic write, so two saves cannot race.
func (w *whatIfModel) save() {
	data, err := pwpolicy.Marshal([]password.Policy{w.p})
	if err != nil {
		w.err = err
		return
	}
	base := "vigie-policy-" + safeFileName(w.p.Name)
	w.taken = ""
	for i := 1; i <= maxSaveTries; i++ {
		name := base + ".yaml"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.yaml", base, i)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			if w.taken == "" {
				w.taken = name
			}
			continue
		}
		if err != nil {
			w.err = err
			return
		}
		f.Close()
		if err := atomicfile.WriteBytes(name, data); err != nil {
			os.Remove(name) // the empty reservation, never someone else's file
			w.err = err
			return
		}
		w.saved = name
		return
	}
	w.err = errAllTaken{base}
}

// errAllTaken says every name the saver may use exists.
type errAllTaken struct{ base string }

func (e errAllTaken) Error() string {
	return e.base + ".yaml … -" + fmt.Sprint(maxSaveTries) + ".yaml"
}

// printable replaces control characters (terminal escapes from a policy
// file's name or a realm name) so they are shown, not obeyed.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '?'
		}
		return r
	}, s)
}

// safeFileName keeps a policy name (read from a file, so anything) to
// letters, digits, '.', '_' and '-': no path, no terminal escape.
func safeFileName(name string) string {
	var b strings.Builder
	for _, r := range name {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-'):
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
		if b.Len() >= 64 {
			break
		}
	}
	s := strings.Trim(b.String(), ".-")
	if s == "" {
		return "policy"
	}
	return s
}

func triText(l check.Lang, t password.Tri) string {
	switch t {
	case password.Yes:
		return tr(l, "yes", "oui")
	case password.No:
		return tr(l, "no", "non")
	}
	return tr(l, "not stated", "non précisé")
}

func (w whatIfModel) view() string {
	l, s, p := w.ctx.lang, w.ctx.styles, w.p
	var b strings.Builder
	src := tr(l, "a new policy", "une nouvelle politique")
	if len(w.policies) > 0 {
		src = printable(w.policies[w.current].TargetName())
	}
	b.WriteString(s.Muted.Render(truncate(tr(l, "From ", "D'après ")+src+tr(l, " · n: next policy · w: save as a new file", " · n : politique suivante · w : enregistrer dans un nouveau fichier"), w.ctx.width)) + "\n\n")
	intOr := func(v *int, none string) string {
		if v == nil {
			return none
		}
		return fmt.Sprint(*v)
	}
	storage := tr(l, "not stated", "non précisé")
	if p.Storage != nil {
		storage = p.Storage.Algorithm
	}
	rows := [whatIfRows][2]string{
		{tr(l, "Minimum length", "Longueur minimale"), intOr(p.MinLength, tr(l, "not stated", "non précisé"))},
		{tr(l, "Lower case forced", "Minuscules imposées"), triText(l, p.RequireLower)},
		{tr(l, "Upper case forced", "Majuscules imposées"), triText(l, p.RequireUpper)},
		{tr(l, "Digits forced", "Chiffres imposés"), triText(l, p.RequireDigit)},
		{tr(l, "Specials forced", "Caractères spéciaux imposés"), triText(l, p.RequireSpecial)},
		{tr(l, "Lockout after (0 = never)", "Verrouillage après (0 = jamais)"), intOr(p.LockoutThreshold, tr(l, "not stated", "non précisé"))},
		{tr(l, "Multi-factor", "Multi-facteur"), triText(l, p.MFA)},
		{tr(l, "Storage", "Stockage"), storage},
	}
	for i, r := range rows {
		line := fmt.Sprintf("  %-32s ‹ %s ›", r[0], r[1])
		if i == w.row {
			line = s.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	_, alphabet, bits, ok := password.Entropy(p)
	b.WriteString("\n")
	if ok {
		b.WriteString(s.Title.Render(fmt.Sprintf(tr(l, "Entropy: %.0f bits (alphabet of %d)", "Entropie : %.0f bits (alphabet de %d)"), bits, alphabet)) + "\n")
	} else {
		b.WriteString(s.Muted.Render(tr(l, "Entropy: unknown (length not stated)", "Entropie : inconnue (longueur non précisée)")) + "\n")
	}
	ev := password.Evidence{Target: "what-if", Policy: p}
	for _, c := range password.Checks() {
		f := c.Evaluate(ev)
		label := fmt.Sprintf("%-7s", f.Status.Label(l))
		line := fmt.Sprintf("%s %-14s %s", s.status(f.Status, label), f.CheckID, c.Meta().Title.In(l))
		b.WriteString(truncate(line, w.ctx.width+20) + "\n")
		if f.CheckID == "PWD-CNIL-001" {
			b.WriteString(s.Muted.Render(wrapTo("        "+f.Message.In(l), max(w.ctx.width-2, 20))) + "\n")
		}
	}
	b.WriteString(w.status(l))
	return b.String()
}

// status is the line saying what the last save did, or why it did not.
func (w whatIfModel) status(l check.Lang) string {
	s := w.ctx.styles
	var all errAllTaken
	switch {
	case errors.As(w.err, &all):
		return s.Bad.Render(tr(l, "Not saved: "+all.Error()+" all exist, and vigie never replaces a file; move some away",
			"Non enregistrée : "+all.Error()+" existent tous, et vigie ne remplace jamais un fichier ; déplacez-en")) + "\n"
	case w.err != nil:
		return s.Bad.Render(tr(l, "Not saved: ", "Non enregistrée : ")+w.err.Error()) + "\n"
	case w.saved != "" && w.taken != "":
		return s.Good.Render(fmt.Sprintf(tr(l, "Saved as %s, a new file (%s exists and is left as it is)",
			"Enregistrée sous %s, un nouveau fichier (%s existe et reste tel quel)"), w.saved, w.taken)) + "\n"
	case w.saved != "":
		return s.Good.Render(tr(l, "Saved as ", "Enregistrée sous ")+w.saved) + "\n"
	}
	return ""
}
