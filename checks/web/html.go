package web

import (
	"bytes"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Form is a <form> and the kinds of field it asks for.
type Form struct {
	Action   string // resolved against the page URL; the page itself when empty
	Method   string
	Password int // <input type=password>
	Contact  int // fields for e-mail, phone or a person's name: lead capture
	Card     int // payment-card fields: number, security code, expiry
	// Submits are the formaction URLs of its submit buttons, resolved: the
	// button pressed posts the form there instead of to Action (HTML form
	// submission).
	Submits []string
}

// Resource is a sub-resource a page loads.
type Resource struct {
	Tag    string // script, stylesheet, iframe, img, audio, video, source, object, embed
	URL    string // resolved, without query or fragment (they may carry personal data)
	Active bool   // can run code or restyle the page (blocked when mixed)
}

// PageContent is what the content checks need from an HTML body.
type PageContent struct {
	Forms     []Form
	Resources []Resource
	Scripts   []Script // <script src>, for Subresource Integrity
	MetaCSP   []string // <meta http-equiv="Content-Security-Policy">
	// MetaReferrer is the last <meta name="referrer"> or <meta
	// http-equiv="Referrer-Policy"> with a content: the one that applies.
	MetaReferrer string
	Links        []string // <a href>, resolved, without query or fragment, at most maxLinks
}

// maxLinks bounds the links kept from one page (the crawl reads far fewer).
const maxLinks = 500

// cardAutocomplete and cardNames mark payment-card fields: the HTML
// autofill tokens, and the names shops and payment forms give them (FR, EN).
var (
	cardAutocomplete = []string{"cc-number", "cc-csc", "cc-exp", "cc-exp-month", "cc-exp-year"}
	cardNames        = []string{"cardnumber", "ccnumber", "ccnum", "creditcard", "numerocarte", "numcarte", "cvv", "cvc", "csc",
		"cryptogramme", "securitycode", "cardcode", "cardexpiry", "cardexp", "expirationcarte"}
)

func cardField(attrs map[string]string) bool {
	for _, tok := range strings.Fields(strings.ToLower(attrs["autocomplete"])) {
		for _, c := range cardAutocomplete {
			if tok == c {
				return true
			}
		}
	}
	for _, k := range []string{"name", "id", "data-stripe", "data-encrypted-name"} {
		v := strings.NewReplacer("-", "", "_", "", " ", "", "[", "", "]", "").Replace(strings.ToLower(attrs[k]))
		for _, n := range cardNames {
			if v != "" && strings.Contains(v, n) {
				return true
			}
		}
	}
	return false
}

// Script is an external script reference.
type Script struct {
	URL       string // resolved, without query or fragment
	Integrity bool   // has a non-empty integrity attribute
}

// contactHints mark fields that collect a person's contact details (FR and EN).
var contactHints = []string{"email", "e-mail", "courriel", "mail", "phone", "tel", "mobile", "portable",
	"name", "nom", "prenom", "prénom", "firstname", "lastname", "surname", "given-name", "family-name", "societe", "company"}

func contactField(typ string, attrs map[string]string) bool {
	if typ == "email" || typ == "tel" {
		return true
	}
	if typ != "" && typ != "text" {
		return false
	}
	for _, k := range []string{"name", "id", "autocomplete", "placeholder"} {
		v := strings.ToLower(attrs[k])
		for _, h := range contactHints {
			if v != "" && strings.Contains(v, h) {
				return true
			}
		}
	}
	return false
}

// ParsePage reads an HTML body with a real tokenizer; any bytes are accepted.
func ParsePage(body []byte, pageURL string) PageContent {
	base, _ := url.Parse(pageURL)
	var pc PageContent
	var form *Form
	inForm := false      // form is a <form>, not the fields found outside one
	var formIDs []string // the id of each form of pc.Forms
	formID := ""
	var owned []ownedSubmit
	flush := func() {
		pc.Forms = append(pc.Forms, *form)
		formIDs = append(formIDs, formID)
		form, inForm, formID = nil, false, ""
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		if tt == html.EndTagToken && tok.Data == "form" && form != nil {
			flush()
			continue
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		attrs := map[string]string{}
		for _, a := range tok.Attr {
			attrs[strings.ToLower(a.Key)] = strings.TrimSpace(a.Val)
		}
		switch tok.Data {
		case "form":
			if form != nil {
				flush()
			}
			form = &Form{Action: resolveRef(base, attrs["action"], true), Method: strings.ToUpper(attrs["method"])}
			inForm, formID = true, attrs["id"]
		case "button":
			if typ := strings.ToLower(attrs["type"]); typ != "reset" && typ != "button" { // any other type submits
				owned = submitter(owned, form, inForm, base, attrs)
			}
		case "input", "textarea", "select":
			typ := strings.ToLower(attrs["type"])
			if tok.Data == "input" && (typ == "submit" || typ == "image") {
				owned = submitter(owned, form, inForm, base, attrs)
				continue
			}
			if form == nil {
				form = &Form{Action: resolveRef(base, "", true)} // fields outside a <form> still post somewhere
			}
			switch {
			case typ == "password":
				form.Password++
			case typ != "hidden" && cardField(attrs):
				form.Card++
			case contactField(typ, attrs):
				form.Contact++
			}
		case "a", "area":
			if href := attrs["href"]; href != "" && len(pc.Links) < maxLinks {
				if l := resolveRef(base, href, false); l != "" {
					pc.Links = append(pc.Links, l)
				}
			}
		case "script":
			pc.add("script", base, attrs["src"], true)
			if attrs["src"] != "" {
				pc.Scripts = append(pc.Scripts, Script{URL: resolveRef(base, attrs["src"], false), Integrity: attrs["integrity"] != ""})
			}
		case "link":
			if strings.Contains(strings.ToLower(attrs["rel"]), "stylesheet") {
				pc.add("stylesheet", base, attrs["href"], true)
			}
		case "iframe", "frame":
			pc.add("iframe", base, attrs["src"], true)
		case "object":
			pc.add("object", base, attrs["data"], true)
		case "embed":
			pc.add("embed", base, attrs["src"], true)
		case "img", "audio", "video", "source":
			pc.add(tok.Data, base, attrs["src"], false)
		case "meta":
			equiv, isEquiv := attrs["http-equiv"]
			switch {
			case strings.EqualFold(equiv, "content-security-policy"):
				pc.MetaCSP = append(pc.MetaCSP, attrs["content"])
			case attrs["content"] == "":
			case strings.EqualFold(equiv, "referrer-policy") || !isEquiv && strings.EqualFold(attrs["name"], "referrer"):
				pc.MetaReferrer = attrs["content"]
			}
		}
	}
	if form != nil {
		flush()
	}
	for _, o := range owned {
		if i := slices.Index(formIDs, o.form); i >= 0 {
			pc.Forms[i].Submits = append(pc.Forms[i].Submits, o.action)
		}
	}
	return pc
}

// ownedSubmit is a submit button's formaction for the form its form="id"
// attribute names, which may come before or after the button.
type ownedSubmit struct{ form, action string }

// submitter records a submit button's formaction: on the form its form
// attribute names (kept for the end, when every form is known), else on the
// <form> it is in. A button in no form submits nothing.
func submitter(owned []ownedSubmit, form *Form, inForm bool, base *url.URL, attrs map[string]string) []ownedSubmit {
	action, ok := attrs["formaction"]
	if !ok {
		return owned
	}
	action = resolveRef(base, action, true) // an empty formaction posts to the page itself
	if id, named := attrs["form"]; named {
		if id == "" {
			return owned // names no form, so has none
		}
		return append(owned, ownedSubmit{form: id, action: action})
	}
	if inForm {
		form.Submits = append(form.Submits, action)
	}
	return owned
}

func (pc *PageContent) add(tag string, base *url.URL, ref string, active bool) {
	if ref == "" {
		return
	}
	pc.Resources = append(pc.Resources, Resource{Tag: tag, URL: resolveRef(base, ref, false), Active: active})
}

// resolveRef makes ref absolute and drops query and fragment, which may hold
// e-mail addresses or tokens that must not reach a report.
func resolveRef(base *url.URL, ref string, keepEmpty bool) string {
	if base == nil {
		return ""
	}
	if ref == "" && !keepEmpty {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	u := base.ResolveReference(r)
	u.RawQuery, u.Fragment, u.User = "", "", nil
	return u.String()
}
