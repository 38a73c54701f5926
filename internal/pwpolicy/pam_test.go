package pwpolicy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-security/vigie/checks/password"
)

// tree writes files (path → content) under a new directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadAt(t *testing.T, dir string) map[string]password.Policy {
	t.Helper()
	ps, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]password.Policy{}
	for _, p := range ps {
		out[p.Name] = p
	}
	return out
}

func notes(p password.Policy) string {
	var s []string
	for _, n := range p.Notes {
		s = append(s, n.Text.EN)
	}
	return strings.Join(s, " | ")
}

const (
	faillockAuth = "auth required pam_faillock.so preauth deny=4\nauth sufficient pam_unix.so\nauth [default=die] pam_faillock.so authfail\n"
	weakAuth     = "auth sufficient pam_unix.so nullok\n"
	qualityPw    = "password requisite pam_pwquality.so minlen=12 dcredit=-1 ucredit=-1 lcredit=-1 ocredit=-1 enforce_for_root\npassword sufficient pam_unix.so sha512 use_authtok\n"
)

// TestStackChoice: which stack is judged, and that the policy says why.
func TestStackChoice(t *testing.T) {
	cases := []struct {
		name   string
		files  map[string]string
		want   []string // policy names
		says   string   // in the first policy's notes
		lockTo int      // first policy's lockout threshold
	}{
		{"sshd names its stack", map[string]string{"pam.d/sshd": "auth substack password-auth\npassword include password-auth\n",
			"pam.d/password-auth": faillockAuth + qualityPw, "pam.d/system-auth": weakAuth},
			[]string{"pam:sshd"}, "pam.d/sshd is judged: people log in through it, with what it includes; not judged: system-auth", 4},
		{"no selector: system-auth and password-auth each", map[string]string{"pam.d/system-auth": faillockAuth + qualityPw, "pam.d/password-auth": weakAuth + qualityPw,
			"pam.d/common-auth": weakAuth}, []string{"pam:system-auth", "pam:password-auth"}, "no authselect.conf, sshd or login names the active stack; not judged: common-auth", 4},
		{"debian common files together", map[string]string{"pam.d/common-auth": faillockAuth, "pam.d/common-password": qualityPw},
			[]string{"pam:common"}, "judged together", 4},
		{"authselect custom profile templates", map[string]string{
			"authselect/authselect.conf":           "custom/site\nwith-faillock\n",
			"authselect/custom/site/system-auth":   "auth required pam_faillock.so preauth deny=6 {include if \"with-faillock\"}\nauth sufficient pam_unix.so {if \"with-nullok\":nullok}\n" + qualityPw,
			"authselect/custom/site/password-auth": "auth sufficient pam_unix.so {if not \"without-nullok\":nullok}\n" + qualityPw,
			"pam.d/sshd":                           "auth include password-auth\n",
			"authselect/custom/site/README":        "not a stack",
		}, []string{"pam:system-auth", "pam:password-auth"}, "profile custom/site (features: with-faillock)", 6},
		{"a tcb stack on its own", map[string]string{"pam.d/system-auth-tcb": "auth required pam_tcb.so shadow fork nullok\n" + qualityPw},
			[]string{"pam:system-auth-tcb"}, "judged on its own", 0},
		{"missing include is said, lockout left unknown", map[string]string{"pam.d/sshd": "auth include password-auth\n" + qualityPw},
			[]string{"pam:sshd"}, "includes password-auth, which is not in the directory", -1},
		{"pam.d files at the top of the directory", map[string]string{"system-auth": faillockAuth + qualityPw, "pwquality.conf": "minlen = 20\n"},
			[]string{"pam:system-auth"}, "pam.d/system-auth is judged", 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ps, err := Load(tree(t, tc.files))
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, p := range ps {
				names = append(names, p.Name)
			}
			if strings.Join(names, ",") != strings.Join(tc.want, ",") {
				t.Fatalf("policies %v, want %v", names, tc.want)
			}
			p := ps[0]
			if !strings.Contains(notes(p), tc.says) {
				t.Errorf("notes do not say %q:\n%s", tc.says, notes(p))
			}
			switch {
			case tc.lockTo < 0 && p.LockoutThreshold != nil:
				t.Errorf("lockout %d from an incomplete stack", *p.LockoutThreshold)
			case tc.lockTo >= 0 && (p.LockoutThreshold == nil || *p.LockoutThreshold != tc.lockTo):
				t.Errorf("lockout %v, want %d", p.LockoutThreshold, tc.lockTo)
			}
		})
	}
}

