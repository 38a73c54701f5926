package config

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Limits of the scan section, documented in example.yaml and the README:
// past them a scan would overflow a deadline or flood the network.
const (
	MaxConcurrency  = 1000
	MaxRate         = 10000 // requests per second; 0 is no limit
	MaxTimeout      = time.Hour
	MaxRedirects    = 50
	MaxLeadsTimeout = 2 * time.Hour
	MaxKeptScans    = 1_000_000
	MaxKeptDays     = 36_500
)

// Formats lists the report formats the config accepts: internal/report's,
// and the HTML and PDF of internal/report/html, which config cannot import
// (its tests import config); internal/report/formats checks they agree.
var Formats = append(append([]string{}, report.Formats...), "html", "pdf")

// lineError is a check failure at a known line, for Parse to name the file
// (the column only orders the errors of one line).
type lineError struct {
	line int
	err  error
	col  int
}

func (e lineError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }
func (e lineError) In(l check.Lang) string {
	return check.Textf("line %d: %s", "ligne %d : %s", e.line, check.InLang(e.err, l)).In(l)
}
func (e lineError) Unwrap() error { return e.err }

// fieldErr reports that the value of key is wrong. A value that came from
// the environment is shown as written (${VAR}), never expanded: it may be a
// secret put in the wrong place.
func (c Config) fieldErr(key string, err error, accepted string) error {
	if flag, ok := c.flags[key]; ok {
		return check.Errorf("--%s: %v", "--%s : %v", flag, err)
	}
	if raw, ok := c.env[key]; ok {
		err = check.Errorf("%s (from the environment) is not valid here; accepted: %s", "%s (de l'environnement) n'est pas valable ici ; accepté : %s", raw, accepted)
	}
	if p := c.lines[key]; p.line > 0 {
		return lineError{p.line, check.Prefixed{Prefix: key + ": ", Err: err}, p.col}
	}
	return check.Prefixed{Prefix: key + ": ", Err: err}
}

// KeyError is a problem with the value of one key, found by a check that
// lives outside this package.
type KeyError struct {
	Key string // as in errors: schedule.cron, schedule.webhook.flavour
	Err error
}

// ScheduleCheck checks what only the schedule package can read: the cron
// expression and the webhook's flavour and events. That package sets it, so
// that Validate lists those errors with the others, each at its line, for
// vigie scan as for vigie schedule.
var ScheduleCheck func(Schedule) []KeyError

