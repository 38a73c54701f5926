package schedule

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

// Retry bounds the delivery of one message.
type Retry struct {
	Attempts   int           // at most this many POSTs
	PerAttempt time.Duration // each POST, answer included
	Total      time.Duration // every attempt and wait together
	Base       time.Duration // first wait; doubled each time, with jitter
	Max        time.Duration // longest wait between attempts
}

// DefaultRetry: 5 attempts of 10 s each within 2 minutes, waits 1 s, 2 s, 4 s… up to 30 s.
var DefaultRetry = Retry{Attempts: 5, PerAttempt: 10 * time.Second, Total: 2 * time.Minute, Base: time.Second, Max: 30 * time.Second}

func (r Retry) withDefaults() Retry {
	d := DefaultRetry
	if r.Attempts > 0 {
		d.Attempts = r.Attempts
	}
	for _, f := range []struct{ from, to *time.Duration }{{&r.PerAttempt, &d.PerAttempt}, {&r.Total, &d.Total}, {&r.Base, &d.Base}, {&r.Max, &d.Max}} {
		if *f.from > 0 {
			*f.to = *f.from
		}
	}
	return d
}

// errRedirect marks a redirect the webhook refused to follow; retrying would not help.
var errRedirect = check.Errorf("redirect refused", "redirection refusée")

// maxAnswer bounds what is read of a receiver's answer: only its status matters.
const maxAnswer = 64 << 10

// post delivers body, retrying network errors, timeouts, 5xx and 429
// (waiting as long as Retry-After asks, within the total budget); any other
// 4xx is the sender's mistake and is not retried. Errors name the host only:
// a Slack or Teams webhook URL is itself the secret.
func (w *Webhook) post(ctx context.Context, body []byte) error {
	rt := w.cfg.Retry
	ctx, cancel := context.WithTimeout(ctx, rt.Total)
	defer cancel()
	for attempt := 1; ; attempt++ {
		wait, err := w.attempt(ctx, body)
		if err == nil {
			return nil
		}
		if wait < 0 || attempt >= rt.Attempts {
			return w.fail(attempt, err)
		}
		wait = max(wait, backoff(rt, attempt))
		if dl, _ := ctx.Deadline(); time.Until(dl) < wait {
			return w.fail(attempt, check.Errorf("%v; waiting %s more would pass the %s budget",
				"%v ; attendre %s de plus dépasserait le budget de %s", err, config.FormatDuration(wait.Round(time.Millisecond)), config.FormatDuration(rt.Total)))
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return w.fail(attempt, err)
		case <-t.C:
		}
	}
}

func (w *Webhook) fail(attempts int, err error) error {
	return &Error{Text: check.Plural(attempts, check.Text{EN: "webhook to %s not delivered after %d attempt", FR: "webhook vers %s non livré après %d tentative"},
		check.Text{EN: "webhook to %s not delivered after %d attempts", FR: "webhook vers %s non livré après %d tentatives"}, w.host, attempts), Err: err}
}

// attempt makes one POST. A negative wait means: do not retry.
func (w *Webhook) attempt(ctx context.Context, body []byte) (time.Duration, error) {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.Retry.PerAttempt)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.cfg.URL, bytes.NewReader(body))
	if err != nil {
		return -1, check.Errorf("cannot build the request", "impossible de construire la requête")
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "vigie-schedule")
	resp, err := w.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // url.Error quotes the whole URL, secret path included
		}
		if errors.Is(err, errRedirect) {
			return -1, err
		}
		if errors.Is(err, context.DeadlineExceeded) {
			err = check.Errorf("no answer within %s", "pas de réponse en %s", config.FormatDuration(w.cfg.Retry.PerAttempt))
		}
		return 0, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxAnswer))
	resp.Body.Close()
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return 0, nil
	case c == http.StatusTooManyRequests || c >= 500:
		return retryAfter(resp.Header.Get("Retry-After"), time.Now()), check.Errorf("HTTP %d", "HTTP %d", c)
	default:
		return -1, check.Errorf("HTTP %d (not retried)", "HTTP %d (pas de nouvel essai)", c)
	}
}

// backoff is the wait after attempt n: Base·2^(n-1) capped at Max, less a
// random part of up to half, so many vigie instances do not retry in step.
func backoff(r Retry, n int) time.Duration {
	d := r.Max
	if n < 31 && r.Base<<(n-1) > 0 && r.Base<<(n-1) < r.Max {
		d = r.Base << (n - 1)
	}
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads Retry-After as seconds or an HTTP date; 0 when absent or unreadable.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
