package leads

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// MaxSamples bounds the record keys and masked samples a count keeps.
const MaxSamples = 5

// Count is how many records a rule matched, with the first few record
// keys and masked samples.
type Count struct {
	N       int
	Keys    []string
	Samples []string
	rows    []int // row numbers of Keys, to merge tallies in row order
}

func (c *Count) add(row int, key func() string, sample string) {
	c.N++
	if len(c.Keys) < MaxSamples {
		c.Keys = append(c.Keys, key())
		c.rows = append(c.rows, row)
		if sample != "" {
			c.Samples = append(c.Samples, sample)
		}
	}
}

// Record counts one record whose key is already known (a collector's
// unreadable row: its key is "row N", never a value from it).
func (c *Count) Record(row int, key string) { c.add(row, func() string { return key }, "") }

func (c *Count) merge(o Count) {
	c.N += o.N
	type kr struct {
		k, s string
		r    int
	}
	var all []kr
	for i, k := range c.Keys {
		all = append(all, kr{k, at(c.Samples, i), c.rows[i]})
	}
	for i, k := range o.Keys {
		all = append(all, kr{k, at(o.Samples, i), o.rows[i]})
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].r < all[j].r })
	c.Keys, c.Samples, c.rows = nil, nil, nil
	for _, x := range all[:min(len(all), MaxSamples)] {
		c.Keys, c.rows = append(c.Keys, x.k), append(c.rows, x.r)
		if x.s != "" {
			c.Samples = append(c.Samples, x.s)
		}
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return ""
}

// Cutoff is the day French consumer phone prospecting needs prior consent
// (loi 2025-594 art. 13, C. conso L223-1 as rewritten).
var Cutoff = time.Date(2026, 8, 11, 0, 0, 0, 0, time.UTC)

// Thresholds are the configurable limits; DefaultThresholds gives the benchmarks.
type Thresholds struct {
	ProspectYears int // LEAD-RET-001/003/004: 3 (CNIL benchmark)
	CardMonths    int // LEAD-RET-006: 13 (CNIL 2018-303)
	NoticeDays    int // LEAD-INF-003: 30 (Art. 14(3)(a): one month)
	BloctelDays   int // LEAD-CON-009: 30 (C. conso L223-1: at least monthly)
}

// DefaultThresholds are the benchmarks of the reference.
func DefaultThresholds() Thresholds {
	return Thresholds{ProspectYears: 3, CardMonths: 13, NoticeDays: 30, BloctelDays: 30}
}

// WithDefaults fills the zero (or negative) fields with the defaults.
func (t Thresholds) WithDefaults() Thresholds {
	d := DefaultThresholds()
	for _, p := range [][2]*int{{&t.ProspectYears, &d.ProspectYears}, {&t.CardMonths, &d.CardMonths}, {&t.NoticeDays, &d.NoticeDays}, {&t.BloctelDays, &d.BloctelDays}} {
		if *p[0] <= 0 {
			*p[0] = *p[1]
		}
	}
	return t
}

// Tally judges rows one at a time and keeps only counts: memory does not
// grow with the table. Several tallies over parts of a table merge.
type Tally struct {
	cols  Columns
	now   day
	th    Thresholds
	retro day // now − ProspectYears
	card  day
	sc    noteScanner
	ns    numberScanner
	c     Counts
	norms map[string]string // Normalize of the few distinct sources, statuses, bases
	srcs  map[string]srcInfo
	mdy   []bool              // per column: dates month first
	cell  [len(roleOrder)]int // role ordinal → column + 1 (0: none)
	sink  PlanSink
}

// PlanSink receives every record a retention or opt-out rule matches, for
// vigie leads plan: the check, the action, the row and the record key
// (the primary key, or "row N"; never a personal value).
type PlanSink func(check string, action Action, row int, key string)

// OnPlan sends every record the plan's rules match to fn, not only the
// first MaxSamples. Tallies run side by side: fn must be safe for that.
func (t *Tally) OnPlan(fn PlanSink) { t.sink = fn }

func (t *Tally) mark(c *Count, check string, a Action, n int, k func() string, sample string) {
	c.add(n, k, sample)
	if t.sink != nil {
		t.sink(check, a, n, k())
	}
}

// maxNorms bounds the memo of normalised values.
const maxNorms = 4096

