package main

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vigie-security/vigie/internal/catalog"
	"github.com/vigie-security/vigie/internal/check"
)

// englishWords never belong in French prose; a hit outside quoted text
// (a document's own words «…», a header or command `…` or '…', a URL) is
// a message vigie forgot to translate.
var englishWords = regexp.MustCompile(`(?i)\b(the|and|with|without|not|none|found|missing|tested|header row|listing|characters|should|must|which|because|there|this|that|these|from|only|every|each|days|hours|months|years)\b`)

// englishDecimal is a decimal written with a point before a unit a French
// reader reads (79.6 bits, 33.3 %): French writes 79,6.
var englishDecimal = regexp.MustCompile(`\b\d+\.\d+ ?(%|bits|pts|points)`)

// quoted removes what vigie quotes rather than writes: a document's words,
// literals, URLs, hosts and file names.
var quoted = regexp.MustCompile("(?s)«[^»]*»|`[^`]*`|'[^'\\n]*'|\"[^\"\\n]*\"|https?://\\S+|@\\w+|\\b[\\w.-]+\\.(com|fr|org|txt|md|pdf|docx|odt|html|csv|xlsx|yaml|db)\\b|\\b\\w+(?:[-_]\\w+)+\\b")

// TestFrenchEverywhere renders every check and every report the demo makes
// in French and fails on English words in vigie's own text.
func TestFrenchEverywhere(t *testing.T) {
	fr := map[string]string{"LANG": "fr_FR.UTF-8"}
	outputs := map[string]string{}
	db := filepath.Join(t.TempDir(), "h.db")
	for _, f := range []string{"table", "markdown", "junit", "csv"} {
		r := vigie(t, context.Background(), fr, "demo", "--format", f, "--no-color", "--history", db)
		if r.code != 0 && r.code != exitThreshold {
			t.Fatalf("demo --format %s: %+v", f, r.stderr)
		}
		outputs["demo "+f] = r.stdout
	}
	if h := vigie(t, context.Background(), fr, "history", "--history", db); h.code != 0 || strings.Count(h.stdout, "(démo)") != 4 {
		t.Errorf("history in French: code %d, stdout %q, stderr %q", h.code, h.stdout, h.stderr)
	} else {
		outputs["history"] = h.stdout
	}
	for _, c := range catalog.All() {
		id := c.Meta().ID
		outputs["checks "+id] = vigie(t, context.Background(), fr, "checks", id).stdout
	}
	for _, path := range commandPaths() {
		args := append(append([]string{}, path...), "--help")
		r := vigie(t, context.Background(), fr, args...)
		name := strings.Join(args, " ")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("%s: code %d, stderr %q", name, r.code, r.stderr)
		}
		if m := cobraEnglish.FindString(r.stdout); m != "" {
			t.Errorf("%s: cobra's English %q in:\n%s", name, m, r.stdout)
		}
		outputs[name] = r.stdout
	}
	// --lang fr says the help in French under an English locale too.
	r := vigie(t, context.Background(), map[string]string{"LANG": "C.UTF-8"}, "scan", "--help", "--lang", "fr")
	outputs["scan --help --lang fr"] = r.stdout
	for name, out := range outputs {
		out = html.UnescapeString(out) // JUnit's XML escapes quotes: read the text
		for i, line := range strings.Split(quoted.ReplaceAllString(out, "…"), "\n") {
			if m := englishWords.FindString(line); m != "" {
				t.Errorf("%s, line %d: English %q in %q", name, i+1, m, strings.TrimSpace(line))
			}
			if m := englishDecimal.FindString(line); m != "" {
				t.Errorf("%s, line %d: an English decimal %q in %q", name, i+1, m, strings.TrimSpace(line))
			}
		}
	}
}

// cobraEnglish is what cobra and pflag write around a command's own help.
var cobraEnglish = regexp.MustCompile(`Usage:|Flags:|Available Commands|Additional|\(default|for more information|help for|\[flags\]|\[command\]|\bFILE\b|--\S+ (string|stringArray|duration|int|float)\b`)

// commandPaths is every command and subcommand of vigie, as the words that name it.
func commandPaths() [][]string {
	root := newRoot(env{getenv: func(string) string { return "" }})
	localizeHelp(root, nil, check.EN)
	var paths [][]string
	walkCommands(root, func(c *cobra.Command) {
		paths = append(paths, strings.Fields(strings.TrimPrefix(c.CommandPath(), "vigie")))
	})
	return paths
}

