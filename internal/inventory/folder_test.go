package inventory

import (
	"strings"
	"testing"
)

// A folder given as the inventory is said to be one, not an unknown format.
func TestLoadAFolder(t *testing.T) {
	dir := t.TempDir()
	_, err := Load(dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "a folder, not a file") || !strings.Contains(err.Error(), dir) {
		t.Errorf("Load(folder) = %v", err)
	}
}
