package demo

import (
	"fmt"
	"net/http"
)

// Everything below is fictitious: the demo never holds real personal data.
const (
	fakeEnv  = "APP_NAME=crm-demo\nAPP_ENV=production\nDB_HOST=127.0.0.1\nDB_PASSWORD=not-a-real-password\n"
	fakeCSV  = "id;nom;prenom;email;telephone\n1;Martin;Camille;camille.martin@exemple.invalid;0600000000\n"
	listing  = `<html><head><title>Index of /backup/</title></head><body><h1>Index of /backup/</h1><a href="leads-2026.sql.gz">leads-2026.sql.gz</a></body></html>`
	esRoot   = `{"name":"node-1","cluster_name":"crm-demo","version":{"number":"7.10.2"},"tagline":"You Know, for Search"}`
	esIndex  = `[{"index":"leads-2026","docs.count":"120000"},{"index":"prospects_fr","docs.count":"5400"},{"index":".kibana_1"}]`
	notFound = "404 page not found"
)

// exposedFiles serves a .git HEAD, an .env, a lead export and a directory listing.
func exposedFiles(next http.HandlerFunc) http.HandlerFunc {
	files := map[string]string{"/.git/HEAD": "ref: refs/heads/main\n", "/.env": fakeEnv, "/leads.csv": fakeCSV, "/backup/": listing}
	return func(w http.ResponseWriter, r *http.Request) {
		if body, ok := files[r.URL.Path]; ok {
			fmt.Fprint(w, body)
			return
		}
		if r.URL.Path != "/" {
			http.Error(w, notFound, http.StatusNotFound)
			return
		}
		next(w, r)
	}
}

// openElastic answers like an Elasticsearch node with security off.
func openElastic(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch r.URL.Path {
	case "/":
		fmt.Fprint(w, esRoot)
	case "/_cat/indices":
		fmt.Fprint(w, esIndex)
	default:
		http.Error(w, `{"error":"no handler found"}`, http.StatusBadRequest)
	}
}