// TestHelpIsBilingual: every command's Short, Long and Example and every
// flag's usage has its French, and the English help stays English.
func TestHelpIsBilingual(t *testing.T) {
	root := newRoot(env{getenv: func(string) string { return "" }})
	localizeHelp(root, nil, check.EN)
	walkCommands(root, func(c *cobra.Command) {
		for _, s := range []string{c.Short, c.Long, c.Example} {
			if _, ok := helpIn(s, "", check.FR); !ok {
				t.Errorf("%s: no French for %q", c.CommandPath(), s)
			}
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if _, ok := helpIn(f.Usage, f.Name, check.FR); !ok {
				t.Errorf("%s --%s: no French for %q", c.CommandPath(), f.Name, f.Usage)
			}
		})
	})
	r := vigie(t, context.Background(), nil, "scan", "--help")
	for _, want := range []string{"Usage:", "Flags:", "--fail-on-new", "(default 256)", "with --history: exit 1"} {
		if r.code != 0 || !strings.Contains(r.stdout, want) {
			t.Errorf("scan --help in English: code %d, %q missing from:\n%s", r.code, want, r.stdout)
		}
	}
	r = vigie(t, context.Background(), map[string]string{"LANG": "fr_FR.UTF-8"}, "scan", "--help", "--lang", "en")
	if !strings.Contains(r.stdout, "Flags:") {
		t.Errorf("--lang en under a French locale: the help is not English:\n%s", r.stdout)
	}
	r = vigie(t, context.Background(), map[string]string{"LANG": "fr_FR.UTF-8"}, "scan", "--help")
	for _, want := range []string{"Utilisation :", "Options :", "(par défaut : 256)", "avec --history : sortie 1", "aide de scan", "--config texte", "--timeout durée"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("scan --help in French: %q missing from:\n%s", want, r.stdout)
		}
	}
}

// TestFrenchErrors makes one mistake of each kind a person makes (a typo in
// a path or a flag, a bad target, a malformed file of each family, a bad
// value) under a
// French locale, and fails on English words in what vigie says back.
func TestFrenchErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	missing := filepath.Join(dir, "absent")
	cases := [][]string{
		{"scan", "-t", "ftp://files.example.com/"},
		{"scan", "-t", "https://[::1"},
		{"scan", "--targets-file", missing + ".txt"},
		{"scan", "-c", missing + ".yaml"},
		{"scan", "-c", write("bad.yaml", "version: 1\nscan:\n  timeout: soon\n")},
		{"scan", "-t", "https://127.0.0.1:1/", "-o", filepath.Join(missing, "r.json")},
		{"scan", "-t", "https://127.0.0.1:1/", "--format", "docx"},
		{"password", "check", missing + ".conf"},
		{"password", "check", write("policy.yaml", "version: 1\npolicies:\n  - name: users\n    min_length: many\n")},
		{"password", "hashes", write("users.csv", "login,hash\njdoe,x\n"), "--column", "password_hash"},
		{"contracts", "check", missing + ".pdf"},
		{"contracts", "check", "--inventory", write("inv.csv", "a;b\n1;2\n"), "--folder", dir},
		{"leads", "check", missing + ".csv"},
		{"leads", "check", "postgres://vigie:s3cret@127.0.0.1:1/leads"},
		{"history", "--history", filepath.Join(missing, "h.db")},
		{"history", "--history", write("notdb.db", "not a database, only words\n")},
		{"schedule", "-c", write("sched.yaml", "version: 1\nschedule:\n  cron: chaque nuit\nweb:\n  targets: [https://127.0.0.1:1/]\n")},
		{"--bogus"}, {"scan", "-Z"}, {"scan", "--format"}, {"bogus-cmd"}, {"leads", "check"}, {"checks", "A", "B", "C"},
		{"scan", "--concurrency", "abc"}, {"scan", "--no-color=maybe"}, {"scan", "--timeout", "abc", "-t", "https://127.0.0.1:1/"}, {"scan", "--fail-on", "bogus", "-t", "https://127.0.0.1:1/"},
		{"merge", write("shard.json", "{bad")},
		{"scan", "--waivers", write("w.yaml", "waivers:\n  - check: WEB-HSTS-001\n"), "-t", "https://127.0.0.1:1/"},
	}
	// Files vigie reads but cannot judge are findings (ERROR), in the report.
	judged := [][]string{
		{"contracts", "check", write("broken.pdf", "%PDF-1.7\nnot really a pdf\n")},
		{"leads", "check", write("leads.csv", "\"unclosed,quote\nx,y\n")},
		{"password", "check", write("login.defs", "PASS_MAX_DAYS soon\n")},
	}
	fr := map[string]string{"LANG": "fr_FR.UTF-8"}
	for _, args := range judged {
		r := vigie(t, context.Background(), fr, append(args, "--no-color")...)
		for _, line := range strings.Split(quoted.ReplaceAllString(r.stdout+r.stderr, "…"), "\n") {
			if m := englishWords.FindString(line); m != "" {
				t.Errorf("%s: English %q in %q", strings.Join(args, " "), m, strings.TrimSpace(line))
			}
		}
	}
	for _, args := range cases {
		r := vigie(t, context.Background(), fr, args...)
		name := strings.Join(args, " ")
		if r.code == 0 {
			t.Errorf("%s: exit 0, want an error", name)
			continue
		}
		if strings.TrimSpace(r.stderr) == "" {
			t.Errorf("%s: exit %d and nothing said", name, r.code)
			continue
		}
		if strings.Contains(r.stderr, "s3cret") {
			t.Errorf("%s: the DSN password is printed: %q", name, r.stderr)
		}
		for _, line := range strings.Split(quoted.ReplaceAllString(r.stderr, "…"), "\n") {
			if m := englishWords.FindString(line); m != "" {
				t.Errorf("%s: English %q in %q", name, m, strings.TrimSpace(line))
			}
		}
	}
}
