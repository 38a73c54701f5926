package schedule

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fast keeps retries within milliseconds.
var fast = Retry{Attempts: 4, PerAttempt: 300 * time.Millisecond, Total: 3 * time.Second, Base: 5 * time.Millisecond, Max: 20 * time.Millisecond}

const secretPath = "/services/T000/B000/s3cr3tt0k3n"

// receiver answers with the statuses given, then 200; it records the bodies.
func receiver(t *testing.T, statuses ...int) (*httptest.Server, *atomic.Int32, *[][]byte) {
	t.Helper()
	var n atomic.Int32
	var bodies [][]byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i := int(n.Add(1)) - 1
		b, _ := io.ReadAll(r.Body)
		bodies = append(bodies, b)
		if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || r.URL.Path != secretPath {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if i < len(statuses) {
			if statuses[i] == http.StatusTooManyRequests {
				w.Header().Set("Retry-After", "1")
			}
			w.WriteHeader(statuses[i])
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(srv.Close)
	return srv, &n, &bodies
}

func hook(t *testing.T, url string, f Flavour, l check.Lang, on ...Event) *Webhook {
	t.Helper()
	w, err := NewWebhook(WebhookConfig{URL: url, Flavour: f, NotifyOn: on, Policy: DefaultPolicy, Lang: l, Retry: fast})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func outcome() Outcome {
	r := regressed()
	return Outcome{Scheduled: t0, Started: t0, Finished: r.FinishedAt, Report: r}
}

// noSecret fails when an error shows more of the URL than its host.
func noSecret(t *testing.T, err error) {
	t.Helper()
	for _, l := range []check.Lang{check.EN, check.FR} {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %T %v is not an *Error", err, err)
		}
		if s := e.In(l); strings.Contains(s, "s3cr3t") || strings.Contains(s, "/services/") {
			t.Fatalf("error shows the webhook's secret path: %s", s)
		}
	}
}

func TestWebhookDelivers(t *testing.T) {
	srv, n, bodies := receiver(t)
	w := hook(t, srv.URL+secretPath, Generic, check.EN)
	ev, err := w.Handle(t.Context(), outcome())
	if err != nil || ev != OnRegression || n.Load() != 1 {
		t.Fatalf("Handle = %q, %v after %d requests", ev, err, n.Load())
	}
	var p Payload
	if err := json.Unmarshal((*bodies)[0], &p); err != nil || p.Event != OnRegression || p.ScanID != "00000000-test-scan" {
		t.Fatalf("payload %+v, %v", p, err)
	}
}

func TestWebhookRetries500ThenSucceeds(t *testing.T) {
	srv, n, _ := receiver(t, 500, 503)
	if _, err := hook(t, srv.URL+secretPath, Slack, check.EN).Handle(t.Context(), outcome()); err != nil || n.Load() != 3 {
		t.Fatalf("err %v after %d requests, want success at the third", err, n.Load())
	}
}

func TestWebhookHonoursRetryAfter(t *testing.T) {
	srv, n, _ := receiver(t, 429)
	start := time.Now()
	if _, err := hook(t, srv.URL+secretPath, Teams, check.EN).Handle(t.Context(), outcome()); err != nil || n.Load() != 2 {
		t.Fatalf("err %v after %d requests", err, n.Load())
	}
	if took := time.Since(start); took < time.Second {
		t.Fatalf("retried after %s, before the 1 s Retry-After", took)
	}
}

func TestWebhookRetryAfterBeyondBudgetGivesUp(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	}))
	defer srv.Close()
	start := time.Now()
	_, err := hook(t, srv.URL+secretPath, Generic, check.EN).Handle(t.Context(), outcome())
	if err == nil || !strings.Contains(err.Error(), "waiting 1h more would pass the 3s budget") || time.Since(start) > time.Second {
		t.Fatalf("err %v after %s", err, time.Since(start))
	}
	if fr := check.InLang(err, check.FR); !strings.Contains(fr, "attendre 1h de plus dépasserait le budget de 3s") {
		t.Errorf("French: %s", fr)
	}
	noSecret(t, err)
}

func TestWebhook400NotRetried(t *testing.T) {
	srv, n, _ := receiver(t, 400)
	_, err := hook(t, srv.URL+secretPath, Generic, check.EN).Handle(t.Context(), outcome())
	if err == nil || n.Load() != 1 || !strings.Contains(err.Error(), "HTTP 400 (not retried)") {
		t.Fatalf("err %v after %d requests", err, n.Load())
	}
	noSecret(t, err)
	if !strings.Contains(err.Error(), srv.Listener.Addr().String()) {
		t.Fatalf("error does not name the host: %v", err)
	}
}

func TestWebhookGivesUpAfterAttempts(t *testing.T) {
	srv, n, _ := receiver(t, 500, 500, 500, 500, 500)
	_, err := hook(t, srv.URL+secretPath, Generic, check.FR).Handle(t.Context(), outcome())
	if err == nil || n.Load() != int32(fast.Attempts) || !strings.Contains(err.Error(), "after 4 attempts: HTTP 500") {
		t.Fatalf("err %v after %d requests", err, n.Load())
	}
	noSecret(t, err)
}

