package tui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"
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

// The rows of the what-if, in screen order.
const (
	rowLength = iota
	rowLower
	rowUpper
	rowDigit
	rowSpecial
	rowLockout
	rowMFA
	rowStorage
	rowExpiry
	rowHistory
	rowBlacklist
	rowReset
	whatIfRows
)

// Steps of the fields that are not counted one by one.
var (
	expiryDays = []int{0, 30, 60, 90, 180, 365, 730, 1095}
	resetSteps = []time.Duration{0, 15 * time.Minute, 30 * time.Minute, time.Hour, 2 * time.Hour, 24 * time.Hour, 48 * time.Hour, 7 * 24 * time.Hour}
)

// storageDefaults are the parameters an algorithm gets when the what-if
// picks it: OWASP's figures, so the policy saved is the one judged (an
// argon2id with memory_kib: 0 and time: 0 was saved once, while shown PASS).
var storageDefaults = map[string]password.Storage{
	"argon2id":      {MemoryKiB: 19456, Time: 2, Salted: password.Yes},
	"scrypt":        {Salted: password.Yes},
	"bcrypt":        {Cost: 12, Salted: password.Yes},
	"pbkdf2-sha256": {Iterations: 600000, Salted: password.Yes},
	"sha512crypt":   {Iterations: 5000, Salted: password.Yes},
	"sha1":          {Salted: password.No},
	"md5":           {Salted: password.No},
	"plaintext":     {Salted: password.No},
}

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
	for _, v := range []**int{&c.MaxAgeDays, &c.HistoryCount} {
		if *v != nil {
			n := **v
			*v = &n
		}
	}
	if p.ResetLinkLifetime != nil {
		d := *p.ResetLinkLifetime
		c.ResetLinkLifetime = &d
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
	case key.Matches(msg, k.Top):
		w.row = 0
	case key.Matches(msg, k.Bottom):
		w.row = whatIfRows - 1
	case key.Matches(msg, k.NextPolicy):
		w.load(w.current + 1)
	case key.Matches(msg, k.Save):
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
	case rowLength:
		p.MinLength = step(p.MinLength, d, 8, 1, 64)
	case rowLower:
		p.RequireLower = toggle(p.RequireLower)
	case rowUpper:
		p.RequireUpper = toggle(p.RequireUpper)
	case rowDigit:
		p.RequireDigit = toggle(p.RequireDigit)
	case rowSpecial:
		p.RequireSpecial = toggle(p.RequireSpecial)
	case rowLockout:
		p.LockoutThreshold = step(p.LockoutThreshold, d, 0, 0, 50)
	case rowMFA:
		p.MFA = toggle(p.MFA)
	case rowStorage:
		w.changeStorage(d)
	case rowExpiry:
		p.MaxAgeDays = stepIn(p.MaxAgeDays, d, expiryDays)
	case rowHistory:
		p.HistoryCount = step(p.HistoryCount, d, 0, 0, 24)
	case rowBlacklist:
		p.Blacklist = toggle(p.Blacklist)
	case rowReset:
		p.ResetLinkLifetime = stepIn(p.ResetLinkLifetime, d, resetSteps)
	}
	p.Format = "what-if"
}

// changeStorage moves to the next algorithm, with OWASP's parameters, or
// the configured ones when it comes back to the configured algorithm.
func (w *whatIfModel) changeStorage(d int) {
	p := &w.p
	cur := 0
	if p.Storage != nil {
		for i, s := range storageChoices {
			if s == p.Storage.Algorithm {
				cur = i
			}
		}
	}
	next := storageChoices[cycle(cur, d, len(storageChoices))]
	if next == "" {
		p.Storage = nil
		return
	}
	st := storageDefaults[next]
	st.Algorithm = next
	p.Storage = &st
	if len(w.policies) > 0 {
		if o := w.policies[w.current].Policy.Storage; o != nil && o.Algorithm == next {
			c := *o
			p.Storage = &c
		}
	}
}