// norm is Normalize, remembered: a column of sources has few distinct values.
func (t *Tally) norm(v string) string {
	if v == "" {
		return ""
	}
	if n, ok := t.norms[v]; ok {
		return n
	}
	n := Normalize(v)
	if len(t.norms) < maxNorms {
		t.norms[v] = n
	}
	return n
}

// Counts are what the checks judge.
type Counts struct {
	Rows, Prospects, Dated, Customers, Emails, B2CEmails, Consented, Phones, Consumers, Sourced, Indirect, Notes int
	Partnered                                                                                                    int   // e-mail records from partners, brokers or contests
	B2CWithdrawn                                                                                                 int   // consumer addresses opted out or deleted
	PhoneCells                                                                                                   int   // filled phone cells, read or not
	OptedOut                                                                                                     int   // records opted out, by any column
	Refused                                                                                                      Count // records whose consent column says no
	Stale, NoDate, Future, OpenKept, CustomerStale, GonePII, CardOld                                             Count
	B2CNoConsent, SMSNoConsent, ConsentNoProof, SoftNoOrder, SameSecond, OptOutContactable, PartnerNoConsent     Count
	SharedNoConsent, NominativeNoTitle, NoBloctel, PhoneNoConsent, NoSource, GenericSource, NoNotice, LinkedIn   Count
	Special                                                                                                      map[Category]*Count
	Subjective, SensitiveCells, NIR, Card, IBAN, CVV, Under15, Minor, PlainPassword, FastHash, SlowHash          Count
	NumberCols                                                                                                   map[string]map[int]bool // kind → columns where found
}

// NewTally starts judging a table with these columns on day now.
func NewTally(cols Columns, now time.Time, th Thresholds) *Tally {
	t := &Tally{cols: cols, now: dayOf(now), th: th, norms: map[string]string{}, srcs: map[string]srcInfo{}, mdy: make([]bool, len(cols.Names))}
	for i, m := range cols.MDY {
		if i < len(t.mdy) {
			t.mdy[i] = m
		}
	}
	for i, r := range roleOrder {
		if ix := cols.At[r]; len(ix) > 0 {
			t.cell[i] = ix[0] + 1
		}
	}
	t.retro = dayOf(now.AddDate(-th.ProspectYears, 0, 0))
	t.card = dayOf(now.AddDate(0, -th.CardMonths, 0))
	t.c.Special = map[Category]*Count{}
	for _, c := range Categories {
		t.c.Special[c] = &Count{}
	}
	t.c.NumberCols = map[string]map[int]bool{"card": {}, "iban": {}, "nir": {}}
	return t
}

// row is one record being judged.
type row struct {
	n     int
	cells []string
	t     *Tally
	key   string
}

func (r *row) get(ro Role) string {
	if i := r.t.cell[ord(ro)] - 1; i >= 0 && i < len(r.cells) {
		return strings.TrimSpace(r.cells[i])
	}
	return ""
}

func (r *row) date(ro Role) (day, bool) {
	if i := r.t.cell[ord(ro)] - 1; i >= 0 && i < len(r.cells) {
		return parseDate(r.cells[i], r.t.mdy[i], r.t.cols.Serial)
	}
	return 0, false
}

func (r *row) flag(ro Role) tri { return truth(r.get(ro)) }

func (r *row) keyOf() string {
	if r.key == "" {
		if k := r.t.cols.keyCol - 1; k >= 0 && k < len(r.cells) {
			if s, ok := cleanKey(r.cells[k]); ok {
				r.key = s
				return s
			}
		}
		r.key = "row " + strconv.Itoa(r.n)
	}
	return r.key
}