// Validate checks the values of c; Parse calls it, and callers that change
// a config (flags on top of a file) call it again.
func (c Config) Validate() error {
	var errs Errors
	if c.Version != 1 {
		errs = append(errs, c.fieldErr("version", check.Errorf("%d is not supported (this vigie reads version 1)", "%d n'est pas prise en charge (ce vigie lit la version 1)", c.Version), "1"))
	}
	if c.Lang != "" {
		if _, err := check.ParseLang(c.Lang); err != nil {
			errs = append(errs, c.fieldErr("lang", err, "en, fr"))
		}
	}
	s := c.Scan
	if s.Concurrency < 1 || s.Concurrency > MaxConcurrency {
		errs = append(errs, c.fieldErr("scan.concurrency", check.Errorf("must be at least 1 and at most %d, got %d", "doit valoir de 1 à %d, trouvé %d", MaxConcurrency, s.Concurrency), ""))
	}
	if math.IsNaN(s.HostRate) || s.HostRate < 0 || s.HostRate > MaxRate {
		errs = append(errs, c.fieldErr("scan.host_rate", check.Errorf("must be 0 (unlimited) or more, at most %d requests a second, got %v", "doit valoir 0 (sans limite) ou plus, au plus %d requêtes par seconde, trouvé %v", MaxRate, s.HostRate), ""))
	}
	if math.IsNaN(s.Rate) || s.Rate < 0 || s.Rate > MaxRate {
		errs = append(errs, c.fieldErr("scan.rate", check.Errorf("must be 0 (unlimited) or more, at most %d requests a second, got %v", "doit valoir 0 (sans limite) ou plus, au plus %d requêtes par seconde, trouvé %v", MaxRate, s.Rate), ""))
	}
	if t := time.Duration(s.Timeout); t <= 0 || t > MaxTimeout {
		errs = append(errs, c.fieldErr("scan.timeout", check.Errorf("must be positive and at most %s, got %s", "doit être positif et d'au plus %s, trouvé %s", Duration(MaxTimeout), Duration(t)), "1s … 1h"))
	}
	if s.FailOn != nil && !s.FailOn.Valid() {
		errs = append(errs, c.fieldErr("scan.fail_on", check.Errorf("%s is not a severity", "%s n'est pas une gravité", s.FailOn), "info, low, medium, high, critical"))
	}
	if u := s.FailUnder; u != nil && (*u < 0 || *u > 100) {
		errs = append(errs, c.fieldErr("scan.fail_under", check.Errorf("must be between 0 and 100, got %d", "doit valoir de 0 à 100, trouvé %d", *u), ""))
	}
	formats := c.Output.FormatList()
	if len(formats) == 0 {
		errs = append(errs, c.fieldErr("output.format", check.Errorf("names no format", "ne nomme aucun format"), strings.Join(Formats, ", ")))
	}
	for _, f := range formats {
		if !slices.Contains(Formats, f) {
			errs = append(errs, c.fieldErr("output.format", check.Errorf("%q is not one of %s", "%q n'est pas un format connu (%s)", f, strings.Join(Formats, ", ")), strings.Join(Formats, ", ")))
		}
	}
	if len(formats) > 1 && c.Output.Dir == "" {
		errs = append(errs, c.fieldErr("output.format", check.Errorf("%d formats need a folder, output.dir or --output-dir (one file each)", "%d formats demandent un dossier, output.dir ou --output-dir (un fichier chacun)", len(formats)), ""))
	}
	if c.Output.Dir != "" && c.Output.File != "" {
		errs = append(errs, c.fieldErr("output.dir", check.Errorf("give output.file or output.dir, not both", "donnez output.file ou output.dir, pas les deux"), ""))
	}
	if r := c.Web.MaxRedirects; r != nil && (*r < 0 || *r > MaxRedirects) {
		errs = append(errs, c.fieldErr("web.max_redirects", check.Errorf("must be between 0 and %d, got %d", "doit valoir de 0 à %d, trouvé %d", MaxRedirects, *r), ""))
	}
	if r := c.HistoryRetention; r.Scans < 0 || r.Scans > MaxKeptScans || r.Days < 0 || r.Days > MaxKeptDays {
		errs = append(errs, c.fieldErr("history_retention", check.Errorf("scans must be 0 (default) to %d and days 0 (default) to %d, got %d and %d",
			"scans doit valoir de 0 (par défaut) à %d et days de 0 (par défaut) à %d, trouvé %d et %d",
			MaxKeptScans, MaxKeptDays, r.Scans, r.Days), ""))
	}
	if t := time.Duration(c.Leads.Timeout); t < 0 || t > MaxLeadsTimeout {
		errs = append(errs, c.fieldErr("leads.timeout", check.Errorf("must be positive and at most %s, got %s", "doit être positif et d'au plus %s, trouvé %s", Duration(MaxLeadsTimeout), Duration(t)), ""))
	}
	if z := c.Schedule.Timezone; z != "" {
		if _, err := time.LoadLocation(z); err != nil {
			errs = append(errs, c.fieldErr("schedule.timezone", check.Errorf("unknown time zone %q", "fuseau horaire inconnu %q", z), "Europe/Paris, UTC…"))
		}
	}
	if ScheduleCheck != nil {
		for _, ke := range ScheduleCheck(c.Schedule) {
			errs = append(errs, c.fieldErr(ke.Key, ke.Err, ""))
		}
	}
	for i, src := range c.Leads.Sources {
		if (src.Path == "") == (src.DSN == "") {
			errs = append(errs, c.fieldErr(fmt.Sprintf("leads.sources[%d]", i),
				check.Errorf("needs a path or a dsn, one of the two", "demande un chemin (path) ou une base (dsn), l'un des deux"), ""))
		}
	}
	th := c.Leads.Thresholds
	// prospect_years and card_months are the CNIL's recommendations, which a
	// controller may justify exceeding; the two delays are the law's.
	for _, r := range []struct {
		key      string
		v, limit int
		law      check.Text
	}{
		{"leads.thresholds.prospect_years", th.ProspectYears, 20, check.Text{}}, {"leads.thresholds.card_months", th.CardMonths, 60, check.Text{}},
		{"leads.thresholds.notice_days", th.NoticeDays, 30, check.Text{EN: ": GDPR Art. 14(3)(a) gives one month at most", FR: " : l'art. 14(3)(a) du RGPD donne un mois au plus"}},
		{"leads.thresholds.bloctel_days", th.BloctelDays, 30, check.Text{EN: ": the Bloctel list must be checked at least every 30 days (Code de la consommation, art. L223-1)",
			FR: " : la liste Bloctel doit être consultée au moins tous les 30 jours (Code de la consommation, art. L223-1)"}},
	} {
		if r.v < 0 || r.v > r.limit {
			errs = append(errs, c.fieldErr(r.key, check.Errorf("must be 0 (the default) to %d, got %d%s", "doit valoir de 0 (la valeur par défaut) à %d, trouvé %d%s", r.limit, r.v, r.law), ""))
		}
	}
	errs = append(errs, c.checkTargets()...)
	return errs.OrNil()
}

