package formats

import (
	"slices"
	"testing"

	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/report"
)

// TestOneList: the config accepts exactly the formats there are writers for.
func TestOneList(t *testing.T) {
	if !slices.Equal(Names, config.Formats) {
		t.Errorf("formats %v, config accepts %v", Names, config.Formats)
	}
	for _, name := range Names {
		if _, err := For(name, Options{}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if report.Extension(name) == "" {
			t.Errorf("%s has no file extension", name)
		}
	}
	if _, err := For("xml", Options{}); err == nil {
		t.Error("an unknown format is accepted")
	}
}