// stepIn moves a value that may be unstated along fixed steps; past the
// first step it is unstated again, as it was.
func stepIn[T comparable](v *T, d int, steps []T) *T {
	i := -1
	if v != nil {
		for k, s := range steps {
			if s == *v {
				i = k
			}
		}
		if i < 0 { // a configured value between steps: start from the first
			i = 0
		}
	}
	i = min(max(i+d, -1), len(steps)-1)
	if i < 0 {
		return nil
	}
	n := steps[i]
	return &n
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
	if err := readsBackAsShown(w.p, data); err != nil {
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

// readsBackAsShown reads the file about to be written as a scan would and
// judges it: a policy whose file would not get the verdicts on screen is
// not written.
func readsBackAsShown(p password.Policy, data []byte) error {
	back, err := pwpolicy.Parse("what-if.yaml", data)
	if err != nil {
		return errNotAsShown{problem: err.Error()}
	}
	if len(back) != 1 {
		return errNotAsShown{problem: fmt.Sprintf("%d policies", len(back))}
	}
	for _, c := range password.Checks() {
		shown := c.Evaluate(password.Evidence{Target: "what-if", Policy: p}).Status
		read := c.Evaluate(password.Evidence{Target: "what-if", Policy: back[0]}).Status
		if shown != read {
			return errNotAsShown{checkID: c.Meta().ID, shown: shown, read: read}
		}
	}
	return nil
}

// errNotAsShown: the policy, written and read back, is judged otherwise.
type errNotAsShown struct {
	checkID     string
	shown, read check.Status
	problem     string
}

func (e errNotAsShown) Error() string { return e.in(check.EN) }

func (e errNotAsShown) in(l check.Lang) string {
	if e.problem != "" {
		return tr(l, "the file would not read back: ", "le fichier ne se relirait pas : ") + e.problem
	}
	return fmt.Sprintf(tr(l, "read back, the file would get %s on %s, not the %s shown",
		"relu, le fichier obtiendrait %s à %s, et non le %s affiché"), e.read.Label(l), e.checkID, e.shown.Label(l))
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

// fields are the rows' labels and values as shown.
func (w whatIfModel) fields() [whatIfRows][2]string {
	l, p := w.ctx.lang, w.p
	unstated := tr(l, "not stated", "non précisé")
	intOr := func(v *int, zero string) string {
		switch {
		case v == nil:
			return unstated
		case *v == 0 && zero != "":
			return zero
		}
		return fmt.Sprint(*v)
	}
	storage := unstated
	if st := p.Storage; st != nil {
		storage = st.Algorithm
		switch {
		case st.MemoryKiB > 0 || st.Time > 0:
			storage += fmt.Sprintf(" m=%d t=%d", st.MemoryKiB, st.Time)
		case st.Cost > 0:
			storage += fmt.Sprintf(tr(l, " cost %d", " coût %d"), st.Cost)
		case st.Iterations > 0:
			storage += fmt.Sprintf(" ×%d", st.Iterations)
		}
	}
	reset := unstated
	if d := p.ResetLinkLifetime; d != nil {
		reset = durationText(l, *d)
	}
	never := tr(l, "0 (never)", "0 (jamais)")
	return [whatIfRows][2]string{
		{tr(l, "Minimum length", "Longueur minimale"), intOr(p.MinLength, "")},
		{tr(l, "Lower case forced", "Minuscules imposées"), triText(l, p.RequireLower)},
		{tr(l, "Upper case forced", "Majuscules imposées"), triText(l, p.RequireUpper)},
		{tr(l, "Digits forced", "Chiffres imposés"), triText(l, p.RequireDigit)},
		{tr(l, "Specials forced", "Spéciaux imposés"), triText(l, p.RequireSpecial)},
		{tr(l, "Lockout after failures", "Verrouillage après échecs"), intOr(p.LockoutThreshold, never)},
		{tr(l, "Multi-factor", "Multi-facteur"), triText(l, p.MFA)},
		{tr(l, "Storage", "Stockage"), storage},
		{tr(l, "Expiry (days)", "Expiration (jours)"), intOr(p.MaxAgeDays, never)},
		{tr(l, "History (passwords)", "Historique (nombre)"), intOr(p.HistoryCount, "")},
		{tr(l, "Blacklist", "Liste noire"), triText(l, p.Blacklist)},
		{tr(l, "Reset link lifetime", "Lien de réinitialisation"), reset},
	}
}

// durationText: "30 min", "1 h", "7 days"; 0 is a link that never expires.
func durationText(l check.Lang, d time.Duration) string {
	switch {
	case d == 0:
		return tr(l, "never expires", "n'expire jamais")
	case d >= 48*time.Hour && d%(24*time.Hour) == 0:
		return fmt.Sprintf(tr(l, "%d days", "%d jours"), int(d/(24*time.Hour)))
	case d >= time.Hour && d%time.Hour == 0:
		return fmt.Sprintf("%d h", int(d/time.Hour))
	}
	return fmt.Sprintf("%d min", int(d/time.Minute))
}

// view: the fields on the left, every check's verdict on the right, then
// the entropy, the CNIL case in words, and what the last save did; all
// of it within 80×24.
func (w whatIfModel) view() string {
	l, s, p := w.ctx.lang, w.ctx.styles, w.p
	var b strings.Builder
	src := tr(l, "a new policy", "une nouvelle politique")
	if len(w.policies) > 0 {
		src = printable(w.policies[w.current].TargetName())
	}
	head := tr(l, "From ", "D'après ") + src
	if len(w.policies) > 1 {
		head += fmt.Sprintf(" (%d/%d)", w.current+1, len(w.policies))
	}
	b.WriteString(s.Muted.Render(tail(head, w.ctx.width)) + "\n\n")
	var left []string
	for i, r := range w.fields() {
		line := "  " + pad(r[0], 25) + " ‹ " + r[1] + " ›"
		if i == w.row {
			line = s.Selected.Render("›" + line[1:])
		}
		left = append(left, line)
	}
	// A fixed width, from the longest value there is (pbkdf2-sha256 ×600000):
	// the verdicts do not move as values change.
	const leftW = 2 + 25 + 3 + 21 + 2 + 1
	ev := password.Evidence{Target: "what-if", Policy: p}
	var right []string
	var cnil string
	for _, c := range password.Checks() {
		f := c.Evaluate(ev)
		line := s.status(f.Status, pad(f.Status.Label(l), 8)) + f.CheckID
		if room := w.ctx.width - leftW - 22; room >= 10 {
			line = s.status(f.Status, pad(f.Status.Label(l), 8)) + pad(f.CheckID, 14) + truncate(c.Meta().Title.In(l), room)
		}
		right = append(right, line)
		if f.CheckID == "PWD-CNIL-001" {
			cnil = f.Message.In(l)
		}
	}
	for i := range max(len(left), len(right)) {
		line := ""
		if i < len(left) {
			line = pad(left[i], leftW)
		} else {
			line = strings.Repeat(" ", leftW)
		}
		if i < len(right) {
			line += right[i]
		}
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString("\n")
	_, alphabet, bits, ok := password.Entropy(p)
	if ok {
		b.WriteString(s.Title.Render(fmt.Sprintf(tr(l, "Entropy: %.0f bits (alphabet of %d)", "Entropie : %.0f bits (alphabet de %d)"), bits, alphabet)) + "\n")
	} else {
		b.WriteString(s.Muted.Render(tr(l, "Entropy: unknown (length not stated)", "Entropie : inconnue (longueur non précisée)")) + "\n")
	}
	// The CNIL case in words, cut to three lines so the save line stays on screen.
	lines := strings.Split(wrapTo(tr(l, "PWD-CNIL-001: ", "PWD-CNIL-001 : ")+cnil, max(w.ctx.width-2, 20)), "\n")
	if len(lines) > 3 {
		lines = append(lines[:2], strings.TrimSuffix(truncate(lines[2], max(w.ctx.width-3, 10)), "…")+"…")
	}
	b.WriteString(s.Muted.Render(strings.Join(lines, "\n")) + "\n")
	b.WriteString(w.status(l))
	return b.String()
}

// status is the line saying what the last save did, or why it did not.
func (w whatIfModel) status(l check.Lang) string {
	s := w.ctx.styles
	var all errAllTaken
	var notAsShown errNotAsShown
	switch {
	case errors.As(w.err, &notAsShown):
		return s.Bad.Render(wrapTo(tr(l, "Not saved: ", "Non enregistrée : ")+notAsShown.in(l), max(w.ctx.width-2, 20))) + "\n"
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
