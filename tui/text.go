package tui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"

	"github.com/vigie-security/vigie/internal/check"
)

// wrapTo wraps text to width columns at spaces only: a command, a URL or a
// header name (Strict-Transport-Security) is never cut at its hyphens, so
// what a person copies from the screen still works. A word wider than the
// screen gets a line of its own, split at the width with nothing added.
func wrapTo(text string, width int) string {
	width = max(width, 1)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		indent := para[:len(para)-len(strings.TrimLeft(para, " "))]
		words := strings.Fields(para)
		if len(words) == 0 {
			out = append(out, "")
			continue
		}
		line, lineW := indent, lipgloss.Width(indent)
		for _, w := range words {
			ww := lipgloss.Width(w)
			switch {
			case lineW > len(indent) && lineW+1+ww <= width:
				line, lineW = line+" "+w, lineW+1+ww
				continue
			case lineW > len(indent):
				out = append(out, line)
				line, lineW = indent, len(indent)
			}
			for lineW+ww > width && ww > 0 {
				head, rest := splitAt(w, width-lineW)
				if head == "" {
					break
				}
				out = append(out, line+head)
				line, lineW, w, ww = indent, len(indent), rest, lipgloss.Width(rest)
			}
			line, lineW = line+w, lineW+ww
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// splitAt cuts s after n runes (n ≥ 1 when s is not empty).
func splitAt(s string, n int) (string, string) {
	n = max(n, 1)
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], s[i:]
}

// truncate cuts s to n runes with an ellipsis.
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n == 1 {
		return "…"
	}
	return string(r[:n-1]) + "…"
}

// tail keeps the end of s in n runes: targets differ by their end
// (demo/contracts/a.pdf, demo/contracts/b.pdf), so that is what stays.
func tail(s string, n int) string {
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	if n == 1 {
		return "…"
	}
	return "…" + string(r[len(r)-n+1:])
}