// Add judges one record: n is its row number in the source (header = 1 in
// a CSV), cells its values in column order.
func (t *Tally) Add(n int, cells []string) {
	r := &row{n: n, cells: cells, t: t}
	k := r.keyOf
	c := &t.c
	c.Rows++
	has := func(ro Role) bool { return t.cell[ord(ro)] > 0 }

	// Who the record is.
	local, domain, isMail := r.email()
	company := r.get(Company)
	customer := r.customer()
	ordered := r.get(LastOrder) != ""
	gone := r.gone()
	// One class per person, for e-mail and phone alike: a consumer has a
	// webmail address, or an empty company where the table has one, or
	// no work address where it has none.
	personal := (isMail && webmail[domain]) || (has(Company) && company == "") || (!has(Company) && !isMail)
	b2c := isMail && personal && !genericLocal[local]
	mailSample := ""
	if isMail {
		c.Emails++
		mailSample = maskEmail(local, domain)
	}
	// An opt-out date alone (Mailchimp's UNSUB_TIME) is an opt-out, and so
	// is a consent status saying "Unsubscribed" (Pipedrive).
	consentFlag := r.flag(ConsentEmail)
	optedOut := r.flag(OptOut) == yes || (!has(OptOut) && r.get(OptOutAt) != "") ||
		(consentFlag == no && withdrawnWords[strings.ToLower(r.get(ConsentEmail))])
	if optedOut {
		c.OptedOut++
	}
	consent := consentFlag == yes || (!has(ConsentEmail) && r.get(ConsentAt) != "")

	// Retention: from the dates the prospect made, never from opens or sends.
	// Without a collection date, the opt-in is when the person was collected.
	created, hasCreated := r.date(Created)
	if !has(Created) {
		created, hasCreated = r.date(ConsentAt)
	}
	act, hasAct := r.date(LastActivity)
	if o, ok := r.date(LastOrder); ok && (!hasAct || o > act) {
		act, hasAct = o, true
	}
	last, dated := created, hasCreated
	if hasAct && (!dated || act > last) {
		last, dated = act, true
	}
	switch {
	case hasCreated && created > t.now+1, hasAct && act > t.now+1:
		t.mark(&c.Future, "LEAD-RET-002", ActFixDate, n, k, "")
	case !dated && !gone:
		t.mark(&c.NoDate, "LEAD-RET-002", ActDateOrDelete, n, k, "")
	case dated:
		c.Dated++
	}
	if dated && last <= t.now+1 && !customer && !gone {
		c.Prospects++
		if last < t.retro {
			t.mark(&c.Stale, "LEAD-RET-001", ActDeleteOrArchive, n, k, "")
			if open, ok := r.date(LastOpen); ok && open >= t.retro {
				t.mark(&c.OpenKept, "LEAD-RET-003", ActDeleteOrArchive, n, k, "")
			}
		}
	}
	if customer {
		c.Customers++
		if dated && last < t.retro && !optedOut && (consent || r.flag(Contactable) == yes) {
			t.mark(&c.CustomerStale, "LEAD-RET-004", ActStopProspecting, n, k, "")
		}
	}
	if gone && (isMail || r.get(Phone) != "") {
		t.mark(&c.GonePII, "LEAD-RET-005", ActEraseContact, n, k, "")
	}

	// Consent.
	if !optedOut && !gone && (consentFlag == no || has(ConsentPhone) && r.flag(ConsentPhone) == no || has(ConsentSMS) && r.flag(ConsentSMS) == no) {
		c.Refused.add(n, k, "")
	}
	if b2c && (optedOut || gone) {
		c.B2CWithdrawn++
	}
	if b2c && !optedOut && !gone {
		c.B2CEmails++
		soft := customer && ordered
		if !consent && !soft {
			c.B2CNoConsent.add(n, k, mailSample)
		}
	}
	if consent {
		c.Consented++
		if (has(ConsentAt) && r.get(ConsentAt) == "") || (has(ConsentSource) && r.get(ConsentSource) == "") ||
			(has(ConsentVersion) && r.get(ConsentVersion) == "") {
			c.ConsentNoProof.add(n, k, "")
		}
		if ca, cr := r.get(ConsentAt), r.get(Created); len(ca) > 10 && ca == cr {
			c.SameSecond.add(n, k, "")
		}
	}
	if basis := t.norm(r.get(LegalBasis)); basis != "" && softBasis(basis) && !ordered && !customer {
		c.SoftNoOrder.add(n, k, "")
	}
	if optedOut {
		contactable := r.flag(Contactable) == yes || r.flag(ConsentEmail) == yes
		if sent, ok := r.date(LastSent); ok {
			if out, ok := r.date(OptOutAt); ok && sent > out {
				contactable = true
			}
		}
		if contactable {
			t.mark(&c.OptOutContactable, "LEAD-CON-005", ActSuppress, n, k, mailSample)
		}
	}
	si := t.source(r.get(Source))
	src, partner := si.norm, si.partner
	if partner && isMail {
		c.Partnered++
		if r.flag(ConsentPartners) != yes && !optedOut {
			c.PartnerNoConsent.add(n, k, mailSample)
		}
	}
	if sh := r.get(SharedWith); sh != "" && truth(sh) != no && r.flag(ConsentPartners) != yes {
		c.SharedNoConsent.add(n, k, "")
	}
	if isMail && !personal && nominative(local) && r.get(JobTitle) == "" {
		c.NominativeNoTitle.add(n, k, mailSample)
	}

	// Phones: French consumer lines on records that are not a company's.
	var consumer, mobile bool
	phoneSample := ""
	for _, i := range t.cols.At[Phone] {
		if i >= len(cells) || strings.TrimSpace(cells[i]) == "" {
			continue
		}
		c.PhoneCells++
		kind, digits := phone(cells[i])
		if kind == notPhone {
			continue
		}
		c.Phones++
		if (kind == frMobile || kind == frFixed || kind == frVoIP) && personal {
			consumer = true
			mobile = mobile || kind == frMobile
			phoneSample = digits
		}
	}
	if mobile && has(ConsentSMS) && r.flag(ConsentSMS) != yes && r.flag(OptOutPhone) != yes && !(customer && ordered) && !gone {
		c.SMSNoConsent.add(n, k, phoneSample)
	}
	if consumer && r.flag(OptOutPhone) != yes && !gone {
		c.Consumers++
		if b, ok := r.date(BloctelAt); !ok || b < t.now-day(t.th.BloctelDays) {
			c.NoBloctel.add(n, k, phoneSample)
		}
		if r.flag(ConsentPhone) != yes && !customer {
			c.PhoneNoConsent.add(n, k, phoneSample)
		}
	}

	// Information and provenance.
	if has(Source) {
		switch {
		case src == "":
			c.NoSource.add(n, k, "")
		case si.generic:
			c.GenericSource.add(n, k, "")
		default:
			c.Sourced++
		}
	}
	indirect := si.indirect
	if indirect {
		c.Indirect++
		notice, hasNotice := r.date(NoticeAt)
		sent, hasSent := r.date(LastSent)
		switch {
		case !hasNotice && hasCreated && created < t.now-day(t.th.NoticeDays):
			c.NoNotice.add(n, k, "")
		case !hasNotice && !hasCreated:
			c.NoNotice.add(n, k, "")
		case hasNotice && hasSent && sent < notice:
			c.NoNotice.add(n, k, "")
		case hasNotice && hasCreated && notice > created+day(t.th.NoticeDays):
			c.NoNotice.add(n, k, "")
		}
	}
	if si.linkedin && ((isMail && webmail[domain]) || consumer) {
		c.LinkedIn.add(n, k, "")
	}

	// Special categories in free text, structured sensitive columns.
	for _, i := range t.cols.At[Notes] {
		if i >= len(cells) || cells[i] == "" {
			continue
		}
		c.Notes++
		t.sc.scan(cells[i], func(cat Category) {
			if cat == Subjective {
				c.Subjective.add(n, k, "")
				return
			}
			c.Special[cat].add(n, k, string(cat))
		})
	}
	for i := range t.cols.sensCols {
		if i < len(cells) && strings.TrimSpace(cells[i]) != "" && truth(cells[i]) != no {
			c.SensitiveCells.add(n, k, "")
			break
		}
	}

	// Numbers that have no place in a lead table, in any text cell.
	var found [3]bool
	for i, cell := range cells {
		if len(cell) < 13 {
			continue
		}
		t.ns.scan(cell, func(h numberHit) {
			t.c.NumberCols[h.kind][i] = true
			switch h.kind {
			case "card":
				if !found[0] {
					c.Card.add(n, k, h.masked)
					found[0] = true
					if created, ok := r.date(Created); ok && created < t.card {
						t.mark(&c.CardOld, "LEAD-RET-006", ActEraseCard, n, k, "")
					}
				}
			case "iban":
				if !found[1] {
					c.IBAN.add(n, k, h.masked)
					found[1] = true
				}
			case "nir":
				if !found[2] {
					c.NIR.add(n, k, h.masked)
					found[2] = true
				}
			}
		})
	}
	if v := r.get(CVV); v != "" && len(v) <= 4 && allDigits([]byte(v)) {
		c.CVV.add(n, k, "***")
	}
	if b, ok := r.date(BirthDate); ok {
		switch age := r.age(b); {
		case age < 15:
			c.Under15.add(n, k, "")
		case age < 18:
			c.Minor.add(n, k, "")
		}
	}
	if p := r.get(Password); p != "" {
		switch passwordKind(p) {
		case "slow":
			c.SlowHash.add(n, k, "")
		case "fast":
			c.FastHash.add(n, k, "")
		default:
			c.PlainPassword.add(n, k, "")
		}
	}
}

