package web

import (
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// Evidence is everything collected about one web target.
type Evidence struct {
	Target      string    // as the user named it
	Host        string    // hostname both sides were probed on
	CollectedAt time.Time // the clock reading that dates and expiries are judged against
	HTTP        Probe     // the http:// side
	HTTPS       Probe     // the https:// side
	// HTTPSVia is the plain-HTTP URL whose redirect named the HTTPS side
	// judged (another port or subdomain of the same site); empty when the
	// HTTPS side is the target's own.
	HTTPSVia string
	TLS      TLS // our own handshake on the https:// side
	// CORS is a GET of the main page sending Origin: CORSOrigin, to see
	// whether the server echoes a foreign origin back.
	CORS       Probe
	CORSOrigin string
	// Exposure holds the probes of sensitive paths on the target's own host.
	Exposure Exposure
	// Pages are the same-origin pages the landing pages link to (one level
	// deep, at most CrawlPages), read for their forms only.
	Pages []LinkedPage
	// PagesLinked counts the same-origin links found, read or not.
	PagesLinked int
}

// CrawlPages bounds the linked pages read per target for their forms.
const CrawlPages = 20

// LinkedPage is a linked page reduced to what the form checks read.
type LinkedPage struct {
	URL       string // final URL, redirects followed, without query
	Status    int
	Forms     []Form
	Truncated bool   // the body was cut at the size limit
	Error     string // why it could not be read
}

// Page is the response whose headers and body the content checks read:
// the HTTPS side when it answers over HTTPS, else the plain-HTTP side.
func (e Evidence) Page() (Probe, bool) {
	if e.HTTPS.Reached && isHTTPS(e.HTTPS.FinalURL()) {
		return e.HTTPS, true
	}
	if e.HTTP.Reached {
		return e.HTTP, true
	}
	return Probe{}, false
}

// TargetName implements check.Subject.
func (e Evidence) TargetName() string { return e.Target }

// Probe is one GET of one URL, redirects followed up to a limit.
type Probe struct {
	URL     string
	Reached bool       // a response came back
	Error   check.Text // why not, when !Reached
	// ErrorKind classifies Error: refused, timeout, dns, tls, protocol, other.
	ErrorKind string
	Hops      []Hop // every response, first to last
	// Final response of the chain.
	StatusCode    int
	Headers       map[string][]string // canonical header names
	Body          []byte              // bounded
	BodyTruncated bool
	// RedirectLimit is set when redirects were still being issued when the limit was reached.
	RedirectLimit bool
	// CookiesDropped counts the Set-Cookie lines along Hops that were not
	// kept: past the budget on one chain, or too long.
	CookiesDropped int
	// FollowErr is set when the last hop's redirect could not be followed
	// (unusable scheme, target down); Hops then ends with that redirect.
	FollowErr check.Text

	content *PageContent // see ReadContent
}

// Leads returns where the chain points: the last hop's Location when its
// redirect could not be followed, else the final URL.
func (p Probe) Leads() string {
	if p.FollowErr.EN != "" && len(p.Hops) > 0 {
		if loc := p.Hops[len(p.Hops)-1].Location; loc != "" {
			return loc
		}
	}
	return p.FinalURL()
}

// Hop is one response in a redirect chain.
type Hop struct {
	URL      string
	Status   int
	Location string
	// SetCookie holds the raw Set-Cookie lines of this response. Values are
	// secrets: checks read flags and names only, and never output a value.
	SetCookie []string
}

// FinalURL is the URL of the last response.
func (p Probe) FinalURL() string {
	if len(p.Hops) == 0 {
		return p.URL
	}
	return p.Hops[len(p.Hops)-1].URL
}

// Header returns every value of a header on the final response.
func (p Probe) Header(name string) []string { return p.Headers[name] }

// TLS is what our own handshake on the https:// side saw.
type TLS struct {
	Attempted bool
	Error     check.Text // handshake failure, when Attempted and no certificate came back
	Version   string     // e.g. "TLS 1.3"
	Cipher    string
	Leaf      *Cert
	ChainLen  int        // certificates presented, leaf included
	Trusted   bool       // the chain verifies to a system root or a --ca-file root
	TrustErr  check.Text // why it does not
	NameOK    bool       // the leaf is valid for Host
	NameErr   check.Text
	Chain     []Cert // every certificate presented, leaf first

	// Protocols holds one handshake per version (TLS 1.0 to 1.3).
	Protocols []Protocol
	// Suites lists the TLS ≤ 1.2 cipher suites the server accepted, found by
	// offering every suite Go can speak and removing each one it picks.
	Suites []string
	// SuitesVersion is the protocol the suites were enumerated with.
	SuitesVersion string
	// SuitesErr says why enumeration stopped early, if it did.
	SuitesErr check.Text
	// NotTested names the protocol versions the scan could not test.
	NotTested []string
	// DH is the group of a DHE or anonymous-DH suite's ServerKeyExchange.
	DH *DHGroup
	// Groups are the TLS 1.3 key-exchange groups the server accepts, in its
	// order of preference.
	Groups []string
	// TLS13Err says why the TLS 1.3 suites or groups could not all be
	// listed, when TLS 1.3 answered but its enumeration stopped early.
	TLS13Err check.Text

	shared *sharedEvidence // see Share
}

// Protocol is the outcome of a handshake restricted to one version.
type Protocol struct {
	Version  string // "TLS 1.0" … "TLS 1.3"
	Tested   bool   // the server answered (accepted or refused the version)
	Accepted bool
	Cipher   string     // negotiated, when accepted
	Error    check.Text // why it was not tested, when !Tested
	// Suites are those the version accepts, in the server's order when
	// ServerOrder, else in vigie's.
	Suites      []string
	ServerOrder bool
}

// Cert is the part of a certificate the checks read.
type Cert struct {
	Subject    string
	Issuer     string
	DNSNames   []string
	IPs        []string
	NotBefore  time.Time
	NotAfter   time.Time
	SelfSigned bool
	SHA256     string
	KeyType    string // RSA, ECDSA, Ed25519
	KeyBits    int
	SigAlg     string // e.g. SHA256-RSA
	IsCA       bool
}
