package web

import (
	"slices"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// formPage is one page whose forms the form checks judge: a landing page
// (either side) or a page it links to.
type formPage struct {
	URL   string
	Plain bool // served over plain HTTP
	Forms []Form
}

// formPages lists the landing pages (the plain-HTTP page when one is
// served, the HTTPS page) and then the linked pages the crawl read.
func formPages(e Evidence) []formPage {
	var out []formPage
	if p, ok := plainPage(e); ok {
		out = append(out, formPage{URL: p.FinalURL(), Plain: true, Forms: p.Content().Forms})
	}
	if p := e.HTTPS; p.Reached && isHTTPS(p.FinalURL()) && p.StatusCode >= 200 && p.StatusCode < 300 {
		out = append(out, formPage{URL: p.FinalURL(), Forms: p.Content().Forms})
	}
	for _, lp := range e.Pages {
		if lp.Error == "" && lp.Status >= 200 && lp.Status < 300 {
			out = append(out, formPage{URL: lp.URL, Plain: !isHTTPS(lp.URL), Forms: lp.Forms})
		}
	}
	return out
}

// crawlEvidence states how far the crawl went, for every form finding.
func crawlEvidence(e Evidence, ev map[string]any) map[string]any {
	ev["linked_pages_read"] = len(e.Pages)
	ev["linked_pages_found"] = e.PagesLinked
	ev["crawl"] = check.Text{EN: "same-origin links of the landing pages, depth 1, at most 20 pages",
		FR: "liens de même origine des pages d'accueil, profondeur 1, 20 pages au plus"}
	return ev
}

// judgePlainFields counts the fields of one kind on the pages served over
// plain HTTP: the home page and the pages it links to.
// found words a failure from the pages listed and the fields counted; clean
// is said of several pages served over plain HTTP, cleanOne of one.
func judgePlainFields(e Evidence, key string, count func(Form) int, found func(pages []string, fields int) check.Text, clean, cleanOne check.Text) check.Outcome {
	if o, down := unreachable(e); down {
		return o
	}
	n, served := 0, 0
	var where []string
	for _, fp := range formPages(e) {
		if !fp.Plain {
			continue
		}
		served++
		k := 0
		for _, f := range fp.Forms {
			k += count(f)
		}
		if k > 0 && len(where) < maxListed {
			where = append(where, fp.URL)
		}
		n += k
	}
	ev := crawlEvidence(e, map[string]any{key: n})
	home, ok := plainPage(e)
	if ok {
		ev["url"], ev["body_truncated"] = home.FinalURL(), home.BodyTruncated
	}
	if served == 0 {
		return check.Outcome{Status: check.Pass, Evidence: ev,
			Message: check.Text{EN: "no page is served over plain HTTP", FR: "aucune page n'est servie en HTTP en clair"}}
	}
	if n > 0 {
		ev["pages"] = where
		return check.Outcome{Status: check.Fail, Evidence: ev,
			Message: withCut(found(where, n), home, ev)}
	}
	msg := check.Textf(clean.EN, clean.FR, served)
	if served == 1 {
		msg = cleanOne
	}
	return check.Outcome{Status: check.Pass, Evidence: ev, Message: withCut(msg, home, ev)}
}

// plainTargets lists where the form can send its fields in clear: its
// action, and each submit button's formaction (marked so), which replaces
// the action when that button is pressed.
func (f Form) plainTargets() []string {
	var out []string
	if strings.HasPrefix(f.Action, "http://") {
		out = append(out, f.Action)
	}
	for _, s := range f.Submits {
		if t := s + " (formaction)"; strings.HasPrefix(s, "http://") && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}
