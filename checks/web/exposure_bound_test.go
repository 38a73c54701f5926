package web

import (
	"strings"
	"testing"
)

// When robots.txt and the sitemaps named more paths than are probed, a
// PASS says how many were left out, in both languages.
func TestExposurePassSaysWhatTheBoundLeftOut(t *testing.T) {
	e := good()
	scanned(nil, notFound)(&e)
	e.Exposure.Discovered = []string{"/a/", "/b/"}
	f := evalExpoDump(e)
	if strings.Contains(f.Message.EN, "left out") || f.Evidence["paths_named_not_probed"] != nil {
		t.Errorf("nothing left out: %s %v", f.Message.EN, f.Evidence)
	}
	e.Exposure.DiscoveredNamed = 27
	e.Exposure.Discovered = make([]string, MaxDiscovered)
	f = evalExpoDump(e)
	if !strings.Contains(f.Message.EN, "named 7 more paths, left out by the bound of 20") ||
		!strings.Contains(f.Message.FR, "nommaient 7 chemins de plus") || f.Evidence["paths_named_not_probed"] != 7 {
		t.Errorf("%s / %s / %v", f.Message.EN, f.Message.FR, f.Evidence)
	}
}
