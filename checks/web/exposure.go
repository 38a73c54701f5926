package web

import (
	"bytes"
	"regexp"
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var refNucleiExposures = check.Reference{Source: "ProjectDiscovery nuclei-templates",
	Title: "http/exposures (git-config, laravel-env, sql-dump, phpinfo, apache-server-status)",
	URL:   "https://github.com/projectdiscovery/nuclei-templates/tree/main/http/exposures"}

func exposureMeta(id string, sev check.Severity, cap check.Grade, title, desc, risk, fix check.Text) check.Meta {
	return check.Meta{ID: id, Family: check.FamilyWeb, Severity: sev, CapOnFail: cap, Title: title, Description: desc,
		Risk: risk, Remediation: fix, References: []check.Reference{refCNILDev, refGDPR32, refNucleiExposures},
		Frameworks: map[string][]string{"rgpd-art32": {"32(1)(b)"}, "cnil-guide-dev": {"fiche 6"}}}
}

var (
	metaExpoSecrets = exposureMeta("WEB-EXPO-001", check.Critical, "F",
		check.Text{EN: "No source repository or configuration file is downloadable", FR: "Aucun dépôt source ni fichier de configuration n'est téléchargeable"},
		check.Text{EN: "/.git/HEAD, /.git/config, /.env and /.DS_Store are not served (a hit needs their content signature).",
			FR: "/.git/HEAD, /.git/config, /.env et /.DS_Store ne sont pas servis (un résultat exige leur signature de contenu)."},
		check.Text{EN: "An exposed .git or .env gives away source code and usually database and mail passwords: the lead database with it.",
			FR: "Un .git ou un .env exposé livre le code source et souvent les mots de passe de base de données et de messagerie : la base de prospects avec."},
		check.Text{EN: "Deny dot-files at the web server (nginx: `location ~ /\\. { deny all; }`), remove them from the web root, and rotate every secret they held.",
			FR: "Refusez les fichiers cachés au niveau du serveur (nginx : `location ~ /\\. { deny all; }`), retirez-les de la racine web et changez chaque secret qu'ils contenaient."})
	metaExpoDump = exposureMeta("WEB-EXPO-002", check.Critical, "F",
		check.Text{EN: "No database dump or lead export is downloadable", FR: "Aucun dump de base ni export de prospects n'est téléchargeable"},
		check.Text{EN: "SQL dumps and exports named like leads, prospects, contacts, clients, customers, export, backup or dump (.sql, .sql.gz, .csv, .xlsx, .zip, .tar.gz) are not served, nor the dumps and exports a directory listing names, nor dump names inside the folders robots.txt reveals.",
			FR: "Les dumps SQL et exports nommés leads, prospects, contacts, clients, customers, export, backup ou dump (.sql, .sql.gz, .csv, .xlsx, .zip, .tar.gz) ne sont pas servis, ni les dumps et exports qu'un listage de répertoire nomme, ni des noms de dump dans les dossiers que révèle robots.txt."},
		check.Text{EN: "Anyone who guesses the name downloads the whole prospect file: a personal-data breach to notify to the CNIL within 72 hours.",
			FR: "Quiconque devine le nom télécharge tout le fichier de prospects : une violation à notifier à la CNIL sous 72 heures."},
		check.Text{EN: "Remove exports and backups from the web root at once, keep them in a private store, and check the access logs for past downloads.",
			FR: "Retirez immédiatement exports et sauvegardes de la racine web, rangez-les dans un espace privé et vérifiez dans les journaux s'ils ont été téléchargés."})
	metaExpoInfo = exposureMeta("WEB-EXPO-003", check.Medium, "",
		check.Text{EN: "No server-status or phpinfo page", FR: "Aucune page server-status ou phpinfo"},
		check.Text{EN: "/server-status, /phpinfo.php and /info.php do not show server internals.",
			FR: "/server-status, /phpinfo.php et /info.php n'affichent pas les détails internes du serveur."},
		check.Text{EN: "These pages list visitors' URLs and IPs, software versions, paths and sometimes environment secrets.",
			FR: "Ces pages listent les URL et IP des visiteurs, les versions logicielles, les chemins et parfois des secrets d'environnement."},
		check.Text{EN: "Delete phpinfo files and restrict server-status to localhost (Apache: `Require local`).",
			FR: "Supprimez les fichiers phpinfo et réservez server-status à localhost (Apache : `Require local`)."})
	metaExpoListing = exposureMeta("WEB-EXPO-004", check.Medium, "",
		check.Text{EN: "No directory listing", FR: "Aucun listage de répertoire"},
		check.Text{EN: "/backup/, /uploads/, /export/ and the folders robots.txt and the sitemap name do not list their files (nginx, Apache, IIS, Caddy, Python http.server and Tomcat listings are recognised).",
			FR: "/backup/, /uploads/, /export/ et les dossiers que nomment robots.txt et le sitemap ne listent pas leurs fichiers (les listages nginx, Apache, IIS, Caddy, Python http.server et Tomcat sont reconnus)."},
		check.Text{EN: "A listing hands out every file name, including exports and uploaded documents about people.",
			FR: "Un listage donne le nom de chaque fichier, y compris les exports et les documents déposés concernant des personnes."},
		check.Text{EN: "Turn listings off (nginx: `autoindex off;`, Apache: `Options -Indexes`).",
			FR: "Désactivez les listages (nginx : `autoindex off;`, Apache : `Options -Indexes`)."})
)

// signature tells whether a fetched body is really the sensitive file.
func signature(f Fetch) (string, bool) {
	b := f.Body
	low := bytes.ToLower(b)
	html := bytes.Contains(low, []byte("<html")) || bytes.Contains(low, []byte("<body"))
	switch {
	case strings.HasPrefix(f.Path, "/.git/HEAD"):
		return "git HEAD", bytes.HasPrefix(b, []byte("ref: refs/")) || hexSHA.Match(bytes.TrimSpace(b))
	case strings.HasPrefix(f.Path, "/.git/config"):
		return "git config", !html && bytes.Contains(b, []byte("[core]"))
	case strings.HasPrefix(f.Path, "/.env"):
		return "dotenv", !html && envLine.Match(b)
	case f.Path == "/.DS_Store":
		return "DS_Store", bytes.HasPrefix(b, []byte("\x00\x00\x00\x01Bud1"))
	case f.Path == "/server-status":
		return "Apache server-status", bytes.Contains(b, []byte("Apache Server Status")) && bytes.Contains(b, []byte("Server Version"))
	case strings.HasSuffix(f.Path, ".php"):
		return "phpinfo", bytes.Contains(b, []byte("PHP Version")) && bytes.Contains(b, []byte("PHP Extension"))
	case f.Kind == KindListing:
		style := ListingStyle(b)
		return "directory listing, " + style, style != ""
	case strings.HasSuffix(f.Path, ".sql"):
		return "SQL dump", !html && sqlDump.Match(b)
	case strings.HasSuffix(f.Path, ".gz"):
		return "gzip archive", bytes.HasPrefix(b, []byte{0x1f, 0x8b})
	case strings.HasSuffix(f.Path, ".zip"), strings.HasSuffix(f.Path, ".xlsx"):
		return "zip/xlsx archive", bytes.HasPrefix(b, []byte("PK\x03\x04"))
	case strings.HasSuffix(f.Path, ".csv"):
		return "CSV with a header row", !html && csvHeader(b)
	case f.Listed:
		return "named like an export, served from a listing", !html && len(b) > 0
	}
	return "", false
}

var (
	hexSHA  = regexp.MustCompile(`^[0-9a-f]{40}$`)
	envLine = regexp.MustCompile(`(?m)^(APP_(NAME|ENV|KEY|DEBUG|URL)|DB_(HOST|PASSWORD|DATABASE|USERNAME)|DATABASE_URL|MAIL_PASSWORD|SECRET_KEY|AWS_SECRET_ACCESS_KEY)=`)
	sqlDump = regexp.MustCompile(`(?i)(DROP|CREATE|(UN)?LOCK) TABLE|INSERT INTO`)
)

// csvHeader recognises a delimited first line naming columns.
func csvHeader(b []byte) bool {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	for _, sep := range []byte{',', ';', '\t'} {
		if bytes.Count(line, []byte{sep}) >= 1 {
			low := strings.ToLower(string(line))
			for _, h := range []string{"email", "mail", "nom", "name", "phone", "tel", "prenom", "société", "societe", "company", "id"} {
				if strings.Contains(low, h) {
					return true
				}
			}
		}
	}
	return false
}

// softNotFound is true when the site answers an existing-looking path
// exactly as it answered a random one (SPAs and catch-all pages).
func softNotFound(f, baseline Fetch) bool {
	if baseline.Status != f.Status || baseline.Status == 0 {
		return false
	}
	fs, a := f.Fingerprint()
	bs, b := baseline.Fingerprint()
	if fs == bs && a == b {
		return true
	}
	return a > 512 && b > 512 && max(a, b)-min(a, b) <= max(a, b)/20 && f.ContentType == baseline.ContentType
}

// exposed lists the paths of one kind that are really served.
func exposed(e Evidence, kind string) (hits []string, what map[string]string) {
	what = map[string]string{}
	for _, f := range e.Exposure.Fetches {
		if f.Kind != kind || f.Err != "" || (f.Status != 200 && f.Status != 206) {
			continue
		}
		if sig, ok := signature(f); ok && !softNotFound(f, e.Exposure.Baseline) {
			hits = append(hits, f.Path)
			what[f.Path] = sig
		}
	}
	sort.Strings(hits)
	return hits, what
}

func exposureApplies(e Evidence) (check.Outcome, bool) {
	if o, down := unreachable(e); down {
		return o, false
	}
	if !e.Exposure.Scanned {
		return check.Outcome{Status: check.Skipped, Message: check.Text{
			EN: "not probed: sensitive-path probing is off", FR: "non sondé : la recherche de chemins sensibles est désactivée"}}, false
	}
	return check.Outcome{}, true
}

func judgeExposure(e Evidence, kind string, found, clean check.Text) check.Outcome {
	if o, ok := exposureApplies(e); !ok {
		return o
	}
	hits, what := exposed(e, kind)
	probed := 0
	for _, f := range e.Exposure.Fetches {
		if f.Kind == kind {
			probed++
		}
	}
	ev := map[string]any{"origin": e.Exposure.Base, "paths_probed": probed, "soft_404": e.Exposure.Baseline.Status == 200,
		"requests": e.Exposure.Requests, "request_limit": MaxExposureRequests, "paths_from_robots_and_sitemaps": len(e.Exposure.Discovered)}
	if len(hits) > 0 {
		var en, fr []string
		for _, h := range hits {
			l := describeListing(e, kind, h)
			en = append(en, h+" ("+what[h]+l.EN+")")
			fr = append(fr, h+" ("+signatureFR(what[h])+l.FR+")")
		}
		ev["exposed"] = hits
		return check.Outcome{Status: check.Fail, Evidence: ev, Message: check.Text{
			EN: check.Textf(found.EN, found.FR, e.Exposure.Base, strings.Join(en, ", ")).EN,
			FR: check.Textf(found.EN, found.FR, e.Exposure.Base, strings.Join(fr, ", ")).FR}}
	}
	if e.Exposure.Error.EN != "" {
		return check.Outcome{Status: check.Error, Evidence: ev, Message: check.Textf(
			"probing stopped early: %s", "recherche interrompue : %s", e.Exposure.Error)}
	}
	msg := check.Textf(clean.EN, clean.FR, probed)
	if left := e.Exposure.DiscoveredNamed - len(e.Exposure.Discovered); left > 0 {
		ev["paths_named_not_probed"] = left
		msg = check.Textf("%s; robots.txt and the sitemaps named %d more paths, left out by the bound of %d (those named like dumps, exports or folders went first)",
			"%s ; robots.txt et les sitemaps nommaient %d chemins de plus, laissés de côté par la limite de %d (ceux nommés comme des dumps, des exports ou des dossiers passaient d'abord)",
			msg, left, MaxDiscovered)
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: msg}
}

func evalExpoSecrets(e Evidence) check.Outcome {
	return judgeExposure(e, KindSecrets,
		check.Text{EN: "downloadable from %s: %s", FR: "téléchargeable sur %s : %s"},
		check.Text{EN: "none of the %d source-control and configuration paths is served", FR: "aucun des %d chemins de dépôt et de configuration n'est servi"})
}

func evalExpoDump(e Evidence) check.Outcome {
	return judgeExposure(e, KindDump,
		check.Text{EN: "dump or lead export downloadable from %s: %s", FR: "dump ou export de prospects téléchargeable sur %s : %s"},
		check.Text{EN: "none of the %d dump and export names is served", FR: "aucun des %d noms de dump et d'export n'est servi"})
}

func evalExpoInfo(e Evidence) check.Outcome {
	return judgeExposure(e, KindInfo,
		check.Text{EN: "server internals shown on %s: %s", FR: "détails internes du serveur visibles sur %s : %s"},
		check.Text{EN: "none of the %d status and phpinfo paths is served", FR: "aucun des %d chemins de statut et phpinfo n'est servi"})
}

func evalExpoListing(e Evidence) check.Outcome {
	return judgeExposure(e, KindListing,
		check.Text{EN: "directory listing on %s: %s", FR: "listage de répertoire sur %s : %s"},
		check.Text{EN: "none of the %d directories is listed", FR: "aucun des %d répertoires n'est listé"})
}

// describeListing says what a listing found at path holds, for WEB-EXPO-004.
func describeListing(e Evidence, kind, path string) check.Text {
	if kind != KindListing {
		return check.Text{}
	}
	for _, l := range e.Exposure.Listings {
		if l.Path != path {
			continue
		}
		t := check.Textf(": %d entries", " : %d entrées", l.Entries)
		if l.Entries == 1 {
			t = check.Text{EN: ": 1 entry", FR: " : 1 entrée"}
		}
		if len(l.Flagged) > 0 {
			f := check.Textf(", %d named like dumps or exports: %s", ", %d nommées comme des dumps ou des exports : %s", len(l.Flagged), strings.Join(l.Flagged, ", "))
			if len(l.Flagged) == 1 {
				f = check.Textf(", 1 named like a dump or an export: %s", ", 1 nommée comme un dump ou un export : %s", l.Flagged[0])
			}
			t = check.Text{EN: t.EN + f.EN, FR: t.FR + f.FR}
		}
		return t
	}
	return check.Text{}
}

// signaturesFR are the French names of the content signatures.
var signaturesFR = map[string]string{
	"git HEAD": "HEAD git", "git config": "configuration git", "dotenv": "fichier .env", "DS_Store": "DS_Store",
	"Apache server-status": "server-status Apache", "phpinfo": "phpinfo", "SQL dump": "dump SQL", "gzip archive": "archive gzip",
	"zip/xlsx archive": "archive zip/xlsx", "CSV with a header row": "CSV avec une ligne d'en-tête",
	"named like an export, served from a listing": "nommé comme un export, servi depuis un listage",
}

func signatureFR(en string) string {
	if style, ok := strings.CutPrefix(en, "directory listing, "); ok {
		return "listage de répertoire, " + style
	}
	if fr, ok := signaturesFR[en]; ok {
		return fr
	}
	return en
}
