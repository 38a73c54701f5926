package check

import "strings"

// evidenceFR names evidence keys for a French reader. Evidence keys stay
// stable identifiers in JSON and SARIF; the writers a person reads (JUnit
// text, HTML, the TUI) show these labels instead. A key without a label is
// shown with its underscores as spaces.
var evidenceFR = map[string]string{
	"rows_holding_records": "lignes contenant des fiches", "lines_read_as_one_cell": "lignes lues comme une seule cellule", "quote_line": "ligne du guillemet",
	"accepted_suites": "suites acceptées", "active_mixed": "contenu mixte actif", "admin": "administrateur",
	"aged_15_to_17": "âgés de 15 à 17 ans", "algorithm": "algorithme", "allow_credentials": "identifiants autorisés",
	"allow_origin": "origine autorisée", "alphabet": "alphabet", "bits": "bits", "body_bytes": "octets du corps",
	"body_truncated": "corps tronqué", "by_category": "par catégorie", "card_fields_in_clear": "champs de carte en clair",
	"case": "cas", "chain": "chaîne", "chain_length": "longueur de la chaîne", "chars": "caractères", "classes": "classes",
	"cnil_example": "exemple de la CNIL", "code": "code", "columns": "colonnes", "columns_found": "colonnes trouvées",
	"consent_column": "colonne de consentement", "consent_percent": "part avec consentement (%)",
	"consumer_addresses": "adresses de particuliers", "consumer_lines": "lignes de particuliers",
	"contact_fields": "champs de contact", "contracts": "contrats", "cookies": "cookies", "countries": "pays",
	"crawl": "pages lues", "csp_upgrades_or_blocks": "la CSP passe en HTTPS ou bloque", "days_left": "jours restants",
	"directives": "directives", "distribution": "répartition", "dns_names": "noms DNS", "element": "élément", "end": "fin",
	"enumerated_with": "énuméré avec", "error": "erreur", "error_kind": "type d'erreur", "examples": "exemples",
	"expected": "attendu", "exposed": "exposé", "external_scripts": "scripts externes",
	"fast_unsalted_hashes": "empreintes rapides non salées", "files": "fichiers", "final_url": "URL finale",
	"format": "format", "forms": "formulaires", "found_in_columns": "trouvé dans les colonnes",
	"frame_ancestors": "frame-ancestors", "future_dated": "datés dans le futur",
	"future_record_keys": "clés des fiches datées dans le futur", "grades": "notes", "headers": "en-têtes", "host": "hôte",
	"https_judged": "HTTPS jugé", "include_subdomains": "includeSubDomains", "indirect_records": "fiches de collecte indirecte",
	"insecure_actions": "actions non sécurisées", "inventory": "registre", "ip_addresses": "adresses IP", "issuer": "émetteur",
	"key_bits": "taille de clé (bits)", "key_type": "type de clé", "language": "langue",
	"lead_like_names": "noms d'exports de prospects", "level": "niveau", "lifetime_days": "durée de vie (jours)",
	"linked_pages_found": "pages liées trouvées", "linked_pages_read": "pages liées lues", "location": "emplacement",
	"masked_samples": "exemples masqués", "max_age": "max-age", "max_age_days": "max-age (jours)",
	"memory_kib": "mémoire (Kio)", "mentions": "mentions", "min_length": "longueur minimale", "missing": "manquants",
	"missing_columns": "colonnes manquantes", "mode": "mode", "names_listed": "noms listés", "not_after": "valide jusqu'au",
	"not_before": "valide à partir du", "not_tested": "non testé", "notes_read": "notes lues",
	"observatory_modifier": "modificateur Observatory", "offending_suites": "suites en cause", "origin": "origine",
	"origin_sent": "origine envoyée", "other_parameter_sets": "autres jeux de paramètres", "oversized_rows": "lignes trop longues",
	"pages": "pages", "passive_mixed": "contenu mixte passif", "password_fields": "champs mot de passe",
	"paths_from_robots_and_sitemaps": "chemins de robots.txt et des sitemaps", "paths_probed": "chemins sondés",
	"plaintext": "en clair", "preload": "preload", "problems": "problèmes", "processor": "sous-traitant",
	"processors": "sous-traitants", "products": "produits", "protocols": "protocoles", "ragged_rows": "lignes irrégulières",
	"record_keys": "clés des fiches", "record_keys_from": "clés tirées de", "records": "fiches", "rejected": "écarté",
	"request_limit": "limite de requêtes", "requests": "requêtes", "resources": "ressources", "review": "à revoir",
	"row": "ligne", "rows": "lignes", "rows_not_judged": "lignes non jugées", "rule": "règle", "scripts": "scripts",
	"self_signed": "auto-signé", "sentence": "phrase", "sentences": "phrases", "server": "serveur", "service": "service",
	"session_cookie_without_httponly": "cookie de session sans HttpOnly", "sha256": "SHA-256", "share_percent": "part (%)",
	"signature_algorithms": "algorithmes de signature", "signed_on": "signé le", "slow_salted_hashes": "empreintes lentes salées",
	"soft_404": "faux 404", "source": "source", "special": "données particulières", "status_code": "code de statut",
	"subject": "sujet", "time": "durée", "tls_version": "version TLS", "uncovered": "non couverts", "under_15": "moins de 15 ans",
	"unreferenced": "non référencés", "url": "URL", "value": "valeur", "values": "valeurs", "without_secure": "sans Secure",
	"without_sri": "sans SRI", "x_frame_options": "X-Frame-Options", "x_powered_by": "X-Powered-By",
	"sample_size":               "taille de l'échantillon",
	"column":                    "colonne",
	"quote":                     "citation",
	"section":                   "section",
	"status":                    "statut",
	"header":                    "en-tête",
	"iterations":                "itérations",
	"cost":                      "coût",
	"rounds":                    "tours",
	"without_phone_consent":     "sans consentement téléphonique",
	"notes":                     "notes",
	"not_readable":              "illisibles",
	"engine":                    "moteur de base",
	"server_version":            "version du serveur",
	"server_tls":                "TLS du serveur",
	"connection_tls":            "TLS de la connexion",
	"require_secure_transport":  "transport sécurisé exigé",
	"listen":                    "écoute sur",
	"listens_on_all_interfaces": "écoute sur toutes les interfaces",
	"account":                   "compte",
	"account_generic":           "compte générique",
	"anonymous_account":         "compte anonyme",
	"superuser":                 "superutilisateur",
	"owns_table":                "propriétaire de la table",
	"all_privileges":            "tous les privilèges",
	"write_privileges":          "droits d'écriture",
	"public_privileges":         "privilèges PUBLIC",
	"connections_logged":        "connexions journalisées",
	"statement_audit":           "audit des requêtes",
	// WEB-COOKIE-001 names each cookie problem by its English label, and
	// WEB-HTTPS-001 the redirect that names the HTTPS URL.
	"__host-_prefix_without_secure":      "préfixe __Host- sans Secure",
	"__host-_prefix_without_path=/":      "préfixe __Host- sans Path=/",
	"__host-_prefix_with_a_domain":       "préfixe __Host- avec un Domain",
	"__secure-_prefix_without_secure":    "préfixe __Secure- sans Secure",
	"samesite=none_without_secure":       "SameSite=None sans Secure",
	"anti-csrf_cookie_without_samesite":  "cookie anti-CSRF sans SameSite",
	"invalid_samesite":                   "SameSite invalide",
	"session_cookie_set_over_plain_http": "cookie de session posé en HTTP",
	"cookies_not_examined":               "cookies non examinés",
	"https_named_by_redirect_from":       "HTTPS désigné par la redirection depuis",
	"meta_policies":                      "politiques des balises meta",
	"meta":                               "balise meta",
	"meta_frame_ancestors_ignored":       "frame-ancestors de la balise meta ignoré",
	"paths_named_not_probed":             "chemins nommés non sondés",
	"dated_prospects":                    "prospects datés",
	"consumer_addresses_opted_out":       "adresses de particuliers désinscrites",
	"phone_consent_column":               "colonne du consentement téléphonique",
	"refusals":                           "refus",
}