// email is the record's first address among its e-mail columns.
func (r *row) email() (local, domain string, ok bool) {
	for _, i := range r.t.cols.At[Email] {
		if i < len(r.cells) {
			if local, domain, ok = email(r.cells[i]); ok {
				return local, domain, true
			}
		}
	}
	return "", "", false
}

// age in whole years on t.now.
func (r *row) age(birth day) int {
	b := time.Unix(int64(birth)*86400, 0).UTC()
	now := time.Unix(int64(r.t.now)*86400, 0).UTC()
	a := now.Year() - b.Year()
	if now.YearDay() < b.YearDay() {
		a--
	}
	return a
}

// customer: a customer flag, a customer lifecycle stage, or a "customer since" date.
func (r *row) customer() bool {
	v := r.get(Customer)
	if v == "" {
		return false
	}
	switch n := r.t.norm(v); {
	case n == "abonne" || n == "abonnee" || n == "subscriber" || n == "inscrit":
		return false // HubSpot's first lifecycle stage, in French "Abonné": a yes word, not a customer
	case truth(v) == yes:
		return true
	case strings.Contains(n, "customer"), strings.Contains(n, "client") && !strings.Contains(n, "prospect") && !strings.HasPrefix(n, "non"):
		return true
	}
	return false
}

// gone: soft-deleted, archived or inactive.
func (r *row) gone() bool {
	if r.t.cols.Has(Active) && r.flag(Active) == no {
		return true
	}
	v := r.get(Deleted)
	if v == "" {
		return false
	}
	switch r.t.norm(v) {
	case "deleted", "supprime", "supprimee", "archived", "archive", "archivee", "inactive", "inactif", "inactive_contact", "desactive", "disabled":
		return true
	}
	name := r.t.norm(r.t.cols.Name(Deleted))
	return name != "status" && name != "statut" && name != "lead_status" && truth(v) == yes
}

