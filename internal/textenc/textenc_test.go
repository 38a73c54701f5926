package textenc

import (
	"io"
	"strings"
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

func TestNewReaderMatchesDecode(t *testing.T) {
	want := "Données de santé ; œuvre\n"
	w1252, _ := charmap.Windows1252.NewEncoder().String(want)
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(want)
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(want)
	for name, in := range map[string]string{
		"utf-8": want, "utf-8 BOM": "\ufeff" + want, "windows-1252": w1252, "utf-16le": le, "utf-16be": be,
		// a long file whose sniffed window ends inside a character
		"long utf-8": strings.Repeat("a", SniffSize-1) + "é" + want,
	} {
		got, err := io.ReadAll(NewReader(strings.NewReader(in)))
		if err != nil || string(got) != Decode([]byte(in)) {
			t.Errorf("%s: %.40q (%v), Decode says %.40q", name, got, err, Decode([]byte(in)))
		}
	}
}

func TestLabels(t *testing.T) {
	for _, row := range [][]string{
		{"\ufeffSous-traitant", "Finalité", "Données traitées", "Date de signature", "Pays", ""},
		{"id", "email", "mot_de_passe"}, {"Processor", "DPA", "E-mail", "Col 2", "N°"},
	} {
		if _, ok := Labels(row); !ok {
			t.Errorf("%q read as values", row)
		}
	}
	for _, cell := range []string{
		"jean@x.fr", "Azerty123!", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
		"5f4dcc3b5aa765d61d8327deb882cf99", "aGFzaGhhc2g", "+33 6 12 34 56 78", "06.12.34.56.78", "2025-01-31",
		"1", "x.fr", "https://exemple.invalid/u", strings.Repeat("mot ", 20), "dGhpc2lzYWxvbmdiYXNlNjRzdHJpbmc=", "\x1b[31mred",
	} {
		if IsLabel(cell) {
			t.Errorf("%q read as a label", cell)
		}
		if s, ok := Labels([]string{"id", cell}); ok || s != "" {
			t.Errorf("a row with %q is shown: %q", cell, s)
		}
	}
}
