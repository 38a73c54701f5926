package probe

import "testing"

func TestMaskedName(t *testing.T) {
	for in, want := range map[string]string{
		"export-aurore.lambert%40example.fr.csv":  "e***@e***.csv", /* the name around the address goes with it */
		"prospects_Aurore_Lambert_0639980001.csv": "prospects_Aurore_Lambert_06******01.csv",
		"clients 06 39 98 00 01.xlsx":             "clients 06******01.xlsx",
		"leads+33639980001.csv":                   "leads33******01.csv",
		"base_clients_2025.csv":                   "base_clients_2025.csv",
		"dump-20251201.sql":                       "dump-20251201.sql",
		"export%zz.csv":                           "export%zz.csv",
		"sauvegarde.sql":                          "sauvegarde.sql",
		"archive/":                                "archive/",
	} {
		if got := maskedName(in); got != want {
			t.Errorf("maskedName(%q) = %q, want %q", in, got, want)
		}
	}
}