var (
	partnerWords  = []string{"partenaire", "partner", "broker", "courtier", "achat", "purchased", "bought", "achete", "location", "rental", "coreg", "co_registration", "coregistration", "jeu_concours", "jeu", "concours", "contest", "sweepstake", "affili", "leadgen", "lead_gen", "list_rental", "fichier"}
	indirectWords = []string{"linkedin", "scrap", "enrich", "kaspr", "lusha", "apollo", "zoominfo", "dropcontact", "import", "annuaire", "directory", "pages_jaunes", "pagesjaunes", "societe_com", "public", "offline", "hors_ligne", "third_party", "tiers"}
	genericSource = set("web", "internet", "public", "publique", "scraping", "unknown", "inconnu", "inconnue", "n_a", "na", "import", "imported",
		"other", "autre", "autres", "divers", "misc", "offline_sources", "offline", "sources_hors_ligne", "hors_ligne", "sources_publiques", "publicly_accessible_sources", "online", "en_ligne", "none", "aucune")
)

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func softBasis(b string) bool {
	return strings.Contains(b, "soft") || strings.Contains(b, "client") || strings.Contains(b, "customer") || strings.Contains(b, "existing")
}

// passwordKind: "slow" for salted slow hashes, "fast" for bare MD5/SHA hex
// or base64 digests, "plain" otherwise.
func passwordKind(p string) string {
	for _, pre := range []string{"$2a$", "$2b$", "$2y$", "$argon2", "$scrypt$", "$7$", "$6$", "$5$", "pbkdf2", "$pbkdf2", "scrypt:", "{SSHA", "{PBKDF2", "$y$"} {
		if strings.HasPrefix(p, pre) {
			if pre == "$5$" || pre == "{SSHA" {
				return "fast" // salted but one round of SHA: not a slow hash
			}
			return "slow"
		}
	}
	if n := len(p); n == 32 || n == 40 || n == 64 || n == 128 {
		hex := true
		for i := 0; i < n; i++ {
			c := p[i] | 0x20
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				hex = false
				break
			}
		}
		if hex {
			return "fast"
		}
	}
	return "plain"
}