// pad fills s with spaces to n columns (runes, not bytes: É is one).
func pad(s string, n int) string {
	if w := lipgloss.Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// plural writes "1 target", "2 targets" (the same rule in French).
func plural(l check.Lang, n int, en, fr string) string {
	w := tr(l, en, fr)
	if n != 1 {
		w += "s"
	}
	return fmt.Sprintf("%d %s", n, w)
}

// familyName is a family as a person reads it, in the language.
func familyName(l check.Lang, f check.Family) string {
	names := map[check.Family][2]string{
		check.FamilyWeb:       {"web", "web"},
		check.FamilyPassword:  {"passwords", "mots de passe"},
		check.FamilyContracts: {"contracts", "contrats"},
		check.FamilyLeads:     {"leads", "prospects"},
	}
	if n, ok := names[f]; ok {
		return tr(l, n[0], n[1])
	}
	return string(f)
}

// evidenceLabels name the evidence keys a person meets most, in both
// languages; any other key is shown with its underscores as spaces.
var evidenceLabels = map[string][2]string{
	"url":              {"URL", "URL"},
	"element":          {"element", "élément"},
	"level":            {"level", "niveau"},
	"code":             {"code", "code"},
	"algorithm":        {"algorithm", "algorithme"},
	"source":           {"source", "source"},
	"format":           {"format", "format"},
	"rows":             {"rows", "lignes"},
	"records":          {"records", "enregistrements"},
	"share_percent":    {"share (%)", "part (%)"},
	"record_keys":      {"record keys", "clés des enregistrements"},
	"record_keys_from": {"record keys from", "clés tirées de"},
	"masked_samples":   {"masked samples", "échantillons masqués"},
	"sample_size":      {"sample size", "taille de l'échantillon"},
	"rows_not_judged":  {"rows not judged", "lignes non jugées"},
	"columns":          {"columns", "colonnes"},
	"column":           {"column", "colonne"},
	"processor":        {"processor", "sous-traitant"},
	"processors":       {"processors", "sous-traitants"},
	"quote":            {"quote", "citation"},
	"section":          {"section", "section"},
	"status":           {"status", "statut"},
	"header":           {"header", "en-tête"},
	"value":            {"value", "valeur"},
	"max_age_days":     {"maximum age (days)", "âge maximal (jours)"},
	"admin":            {"administrators", "administrateurs"},
	"memory_kib":       {"memory (KiB)", "mémoire (Kio)"},
	"time":             {"time cost", "coût en temps"},
	"iterations":       {"iterations", "itérations"},
	"cost":             {"cost", "coût"},
	"rounds":           {"rounds", "tours"},
	// The leads family's.
	"consent_column":            {"consent column", "colonne de consentement"},
	"consent_percent":           {"with consent (%)", "avec consentement (%)"},
	"consumer_addresses":        {"consumer addresses", "adresses de particuliers"},
	"consumer_lines":            {"consumer lines", "lignes de particuliers"},
	"found_in_columns":          {"found in columns", "trouvé dans les colonnes"},
	"columns_found":             {"columns found", "colonnes trouvées"},
	"missing_columns":           {"missing columns", "colonnes manquantes"},
	"future_dated":              {"dated in the future", "datées dans le futur"},
	"future_record_keys":        {"future-dated record keys", "clés des fiches datées dans le futur"},
	"without_phone_consent":     {"without phone consent", "sans consentement téléphonique"},
	"notes":                     {"notes", "notes"},
	"problems":                  {"problems", "problèmes"},
	"rule":                      {"rule", "règle"},
	"mode":                      {"mode", "mode"},
	"not_readable":              {"not readable", "illisibles"},
	"ragged_rows":               {"ragged rows", "lignes irrégulières"},
	"oversized_rows":            {"oversized rows", "lignes trop longues"},
	"plaintext":                 {"in clear", "en clair"},
	"fast_unsalted_hashes":      {"fast unsalted hashes", "empreintes rapides non salées"},
	"slow_salted_hashes":        {"slow salted hashes", "empreintes lentes salées"},
	"engine":                    {"database engine", "moteur de base"},
	"server_version":            {"server version", "version du serveur"},
	"server_tls":                {"server TLS", "TLS du serveur"},
	"connection_tls":            {"connection TLS", "TLS de la connexion"},
	"require_secure_transport":  {"secure transport required", "transport sécurisé exigé"},
	"listen":                    {"listens on", "écoute sur"},
	"listens_on_all_interfaces": {"listens on every interface", "écoute sur toutes les interfaces"},
	"account":                   {"account", "compte"},
	"account_generic":           {"generic account", "compte générique"},
	"anonymous_account":         {"anonymous account", "compte anonyme"},
	"superuser":                 {"superuser", "superutilisateur"},
	"owns_table":                {"owns the table", "propriétaire de la table"},
	"all_privileges":            {"all privileges", "tous les privilèges"},
	"write_privileges":          {"write privileges", "droits d'écriture"},
	"public_privileges":         {"PUBLIC privileges", "privilèges PUBLIC"},
	"connections_logged":        {"connections logged", "connexions journalisées"},
	"statement_audit":           {"statement audit", "audit des requêtes"},
}

func evidenceLabel(l check.Lang, k string) string {
	if n, ok := evidenceLabels[k]; ok {
		return tr(l, n[0], n[1])
	}
	return strings.ReplaceAll(k, "_", " ")
}

// evidenceText renders an evidence value: lists joined, texts in the
// language, decimals with the language's separator (79,6 in French).
func evidenceText(l check.Lang, v any) string {
	switch x := v.(type) {
	case check.Text:
		return x.In(l)
	case bool:
		return map[bool]string{true: tr(l, "yes", "oui"), false: tr(l, "no", "non")}[x]
	case float64:
		s := strconv.FormatFloat(x, 'f', -1, 64)
		if l == check.FR {
			s = strings.Replace(s, ".", ",", 1)
		}
		return s
	case float32:
		return evidenceText(l, float64(x))
	case map[string]any:
		if en, ok := x["en"].(string); ok {
			if fr, ok := x["fr"].(string); ok {
				return check.Text{EN: en, FR: fr}.In(l)
			}
		}
	case map[string]string:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + "=" + x[k]
		}
		return strings.Join(parts, ", ")
	case []string:
		return strings.Join(x, ", ")
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = evidenceText(l, e)
		}
		return strings.Join(parts, ", ")
	}
	return fmt.Sprint(v)
}
