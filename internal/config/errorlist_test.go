package config

import (
	"strings"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// TestEveryErrorListedInLineOrder: a wrong type does not hide the values
// out of range of the same file, and the errors read in the file's order,
// durations written as in the file.
func TestEveryErrorListedInLineOrder(t *testing.T) {
	doc := strings.NewReplacer("timeout: 10s", "timeout: 0s", "# fail_on: high", "fail_on: hgih",
		"# fail_under: 70", "fail_under: 150").Replace(Example)
	_, err := Parse("vigie.yaml", []byte(doc), env(nil))
	if err == nil {
		t.Fatal("no error")
	}
	en := []string{"vigie.yaml:20: scan.timeout: must be positive and at most 1h, got 0s",
		`vigie.yaml:23:12: scan.fail_on: "hgih" is not a severity (did you mean "high"?)`,
		"vigie.yaml:25: scan.fail_under: must be between 0 and 100, got 150"}
	fr := []string{"vigie.yaml:20: scan.timeout: doit être positif et d'au plus 1h, trouvé 0s",
		`vigie.yaml:23:12: scan.fail_on: "hgih" n'est pas une gravité (vouliez-vous dire "high" ?)`,
		"vigie.yaml:25: scan.fail_under: doit valoir de 0 à 100, trouvé 150"}
	for _, c := range []struct {
		got  string
		want []string
	}{{err.Error(), en}, {check.InLang(err, check.FR), fr}} {
		lines := strings.Split(c.got, "\n")
		if len(lines) != len(c.want) {
			t.Fatalf("%d errors, want %d:\n%s", len(lines), len(c.want), c.got)
		}
		for i, want := range c.want {
			if !strings.HasPrefix(lines[i], want) {
				t.Errorf("error %d = %q, want it to start with %q", i+1, lines[i], want)
			}
		}
	}
}

// TestErrorsSortedByLineAndColumn: an unknown key after values out of range
// is listed after them; two errors of one line by column.
func TestErrorsSortedByLineAndColumn(t *testing.T) {
	doc := "version: 1\nscan:\n  timeout: 0s\n  fail_under: 150\n  bogus: 1\noutput: {format: xml, bad: 1}\nlang: [fr]\n"
	_, err := Parse("v.yaml", []byte(doc), env(nil))
	if err == nil {
		t.Fatal("no error")
	}
	want := []string{"v.yaml:3: scan.timeout", "v.yaml:4: scan.fail_under", "v.yaml:5:3: scan.bogus",
		"v.yaml:6: output.format", "v.yaml:6:23: output.bad", "v.yaml:7:7: lang"}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(lines), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("error %d = %q, want %s…", i+1, lines[i], w)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		time.Hour: "1h", 2 * time.Hour: "2h", 90 * time.Minute: "1h30m", 10 * time.Second: "10s",
		90 * time.Second: "1m30s", 5 * time.Minute: "5m", time.Hour + 30*time.Second: "1h30s", 0: "0s",
		1500 * time.Millisecond: "1.5s", -5 * time.Minute: "-5m",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
		if back, err := time.ParseDuration(FormatDuration(d)); err != nil || back != d {
			t.Errorf("%q does not read back as %v: %v %v", FormatDuration(d), d, back, err)
		}
	}
	if o, _ := optionByKey("scan.timeout"); !strings.HasSuffix(o.Usage.EN, "at most 1h") || !strings.HasSuffix(o.Usage.FR, "au plus 1h") {
		t.Errorf("timeout help = %+v", o.Usage)
	}
}