// srcInfo is what a source value says, worked out once per distinct value.
type srcInfo struct {
	norm                                 string
	partner, indirect, generic, linkedin bool
}

func (t *Tally) source(v string) srcInfo {
	if si, ok := t.srcs[v]; ok {
		return si
	}
	n := Normalize(v)
	si := srcInfo{norm: n}
	if n != "" {
		si.partner = hasAny(n, partnerWords)
		si.indirect = si.partner || hasAny(n, indirectWords)
		si.generic = genericSource[n]
		si.linkedin = strings.Contains(n, "linkedin")
	}
	if len(t.srcs) < maxNorms {
		t.srcs[v] = si
	}
	return si
}

// Merge adds another tally of the same table (another part of the rows).
func (t *Tally) Merge(o *Tally) {
	a, b := &t.c, &o.c
	for _, p := range [][2]*int{{&a.Rows, &b.Rows}, {&a.Prospects, &b.Prospects}, {&a.Dated, &b.Dated}, {&a.Customers, &b.Customers},
		{&a.Emails, &b.Emails}, {&a.B2CEmails, &b.B2CEmails}, {&a.Consented, &b.Consented}, {&a.Phones, &b.Phones},
		{&a.Consumers, &b.Consumers}, {&a.Sourced, &b.Sourced}, {&a.Indirect, &b.Indirect}, {&a.Notes, &b.Notes},
		{&a.Partnered, &b.Partnered}, {&a.B2CWithdrawn, &b.B2CWithdrawn}, {&a.PhoneCells, &b.PhoneCells}, {&a.OptedOut, &b.OptedOut}} {
		*p[0] += *p[1]
	}
	for _, p := range [][2]*Count{{&a.Stale, &b.Stale}, {&a.NoDate, &b.NoDate}, {&a.Future, &b.Future}, {&a.OpenKept, &b.OpenKept},
		{&a.CustomerStale, &b.CustomerStale}, {&a.GonePII, &b.GonePII}, {&a.CardOld, &b.CardOld}, {&a.B2CNoConsent, &b.B2CNoConsent},
		{&a.SMSNoConsent, &b.SMSNoConsent}, {&a.ConsentNoProof, &b.ConsentNoProof}, {&a.SoftNoOrder, &b.SoftNoOrder},
		{&a.SameSecond, &b.SameSecond}, {&a.OptOutContactable, &b.OptOutContactable}, {&a.PartnerNoConsent, &b.PartnerNoConsent},
		{&a.SharedNoConsent, &b.SharedNoConsent}, {&a.NominativeNoTitle, &b.NominativeNoTitle}, {&a.NoBloctel, &b.NoBloctel}, {&a.Refused, &b.Refused},
		{&a.PhoneNoConsent, &b.PhoneNoConsent}, {&a.NoSource, &b.NoSource}, {&a.GenericSource, &b.GenericSource},
		{&a.NoNotice, &b.NoNotice}, {&a.LinkedIn, &b.LinkedIn}, {&a.Subjective, &b.Subjective}, {&a.SensitiveCells, &b.SensitiveCells},
		{&a.NIR, &b.NIR}, {&a.Card, &b.Card}, {&a.IBAN, &b.IBAN}, {&a.CVV, &b.CVV}, {&a.Under15, &b.Under15}, {&a.Minor, &b.Minor},
		{&a.PlainPassword, &b.PlainPassword}, {&a.FastHash, &b.FastHash}, {&a.SlowHash, &b.SlowHash}} {
		p[0].merge(*p[1])
	}
	for cat, cnt := range b.Special {
		a.Special[cat].merge(*cnt)
	}
	for kind, cols := range b.NumberCols {
		for i := range cols {
			a.NumberCols[kind][i] = true
		}
	}
}

// Counts returns what was tallied.
func (t *Tally) Counts() Counts { return t.c }
