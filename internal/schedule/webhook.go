package schedule

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Flavour is the shape of the JSON posted.
type Flavour string

const (
	Generic Flavour = "generic" // vigie's own JSON (see Payload)
	Slack   Flavour = "slack"   // a Slack incoming webhook: text and blocks
	Teams   Flavour = "teams"   // a Teams workflow or incoming webhook: an Adaptive Card message
)

// Flavours lists every flavour, for flags, config and help.
var Flavours = []Flavour{Generic, Slack, Teams}

// Event is why a message is sent.
type Event string

const (
	OnRegression Event = "regression" // the score fell or a new failure at the policy's severity appeared
	OnRun        Event = "run"        // every completed run, regression or not
	OnFailure    Event = "failure"    // the scan itself failed
)

// Events lists every event, for the config's notify_on.
var Events = []Event{OnRegression, OnRun, OnFailure}

// Text is the event as a log line names it; the config keeps the English word.
func (e Event) Text() check.Text {
	switch e {
	case OnRegression:
		return check.Text{EN: "regression", FR: "régression"}
	case OnRun:
		return check.Text{EN: "run", FR: "passage"}
	case OnFailure:
		return check.Text{EN: "failure", FR: "échec"}
	}
	return check.Text{EN: string(e), FR: string(e)}
}

// WebhookConfig is the webhook part of the `schedule:` config.
type WebhookConfig struct {
	URL      string  // a secret: only its host is ever printed
	Flavour  Flavour // Generic when empty
	NotifyOn []Event // [OnRegression] when empty
	Policy   Policy
	Lang     check.Lang      // language of titles and sentences
	Scrub    report.Scrubber // masks the config's secrets in a failed scan's error
	Retry    Retry           // zero fields take DefaultRetry's
}

// Webhook posts outcomes to one URL.
type Webhook struct {
	cfg    WebhookConfig
	on     map[Event]bool
	host   string
	client *http.Client
}

// NewWebhook checks a webhook config; its errors name the host, never the URL.
func NewWebhook(c WebhookConfig) (*Webhook, error) {
	if strings.TrimSpace(c.URL) == "" {
		return nil, &Error{Text: check.Text{EN: "webhook URL is empty (is its ${VAR} set?)", FR: "l'URL du webhook est vide (sa ${VAR} est-elle définie ?)"}}
	}
	u, err := url.Parse(strings.TrimSpace(c.URL))
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		host := ""
		if err == nil {
			host = u.Hostname()
		}
		return nil, &Error{Text: check.Textf(
			"webhook URL (host %q) is not an http(s) URL with a host and no user:password",
			"l'URL du webhook (hôte %q) n'est pas une URL http(s) avec un hôte et sans utilisateur:mot de passe", host)}
	}
	c.Flavour = Flavour(strings.ToLower(strings.TrimSpace(string(c.Flavour))))
	if c.Flavour == "" {
		c.Flavour = Generic
	}
	if !slices.Contains(Flavours, c.Flavour) {
		return nil, &Error{Text: check.Textf("webhook flavour %q is unknown (want one of %s)",
			"le format de webhook %q est inconnu (attendu : %s)", string(c.Flavour), list(Flavours))}
	}
	if len(c.NotifyOn) == 0 {
		c.NotifyOn = []Event{OnRegression}
	}
	on := map[Event]bool{}
	for _, e := range c.NotifyOn {
		e = Event(strings.ToLower(strings.TrimSpace(string(e))))
		if !slices.Contains(Events, e) {
			return nil, &Error{Text: check.Textf("webhook notify_on %q is unknown (want some of %s)",
				"notify_on du webhook %q est inconnu (attendu parmi %s)", string(e), list(Events))}
		}
		on[e] = true
	}
	c.URL = u.String()
	c.Retry = c.Retry.withDefaults()
	w := &Webhook{cfg: c, on: on, host: u.Host}
	w.client = &http.Client{CheckRedirect: w.sameHost}
	return w, nil
}

// Host is the webhook's host and port, the only part of its URL ever shown.
func (w *Webhook) Host() string { return w.host }

// sameHost follows a redirect only within the webhook's own host and
// scheme, and only one that keeps the POST (307, 308): a receiver must not
// send the payload elsewhere, nor turn it into a body-less GET that passes
// for a delivery.
func (w *Webhook) sameHost(req *http.Request, via []*http.Request) error {
	if req.URL.Host != w.host || req.URL.Scheme != via[0].URL.Scheme {
		return check.Errorf("%v: to another host or scheme (%s)", "%v : vers un autre hôte ou schéma (%s)", errRedirect, req.URL.Host)
	}
	if req.Method != http.MethodPost {
		return check.Errorf("%v: it would turn the POST into a %s", "%v : elle changerait le POST en %s", errRedirect, req.Method)
	}
	if len(via) >= 3 {
		return check.Errorf("%v: more than 3", "%v : plus de 3", errRedirect)
	}
	return nil
}

// Handle sends what the config asks for one outcome, and says which event
// it sent ("" when none was due).
func (w *Webhook) Handle(ctx context.Context, o Outcome) (Event, error) {
	ev := w.event(o)
	if ev == "" {
		return "", nil
	}
	body, err := w.payload(ev, o)
	if err != nil {
		return "", err
	}
	return ev, w.post(ctx, body)
}

// event picks the one message an outcome is worth: a regression says more
// than a plain run, so a run that regressed is sent as a regression.
func (w *Webhook) event(o Outcome) Event {
	switch {
	case o.Err != nil:
		if w.on[OnFailure] {
			return OnFailure
		}
	case w.on[OnRegression] && Detect(o.Report, w.cfg.Policy).Any():
		return OnRegression
	case w.on[OnRun]:
		return OnRun
	}
	return ""
}

func list[T ~string](all []T) string {
	s := make([]string, len(all))
	for i, a := range all {
		s[i] = string(a)
	}
	return strings.Join(s, ", ")
}