func TestWebhookHangingReceiverTimesOut(t *testing.T) {
	release := make(chan struct{})
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	w := hook(t, srv.URL+secretPath, Generic, check.EN)
	w.cfg.Retry.Attempts = 2
	start := time.Now()
	_, err := w.Handle(t.Context(), outcome())
	took := time.Since(start)
	if err == nil || !strings.Contains(err.Error(), "no answer within 300ms") || n.Load() != 2 || took > 2*time.Second {
		t.Fatalf("err %v after %d requests in %s", err, n.Load(), took)
	}
	noSecret(t, err)
}

func TestWebhookRefusesRedirectToAnotherHost(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { elsewhere.Add(1) }))
	defer other.Close()
	// localhost and 127.0.0.1 are two hosts for the client, both loopback.
	target := strings.Replace(other.URL, "127.0.0.1", "localhost", 1) + "/steal"
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Redirect(w, r, target, http.StatusTemporaryRedirect)
	}))
	defer srv.Close()
	_, err := hook(t, srv.URL+secretPath, Generic, check.EN).Handle(t.Context(), outcome())
	if err == nil || !strings.Contains(err.Error(), "redirect refused: to another host or scheme") || elsewhere.Load() != 0 || n.Load() != 1 {
		t.Fatalf("err %v; %d requests, %d elsewhere", err, n.Load(), elsewhere.Load())
	}
	noSecret(t, err)
}

func TestWebhookEvents(t *testing.T) {
	calm := outcome()
	calm.Report.Changes = &report.Changes{Since: "prev", PreviousScore: 70}
	failed := Outcome{Started: t0, Finished: t0, Err: errors.New("boom")}
	cases := []struct {
		on   []Event
		o    Outcome
		want Event
	}{
		{nil, outcome(), OnRegression},
		{nil, calm, ""},
		{nil, failed, ""},
		{[]Event{OnRun}, calm, OnRun},
		{[]Event{OnRun, OnRegression}, outcome(), OnRegression},
		{[]Event{OnRun}, outcome(), OnRun},
		{[]Event{OnFailure}, failed, OnFailure},
		{[]Event{OnFailure}, outcome(), ""},
	}
	srv, _, _ := receiver(t)
	for _, c := range cases {
		ev, err := hook(t, srv.URL+secretPath, Generic, check.EN, c.on...).Handle(t.Context(), c.o)
		if err != nil || ev != c.want {
			t.Errorf("on %v: sent %q, %v; want %q", c.on, ev, err, c.want)
		}
	}
}

func TestNewWebhookRefusesBadSettings(t *testing.T) {
	for _, c := range []WebhookConfig{
		{URL: " "},
		{URL: "ftp://hooks.example.com" + secretPath},
		{URL: "https://user:pw@hooks.example.com" + secretPath},
		{URL: "hooks.example.com" + secretPath},
		{URL: "https://hooks.example.com" + secretPath, Flavour: "discord"},
		{URL: "https://hooks.example.com" + secretPath, NotifyOn: []Event{"sometimes"}},
	} {
		_, err := NewWebhook(c)
		if err == nil {
			t.Errorf("%+v accepted", c)
			continue
		}
		noSecret(t, err)
		if strings.Contains(err.Error(), "pw") {
			t.Errorf("error shows the password: %v", err)
		}
	}
}

// TestPayloadGolden pins each flavour; refresh with go test ./internal/schedule -update.
func TestPayloadGolden(t *testing.T) {
	many := outcome()
	for i := range 12 {
		many.Report.Changes.New = append(many.Report.Changes.New, report.Change{CheckID: "web.hsts", Target: "https://s" + string(rune('a'+i)) + ".example.fr", Status: check.Fail})
	}
	failed := Outcome{Started: t0, Finished: t0.Add(time.Second), Err: errors.New("history vigie.db: database is locked; DSN postgres://u:hunter2@db/x")}
	failedFR := Outcome{Started: t0, Finished: t0.Add(time.Second), Err: check.Errorf("history vigie.db: database is locked; DSN postgres://u:hunter2@db/x",
		"historique vigie.db : base verrouillée ; DSN postgres://u:hunter2@db/x")}
	cases := []struct {
		name string
		f    Flavour
		l    check.Lang
		o    Outcome
		ev   Event
	}{
		{"generic.en", Generic, check.EN, outcome(), OnRegression},
		{"generic.fr", Generic, check.FR, outcome(), OnRegression},
		{"generic.failure.en", Generic, check.EN, failed, OnFailure},
		{"generic.failure.fr", Generic, check.FR, failedFR, OnFailure},
		{"slack.en", Slack, check.EN, many, OnRegression},
		{"slack.fr", Slack, check.FR, outcome(), OnRegression},
		{"teams.en", Teams, check.EN, outcome(), OnRegression},
		{"teams.fr", Teams, check.FR, many, OnRegression},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w, err := NewWebhook(WebhookConfig{URL: "https://hooks.example.com" + secretPath, Flavour: c.f, Policy: DefaultPolicy, Lang: c.l,
				Scrub: report.Scrubber{Mask: func(s string) string { return strings.ReplaceAll(s, "hunter2", "****") }}})
			if err != nil {
				t.Fatal(err)
			}
			got, err := w.payload(c.ev, c.o)
			if err != nil {
				t.Fatal(err)
			}
			if !json.Valid(got) {
				t.Fatal("not JSON")
			}
			for _, leak := range []string{"secret evidence", "texte de preuve", "max-age=0", "hunter2"} {
				if bytes.Contains(got, []byte(leak)) {
					t.Fatalf("payload carries %q", leak)
				}
			}
			path := filepath.Join("testdata", c.name+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file:\n%s", c.name, got)
			}
		})
	}
}

