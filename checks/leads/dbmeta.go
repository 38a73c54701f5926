package leads

import "github.com/vigie-security/vigie/internal/check"

var refLogging = check.Reference{Source: "CNIL", Title: "Délibération 2021-122 (journalisation): log accesses, keep 6 to 12 months",
	TitleFR: "Délibération 2021-122 (journalisation) : journaliser les accès, les garder de 6 à 12 mois",
	URL:     "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000044272396"}

var (
	metaSecPrivileges = meta("LEAD-SEC-002", check.High,
		t("The application account has no more rights than it needs", "Le compte applicatif n'a pas plus de droits qu'il ne lui en faut"),
		t("For a PostgreSQL or MySQL/MariaDB source: the account vigie connected with (the application's) is a superuser, owns the lead table, holds every privilege on it (GRANT ALL), or the table is granted to PUBLIC; on MySQL/MariaDB an anonymous account also fails. Skipped for files.",
			"Pour une source PostgreSQL ou MySQL/MariaDB : le compte utilisé par vigie (celui de l'application) est superutilisateur, propriétaire de la table de leads, détient tous les droits dessus (GRANT ALL), ou la table est accordée à PUBLIC ; sur MySQL/MariaDB un compte anonyme échoue aussi. Ignoré pour les fichiers."),
		t("An over-privileged account turns one stolen password or one injection into the whole base, and PUBLIC grants give it to every account (Art. 32; CNIL: no administrator rights to those who do not need them).",
			"Un compte trop privilégié fait d'un mot de passe volé ou d'une injection la base entière, et un droit PUBLIC la donne à tout compte (art. 32 ; CNIL : pas de droits d'administrateur à qui n'en a pas besoin)."),
		t("Give the application a role of its own with only SELECT/INSERT/UPDATE on its tables; keep ownership with a separate admin role; `REVOKE ALL ON contacts FROM PUBLIC` (your table's name).",
			"Donnez à l'application un rôle dédié limité à SELECT/INSERT/UPDATE sur ses tables ; laissez la propriété à un rôle d'administration distinct ; `REVOKE ALL ON contacts FROM PUBLIC` (le nom de votre table)."),
		refSecurity, refGDPR)
	metaSecGeneric = meta("LEAD-SEC-003", check.Medium,
		t("The database account is not a generic one", "Le compte de base de données n'est pas générique"),
		t("The login used to reach the lead table is a default or shared name (root, postgres, sa, admin, sales, commercial, test…). Only such names are shown in the evidence: another login may be a person's.",
			"L'identifiant utilisé pour atteindre la table de leads est un nom par défaut ou partagé (root, postgres, sa, admin, commercial, test…). Seuls ces noms figurent dans la preuve : un autre identifiant peut être celui d'une personne."),
		t("A shared account cannot be traced to one person or application, and is rarely reviewed or revoked (CNIL \"Gérer les habilitations\").",
			"Un compte partagé ne se rattache à aucune personne ou application, et n'est guère revu ni révoqué (CNIL « Gérer les habilitations »)."),
		t("Create one account per application and per person; disable the default superuser's remote logins.",
			"Créez un compte par application et par personne ; interdisez les connexions distantes du superutilisateur par défaut."),
		refSecurity)
	metaSecAudit = meta("LEAD-SEC-004", check.Medium,
		t("Connections and statements are logged", "Les connexions et les requêtes sont journalisées"),
		t("PostgreSQL: log_connections, and pgaudit (or log_statement = all/mod) for statements; MySQL/MariaDB: the general log or an audit plugin (server_audit, audit_log). Fails when neither is on, warns when only one is.",
			"PostgreSQL : log_connections, et pgaudit (ou log_statement = all/mod) pour les requêtes ; MySQL/MariaDB : le journal général ou un greffon d'audit (server_audit, audit_log). Échoue si aucun n'est actif, alerte si un seul l'est."),
		t("Without logs, a leak or an unlawful export of the leads cannot be detected, scoped or notified (Art. 32, 33; CNIL 2021-122).",
			"Sans journaux, une fuite ou un export illicite des leads ne peut être détecté, mesuré ni notifié (art. 32, 33 ; CNIL 2021-122)."),
		t("Turn on log_connections and pgaudit (PostgreSQL) or the server_audit plugin (MariaDB); keep the logs apart, 6 to 12 months.",
			"Activez log_connections et pgaudit (PostgreSQL) ou le greffon server_audit (MariaDB) ; conservez les journaux à part, 6 à 12 mois."),
		refLogging, refGDPR)
	metaSecTransport = meta("LEAD-SEC-005", check.High,
		t("The database connection is encrypted", "La connexion à la base est chiffrée"),
		t("The server offers TLS (PostgreSQL ssl; MySQL have_ssl) and vigie's own connection used it; on MySQL/MariaDB, require_secure_transport OFF warns. Whether the server listens on every interface is reported alongside.",
			"Le serveur propose TLS (PostgreSQL ssl ; MySQL have_ssl) et la connexion de vigie l'utilisait ; sur MySQL/MariaDB, require_secure_transport OFF alerte. L'écoute sur toutes les interfaces est signalée à côté."),
		t("In clear, the leads and the account's password cross the network readable (Art. 32(1)(a)); KG COM's base was open to the internet.",
			"En clair, les leads et le mot de passe du compte traversent le réseau lisibles (art. 32(1)(a)) ; la base de KG COM était ouverte sur internet."),
		t("Turn ssl on (PostgreSQL: hostssl lines in pg_hba.conf) or require_secure_transport = ON, and connect with sslmode=verify-full / tls=true.",
			"Activez ssl (PostgreSQL : lignes hostssl dans pg_hba.conf) ou require_secure_transport = ON, et connectez-vous avec sslmode=verify-full / tls=true."),
		refGDPR, refKGCOM)
)
