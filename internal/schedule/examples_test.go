package schedule

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
)

// The README's examples live in testdata/examples; these tests keep them right.

func example(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCrontabExample(t *testing.T) {
	var loc *time.Location
	jobs := 0
	sc := bufio.NewScanner(bytes.NewReader(example(t, "crontab")))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "CRON_TZ="):
			var err error
			if loc, err = time.LoadLocation(strings.TrimPrefix(line, "CRON_TZ=")); err != nil {
				t.Fatal(err)
			}
		case strings.Contains(strings.Fields(line)[0], "="):
		default:
			f := strings.Fields(line)
			if _, err := Parse(strings.Join(f[:5], " "), loc); err != nil {
				t.Fatal(err)
			}
			if f[5] != "vigie" || f[6] != "schedule" || !slices.Contains(f, "--once") {
				t.Fatalf("the cron job is not vigie schedule --once: %s", line)
			}
			jobs++
		}
	}
	if jobs != 1 || loc == nil {
		t.Fatalf("%d jobs, zone %v", jobs, loc)
	}
}

// unit reads a systemd unit as section.key → value.
func unit(t *testing.T, name string) map[string]string {
	t.Helper()
	out, section := map[string]string{}, ""
	sc := bufio.NewScanner(bytes.NewReader(example(t, name)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				t.Fatalf("%s: %q is not key=value", name, line)
			}
			out[section+"."+k] = v
		}
	}
	return out
}

func TestSystemdExamples(t *testing.T) {
	for name, once := range map[string]bool{"vigie-scan.service": true, "vigie-schedule.service": false} {
		u := unit(t, name)
		exec := strings.Fields(u["Service.ExecStart"])
		if len(exec) < 2 || exec[0] != "/usr/local/bin/vigie" || exec[1] != "schedule" || slices.Contains(exec, "--once") != once {
			t.Errorf("%s: ExecStart %v", name, exec)
		}
		if u["Service.User"] != "vigie" || u["Service.StateDirectory"] != "vigie" || u["Service.ReadWritePaths"] != "/var/lib/vigie" {
			t.Errorf("%s: not confined to /var/lib/vigie as user vigie: %v", name, u)
		}
	}
	if u := unit(t, "vigie-scan.service"); u["Service.Type"] != "oneshot" {
		t.Errorf("the timer's service is not oneshot: %v", u)
	}
	tm := unit(t, "vigie-scan.timer")
	if tm["Timer.OnCalendar"] != "*-*-* 02:30:00 Europe/Paris" || tm["Timer.Persistent"] != "true" || tm["Install.WantedBy"] != "timers.target" {
		t.Errorf("timer %v", tm)
	}
}

type manifest struct {
	Kind string            `yaml:"kind"`
	Data map[string]string `yaml:"data"`
	Spec struct {
		Schedule          string `yaml:"schedule"`
		TimeZone          string `yaml:"timeZone"`
		ConcurrencyPolicy string `yaml:"concurrencyPolicy"`
		JobTemplate       struct {
			Spec struct {
				BackoffLimit *int `yaml:"backoffLimit"`
				Template     struct {
					Spec struct {
						Containers []struct {
							Args []string `yaml:"args"`
							Env  []struct {
								Name      string `yaml:"name"`
								ValueFrom *struct {
									SecretKeyRef *struct {
										Name string `yaml:"name"`
									} `yaml:"secretKeyRef"`
								} `yaml:"valueFrom"`
							} `yaml:"env"`
							VolumeMounts []struct {
								Name      string `yaml:"name"`
								MountPath string `yaml:"mountPath"`
							} `yaml:"volumeMounts"`
						} `yaml:"containers"`
						Volumes []struct {
							Name string `yaml:"name"`
							PVC  *struct {
								ClaimName string `yaml:"claimName"`
							} `yaml:"persistentVolumeClaim"`
						} `yaml:"volumes"`
					} `yaml:"spec"`
				} `yaml:"template"`
			} `yaml:"spec"`
		} `yaml:"jobTemplate"`
	} `yaml:"spec"`
}

func TestKubernetesCronJobExample(t *testing.T) {
	dec := yaml.NewDecoder(bytes.NewReader(example(t, "kubernetes-cronjob.yaml")))
	docs := map[string]manifest{}
	for {
		var m manifest
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		docs[m.Kind] = m
	}
	cj := docs["CronJob"]
	loc, err := time.LoadLocation(cj.Spec.TimeZone)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(cj.Spec.Schedule, loc); err != nil {
		t.Fatal(err)
	}
	job := cj.Spec.JobTemplate.Spec
	if cj.Spec.ConcurrencyPolicy != "Forbid" || job.BackoffLimit == nil || *job.BackoffLimit != 0 {
		t.Errorf("a CronJob that may run two scans at once or retry one: %+v", cj.Spec)
	}
	pod := job.Template.Spec
	c := pod.Containers[0]
	if c.Args[0] != "schedule" || !slices.Contains(c.Args, "--once") {
		t.Errorf("args %v", c.Args)
	}
	// The history and the reports are on the volume, not in the pod.
	mounts := map[string]string{}
	for _, m := range c.VolumeMounts {
		mounts[m.Name] = m.MountPath
	}
	claims := map[string]string{}
	for _, v := range pod.Volumes {
		if v.PVC != nil {
			claims[v.Name] = v.PVC.ClaimName
		}
	}
	for _, flag := range []string{"--history", "--output-dir"} {
		i := slices.Index(c.Args, flag)
		if i < 0 || !strings.HasPrefix(c.Args[i+1], mounts["reports"]+"/") || claims["reports"] != "vigie-reports" {
			t.Errorf("%s is not on the reports volume: %v, mounts %v, claims %v", flag, c.Args, mounts, claims)
		}
	}
	// The webhook URL comes from a Secret through ${VIGIE_WEBHOOK_URL}, never from the ConfigMap.
	var cfg map[string]any
	if err := yaml.Unmarshal([]byte(docs["ConfigMap"].Data["vigie.yaml"]), &cfg); err != nil {
		t.Fatal(err)
	}
	wh := cfg["schedule"].(map[string]any)["webhook"].(map[string]any)
	var on []Event
	for _, e := range wh["notify_on"].([]any) {
		on = append(on, Event(e.(string)))
	}
	if _, err := check.ParseSeverity(wh["severity"].(string)); err != nil {
		t.Error(err)
	}
	if wh["url"] != "${VIGIE_WEBHOOK_URL}" {
		t.Errorf("webhook url %v is not taken from the environment", wh["url"])
	}
	if _, err := NewWebhook(WebhookConfig{URL: "https://hooks.example.com/x", Flavour: Flavour(wh["flavour"].(string)), NotifyOn: on}); err != nil {
		t.Error(err)
	}
	fromSecret := false
	for _, e := range c.Env {
		fromSecret = fromSecret || (e.Name == "VIGIE_WEBHOOK_URL" && e.ValueFrom != nil && e.ValueFrom.SecretKeyRef != nil)
	}
	if !fromSecret {
		t.Error("VIGIE_WEBHOOK_URL is not read from a Secret")
	}
	// The rest of the config is a valid vigie.yaml today (schedule: is read by the command that wires it).
	delete(cfg, "schedule")
	rest, err := yaml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := config.Parse("vigie.yaml (ConfigMap vigie-config)", rest, func(string) string { return "" }); err != nil {
		t.Fatal(err)
	}
}
