package htmlreport

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
)

// PDF prints the HTML report through an installed Chrome or Chromium. It
// implements report.Writer.
type PDF struct {
	HTML Writer
	// Chrome is the browser to run, a path or a name on PATH; empty means
	// $VIGIE_CHROME, then chromium, chromium-browser, google-chrome,
	// google-chrome-stable.
	Chrome string
	// Timeout bounds the whole print, browser start included; 0 means 2 minutes.
	Timeout time.Duration
}

var _ report.Writer = PDF{}

// Browsers are the names looked up on PATH, in this order.
var Browsers = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// BrowserNotFound says which browsers were looked for.
type BrowserNotFound struct {
	Lang  check.Lang
	Tried []string
}

func (e *BrowserNotFound) Error() string {
	return fmt.Sprintf(tr(e.Lang,
		"PDF report: no Chrome or Chromium found (looked for %s); install one (Debian: apt-get install chromium) or set VIGIE_CHROME to its path",
		"rapport PDF : aucun Chrome ni Chromium trouvé (cherché : %s) ; installez-en un (Debian : apt-get install chromium) ou indiquez son chemin dans VIGIE_CHROME"),
		strings.Join(e.Tried, ", "))
}

// Browser finds the browser to run: the configured one, $VIGIE_CHROME, or
// the first of Browsers on PATH.
func (p PDF) Browser() (string, error) {
	var tried []string
	try := func(name, label string) (string, bool) {
		tried = append(tried, label)
		path, err := exec.LookPath(name)
		return path, err == nil
	}
	if p.Chrome != "" {
		if path, ok := try(p.Chrome, p.Chrome); ok {
			return path, nil
		}
		return "", &BrowserNotFound{Lang: p.HTML.lang(), Tried: tried}
	}
	if env := os.Getenv("VIGIE_CHROME"); env != "" {
		if path, ok := try(env, "$VIGIE_CHROME="+env); ok {
			return path, nil
		}
		return "", &BrowserNotFound{Lang: p.HTML.lang(), Tried: tried} // named, so not replaced by another
	} else {
		tried = append(tried, "$VIGIE_CHROME")
	}
	for _, name := range Browsers {
		if path, ok := try(name, name); ok {
			return path, nil
		}
	}
	return "", &BrowserNotFound{Lang: p.HTML.lang(), Tried: tried}
}

// Ready tells, before a scan, whether a browser is there to print with: a
// missing one must not cost the scan's reports.
func (p PDF) Ready() error {
	_, err := p.Browser()
	return err
}

func (p PDF) timeout() time.Duration {
	if p.Timeout > 0 {
		return p.Timeout
	}
	return 2 * time.Minute
}

// Write renders the HTML, loads it into a headless browser that has no
// network (a blank page whose content is set; every host name resolves to
// nothing), and prints it on A4 with backgrounds and page numbers. The
// browser's profile is a temporary folder, removed afterwards.
func (p PDF) Write(ctx context.Context, out io.Writer, r report.Report) error {
	l := p.HTML.lang()
	exe, err := p.Browser()
	if err != nil {
		return err
	}
	var page bytes.Buffer
	if err := p.HTML.Write(ctx, &page, r); err != nil {
		return err
	}
	profile, err := os.MkdirTemp("", "vigie-chrome-")
	if err != nil {
		return fmt.Errorf("%s: %w", tr(l, "PDF report", "rapport PDF"), err)
	}
	defer os.RemoveAll(profile)
	pdf, err := p.print(ctx, exe, profile, page.String())
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return fmt.Errorf(tr(l, "PDF report: %s did not print within %s", "rapport PDF : %s n'a pas imprimé en %s"), exe, p.timeout())
		}
		return fmt.Errorf(tr(l, "PDF report: printing with %s: %w", "rapport PDF : impression avec %s : %w"), exe, err)
	}
	_, err = out.Write(pdf)
	return err
}

func (p PDF) print(ctx context.Context, exe, profile, doc string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, p.timeout())
	defer cancel()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.UserDataDir(profile),
		chromedp.Headless, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-breakpad", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,AutofillServerCommunication"),
		// Defence in depth: the page's CSP already forbids any request.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
	}
	if os.Geteuid() == 0 { // Chrome refuses to run its sandbox as root
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc() // waits for the browser to exit, before the profile is removed
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	err := chromedp.Do(bctx, chromedp.Navigate("about:blank"), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		tree, err := cdp.Call(ctx, t, cdppage.GetFrameTree, cdp.Empty{})
		if err != nil {
			return err
		}
		_, err = cdp.Call(ctx, t, cdppage.SetDocumentContent, cdppage.SetDocumentContentParams{FrameID: tree.FrameTree.Frame.ID, HTML: doc})
		return err
	}))
	if err != nil {
		return nil, err
	}
	footer := fmt.Sprintf(`<div style="font-size:8px;width:100%%;padding:0 12mm;color:#4b5563;display:flex;justify-content:space-between">`+
		`<span>%s</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
		html.EscapeString(strings.Join(footerParts(p.HTML), " · ")))
	pdf, err := chromedp.Run(bctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFMargins(0.55, 0.47, 0.63, 0.47),
		chromedp.PDFPrintBackground(), chromedp.PDFHeaderTemplate("<span></span>"), chromedp.PDFFooterTemplate(footer),
		chromedp.PDFOutlineAndTagged(), chromedp.PDFStream()))
	if err != nil {
		return nil, err
	}
	_ = chromedp.Cancel(bctx) // close the browser gracefully; the deferred cancels kill it otherwise
	return pdf, nil
}

// footerParts: who the report is for, and that it is confidential.
func footerParts(w Writer) []string {
	var parts []string
	if w.Org != "" {
		parts = append(parts, w.Org)
	}
	return append(parts, "vigie", tr(w.lang(), "confidential", "confidentiel"))
}
