package demo

import (
	"bytes"
	"embed"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/contractdoc"
)

// The demo's contracts, written for it: one complete (DOCX), one that only
// restates the Article (PDF), one missing several clauses (ODT), one in
// French (Markdown), and an old file the inventory forgot.
//
//go:embed contracts
var contractTexts embed.FS

// Where the demo's contracts and inventory are reported to be.
const (
	ContractsFolder = "demo/contracts"
	InventoryFile   = "demo/contracts/sous-traitants.csv"
)

var contractFormats = map[string]string{
	"cloudbridge-dpa.txt":        "cloudbridge-dpa.docx",
	"hosting-dpa.txt":            "hosting-dpa.pdf",
	"acme-dialer-terms.txt":      "acme-dialer-terms.odt",
	"routeur-express-contrat.md": "routeur-express-contrat.md",
	"old-print-shop.txt":         "old-print-shop.txt",
}

// writeContracts puts the demo's contracts and processor inventory under
// root/demo/contracts. The inventory is what a French spreadsheet exports:
// ";" separated, Windows-1252, day-first dates, relative to now so that one
// review is always overdue and the rest current.
func writeContracts(root string, now time.Time) error {
	dir := filepath.Join(root, filepath.FromSlash(ContractsFolder))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	for src, dst := range contractFormats {
		text, err := contractTexts.ReadFile("contracts/" + src)
		if err != nil {
			return err
		}
		var out bytes.Buffer
		paras := strings.Split(strings.TrimSpace(string(text)), "\n\n")
		if err := contractdoc.WriteAs(filepath.Ext(dst), &out, paras); err != nil {
			return check.Errorf("demo contract %s: %v", "contrat de démonstration %s : %v", dst, err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), out.Bytes(), 0o600); err != nil {
			return err
		}
	}
	d := func(months int) string { return now.AddDate(0, months, 0).Format("02/01/2006") }
	rows := [][]string{
		{"Sous-traitant", "Finalité", "Données traitées", "Personnes concernées", "Contrat", "Signé", "Date de signature", "Début", "Fin", "Prochaine revue", "Pays", "Outil de transfert", "Contact"},
		{"Cloudbridge CRM Ltd", "hébergement du CRM", "nom, e-mail, téléphone, fonction", "prospects, clients", "cloudbridge-dpa.docx", "oui", d(-20), d(-19), d(16), d(4), "Irlande", "aucun", "privacy@cloudbridge.example"},
		{"Routeur Express", "routage des campagnes d'emailing", "nom, e-mail, société", "prospects", "routeur-express-contrat.md", "oui", d(-23), d(-22), d(12), d(-2), "France", "", "dpo@routeur.example"},
		{"Acme Dialer", "téléprospection", "nom, téléphone, enregistrements d'appels", "prospects", "acme-dialer-terms.odt", "non", "", d(-6), d(6), d(3), "Maroc", "", ""},
		{"Generic Hosting", "hébergement des sauvegardes", "sauvegardes de la base de leads", "prospects, clients", "hosting-dpa.pdf", "oui", "", d(-30), "", d(8), "Allemagne", "", ""},
		{"DataLeads Enrich", "enrichissement et scoring", "nom, société, données de santé", "prospects", "", "", "", d(-3), "", "", "France", "", ""},
		{"Pixel Analytics", "mesure d'audience", "cookies, adresse IP", "visiteurs du site", "pixel-analytics-dpa.pdf", "oui", d(-10), d(-10), d(14), d(2), "États-Unis", "Data Privacy Framework", ""},
	}
	var csv strings.Builder
	for _, r := range rows {
		csv.WriteString(strings.Join(r, ";") + "\r\n")
	}
	b, err := charmap.Windows1252.NewEncoder().String(csv.String())
	if err != nil {
		return check.Errorf("demo inventory: %v", "inventaire de démonstration : %v", err)
	}
	return os.WriteFile(filepath.Join(root, filepath.FromSlash(InventoryFile)), []byte(b), 0o600)
}
