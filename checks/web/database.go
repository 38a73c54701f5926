package web

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

var metaOpenDB = exposureMeta("WEB-DB-001", check.Critical, "F",
	check.Text{EN: "No database answers over HTTP without authentication", FR: "Aucune base de données ne répond en HTTP sans authentification"},
	check.Text{EN: "Elasticsearch/OpenSearch, CouchDB, Solr and Kibana APIs on the target do not answer without credentials; index and database names that look like lead data are listed, never their documents.",
		FR: "Les API Elasticsearch/OpenSearch, CouchDB, Solr et Kibana de la cible ne répondent pas sans identifiants ; les noms d'index et de bases évoquant des prospects sont listés, jamais leurs documents."},
	check.Text{EN: "An open search or document database is read, copied and often wiped by bots within hours: the classic lead-database leak.",
		FR: "Une base de recherche ou de documents ouverte est lue, copiée et souvent effacée par des robots en quelques heures : la fuite classique de base de prospects."},
	check.Text{EN: "Enable authentication (Elasticsearch: `xpack.security.enabled: true`; CouchDB: admin party off), bind to localhost or a private network, and firewall the port.",
		FR: "Activez l'authentification (Elasticsearch : `xpack.security.enabled: true` ; CouchDB : sans « admin party »), écoutez sur localhost ou un réseau privé, et filtrez le port."})

// leadLike marks database names that suggest personal or prospect data.
var leadLike = []string{"lead", "prospect", "contact", "crm", "customer", "client", "email", "mail", "user", "subscriber", "newsletter"}

func isLeadLike(name string) bool {
	n := strings.ToLower(name)
	for _, k := range leadLike {
		if strings.Contains(n, k) {
			return true
		}
	}
	return false
}

// maskName keeps names that are not themselves personal data.
func maskName(n string) string {
	if strings.Contains(n, "@") {
		return "(name with an e-mail address, masked)"
	}
	return n
}

func fetched(e Evidence, path string) (Fetch, bool) {
	for _, f := range e.Exposure.Fetches {
		if f.Path == path && f.Err == "" && f.Status == 200 {
			return f, true
		}
	}
	return Fetch{}, false
}

// dbFinding is one open database API, with the names it gave away.
type dbFinding struct {
	product string
	names   []string
	partial bool // the product answered, but its listing was refused
}

func detectDatabases(e Evidence) []dbFinding {
	var out []dbFinding
	root, _ := e.Page()
	rootBody := bytes.ToLower(root.Body)
	elastic := bytes.Contains(rootBody, []byte(`"cluster_name"`)) &&
		(bytes.Contains(rootBody, []byte("you know, for search")) || bytes.Contains(rootBody, []byte("opensearch")))
	if len(root.Header("X-Elastic-Product")) > 0 {
		elastic = true
	}
	f, ok := fetched(e, "/_cat/indices?format=json")
	table, isTable := fetched(e, "/_cat/indices")
	if ok || isTable || elastic {
		var idx []map[string]any
		var names []string
		if ok && json.Unmarshal(f.Body, &idx) == nil {
			for _, i := range idx {
				if n, _ := i["index"].(string); n != "" {
					names = append(names, n)
				}
			}
		}
		if len(names) == 0 && isTable {
			names = catIndices(table.Body)
		}
		if len(names) > 0 {
			out = append(out, dbFinding{product: "Elasticsearch/OpenSearch", names: names})
		} else if elastic {
			out = append(out, dbFinding{product: "Elasticsearch/OpenSearch", partial: true})
		}
	}
	couch := bytes.Contains(rootBody, []byte(`"couchdb"`)) && bytes.Contains(rootBody, []byte("welcome"))
	if f, ok := fetched(e, "/_all_dbs"); ok {
		var dbs []string
		if json.Unmarshal(f.Body, &dbs) == nil && (couch || len(dbs) > 0) {
			out = append(out, dbFinding{product: "CouchDB", names: dbs})
		}
	} else if couch {
		out = append(out, dbFinding{product: "CouchDB", partial: true})
	}
	if f, ok := fetched(e, "/solr/admin/cores?wt=json"); ok {
		var r struct {
			ResponseHeader map[string]any             `json:"responseHeader"`
			Status         map[string]json.RawMessage `json:"status"`
		}
		if json.Unmarshal(f.Body, &r) == nil && r.ResponseHeader != nil {
			var cores []string
			for c := range r.Status {
				cores = append(cores, c)
			}
			out = append(out, dbFinding{product: "Solr", names: cores})
		}
	}
	if f, ok := fetched(e, "/api/status"); ok {
		low := bytes.ToLower(f.Body)
		if bytes.Contains(low, []byte(`"version"`)) && bytes.Contains(low, []byte(`"status"`)) &&
			(bytes.Contains(low, []byte("kibana")) || bytes.Contains(low, []byte("build_flavor")) || len(f.Body) > 0 && bytes.Contains(low, []byte(`"overall"`))) {
			out = append(out, dbFinding{product: "Kibana"})
		}
	}
	return out
}

func evalOpenDB(e Evidence) check.Outcome {
	if o, ok := exposureApplies(e); !ok {
		return o
	}
	dbs := detectDatabases(e)
	ev := map[string]any{"origin": e.Exposure.Base}
	if len(dbs) == 0 {
		return check.Outcome{Status: check.Pass, Evidence: ev, Message: check.Text{
			EN: "no Elasticsearch, OpenSearch, CouchDB, Solr or Kibana API answers without authentication",
			FR: "aucune API Elasticsearch, OpenSearch, CouchDB, Solr ou Kibana ne répond sans authentification"}}
	}
	var products, lead []string
	total, allPartial := 0, true
	for _, d := range dbs {
		products = append(products, d.product)
		total += len(d.names)
		allPartial = allPartial && d.partial
		for _, n := range d.names {
			if isLeadLike(n) && len(lead) < maxListed {
				lead = append(lead, maskName(n))
			}
		}
	}
	sort.Strings(lead)
	ev["products"], ev["names_listed"], ev["lead_like_names"] = products, total, lead
	if allPartial {
		return check.Outcome{Status: check.Warn, Evidence: ev, Message: check.Textf(
			"%s answers without authentication (version and cluster shown) but refused to list its data",
			"%s répond sans authentification (version et cluster visibles) mais a refusé de lister ses données", strings.Join(products, ", "))}
	}
	msg := check.Plural(total,
		check.Text{EN: "open without authentication: %s, %d index or database listed", FR: "ouvert sans authentification : %s, %d index ou base de données listé"},
		check.Text{EN: "open without authentication: %s, %d indexes or databases listed", FR: "ouvert sans authentification : %s, %d index ou bases de données listés"},
		strings.Join(products, ", "), total)
	if len(lead) > 0 {
		msg = check.Textf("%s, lead-like: %s", "%s, évoquant des prospects : %s", msg, strings.Join(lead, ", "))
	}
	return check.Outcome{Status: check.Fail, Evidence: ev, Message: msg}
}

// catIndices reads the index names of _cat/indices answered as a text
// table ("green open leads-2026 uuid 1 1 1200 0 1mb 1mb" per line, with or
// without the ?v header); nil when the body is not such a table.
func catIndices(b []byte) []string {
	var names []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || f[0] == "health" {
			continue
		}
		switch f[0] {
		case "green", "yellow", "red":
		default:
			return nil
		}
		if f[1] != "open" && f[1] != "close" {
			return nil
		}
		names = append(names, f[2])
	}
	return names
}