// TestStackSettings: where each setting comes from, and what overrides what.
func TestStackSettings(t *testing.T) {
	t.Run("arguments override pwquality.conf; pam_cracklib ignores it", func(t *testing.T) {
		p := loadAt(t, tree(t, map[string]string{"pwquality.conf": "minlen = 20\nminclass = 4\n",
			"pam.d/system-auth": "password requisite pam_pwquality.so minlen=9\n"}))["pam:system-auth"]
		if *p.MinLength != 9 || *p.MinClasses != 4 || p.Blacklist != password.Yes {
			t.Errorf("%+v", p)
		}
		p = loadAt(t, tree(t, map[string]string{"pwquality.conf": "minlen = 20\n", "pam.d/system-auth": "password requisite pam_cracklib.so retry=3\n"}))["pam:system-auth"]
		// pam_cracklib: minlen 9 with four credits of 1: 5, raised to the floor of 6.
		if *p.MinLength != 6 || !strings.Contains(notes(p), "pam_cracklib does not read it") || !strings.Contains(notes(p), "a password of 6 characters is accepted") {
			t.Errorf("%d %s", *p.MinLength, notes(p))
		}
	})
	t.Run("faillock.conf used only when the stack calls pam_faillock", func(t *testing.T) {
		p := loadAt(t, tree(t, map[string]string{"faillock.conf": "deny = 2\n", "pam.d/system-auth": "auth sufficient pam_unix.so\n" + qualityPw}))["pam:system-auth"]
		if *p.LockoutThreshold != 0 || !strings.Contains(notes(p), "faillock.conf is present but not in effect") {
			t.Errorf("%v %s", *p.LockoutThreshold, notes(p))
		}
		p = loadAt(t, tree(t, map[string]string{"security/faillock.conf": "deny = 2\nunlock_time = never\n", "pam.d/system-auth": faillockAuth}))["pam:system-auth"]
		if *p.LockoutThreshold != 4 || *p.LockoutDuration != 0 { // the argument deny=4 wins over the file
			t.Errorf("%v %v", *p.LockoutThreshold, *p.LockoutDuration)
		}
	})
	t.Run("pam_tally2 without deny never locks", func(t *testing.T) {
		p := loadAt(t, tree(t, map[string]string{"pam.d/system-auth": "auth required pam_tally2.so onerr=fail\n"}))["pam:system-auth"]
		if *p.LockoutThreshold != 0 {
			t.Errorf("%v", *p.LockoutThreshold)
		}
	})
	t.Run("history, hash and pam_unix alone", func(t *testing.T) {
		p := loadAt(t, tree(t, map[string]string{"login.defs": "ENCRYPT_METHOD SHA512\n",
			"pam.d/system-auth": "password required pam_pwhistory.so\npassword sufficient pam_unix.so md5 remember=3\n"}))["pam:system-auth"]
		if *p.HistoryCount != 10 || p.Storage.Algorithm != "md5crypt" || *p.MinLength != 6 || p.RequireDigit != password.No {
			t.Errorf("%+v %+v", p, p.Storage)
		}
	})
	t.Run("one pam.d file alone", func(t *testing.T) {
		ps, err := Parse("/etc/pam.d/common-auth", []byte(faillockAuth+"auth include other\n"))
		if err != nil || len(ps) != 1 || *ps[0].LockoutThreshold != 4 || !strings.Contains(notes(ps[0]), "judged alone") {
			t.Fatalf("%v %+v", err, ps)
		}
	})
}

func TestAuthselectTemplate(t *testing.T) {
	in := "a {include if \"x\"}\nb {exclude if \"x\"}\nc {if \"y\":yes|no} {if not \"x\":n}\nd {if \"x\" or \"y\":o}\n"
	got := string(authselectTemplate([]byte(in), map[string]bool{"x": true}))
	if got != "a \nc no \nd o\n" {
		t.Errorf("%q", got)
	}
}

func TestPamDirSkipsSubdirectories(t *testing.T) {
	dir := tree(t, map[string]string{"pam.d/system-auth": faillockAuth, "pam.d/backup/system-auth": weakAuth})
	if p := loadAt(t, dir)["pam:system-auth"]; *p.LockoutThreshold != 4 {
		t.Errorf("%+v", p)
	}
}

// TestEtcCopy: beside pam.d, system files are not read as exports, and
// pwquality.conf.d drop-ins override pwquality.conf.
func TestEtcCopy(t *testing.T) {
	dir := tree(t, map[string]string{"pam.d/system-auth": faillockAuth + "password requisite pam_pwquality.so\n", "security/pwquality.conf": "minlen = 9\nminclass = 2\n",
		"security/pwquality.conf.d/50-site.conf": "minlen = 14\n", "shadow": "root:$6$x$y:19000:0:99999:7:::\n",
		"idp-export.json": `{"MinimumPasswordLength": 12}`})
	ps := loadAt(t, dir)
	p, aws := ps["pam:system-auth"], ps["idp-export.json:aws-iam-account"]
	if len(ps) != 2 || *p.MinLength != 14 || *p.MinClasses != 2 || aws.MinLength == nil {
		t.Fatalf("%v", ps)
	}
}
