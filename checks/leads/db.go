package leads

// DB is what a database server says about the account vigie connected
// with and the lead table (LEAD-SEC-002 to 005). A collector fills what it
// could read; what it could not is listed in Unknown, never guessed.
type DB struct {
	Engine  string // postgres, mysql, mariadb
	Version string
	// Account is the login vigie used, the application's account. Shown only
	// when it is a generic name (admin, root…): another login may name a person.
	Account string

	Superuser     bool     // PostgreSQL rolsuper; MySQL SUPER or ALL PRIVILEGES ON *.*
	Owner         bool     // the account owns the lead table (PostgreSQL), or is a member of its owner role
	AllPrivileges bool     // every table privilege on the lead table (GRANT ALL)
	Writes        []string // write privileges the account holds on the table (INSERT, UPDATE, DELETE, TRUNCATE…)
	Public        []string // privileges any account holds on the table (PostgreSQL PUBLIC, MariaDB PUBLIC role)
	Anonymous     bool     // MySQL/MariaDB: an account with an empty user name exists

	ConnLog   bool   // connections are logged (log_connections; MySQL general log or audit plugin)
	StmtAudit string // what audits statements: "pgaudit", "log_statement=all", "general_log", "server_audit"…; "" none

	ServerTLS     bool // the server offers TLS (ssl=on; have_ssl=YES)
	RequireTLS    bool // the server refuses clear-text connections (require_secure_transport=ON)
	ConnTLS       bool // vigie's own connection ran over TLS
	Listen        string
	ListenAnyHost bool // listens on every interface (listen_addresses = '*', bind_address = 0.0.0.0)

	Unknown []string // facts the account may not read (e.g. "audit settings"); a check that needs one warns
}

// genericAccounts are logins that name a role, not a person or an
// application: shared or default accounts (CNIL "Gérer les habilitations").
var genericAccounts = set("admin", "administrator", "administrateur", "root", "sa", "postgres", "mysql", "mariadb", "dba", "sysadmin",
	"sales", "commercial", "commerciaux", "marketing", "crm", "test", "tests", "demo", "guest", "user", "users", "utilisateur", "dev",
	"developer", "support", "shared", "partage", "public", "default", "ventes", "prospection")

func (d *DB) known(fact string) bool {
	for _, u := range d.Unknown {
		if u == fact {
			return false
		}
	}
	return true
}
