package textenc

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestDecode(t *testing.T) {
	want := "Données de santé ; œuvre"
	w1252, err := charmap.Windows1252.NewEncoder().String(want)
	if err != nil {
		t.Fatal(err)
	}
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(want)
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(want)
	for name, in := range map[string]string{
		"utf-8": want, "utf-8 BOM": "\ufeff" + want, "windows-1252": w1252, "utf-16le": le, "utf-16be": be,
	} {
		if got := Decode([]byte(in)); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
