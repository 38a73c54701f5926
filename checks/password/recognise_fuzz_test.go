package password

import "testing"

// FuzzRecognise: any value is read without a panic, and once settled an
// audit counts every value it was given, empty ones apart.
//
//	go test -fuzz FuzzRecognise ./checks/password
func FuzzRecognise(f *testing.F) {
	for _, s := range []string{"$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0", "$wp$2y$10$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
		"AQAAAAEAACcQAAAAEDAxMjM0NTY3ODlhYmNkZWYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==", "", "AAAA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var a HashAudit
		a.Add(Recognise(s))
		a.Add(Recognise(s))
		st := a.Settled()
		if st.Total+st.Grades[GradeEmpty] != 2 {
			t.Fatalf("settled: %d values and %d empty, want 2 in all", st.Total, st.Grades[GradeEmpty])
		}
	})
}
