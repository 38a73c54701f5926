package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/pwpolicy"
)

func whatIfOn(t *testing.T, lang check.Lang, p password.Policy) Model {
	t.Helper()
	m := New(Options{Lang: lang, Renderer: asciiRenderer(), Policies: []password.Evidence{{Target: "vigie-policy-users.yaml", Policy: p}}})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return press(next.(Model), "p")
}

// An existing policy file, with its comments, is never replaced: the
// what-if goes to the next free name, and the status line says so.
func TestWhatIfSaveNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	const original = "# our domain policy — reviewed by the DPO, do not edit\npolicies:\n  - name: users\n    min_length: 8\n"
	if err := os.WriteFile("vigie-policy-users.yaml", []byte(original), 0o644); err != nil {
		t.Fatal(err)
	}
	eight := 8
	m := whatIfOn(t, check.EN, password.Policy{Name: "users", MinLength: &eight})
	m = press(m, "right", "right", "right", "right", "w") // length 12
	if b, _ := os.ReadFile("vigie-policy-users.yaml"); string(b) != original {
		t.Fatalf("the existing file was changed:\n%s", b)
	}
	data, err := os.ReadFile("vigie-policy-users-2.yaml")
	if err != nil || !strings.Contains(string(data), "min_length: 12") {
		t.Fatalf("what-if not saved beside it: %v\n%s", err, data)
	}
	if v := m.View(); !strings.Contains(v, "Saved as vigie-policy-users-2.yaml, a new file (vigie-policy-users.yaml exists and is left as it is)") {
		t.Errorf("status line:\n%s", v)
	}
	m = press(m, "w")
	if _, err := os.Stat("vigie-policy-users-3.yaml"); err != nil {
		t.Errorf("a second save replaced the first: %v", err)
	}
	if b, _ := os.ReadFile("vigie-policy-users-2.yaml"); string(b) != string(data) {
		t.Errorf("the first what-if was changed")
	}
	// French, and every name taken: refused, nothing replaced.
	for i := 4; i <= maxSaveTries; i++ {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("vigie-policy-users-%d.yaml", i)), []byte("mine"), 0o600)
	}
	m = whatIfOn(t, check.FR, password.Policy{Name: "users", MinLength: &eight})
	m = press(m, "w")
	if v := m.View(); !strings.Contains(v, "Non enregistrée") || !strings.Contains(v, "ne remplace jamais") {
		t.Errorf("every name taken:\n%s", v)
	}
	if b, _ := os.ReadFile("vigie-policy-users-99.yaml"); string(b) != "mine" {
		t.Errorf("the last file was replaced")
	}
}

// A bcrypt what-if writes a bcrypt policy: no Argon2 memory or time, and it
// reads back as the policy shown.
func TestWhatIfSaveBcrypt(t *testing.T) {
	t.Chdir(t.TempDir())
	twelve := 12
	p := password.Policy{Name: "admins", Admin: true, MinLength: &twelve,
		Storage: &password.Storage{Algorithm: "argon2id", MemoryKiB: 19456, Time: 2, Salted: password.Yes}}
	m := whatIfOn(t, check.EN, p)
	m = press(m, "down", "down", "down", "down", "down", "down", "down", "right", "right", "w") // storage: argon2id → scrypt → bcrypt
	if m.whatIf.p.Storage.Algorithm != "bcrypt" {
		t.Fatalf("storage = %+v", m.whatIf.p.Storage)
	}
	data, err := os.ReadFile("vigie-policy-admins.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, argon := range []string{"memory_kib", "time:"} {
		if strings.Contains(string(data), argon) {
			t.Errorf("%s written for bcrypt:\n%s", argon, data)
		}
	}
	back, err := pwpolicy.Parse("vigie-policy-admins.yaml", data)
	if err != nil || len(back) != 1 || back[0].Storage.Algorithm != "bcrypt" || *back[0].MinLength != 12 || !back[0].Admin {
		t.Fatalf("read back %+v, %v\n%s", back, err, data)
	}
	// Back on argon2id, the configured parameters return.
	m = press(m, "left", "left")
	if s := m.whatIf.p.Storage; s.Algorithm != "argon2id" || s.MemoryKiB != 19456 || s.Time != 2 {
		t.Errorf("storage = %+v", s)
	}
}

// A policy name read from a file cannot choose where the what-if goes.
func TestWhatIfSaveName(t *testing.T) {
	for name, want := range map[string]string{"../../etc/passwd": "vigie-policy-etc-passwd.yaml", "\x1b[31mred": "vigie-policy-31mred.yaml",
		"": "vigie-policy-policy.yaml", "keycloak-Été": "vigie-policy-keycloak--t.yaml"} {
		if got := "vigie-policy-" + safeFileName(name) + ".yaml"; got != want {
			t.Errorf("%q → %q, want %q", name, got, want)
		}
	}
}

// A policy name holding a terminal escape is shown, not obeyed.
func TestWhatIfShowsNoEscape(t *testing.T) {
	eight := 8
	m := New(Options{Lang: check.EN, Renderer: asciiRenderer(), Policies: []password.Evidence{{Target: "p.json", Policy: password.Policy{Name: "keycloak-\x1b]0;pwned\x07", MinLength: &eight}}}})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if v := press(next.(Model), "p").View(); strings.ContainsAny(v, "\x1b\x07") || !strings.Contains(v, "keycloak-?]0;pwned?") {
		t.Errorf("view:\n%q", v)
	}
}