// evidenceEN names the keys whose English label is not the key itself.
var evidenceEN = map[string]string{
	"url":                                "URL",
	"share_percent":                      "share (%)",
	"max_age_days":                       "maximum age (days)",
	"admin":                              "administrators",
	"memory_kib":                         "memory (KiB)",
	"time":                               "time cost",
	"consent_percent":                    "with consent (%)",
	"future_dated":                       "dated in the future",
	"future_record_keys":                 "future-dated record keys",
	"plaintext":                          "in clear",
	"engine":                             "database engine",
	"server_tls":                         "server TLS",
	"connection_tls":                     "connection TLS",
	"require_secure_transport":           "secure transport required",
	"listen":                             "listens on",
	"listens_on_all_interfaces":          "listens on every interface",
	"account_generic":                    "generic account",
	"owns_table":                         "owns the table",
	"public_privileges":                  "PUBLIC privileges",
	"__host-_prefix_without_secure":      "__Host- prefix without Secure",
	"__host-_prefix_without_path=/":      "__Host- prefix without Path=/",
	"__host-_prefix_with_a_domain":       "__Host- prefix with a Domain",
	"__secure-_prefix_without_secure":    "__Secure- prefix without Secure",
	"samesite=none_without_secure":       "SameSite=None without Secure",
	"anti-csrf_cookie_without_samesite":  "anti-CSRF cookie without SameSite",
	"invalid_samesite":                   "invalid SameSite",
	"session_cookie_without_httponly":    "session cookie without HttpOnly",
	"session_cookie_set_over_plain_http": "session cookie set over plain HTTP",
	"https_named_by_redirect_from":       "HTTPS named by the redirect from",
}

// EvidenceLabel is how a person reading l sees an evidence key.
func EvidenceLabel(key string, l Lang) string {
	labels := evidenceEN
	if l == FR {
		labels = evidenceFR
	}
	if label, ok := labels[key]; ok {
		return label
	}
	return unmangled(key)
}

// unmangled is a key without a label: its single underscores as spaces,
// a run of them (the __Host- and __Secure- cookie prefixes) kept.
func unmangled(key string) string {
	if !strings.Contains(key, "__") { // nearly every key: no copy unless it has an underscore
		return strings.ReplaceAll(key, "_", " ")
	}
	var b strings.Builder
	b.Grow(len(key))
	for i := 0; i < len(key); i++ {
		if key[i] == '_' && (i == 0 || key[i-1] != '_') && (i+1 == len(key) || key[i+1] != '_') {
			b.WriteByte(' ')
			continue
		}
		b.WriteByte(key[i])
	}
	return b.String()
}
