package schedule

import (
	"context"
	"time"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// Job is one scan: the caller's scan.Session, history included, so the
// report comes back with its Changes since the previous scan.
type Job func(ctx context.Context) (report.Report, error)

// Outcome is what one scheduled run produced.
type Outcome struct {
	Scheduled time.Time // the time it was due
	Started   time.Time
	Finished  time.Time
	Report    report.Report
	Err       error // the scan itself failed; Report is then not to be read
}

// Runner runs a job on a schedule, one run at a time.
type Runner struct {
	Schedule *Schedule
	Job      Job
	Webhook  *Webhook         // nil: no notification
	Log      func(check.Text) // nil: silent; each call is one line
}

// skipCount bounds the count of skipped runs a very long run is told about.
const skipCount = 10_000

// Run waits for each due time and runs the job, until ctx is cancelled;
// it then waits for the run under way (its ctx is cancelled too) and
// returns nil. A run still going when the next one is due makes that one
// skipped and logged, never run alongside: two scans of one site at once
// would double its load and race on the history. A failed scan is logged
// (and notified if asked) and the schedule goes on.
func (r *Runner) Run(ctx context.Context) error {
	if r.Schedule == nil || r.Job == nil {
		return check.Errorf("schedule: a Runner needs a Schedule and a Job", "planification : un Runner demande une Schedule et un Job")
	}
	due := r.Schedule.Next(time.Now())
	for !due.IsZero() {
		r.log(check.Textf("next run at %s", "prochain passage : %s", timeText(due)))
		t := time.NewTimer(time.Until(due))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
		o := r.once(ctx, due)
		if ctx.Err() != nil {
			return nil
		}
		_ = r.notify(ctx, o) // logged; the schedule goes on
		o.Report.Close()     // its findings kept on disk
		if n, first := r.skipped(due, time.Now()); n > 0 {
			r.log(check.Textf("skipped %d run(s) due from %s: the previous run was still going",
				"%d passage(s) sauté(s) à partir du %s : le passage précédent n'était pas fini", n, timeText(first)))
		}
		due = r.Schedule.Next(time.Now())
	}
	return &Error{Text: check.Textf("schedule %q has no run left in the next five years",
		"la planification %q n'a plus de passage dans les cinq ans", r.Schedule.String())}
}

func (r *Runner) once(ctx context.Context, due time.Time) Outcome {
	o := Outcome{Scheduled: due, Started: time.Now()}
	r.log(check.Textf("run due at %s started", "début du passage prévu le %s", timeText(due)))
	o.Report, o.Err = r.Job(ctx)
	o.Finished = time.Now()
	took := elapsed(o.Finished.Sub(o.Started))
	switch s := o.Report.Scores.Overall; {
	case o.Err != nil:
		r.log(check.Textf("run failed after %s: %v", "passage en échec après %s : %v", took, o.Err))
	case s.Scored:
		r.log(check.Textf("run finished in %s: score %d/100 (%s)", "passage fini en %s : note %d/100 (%s)", took, s.Score, string(s.Grade)))
	default:
		r.log(check.Textf("run finished in %s: no score", "passage fini en %s : pas de note", took))
	}
	return o
}

// Once runs the job now and notifies, for `vigie schedule --once` under a
// scheduler of its own (cron, a systemd timer, a Kubernetes CronJob). The
// error is the webhook's; the scan's own is in the Outcome.
func (r *Runner) Once(ctx context.Context) (Outcome, error) {
	if r.Job == nil {
		return Outcome{}, check.Errorf("schedule: a Runner needs a Job", "planification : un Runner demande un Job")
	}
	o := r.once(ctx, time.Now())
	return o, r.notify(ctx, o)
}

func (r *Runner) notify(ctx context.Context, o Outcome) error {
	if r.Webhook == nil {
		return nil
	}
	sent, err := r.Webhook.Handle(ctx, o)
	switch {
	case err != nil:
		r.log(check.Textf("webhook not delivered: %v", "webhook non livré : %v", err))
	case sent != "":
		r.log(check.Textf("webhook to %s: %s sent", "webhook vers %s envoyé (%s)", r.Webhook.Host(), sent.Text()))
	}
	return err
}

// skipped counts the due times that passed during a run that was due at due.
func (r *Runner) skipped(due, now time.Time) (n int, first time.Time) {
	for t := r.Schedule.Next(due); !t.IsZero() && !t.After(now) && n < skipCount; t = r.Schedule.Next(t) {
		if n == 0 {
			first = t
		}
		n++
	}
	return n, first
}

func (r *Runner) log(t check.Text) {
	if r.Log != nil {
		r.Log(t)
	}
}