func (c Config) checkTargets() Errors {
	var errs Errors
	names := map[string]int{} // name → index of the first target with it
	for i, t := range c.Web.Targets {
		if t.URL == "" && t.HTTPSURL == "" && t.HTTPURL == "" {
			errs = append(errs, lineError{line: t.Line, err: check.Errorf("web.targets[%d]: needs url, or http_url and https_url", "web.targets[%d] : demande url, ou http_url et https_url", i)})
			continue
		}
		if t.URL != "" && (t.HTTPURL != "" || t.HTTPSURL != "") {
			errs = append(errs, lineError{line: t.Line, err: check.Errorf("web.targets[%d]: give either url or http_url/https_url, not both", "web.targets[%d] : donnez url ou http_url/https_url, pas les deux", i)})
			continue
		}
		if t.URL == "" && (t.HTTPURL == "" || t.HTTPSURL == "") {
			errs = append(errs, lineError{line: t.Line, err: check.Errorf("web.targets[%d]: http_url and https_url go together", "web.targets[%d] : http_url et https_url vont ensemble", i)})
			continue
		}
		if t.Name == "" {
			continue
		}
		// History and waivers know a target by its name: two sites under one name would mix.
		if j, dup := names[t.Name]; dup {
			errs = append(errs, lineError{line: t.Line, err: check.Errorf("web.targets[%d]: name %q is already the name of web.targets[%d] (line %d); give each target its own name",
				"web.targets[%d] : le nom %q est déjà celui de web.targets[%d] (ligne %d) ; donnez à chaque cible son nom",
				i, t.Name, j, c.Web.Targets[j].Line)})
			continue
		}
		names[t.Name] = i
	}
	return errs
}

// Errors are every problem found in a config, in file order, so that one
// run shows them all rather than one per try.
type Errors []error

// maxErrors bounds what one config error lists.
const maxErrors = 20

func (e Errors) Error() string { return e.In(check.EN) }

func (e Errors) Unwrap() []error { return e }

// In lists the errors in l.
func (e Errors) In(l check.Lang) string {
	var b strings.Builder
	for i, err := range e {
		if i == maxErrors {
			b.WriteString("\n" + check.Textf("… and %d more", "… et %d autres", len(e)-maxErrors).In(l))
			break
		}
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(check.InLang(err, l))
	}
	return b.String()
}

// add appends err, flattening a list of errors into this one.
func (e Errors) add(err error) Errors {
	var list Errors
	switch {
	case err == nil:
		return e
	case errors.As(err, &list):
		return append(e, list...)
	}
	return append(e, err)
}

// sort puts the errors in the order of the file, by line then column;
// those at no line (a value from a flag, a missing setting) come last.
func (e Errors) sort() {
	slices.SortStableFunc(e, func(a, b error) int {
		pa, pb := positionOf(a), positionOf(b)
		if (pa.line == 0) != (pb.line == 0) {
			return cmp.Compare(pb.line, pa.line) // the one with a line first
		}
		return cmp.Or(cmp.Compare(pa.line, pb.line), cmp.Compare(pa.col, pb.col))
	})
}

func positionOf(err error) position {
	var pe posError
	if errors.As(err, &pe) {
		return pe.pos
	}
	var le lineError
	if errors.As(err, &le) {
		return position{le.line, le.col}
	}
	return position{}
}

// OrNil is nil when there is no error, so that callers can test err != nil.
func (e Errors) OrNil() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// located names the file (and line) of a check failure.
// Problem is err about the value of key, said where the file sets it
// (vigie.yaml:6: schedule.cron: …), for a value only another package can
// judge (a cron expression).
func (c Config) Problem(key string, err error) error {
	e := c.fieldErr(key, err, "")
	if c.File == "" {
		return e
	}
	return located(c.File, e)
}

func located(file string, err error) error {
	var le lineError
	if errors.As(err, &le) {
		return check.Prefixed{Prefix: fmt.Sprintf("%s:%d: ", file, le.line), Err: le.err}
	}
	return check.Prefixed{Prefix: file + ": ", Err: err}
}
