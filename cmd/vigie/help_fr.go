package main

// helpFR is the French of every help text (a command's Short, Long and
// Example, a flag's usage) that vigie and cobra write in English, keyed by
// the English. Options declared in config.Options carry their own French.
// TestHelpIsBilingual fails on a text missing here, so a changed English
// text cannot ship without its French.
var helpFR = map[string]string{
	// vigie
	"Security and GDPR baseline scanner for lead databases and the websites that collect them": "Contrôle de base sécurité et RGPD des bases de prospects et des sites qui les collectent",

	// vigie scan, vigie schedule
	"Scan the configured targets and report findings and scores": "Analyser les cibles configurées et rendre constats et notes",
	`Scan what the configuration names: web sites (HTTPS, TLS, certificates, headers, cookies,
exposed files), password policies and stored hashes, processor contracts and inventories, lead
databases. Then, once: waivers, history, reports (one format, or several with --output-dir), thresholds.

Targets come from --config (web.targets), --target (repeatable) and
--targets-file (one per line). Flags override the config file.

Exit codes: 0 no threshold crossed, 1 --fail-on/--fail-under crossed,
2 usage or configuration error, 3 the scan could not run, was interrupted,
or checked nothing (every finding ERROR, or SKIPPED beside one: all targets unreachable or unreadable).`: `Analyser ce que la configuration nomme : sites web (HTTPS, TLS, certificats, en-têtes, cookies,
fichiers exposés), politiques de mots de passe et empreintes stockées, contrats de sous-traitance et
registres, bases de prospects. Puis, une fois : dérogations, historique, rapports (un format, ou
plusieurs avec --output-dir), seuils.

Les cibles viennent de --config (web.targets), de --target (répétable) et de
--targets-file (une par ligne). Les options l'emportent sur le fichier de configuration.

Codes de sortie : 0 aucun seuil franchi, 1 --fail-on/--fail-under franchi,
2 erreur d'usage ou de configuration, 3 le scan n'a pas pu tourner, a été interrompu,
ou n'a rien vérifié (tous les constats en ERREUR, ou sans objet à côté d'une erreur : cibles injoignables ou illisibles).`,
	"configuration file (see vigie init)":                                        "fichier de configuration (voir vigie init)",
	"URL or host to scan (repeatable)":                                           "URL ou hôte à analyser (répétable)",
	"file with one target per line":                                              "fichier d'une cible par ligne",
	"no colours (NO_COLOR is honoured too)":                                      "sans couleurs (NO_COLOR est aussi respecté)",
	`print nothing but errors and warnings: no progress, no "report written"`:    `n'afficher que les erreurs et avertissements : ni progression, ni « rapport écrit »`,
	"with --history: exit 1 if a check fails that did not fail in the last scan": "avec --history : sortie 1 si un contrôle échoue alors qu'il n'échouait pas au dernier scan",
	"with --history: compare with this stored scan (ID, prefix, last~N, a day) instead of the last; with --fail-on-new, fail only on findings new since it": "avec --history : comparer à ce scan enregistré (ID, préfixe, last~N, un jour) au lieu du dernier ; avec --fail-on-new, n'échouer que sur les constats apparus depuis",
	"I/N: scan only this share of the targets (0 ≤ I < N), for vigie merge; no history, no thresholds":                                                      "I/N : n'analyser que cette part des cibles (0 ≤ I < N), pour vigie merge ; ni historique, ni seuils",
	"with --shard: the run's ID, the same on every pod (a pipeline ID, the Job's uid); vigie merge refuses shards of different runs":                        "avec --shard : l'identifiant de l'exécution, le même sur chaque pod (l'identifiant du pipeline, l'uid du Job) ; vigie merge refuse les parts d'exécutions différentes",
	"Scan on a cron schedule, keep the history, and post a webhook when things get worse":                                                                   "Analyser selon un calendrier cron, garder l'historique et appeler un webhook quand la situation se dégrade",
	`Run the scan of the configuration at the times schedule.cron (or --cron) names, in
schedule.timezone, never two at once. Each run keeps its history and writes its reports as vigie
scan would; when the overall score falls or a high or critical check newly fails, schedule.webhook
is posted to (generic JSON, Slack or Teams). --once scans now (for cron, systemd or a Kubernetes
CronJob); --dry-run prints the next five times. SIGINT or SIGTERM stops it: a run in progress ends
at once and writes the report of the targets it finished (exit 3).`: `Lancer le scan de la configuration aux heures que nomme schedule.cron (ou --cron), dans le fuseau
schedule.timezone, jamais deux à la fois. Chaque passage garde son historique et écrit ses rapports
comme vigie scan ; quand la note globale baisse ou qu'un contrôle élevé ou critique se met à échouer,
schedule.webhook est appelé (JSON générique, Slack ou Teams). --once analyse tout de suite (pour cron,
systemd ou un CronJob Kubernetes) ; --dry-run affiche les cinq prochaines heures. SIGINT ou SIGTERM
l'arrête : un passage en cours s'achève aussitôt et écrit le rapport des cibles terminées (sortie 3).`,
	"when to scan: 5 cron fields, @daily, @every 6h (default schedule.cron)":              "quand analyser : 5 champs cron, @daily, @every 6h (par défaut : schedule.cron)",
	"IANA time zone of --cron, e.g. Europe/Paris (default schedule.timezone, else local)": "fuseau IANA de --cron, ex. Europe/Paris (par défaut : schedule.timezone, sinon le fuseau local)",
	"print the next five runs and exit":                                                   "afficher les cinq prochains passages et quitter",
	"scan once now and notify, then exit (for cron, systemd timers, Kubernetes CronJobs)": "analyser une fois tout de suite et notifier, puis quitter (pour cron, les timers systemd, les CronJobs Kubernetes)",

	// vigie demo
	"Scan a built-in lab: flawed sites on loopback, password policies, contracts, a processor inventory and two lead sources": "Analyser un labo intégré : sites défaillants en local, politiques de mots de passe, contrats, un registre des sous-traitants et deux sources de prospects",
	`Start nine small sites inside this process on 127.0.0.1 (from correct to an open
Elasticsearch, with a CA made at start), judge two embedded password policies and a
stored-hash sample, check five contracts in four formats against a French processor
inventory, and audit two synthetic lead sources (a HubSpot export and a French SQLite base),
all written to a private temporary folder removed at the end. No network is used.`: `Démarrer neuf petits sites dans ce processus sur 127.0.0.1 (du site correct à un Elasticsearch
ouvert, avec une AC créée au démarrage), juger deux politiques de mots de passe intégrées et un
échantillon d'empreintes stockées, vérifier cinq contrats en quatre formats face à un registre
français des sous-traitants, et auditer deux sources de prospects synthétiques (un export HubSpot et
une base SQLite française), le tout écrit dans un dossier temporaire privé supprimé à la fin. Aucun
accès au réseau.`,
	"keep the demo scan in this history, marked as demo (try vigie history and vigie diff on it)": "garder le scan de démonstration dans cet historique, marqué démo (essayez vigie history et vigie diff dessus)",

	// vigie tui
	"Open the terminal interface: run a scan, watch it, browse the findings, waive, export, try a password policy": "Ouvrir l'interface terminal : lancer un scan, le suivre, parcourir les constats, déroger, exporter, essayer une politique de mots de passe",
	`Open the terminal interface on a configuration. It shows the last scan of the configured history
(history:) when there is one, or the JSON report given with --report; r runs a scan of the configured
targets. With no configuration, r scans the built-in demo.`: `Ouvrir l'interface terminal sur une configuration. Elle montre le dernier scan de l'historique
configuré (history:) s'il y en a un, ou le rapport JSON donné par --report ; r lance un scan des
cibles configurées. Sans configuration, r analyse la démonstration intégrée.`,
	"vigie.yaml to scan (default: ./vigie.yaml when there is one)":                          "vigie.yaml à analyser (par défaut : ./vigie.yaml s'il existe)",
	"language: en or fr (default: from the locale)":                                         "langue : en ou fr (par défaut : celle de la locale)",
	"open a saved JSON report (vigie scan -f json -o FILE) instead of the last stored scan": "ouvrir un rapport JSON enregistré (vigie scan -f json -o FICHIER) au lieu du dernier scan stocké",

	// vigie checks
	"List every check with its severity and references; with an ID, one check whole": "Lister tous les contrôles avec leur gravité et leurs références ; avec un ID, un contrôle en entier",
	`List every check vigie runs: ID, family, severity, title and references.
With a check ID (vigie checks WEB-HTTPS-001), print that check whole: what it looks at,
the risk, how to fix it, the grade it caps and its references with their links.`: `Lister tous les contrôles de vigie : ID, famille, gravité, titre et références.
Avec un ID de contrôle (vigie checks WEB-HTTPS-001), afficher ce contrôle en entier : ce qu'il
examine, le risque, la correction, la note qu'il plafonne et ses références avec leurs liens.`,
	"table or json":                       "table ou json",
	"fr or en (default: from the locale)": "fr ou en (par défaut : celle de la locale)",
	"fr or en":                            "fr ou en",

	// vigie password
	"Password policies against CNIL 2022-100 and ANSSI, and stored hashes":                                                "Politiques de mots de passe face à la CNIL 2022-100 et à l'ANSSI, et empreintes stockées",
	"Judge password-policy files (any format vigie reads; a directory: its Linux PAM set and each export in it)":          "Juger des fichiers de politique de mots de passe (tout format que lit vigie ; un dossier : sa configuration PAM Linux et chaque export qu'il contient)",
	"Audit stored password hashes (one per line, or a CSV column): algorithms, costs, plain text; no value is ever shown": "Auditer des empreintes de mots de passe stockées (une par ligne, ou une colonne CSV) : algorithmes, coûts, texte en clair ; aucune valeur n'est jamais affichée",
	"CSV column holding the hashes (header name or 1-based index; found by name when omitted)":                            "colonne CSV des empreintes (nom d'en-tête ou rang à partir de 1 ; trouvée par son nom si omise)",
	"Print the CNIL 2022-100 computation for a length and the classes a policy forces":                                    "Afficher le calcul CNIL 2022-100 pour une longueur et les classes qu'impose une politique",
	"minimum length the policy enforces":                   "longueur minimale qu'impose la politique",
	"classes the policy forces: lower,upper,digit,special": "classes qu'impose la politique : lower,upper,digit,special",
	`"k of the 4 classes" (the weakest k count)`:           "« k classes sur 4 » (les k plus faibles comptent)",

	// vigie contracts
	"Processor contracts against GDPR Article 28, and processor inventories":                                                      "Contrats de sous-traitance face à l'article 28 du RGPD, et registres des sous-traitants",
	"Check contract documents (.txt .md .html .docx .odt .pdf) element by element; with --inventory, the processor inventory too": "Vérifier des contrats (.txt .md .html .docx .odt .pdf) élément par élément ; avec --inventory, le registre des sous-traitants aussi",
	`Check contract documents against the 20 elements of GDPR Article 28 (A28-3-subject-matter … A28-44-transfers),
each graded specific, present, restated or missing, with the sentence and where it is.
With --inventory (CSV, XLSX or YAML) the processors are checked too: contract named and on disk, signed and dated,
current, transfers outside the EEA covered, special-category data named in the contract. --folder is where the
inventory's contract files are; every document in it is checked, and one the inventory does not name is reported.`: `Vérifier des contrats face aux 20 éléments de l'article 28 du RGPD (A28-3-subject-matter … A28-44-transfers),
chacun jugé précis, présent, recopié ou absent, avec la phrase et sa place.
Avec --inventory (CSV, XLSX ou YAML), les sous-traitants sont vérifiés aussi : contrat nommé et présent sur le
disque, signé et daté, en vigueur, transferts hors EEE couverts, données sensibles nommées dans le contrat.
--folder est le dossier des contrats du registre ; chaque document qu'il contient est vérifié, et celui que le
registre ne nomme pas est signalé.`,
	"processor inventory (CSV with , or ;, XLSX, or YAML)":                          "registre des sous-traitants (CSV en , ou ;, XLSX ou YAML)",
	"folder of the contracts the inventory names (default: the inventory's folder)": "dossier des contrats que nomme le registre (par défaut : le dossier du registre)",
	"XLSX sheet of the inventory (default: the first)":                              "feuille XLSX du registre (par défaut : la première)",

	// vigie leads
	"Lead and prospect databases: retention, consent, information, sensitive data, card data, NIR":                                      "Bases de prospects : conservation, consentement, information, données sensibles, cartes bancaires, NIR",
	"Check lead exports (CSV, TSV, XLSX), SQLite files or PostgreSQL/MySQL tables, read-only, against the CNIL rules for prospect data": "Vérifier en lecture seule des exports de prospects (CSV, TSV, XLSX), des fichiers SQLite ou des tables PostgreSQL/MySQL face aux règles de la CNIL sur la prospection",
	`Check lead tables read-only and streamed: how long prospects are kept and from which dates, consent and its
proof, whether people were told, special categories in notes, card numbers (Luhn), IBAN (mod-97), NIR (its key),
passwords, the file's own permissions, and for a database the account's rights, audit logging and TLS.
A DSN is postgres://user:password@host:port/db or mysql://user:password@host:port/db (read-only session,
statement timeout; shown as host:port/db only, never with its password). Columns are found by the labels HubSpot, Salesforce, Pipedrive, Brevo,
Zoho, Dynamics and French exports use, and by their values; --column role=label maps the others. Findings hold
counts, record keys and masked samples, never a personal value.`: `Vérifier des tables de prospects en lecture seule et en flux : durée de conservation et dates de référence,
consentement et sa preuve, information des personnes, catégories sensibles dans les notes, numéros de carte (Luhn),
IBAN (mod-97), NIR (sa clé), mots de passe, droits du fichier lui-même et, pour une base, droits du compte,
journalisation et TLS. Un DSN s'écrit postgres://user:password@host:port/db ou mysql://user:password@host:port/db
(session en lecture seule, délai par requête ; affiché host:port/db, jamais avec son mot de passe). Les colonnes
sont reconnues par les libellés de HubSpot, Salesforce, Pipedrive, Brevo, Zoho, Dynamics et des exports français,
et par leurs valeurs ; --column rôle=libellé désigne les autres. Les constats contiennent des nombres, des clés
de fiches et des extraits masqués, jamais une valeur personnelle.`,
	"role=label: the column of a role vigie does not find (repeatable; roles: email, phone, created, consent…)":       "rôle=libellé : la colonne d'un rôle que vigie ne trouve pas (répétable ; rôles : email, phone, created, consent…)",
	"database table (schema.name for PostgreSQL) or XLSX sheet (default: the one that holds e-mail or phone columns)": "table de la base (schéma.nom pour PostgreSQL) ou feuille XLSX (par défaut : celle qui a des colonnes e-mail ou téléphone)",
	"time allowed for each source (a database's statement timeout too)":                                               "temps accordé à chaque source (et délai par requête d'une base)",
	"Write the keys of the lead records to delete, archive or stop contacting (retention and opt-out findings)":       "Écrire les clés des fiches de prospects à supprimer, archiver ou ne plus contacter (constats de conservation et d'opposition)",
	`Read the lead sources (those given, or the configuration's leads.sources) and write to --output, mode 0600 and
in one step, one CSV line per record a retention check (LEAD-RET-*) or the opt-out check (LEAD-CON-005) lists:
source, check, action (in English and French), the key column and the record key (the primary key, or "row N").
Never a name, an e-mail, a phone or any other value of the record. A source that cannot be read writes no plan.`: `Lire les sources de prospects (celles données, ou leads.sources de la configuration) et écrire dans --output,
en mode 0600 et d'un seul coup, une ligne CSV par fiche que liste un contrôle de conservation (LEAD-RET-*) ou le
contrôle d'opposition (LEAD-CON-005) : source, contrôle, action (en anglais et en français), colonne clé et clé de
la fiche (la clé primaire, ou « row N »). Jamais un nom, un e-mail, un téléphone ni aucune autre valeur de la
fiche. Une source illisible n'écrit aucun plan.`,
	"role=label: the column of a role vigie does not find (repeatable)": "rôle=libellé : la colonne d'un rôle que vigie ne trouve pas (répétable)",
	"configuration whose leads.sources to plan when no source is named": "configuration dont planifier les leads.sources quand aucune source n'est nommée",
	"database table or XLSX sheet":                                      "table de la base ou feuille XLSX",
	"time allowed for each source":                                      "temps accordé à chaque source",
	"language of the summary: en or fr":                                 "langue du résumé : en ou fr",
	"the plan file to write (CSV, mode 0600)":                           "le fichier du plan à écrire (CSV, mode 0600)",
	"print nothing but errors: no summary of the plan":                  "n'afficher que les erreurs : pas de résumé du plan",

	// vigie merge
	"Combine the JSON reports of vigie scan --shard I/N into one report, with the scores of a single run": "Réunir les rapports JSON de vigie scan --shard I/N en un seul rapport, avec les notes d'un passage unique",
	`Combine shard reports (files, folders of *.json, or patterns such as "shard-*.json", expanded by vigie
itself) into one report whose targets, findings and scores are those of one unsharded scan. Reports of
another vigie version, the same report twice, overlapping shards or an incomplete set of shards (a share
missing, counts that disagree) are refused. The merge is where the
whole scan is kept in the history and judged against fail_on / fail_under.`: `Réunir des rapports de tranches (fichiers, dossiers de *.json, ou motifs comme « shard-*.json », développés
par vigie lui-même) en un rapport dont les cibles, constats et notes sont ceux d'un scan non découpé. Les
rapports d'une autre version de vigie, le même rapport deux fois, des tranches qui se chevauchent ou un
jeu de tranches incomplet (une tranche manquante, des nombres de tranches qui diffèrent) sont refusés. C'est la fusion qui garde le scan entier dans l'historique et le juge selon fail_on / fail_under.`,
	"the configuration the shards ran with: history, waivers, thresholds, output": "la configuration des tranches : historique, dérogations, seuils, sortie",
	"with history: exit 1 if a check fails that did not fail in the last scan":    "avec un historique : sortie 1 si un contrôle échoue alors qu'il n'échouait pas au dernier scan",

	// vigie history, vigie diff
	"List the scans kept in a history file, newest first": "Lister les scans gardés dans un fichier d'historique, du plus récent au plus ancien",
	"history file written by vigie scan --history":        "fichier d'historique écrit par vigie scan --history",
	"how many scans": "combien de scans",
	"Print one stored scan as a report (any format of vigie scan; ID, prefix, last, last~N or a day)": "Afficher un scan enregistré sous forme de rapport (tout format de vigie scan ; ID, préfixe, last, last~N ou un jour)",
	"history file (or postgres:// URL) written by vigie scan --history":                               "fichier d'historique (ou URL postgres://) écrit par vigie scan --history",
	"What changed between two stored scans: new, fixed and changed findings, score moves":             "Ce qui a changé entre deux scans enregistrés : constats nouveaux, corrigés et modifiés, évolution des notes",
	`Compare two scans of a history. A scan is named by its ID, a unique prefix of it, last, last~N,
or a day (2026-11-30: the last complete scan of that day, UTC). With no scan named, the two newest
complete scans are compared; with one, it is compared with the last.`: `Comparer deux scans d'un historique. Un scan se nomme par son ID, un préfixe unique de celui-ci, last,
last~N, ou un jour (2026-11-30 : le dernier scan complet de ce jour, UTC). Sans scan nommé, les deux scans
complets les plus récents sont comparés ; avec un seul, il est comparé au dernier.`,
	"language: fr|en (default: from the locale)": "langue : fr|en (par défaut : celle de la locale)",

	// vigie init, vigie version
	"Write a commented example configuration (default vigie.yaml)": "Écrire un exemple de configuration commenté (par défaut vigie.yaml)",
	"overwrite an existing file":                                   "remplacer un fichier existant",
	"language of the comments: fr|en (default: from the locale)":   "langue des commentaires : fr|en (par défaut : celle de la locale)",
	"print nothing but errors: no \"wrote\" line":                  "n'afficher que les erreurs : pas de ligne « écrit »",
	"Print vigie's version, commit and build date":                 "Afficher la version de vigie, son commit et sa date de construction",

	// cobra's help and completion commands
	"Help about any command": "Aide sur une commande",
	`Help provides help for any command in the application.
Simply type vigie help [path to command] for full details.`: `Affiche l'aide de n'importe quelle commande.
Tapez vigie help [chemin de la commande] pour le détail.`,
	"Generate the autocompletion script for the specified shell": "Générer le script d'autocomplétion du shell indiqué",
	`Generate the autocompletion script for vigie for the specified shell.
See each sub-command's help for details on how to use the generated script.
`: `Générer le script d'autocomplétion de vigie pour le shell indiqué.
L'aide de chaque sous-commande dit comment utiliser le script produit.
`,
	"Generate the autocompletion script for bash":       "Générer le script d'autocomplétion de bash",
	"Generate the autocompletion script for zsh":        "Générer le script d'autocomplétion de zsh",
	"Generate the autocompletion script for fish":       "Générer le script d'autocomplétion de fish",
	"Generate the autocompletion script for powershell": "Générer le script d'autocomplétion de powershell",
	"disable completion descriptions":                   "sans les descriptions dans la complétion",
	`Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(vigie completion bash)

To load completions for every new session, execute once:

#### Linux:

	vigie completion bash > /etc/bash_completion.d/vigie

#### macOS:

	vigie completion bash > $(brew --prefix)/etc/bash_completion.d/vigie

You will need to start a new shell for this setup to take effect.
`: `Générer le script d'autocomplétion du shell bash.

Ce script demande le paquet bash-completion ; s'il manque, installez-le
avec le gestionnaire de paquets du système.

Pour charger la complétion dans le shell en cours :

	source <(vigie completion bash)

Pour la charger dans toute nouvelle session, lancez une fois :

#### Linux :

	vigie completion bash > /etc/bash_completion.d/vigie

#### macOS :

	vigie completion bash > $(brew --prefix)/etc/bash_completion.d/vigie

Ouvrez un nouveau shell pour que ce réglage prenne effet.
`,
	`Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(vigie completion zsh)

To load completions for every new session, execute once:

#### Linux:

	vigie completion zsh > "${fpath[1]}/_vigie"

#### macOS:

	vigie completion zsh > $(brew --prefix)/share/zsh/site-functions/_vigie

You will need to start a new shell for this setup to take effect.
`: `Générer le script d'autocomplétion du shell zsh.

Si la complétion du shell n'est pas encore activée, activez-la ; il suffit
de lancer une fois :

	echo "autoload -U compinit; compinit" >> ~/.zshrc

Pour charger la complétion dans le shell en cours :

	source <(vigie completion zsh)

Pour la charger dans toute nouvelle session, lancez une fois :

#### Linux :

	vigie completion zsh > "${fpath[1]}/_vigie"

#### macOS :

	vigie completion zsh > $(brew --prefix)/share/zsh/site-functions/_vigie

Ouvrez un nouveau shell pour que ce réglage prenne effet.
`,
	`Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	vigie completion fish | source

To load completions for every new session, execute once:

	vigie completion fish > ~/.config/fish/completions/vigie.fish

You will need to start a new shell for this setup to take effect.
`: `Générer le script d'autocomplétion du shell fish.

Pour charger la complétion dans le shell en cours :

	vigie completion fish | source

Pour la charger dans toute nouvelle session, lancez une fois :

	vigie completion fish > ~/.config/fish/completions/vigie.fish

Ouvrez un nouveau shell pour que ce réglage prenne effet.
`,
	`Generate the autocompletion script for powershell.

To load completions in your current shell session:

	vigie completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`: `Générer le script d'autocomplétion de powershell.

Pour charger la complétion dans le shell en cours :

	vigie completion powershell | Out-String | Invoke-Expression

Pour la charger dans toute nouvelle session, ajoutez la sortie de la commande
ci-dessus à votre profil powershell.
`,
}
