package leadscan

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-security/vigie/checks/leads"
)

var benchNotes = []string{
	"Rappeler après le salon, intéressé par l'offre entreprise",
	"Works at Cancer Research Foundation, wants a demo in Q3",
	"A demandé un devis pour 20 postes, relancer en septembre",
	"", "", "RAS",
	"Client au chômage, rappeler plus tard",
	"Elle est diabétique, rappeler après son traitement",
	"Payé par carte 4970 1012 3456 7893",
	"Commande 4970101234567890 livrée, satisfait",
}

var benchSources = []string{"Formulaire site", "Salon Lyon 2025", "Partenaire Acme", "LinkedIn", "web", "Offline Sources", ""}

// writeLeads writes n realistic CRM rows (HubSpot-like columns, French data).
func writeLeads(tb testing.TB, dir string, n int) string {
	path := filepath.Join(dir, fmt.Sprintf("leads-%d.csv", n))
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Create Date,Last Activity Date,Last Marketing Email Open Date,Original Source,Opt In,Consent Date,Unsubscribed from all email,Notes\n")
	domains := []string{"gmail.com", "orange.fr", "acme-industrie.fr", "free.fr", "exemple.com"}
	for i := range n {
		d := domains[i%len(domains)]
		company, title := "", ""
		if d == "acme-industrie.fr" || d == "exemple.com" {
			company, title = "Acme Industrie", "Acheteur"
		}
		y := 2018 + i%9
		optin, at := "false", ""
		if i%3 == 0 {
			optin, at = "true", fmt.Sprintf("%d-03-%02d 10:00:00", y, 1+i%28)
		}
		fmt.Fprintf(w, "%d,Jean%d,Dupont%d,jean.dupont%d@%s,06 %02d %02d %02d %02d,%s,%s,%d-03-%02d 10:00:00,%d-06-01,2026-0%d-01,%s,%s,%s,%s,\"%s\"\n",
			100000+i, i%97, i%89, i, d, i%100, (i/100)%100, (i/7)%100, (i/13)%100, company, title, y, 1+i%28, min(y+1, 2026), 1+i%5,
			benchSources[i%len(benchSources)], optin, at, strconv.FormatBool(i%50 == 0), benchNotes[i%len(benchNotes)])
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	f.Close()
	return path
}

// BenchmarkCSV reads and judges a CRM export with every check; run with
// -bench CSV -benchtime 1x to see rows/s and the peak RSS at 100k and 1M
// rows (the peak is the process's, so 1M after 100k shows growth).
func BenchmarkCSV(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			path := writeLeads(b, b.TempDir(), n)
			st, _ := os.Stat(path)
			now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
			cpu0 := cpuSeconds()
			b.ResetTimer()
			for b.Loop() {
				p, err := Prepare(Source{Path: path})
				if err != nil {
					b.Fatal(err)
				}
				ev := p.Collect(context.Background(), now)
				if ev.Problem != nil || ev.Counts.Rows != n {
					b.Fatalf("%v, %d rows", ev.Problem, ev.Counts.Rows)
				}
				for _, c := range leads.All() {
					c.Evaluate(ev)
				}
			}
			b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(st.Size())/(1<<20), "MiB")
			b.ReportMetric(vmHWM(), "peakRSS-MiB")
		})
	}
}

// cpuSeconds is the process's user and system CPU time: on a shared
// machine, wall time measures the neighbours too.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// vmHWM is the process's peak resident set, in MiB, from /proc.
func vmHWM() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.ParseFloat(strings.Fields(l)[1], 64)
			return kb / 1024
		}
	}
	return 0
}
