package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestNewFileIsPrivate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.json")
	if err := WriteBytes(path, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(path); err != nil || !st.Mode().IsRegular() || st.Mode().Perm() != 0o600 {
		t.Fatalf("new file: %v, %v", st, err)
	}
	// A bare name is written in the current folder, not the system temp folder.
	t.Chdir(filepath.Dir(path))
	if err := WriteBytes("bare.json", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(filepath.Dir(path), "bare.json")); string(b) != "x" {
		t.Errorf("bare name: %q", b)
	}
}

func TestSymlinkStaysALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real", "report.json")
	os.Mkdir(filepath.Dir(target), 0o700)
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "latest.json")
	if err := os.Symlink("real/report.json", link); err != nil {
		t.Fatal(err)
	}
	// A chain of two links, the second relative to the first's folder.
	link2 := filepath.Join(dir, "chain.json")
	os.Symlink("latest.json", link2)
	if err := WriteBytes(link2, []byte("new")); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{link, link2} {
		if st, err := os.Lstat(l); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link: %v %v", l, st.Mode(), err)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("the link's target holds %q", b)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("target mode %v", st.Mode().Perm())
	}
	// A dangling link names the file to create.
	dangling := filepath.Join(dir, "dangling.json")
	os.Symlink("real/later.json", dangling)
	if err := WriteBytes(dangling, []byte("later")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "real", "later.json")); string(b) != "later" {
		t.Errorf("dangling link: target holds %q", b)
	}
	// A loop is an error naming the path, not a hang.
	loop := filepath.Join(dir, "loop")
	os.Symlink("loop", loop)
	if err := WriteBytes(loop, nil); err == nil || !strings.Contains(err.Error(), loop) {
		t.Errorf("link loop: %v", err)
	}
}

// charDevice is a character device the test may write: a private copy of
// /dev/null when root can make one (so a broken Write cannot destroy the
// real one), else /dev/null itself, which a non-root Write cannot replace.
func charDevice(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, int(mkdev(1, 3))); err == nil {
		return p
	}
	return "/dev/null"
}

func mkdev(major, minor uint64) uint64 {
	return (major&0xfff)<<8 | (minor & 0xff) | (major&^0xfff)<<32 | (minor&^0xff)<<12
}

func TestCharDeviceIsWrittenNotReplaced(t *testing.T) {
	dev := charDevice(t)
	before, err := os.Lstat(dev)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(dev, []byte("report")); err != nil {
		t.Fatal(err)
	}
	after, err := os.Lstat(dev)
	if err != nil || after.Mode()&os.ModeCharDevice == 0 || after.Mode() != before.Mode() {
		t.Fatalf("%s is no longer the character device it was: %v → %v, %v", dev, before.Mode(), after.Mode(), err)
	}
	if err := Check(dev); err != nil {
		t.Errorf("Check(%s): %v", dev, err)
	}
}

func TestFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	// No reader: a quick, clear error, and the FIFO is still a FIFO.
	start := time.Now()
	err := WriteBytes(fifo, []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "no reader on FIFO") || !strings.Contains(err.Error(), fifo) {
		t.Fatalf("no reader: %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("no reader: took %v", d)
	}
	var fe *Error
	if !errors.As(err, &fe) || !strings.Contains(fe.Text.FR, "aucun lecteur") {
		t.Errorf("no French message: %#v", err)
	}
	if err := Check(fifo); err != nil {
		t.Errorf("Check on a FIFO whose reader is not started yet: %v", err)
	}
	// With a reader: the bytes arrive, more than a pipe buffer of them.
	want := strings.Repeat("vigie report\n", 20_000)
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	// The reader's open may come after the writer's: retry like a user would.
	deadline := time.Now().Add(5 * time.Second)
	for err = WriteBytes(fifo, []byte(want)); err != nil && time.Now().Before(deadline); err = WriteBytes(fifo, []byte(want)) {
		time.Sleep(10 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	if g := <-got; g != want {
		t.Errorf("reader got %d bytes, want %d", len(g), len(want))
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st.Mode(), err)
	}
}

func TestDirectoryIsRefused(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{dir, dir + "/"} {
		err := WriteBytes(p, []byte("x"))
		if err == nil || !strings.Contains(err.Error(), "is a folder") || !strings.Contains(err.Error(), dir) {
			t.Errorf("%s: %v", p, err)
		}
		if err := Check(p); err == nil || !strings.Contains(err.Error(), "is a folder") {
			t.Errorf("Check(%s): %v", p, err)
		}
	}
	if st, err := os.Lstat(dir); err != nil || !st.IsDir() {
		t.Errorf("the folder changed: %v", err)
	}
}

func TestDescriptor(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	path := "/dev/fd/" + strconv.Itoa(int(w.Fd()))
	if err := Check(path); err != nil {
		t.Fatalf("Check(%s): %v", path, err)
	}
	if err := WriteBytes(path, []byte("to the pipe")); err != nil {
		t.Fatal(err)
	}
	w.Close() // the duplicate was closed by Write; this is the last writer
	if b, _ := io.ReadAll(r); string(b) != "to the pipe" {
		t.Errorf("pipe got %q", b)
	}
	if err := Check("/dev/fd/" + strconv.Itoa(int(r.Fd()))); err == nil || !strings.Contains(err.Error(), "reading only") {
		t.Errorf("Check on a read-only descriptor: %v", err)
	}
	if err := WriteBytes("/dev/fd/987", nil); err == nil || !strings.Contains(err.Error(), "not open") {
		t.Errorf("closed descriptor: %v", err)
	}
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	if err := Check(filepath.Join(dir, "new.json")); err != nil {
		t.Errorf("new file: %v", err)
	}
	missing := filepath.Join(dir, "missing", "out.json")
	if err := Check(missing); err == nil || !strings.Contains(err.Error(), "does not exist") || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing folder: %v", err)
	}
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o600)
	if err := Check(filepath.Join(file, "out.json")); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("folder is a file: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("Check left files: %v", entries)
	}
	if os.Geteuid() != 0 { // root writes anywhere
		ro := filepath.Join(dir, "ro")
		os.Mkdir(ro, 0o500)
		if err := Check(filepath.Join(ro, "out.json")); err == nil || !strings.Contains(err.Error(), "cannot be written") {
			t.Errorf("read-only folder: %v", err)
		}
	}
}

func TestStaleTemporariesRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	old := time.Now().Add(-2 * StaleAfter)
	mk := func(name string, age time.Time) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, age, age)
		return p
	}
	stale := mk(".report.json.tmp-123456", old)
	fresh := mk(".report.json.tmp-999", time.Now()) // maybe a write in progress
	other := mk(".other.json.tmp-123", old)         // another file's
	notOurs := mk(".report.json.tmp-12x", old)      // not CreateTemp's pattern
	if err := WriteBytes(path, []byte("done")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary kept: %v", err)
	}
	for _, p := range []string{fresh, other, notOurs, path} {
		if _, err := os.Lstat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
}
