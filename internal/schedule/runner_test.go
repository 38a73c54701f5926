package schedule

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// logs collects a runner's lines, in English.
type logs struct {
	mu    sync.Mutex
	lines []string
}

func (l *logs) add(t check.Text) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t.FR == "" {
		panic("a log line without French: " + t.EN)
	}
	l.lines = append(l.lines, t.EN)
}

func (l *logs) count(sub string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, s := range l.lines {
		if strings.Contains(s, sub) {
			n++
		}
	}
	return n
}

func mustParse(t *testing.T, spec string) *Schedule {
	t.Helper()
	s, err := Parse(spec, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Time is the bubble's fake clock: hours of schedule take no real time.
func TestRunnerRunsOnSchedule(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var runs []time.Time
		ctx, cancel := context.WithCancel(t.Context())
		l := &logs{}
		r := &Runner{Schedule: mustParse(t, "0 * * * *"), Log: l.add, Job: func(context.Context) (report.Report, error) {
			runs = append(runs, time.Now())
			return regressed(), nil
		}}
		done := make(chan error)
		start := time.Now()
		go func() { done <- r.Run(ctx) }()
		time.Sleep(3*time.Hour + time.Minute)
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if len(runs) != 3 {
			t.Fatalf("%d runs in 3 hours, want 3", len(runs))
		}
		for _, at := range runs {
			if at.Minute() != 0 || at.Second() != 0 || !at.After(start) {
				t.Errorf("run at %v, not on the hour", at)
			}
		}
		if l.count("score 74/100 (C)") != 3 || l.count("next run at") != 4 {
			t.Errorf("logs: %q", l.lines)
		}
	})
}

func TestRunnerNeverOverlapsAndLogsSkips(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var running, most, runs atomic.Int32
		ctx, cancel := context.WithCancel(t.Context())
		l := &logs{}
		r := &Runner{Schedule: mustParse(t, "@every 1h"), Log: l.add, Job: func(ctx context.Context) (report.Report, error) {
			n := running.Add(1)
			defer running.Add(-1)
			if n > most.Load() {
				most.Store(n)
			}
			runs.Add(1)
			time.Sleep(150 * time.Minute) // longer than two periods
			return report.Report{}, nil
		}}
		done := make(chan error)
		go func() { done <- r.Run(ctx) }()
		time.Sleep(10 * time.Hour)
		cancel()
		<-done
		if most.Load() != 1 {
			t.Fatalf("%d runs at once", most.Load())
		}
		// Runs start at 1h, 4h30, 8h: each takes 2h30 and the next is due 1h after it ends.
		if runs.Load() != 3 {
			t.Errorf("%d runs, want 3", runs.Load())
		}
		if l.count("skipped 2 run(s)") != 2 || l.count("no score") != 3 {
			t.Errorf("logs: %q", l.lines)
		}
	})
}

func TestRunnerStopsOnCancelDuringARun(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		var sawCancel atomic.Bool
		r := &Runner{Schedule: mustParse(t, "@every 1m"), Job: func(ctx context.Context) (report.Report, error) {
			cancel()
			<-ctx.Done()
			sawCancel.Store(true)
			return report.Report{}, ctx.Err()
		}}
		if err := r.Run(ctx); err != nil {
			t.Fatal(err)
		}
		if !sawCancel.Load() {
			t.Fatal("Run returned before the run under way ended")
		}
	})
}

func TestRunnerGoesOnAfterAFailedScan(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		l := &logs{}
		n := 0
		r := &Runner{Schedule: mustParse(t, "*/5 * * * *"), Log: l.add, Job: func(context.Context) (report.Report, error) {
			n++
			return report.Report{}, errors.New("targets file: no such file")
		}}
		go func() { time.Sleep(16 * time.Minute); cancel() }()
		if err := r.Run(ctx); err != nil {
			t.Fatal(err)
		}
		if n != 3 || l.count("run failed after 0s: targets file: no such file") != 3 {
			t.Fatalf("%d runs; logs %q", n, l.lines)
		}
	})
}

func TestRunnerNeedsScheduleAndJob(t *testing.T) {
	if err := (&Runner{}).Run(t.Context()); err == nil {
		t.Fatal("a Runner without a schedule ran")
	}
}

// TestRunnerNotifies runs on the real clock (a loopback receiver cannot
// live in a synctest bubble), once a second, until the webhook is received.
func TestRunnerNotifies(t *testing.T) {
	got := make(chan []byte, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got <- b
	}))
	defer srv.Close()
	w, err := NewWebhook(WebhookConfig{URL: srv.URL + "/hook", Policy: DefaultPolicy, Lang: check.FR})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	l := &logs{}
	r := &Runner{Schedule: mustParse(t, "@every 1s"), Webhook: w, Log: l.add, Job: func(context.Context) (report.Report, error) { return regressed(), nil }}
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()
	var body []byte
	select {
	case body = <-got:
	case <-ctx.Done():
		t.Fatal("no webhook within 5 s")
	}
	for l.count("regression sent") == 0 && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond) // the answer is on its way back to the runner
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(body, []byte(`"event": "regression"`)) || !bytes.Contains(body, []byte("Le certificat est valide")) {
		t.Fatalf("body %s", body)
	}
	if l.count("webhook to "+w.Host()+": regression sent") != 1 {
		t.Errorf("logs %q", l.lines)
	}
}

func TestRunnerOnce(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.WriteHeader(http.StatusBadRequest)
	}))
	defer srv.Close()
	w, err := NewWebhook(WebhookConfig{URL: srv.URL + "/hook", NotifyOn: []Event{OnFailure}, Retry: fast})
	if err != nil {
		t.Fatal(err)
	}
	r := &Runner{Webhook: w, Job: func(context.Context) (report.Report, error) { return report.Report{}, errors.New("no targets") }}
	o, err := r.Once(t.Context())
	if o.Err == nil || o.Err.Error() != "no targets" || err == nil || !strings.Contains(err.Error(), "HTTP 400") || n.Load() != 1 {
		t.Fatalf("Once = %v, %v after %d requests", o.Err, err, n.Load())
	}
	if _, err := (&Runner{}).Once(t.Context()); err == nil {
		t.Fatal("a Runner without a job ran")
	}
}