func TestSlackEscapesMarkupAndBoundsBlocks(t *testing.T) {
	o := outcome()
	long := "https://x.example.fr/" + strings.Repeat("<&>", 2000)
	o.Report.Changes.New = []report.Change{{CheckID: "web.hsts", Target: "<!channel>", Status: check.Fail}, {CheckID: "web.hsts", Target: long, Status: check.Fail}}
	w := hook(t, "https://hooks.example.com"+secretPath, Slack, check.EN)
	b, err := w.payload(OnRegression, o)
	if err != nil {
		t.Fatal(err)
	}
	var msg struct {
		Blocks []struct {
			Text struct{ Text string } `json:"text"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(b, &msg); err != nil {
		t.Fatal(err)
	}
	var all string
	for _, bl := range msg.Blocks {
		all += bl.Text.Text
	}
	if strings.Contains(all, "<!channel>") || !strings.Contains(all, "&lt;!channel&gt;") {
		t.Fatal("a target's Slack markup is not escaped")
	}
	for _, bl := range msg.Blocks {
		if n := len([]rune(bl.Text.Text)); n > 3000 {
			t.Fatalf("a block of %d characters, over Slack's 3000", n)
		}
	}
}

func TestWebhookRetriesNetworkErrors(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL + secretPath
	srv.Close() // nothing listens there any more: connection refused
	start := time.Now()
	_, err := hook(t, url, Generic, check.EN).Handle(t.Context(), outcome())
	if err == nil || !strings.Contains(err.Error(), "after 4 attempts") || !strings.Contains(err.Error(), "refused") || time.Since(start) > 2*time.Second {
		t.Fatalf("err %v after %s", err, time.Since(start))
	}
	noSecret(t, err)
}

func TestRetryAfterAndBackoff(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"": 0, "7": 7 * time.Second, "0": 0, "-3": 0, "soon": 0,
		"Tue, 01 Dec 2026 10:00:30 GMT": 30 * time.Second, "Tue, 01 Dec 2026 09:00:00 GMT": 0,
	} {
		if got := retryAfter(v, now); got != want {
			t.Errorf("Retry-After %q = %s, want %s", v, got, want)
		}
	}
	r := DefaultRetry
	for n, hi := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 6: 30 * time.Second, 40: 30 * time.Second} {
		for range 50 {
			if d := backoff(r, n); d < hi/2 || d > hi {
				t.Fatalf("backoff(%d) = %s, want within [%s, %s]", n, d, hi/2, hi)
			}
		}
	}
}

func TestNewWebhookReadsNamesInAnyCase(t *testing.T) {
	w, err := NewWebhook(WebhookConfig{URL: "https://hooks.example.com" + secretPath, Flavour: " Slack ", NotifyOn: []Event{"Regression", "FAILURE"}})
	if err != nil || w.cfg.Flavour != Slack || !w.on[OnRegression] || !w.on[OnFailure] || w.on[OnRun] || w.Host() != "hooks.example.com" {
		t.Fatalf("%+v, %v", w, err)
	}
}

func TestWebhookRedirects(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/keep":
			http.Redirect(w, r, "/final", http.StatusPermanentRedirect)
		case "/drop":
			http.Redirect(w, r, "/final", http.StatusFound)
		case "/final":
			if b, _ := io.ReadAll(r.Body); r.Method != http.MethodPost || len(b) == 0 {
				w.WriteHeader(http.StatusBadRequest)
			}
		}
	}))
	defer srv.Close()
	if _, err := hook(t, srv.URL+"/keep", Generic, check.EN).Handle(t.Context(), outcome()); err != nil || hits.Load() != 2 {
		t.Fatalf("308 on the same host: %v after %d requests", err, hits.Load())
	}
	hits.Store(0)
	_, err := hook(t, srv.URL+"/drop", Generic, check.EN).Handle(t.Context(), outcome())
	if err == nil || !strings.Contains(err.Error(), "turn the POST into a GET") || hits.Load() != 1 {
		t.Fatalf("302: %v after %d requests", err, hits.Load())
	}
}
