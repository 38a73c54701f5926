package web

import (
	"strings"
	"testing"

	"github.com/vigie-security/vigie/internal/check"
)

// scanned gives the evidence an exposure scan where every path is 404
// except those in served (path → body).
func scanned(served map[string]string, baseline Fetch) func(*Evidence) {
	return func(e *Evidence) {
		e.Exposure = Exposure{Base: "https://shop.example.fr", Scanned: true, Baseline: baseline}
		for _, p := range ExposurePaths() {
			f := Fetch{Path: p.Path, Kind: p.Kind, Status: 404, Body: []byte("not found")}
			if b, ok := served[p.Path]; ok {
				f.Status, f.Body = 200, []byte(b)
			}
			e.Exposure.Fetches = append(e.Exposure.Fetches, f)
		}
	}
}

var notFound = Fetch{Status: 404, Body: []byte("not found")}

func TestExposure(t *testing.T) {
	spa := strings.Repeat("<html><body><div id=app></div>", 40) + "</body></html>"
	spaBaseline := Fetch{Status: 200, Body: []byte(spa), ContentType: "text/html"}
	t.Run("secrets", func(t *testing.T) {
		runCases(t, evalExpoSecrets, []evalCase{
			{"nothing", scanned(nil, notFound), check.Pass, "none of the 4"},
			{"git head", scanned(map[string]string{"/.git/HEAD": "ref: refs/heads/main\n"}, notFound), check.Fail, "/.git/HEAD (git HEAD)"},
			{"env", scanned(map[string]string{"/.env": "APP_NAME=crm\nDB_PASSWORD=hunter2\n"}, notFound), check.Fail, "/.env (dotenv)"},
			{"html page at .env is not a hit", scanned(map[string]string{"/.env": "<html><body>DB_HOST=</body></html>"}, notFound), check.Pass, ""},
			{"spa answers 200 everywhere", scanned(map[string]string{"/.git/HEAD": spa, "/.env": spa}, spaBaseline), check.Pass, ""},
			{"not probed", nil, check.Skipped, "off"},
		})
		e := good()
		scanned(map[string]string{"/.env": "DB_PASSWORD=hunter2\n"}, notFound)(&e)
		o := evalExpoSecrets(e)
		if strings.Contains(o.Message.EN+o.Message.FR, "hunter2") {
			t.Fatal("file content reached the finding")
		}
	})
	t.Run("dumps", func(t *testing.T) {
		runCases(t, evalExpoDump, []evalCase{
			{"nothing", scanned(nil, notFound), check.Pass, ""},
			{"sql", scanned(map[string]string{"/leads.sql": "-- MySQL dump\nCREATE TABLE `leads` (id int);\nINSERT INTO leads VALUES (1);"}, notFound), check.Fail, "/leads.sql (SQL dump)"},
			{"csv", scanned(map[string]string{"/prospects.csv": "id;nom;email;telephone\n1;Dupont;j@x.fr;0600000000\n"}, notFound), check.Fail, "/prospects.csv"},
			{"xlsx magic", scanned(map[string]string{"/export.xlsx": "PK\x03\x04rest"}, notFound), check.Fail, "zip/xlsx"},
			{"gz magic", scanned(map[string]string{"/backup.sql.gz": "\x1f\x8b\x08rest"}, notFound), check.Fail, "gzip"},
			{"csv name serving html", scanned(map[string]string{"/leads.csv": "<html><body>id,email</body></html>"}, notFound), check.Pass, ""},
			{"zip name serving text", scanned(map[string]string{"/backup.zip": "coming soon"}, notFound), check.Pass, ""},
		})
	})
	t.Run("info and listing", func(t *testing.T) {
		runCases(t, evalExpoInfo, []evalCase{
			{"phpinfo", scanned(map[string]string{"/phpinfo.php": "<html>PHP Version 8.1 ... PHP Extension</html>"}, notFound), check.Fail, "phpinfo"},
			{"server-status", scanned(map[string]string{"/server-status": "<h1>Apache Server Status for x</h1>Server Version: Apache/2.4"}, notFound), check.Fail, "server-status"},
		})
		runCases(t, evalExpoListing, []evalCase{
			{"nginx autoindex", scanned(map[string]string{"/backup/": "<html><head><title>Index of /backup/</title></head><body><h1>Index of /backup/</h1>"}, notFound), check.Fail, "/backup/"},
			{"no listing", scanned(nil, notFound), check.Pass, ""},
		})
	})
}

func TestOpenDatabases(t *testing.T) {
	esRoot := func(e *Evidence) {
		e.HTTPS.Body = []byte(`{"name":"node-1","cluster_name":"crm-prod","version":{"number":"7.10.2"},"tagline":"You Know, for Search"}`)
	}
	runCases(t, evalOpenDB, []evalCase{
		{"nothing", scanned(nil, notFound), check.Pass, "no Elasticsearch"},
		{"elastic open", func(e *Evidence) {
			scanned(map[string]string{"/_cat/indices?format=json": `[{"index":"leads-2026","docs.count":"120000"},{"index":".kibana"},{"index":"jean@example.fr"},{"index":"prospects_fr"}]`}, notFound)(e)
			esRoot(e)
		}, check.Fail, "lead-like: leads-2026, prospects_fr"},
		{"elastic root open but listing refused", func(e *Evidence) { scanned(nil, notFound)(e); esRoot(e) }, check.Warn, "refused to list"},
		{"couchdb", scanned(map[string]string{"/_all_dbs": `["_users","customers"]`}, notFound), check.Fail, "CouchDB"},
		{"solr", scanned(map[string]string{"/solr/admin/cores?wt=json": `{"responseHeader":{"status":0},"status":{"contacts":{}}}`}, notFound), check.Fail, "Solr"},
		{"kibana", scanned(map[string]string{"/api/status": `{"name":"kb","version":{"number":"8.1","build_flavor":"default"},"status":{"overall":{"level":"available"}}}`}, notFound), check.Fail, "Kibana"},
		{"json array that is not couch", scanned(map[string]string{"/_all_dbs": `not json`}, notFound), check.Pass, ""},
	})
	e := good()
	scanned(map[string]string{"/_cat/indices?format=json": `[{"index":"jean.dupont@example.fr-contacts"}]`}, notFound)(&e)
	e.HTTPS.Body = []byte(`{"cluster_name":"x","tagline":"You Know, for Search"}`)
	if o := evalOpenDB(e); strings.Contains(o.Message.EN, "jean.dupont") {
		t.Errorf("an e-mail address in an index name was printed: %s", o.Message.EN)
	}
}

func TestOpenDatabasesWording(t *testing.T) {
	runWording(t, evalOpenDB, []wordingCase{
		{"one database", scanned(map[string]string{"/_all_dbs": `["_users"]`}, notFound),
			"open without authentication: CouchDB, 1 index or database listed",
			"ouvert sans authentification : CouchDB, 1 index ou base de données listé"},
		{"two databases", scanned(map[string]string{"/_all_dbs": `["_users","_replicator"]`}, notFound),
			"open without authentication: CouchDB, 2 indexes or databases listed",
			"ouvert sans authentification : CouchDB, 2 index ou bases de données listés"},
	})
}
