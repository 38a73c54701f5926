package report_test

import (
	"bytes"
	"strings"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

func TestPrometheusGolden(t *testing.T) {
	golden(t, "report.golden.prom", render(t, report.Prometheus{}, sample(t)))
	golden(t, "rich.golden.prom", render(t, report.Prometheus{}, rich(t)))
}

// TestPrometheusParses: Prometheus' own text parser (the one node_exporter's
// textfile collector uses) reads the file, hostile label values included,
// and the values are the report's.
func TestPrometheusParses(t *testing.T) {
	r := rich(t)
	r.Interrupted = true
	var p expfmt.TextParser
	fams, err := p.TextToMetricFamilies(bytes.NewReader(render(t, report.Prometheus{}, r)))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"vigie_score", "vigie_family_score", "vigie_overall_score", "vigie_findings",
		"vigie_scan_timestamp_seconds", "vigie_scan_duration_seconds", "vigie_scan_interrupted"} {
		mf := fams[name]
		if mf == nil || mf.GetType() != dto.MetricType_GAUGE || mf.GetHelp() == "" || len(mf.Metric) == 0 {
			t.Errorf("%s: %v", name, mf)
		}
	}
	if v := fams["vigie_overall_score"].Metric[0].GetGauge().GetValue(); int(v) != r.Scores.Overall.Score {
		t.Errorf("overall %v, want %d", v, r.Scores.Overall.Score)
	}
	if v := fams["vigie_scan_interrupted"].Metric[0].GetGauge().GetValue(); v != 1 {
		t.Errorf("interrupted = %v", v)
	}
	if v := fams["vigie_scan_duration_seconds"].Metric[0].GetGauge().GetValue(); v != 93.25 {
		t.Errorf("duration = %v", v)
	}
	label := func(m *dto.Metric, name string) string {
		for _, l := range m.Label {
			if l.GetName() == name {
				return l.GetValue()
			}
		}
		return ""
	}
	hostile := false
	for _, m := range fams["vigie_score"].Metric {
		hostile = hostile || label(m, "target") == hostileSite
	}
	if !hostile {
		t.Error("the hostile target did not come back intact")
	}
	total := 0
	fails := 0
	for _, m := range fams["vigie_findings"].Metric {
		n := int(m.GetGauge().GetValue())
		total += n
		if label(m, "status") == string(check.Fail) {
			fails += n
		}
	}
	if total != len(r.Findings) || fails != r.Counts()[check.Fail] {
		t.Errorf("findings sum to %d (%d FAIL), want %d (%d)", total, fails, len(r.Findings), r.Counts()[check.Fail])
	}
}

func TestPrometheusLabelEscaping(t *testing.T) {
	out := string(render(t, report.Prometheus{}, rich(t)))
	want := `target="https://evil.example/|` + "`x`" + `</td><script>alert(1)</script>\n| forged | row |"`
	if !strings.Contains(out, want) {
		t.Errorf("escaped label %s not found in:\n%s", want, out)
	}
	if !strings.Contains(out, `target="=HYPERLINK(\"http://evil.example\",\"x\").pdf"`) {
		t.Error("quotes in a label are not escaped")
	}
}
