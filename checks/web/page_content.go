package web

// ReadContent parses p's page once, for the checks and the crawl that read
// it (forms, scripts, links): each would otherwise tokenize the whole body
// again. Call it once p is final.
func (p *Probe) ReadContent() {
	c := ParsePage(p.Body, p.FinalURL())
	p.content = &c
}

// Content is p's page content, as ReadContent parsed it, else parsed now.
// Its slices are shared by every reader: read them, never change them.
func (p Probe) Content() PageContent {
	if p.content != nil {
		return *p.content
	}
	return ParsePage(p.Body, p.FinalURL())
}
