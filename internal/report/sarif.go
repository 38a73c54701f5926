package report

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/vigie-security/vigie/internal/check"
)

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning: one run, one rule
// per check that ran, one result per FAIL, WARN or ERROR finding.
//
// PASS, SKIPPED and WAIVED findings are left out. GitHub closes an alert whose
// result is absent from the next upload, which is right for a pass and for an
// accepted risk; it does not honour result.suppressions (suppressed results
// become open alerts: github/codeql-action#1230), so a waiver written as a
// suppression would reopen what a person accepted.
//
// GitHub rejects a run of more than 25,000 results: past MaxResults (0 means
// that limit) the most important are kept, by level then severity, and the
// run's invocation says how many were left out.
type SARIF struct {
	Options    Options
	MaxResults int
}

const (
	sarifInfoURI     = "https://github.com/vigie-security/vigie"
	sarifBaseID      = "%SRCROOT%"
	sarifFingerprint = "vigieFingerprint/v1"
)

// securitySeverity places each severity inside GitHub's bands for
// properties.security-severity ("over 9.0 is critical, 7.0 to 8.9 is high,
// 4.0 to 6.9 is medium and 0.1 to 3.9 is low": GitHub Docs, "SARIF support
// for code scanning", reportingDescriptor object).
var securitySeverity = map[check.Severity]string{
	check.Critical: "9.5", check.High: "8.0", check.Medium: "5.5", check.Low: "3.0", check.Info: "0.0",
}

// resultsSlot is the run's empty results in the log encoded without them: a
// real line break and this indent occur in no encoded string.
var resultsSlot = []byte("\n      \"results\": []")

func (s SARIF) Write(ctx context.Context, w io.Writer, r Report) error {
	lang := s.Options.Lang
	if lang != check.FR {
		lang = check.EN
	}
	limit := s.MaxResults
	if limit <= 0 {
		limit = sarifMaxResults
	}
	keep, err := newSarifCap(ctx, r.NumberedVerdicts(), limit)
	if err != nil {
		return err
	}
	head, err := sarifHead(r, lang, keep.dropped)
	if err != nil {
		return err
	}
	at := bytes.Index(head, resultsSlot)
	if at < 0 {
		return errors.New("sarif: no place for the results in the encoded log") // not shown: cannot happen (vigie's own encoding)
	}
	at += len(resultsSlot) - 1
	rules := map[string]int{}
	for i, m := range r.Checks {
		rules[m.ID] = i
	}
	out := bufio.NewWriterSize(w, 64<<10)
	out.Write(head[:at])
	var one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetIndent("        ", "  ")
	enc.SetEscapeHTML(false)
	n := 0
	for i, f := range r.NumberedVerdicts() {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		level := sarifLevel(f)
		if level == "" || !keep.keep(sarifRank(f, level)) {
			continue
		}
		res := sarifResult(r, f, level, rules, lang)
		one.Reset()
		if err := enc.Encode(res); err != nil {
			return err
		}
		if n > 0 {
			out.WriteString(",")
		}
		out.WriteString("\n        ")
		out.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
		n++
	}
	if n > 0 {
		out.WriteString("\n      ")
	}
	out.Write(head[at:])
	return out.Flush()
}

// sarifHead is the whole log with no results.
func sarifHead(r Report, lang check.Lang, dropped int) ([]byte, error) {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return nil, err
	}
	run := sarif.NewRunWithInformationURI(r.Tool.Name, sarifInfoURI)
	if run.Tool.Driver.Name == "" {
		run.Tool.Driver.Name = "vigie"
	}
	if r.Tool.Version != "" {
		run.Tool.Driver.Version = &r.Tool.Version
	}
	for _, m := range r.Checks {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule(m, lang))
	}
	ok := !r.Interrupted
	start, end := r.StartedAt.UTC(), r.FinishedAt.UTC()
	inv := &sarif.Invocation{ExecutionSuccessful: &ok, StartTimeUTC: &start, EndTimeUTC: &end}
	if dropped > 0 {
		inv.ToolExecutionNotifications = []*sarif.Notification{{Level: "warning", Message: sarif.NewTextMessage(fmt.Sprintf(tr(lang,
			"%d less important results left out: GitHub rejects more than %d in a run. The JSON report has them all.",
			"%d résultats moins importants omis : GitHub refuse plus de %d résultats par exécution. Le rapport JSON les contient tous."),
			dropped, sarifMaxResults))}}
	}
	run.Invocations = []*sarif.Invocation{inv}
	run.Language = sarifString(string(lang))
	run.OriginalUriBaseIDs = map[string]*sarif.ArtifactLocation{
		sarifBaseID: {Description: sarif.NewTextMessage(tr(lang, "Synthetic root of scanned targets: they are URLs and files, not sources in this repository.",
			"Racine fictive des cibles analysées : ce sont des URL et des fichiers, pas des sources de ce dépôt."))},
	}
	run.Properties = sarif.Properties{"vigie/scanId": r.ScanID}
	log.AddRun(run)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func sarifRule(m check.Meta, lang check.Lang) *sarif.ReportingDescriptor {
	rule := sarif.NewRule(m.ID).WithName(ruleName(m.Title.EN)).
		WithShortDescription(sarif.NewMultiformatMessageString(m.Title.In(lang))).
		WithFullDescription(sarif.NewMultiformatMessageString(orText(m.Description.In(lang), m.Title.In(lang))))
	text, md := ruleHelp(m, lang)
	rule.WithHelp(&sarif.MultiformatMessageString{Text: &text, Markdown: &md})
	for _, ref := range m.References {
		if ref.URL != "" {
			rule.WithHelpURI(ref.In(lang).URL)
			break
		}
	}
	// GitHub shows 10 tags a rule and rejects a rule with more than 20.
	tags := append([]string{"security", string(m.Family)}, sortedKeys(m.Frameworks)...)
	tags = tags[:min(len(tags), 10)]
	rule.WithProperties(sarif.Properties{"security-severity": securitySeverity[m.Severity], "tags": tags})
	return rule
}

// ruleHelp is the risk, the remediation and the references, as text and Markdown.
func ruleHelp(m check.Meta, lang check.Lang) (string, string) {
	var t, md strings.Builder
	risk, fix := m.Risk.In(lang), m.Remediation.In(lang)
	riskW, fixW, refW := tr(lang, "Risk", "Risque"), tr(lang, "Remediation", "Correction"), tr(lang, "References", "Références")
	t.WriteString(riskW + ": " + risk + "\n\n" + fixW + ": " + fix)
	md.WriteString("**" + riskW + "**: " + mdTrusted(risk) + "\n\n**" + fixW + "**: " + mdTrusted(fix))
	if len(m.References) > 0 {
		t.WriteString("\n\n" + refW + ":")
		md.WriteString("\n\n**" + refW + "**\n")
		for _, ref := range m.References {
			ref = ref.In(lang)
			t.WriteString("\n- " + ref.Source + ", " + ref.Title + " " + ref.URL)
			md.WriteString("\n- " + mdTrusted(ref.Source) + ", " + mdLink(ref.Title, ref.URL))
		}
	}
	return t.String(), md.String()
}

func sarifResult(r Report, f check.Finding, level string, rules map[string]int, lang check.Lang) *sarif.Result {
	res := sarif.NewRuleResult(f.CheckID).WithLevel(level)
	if i, ok := rules[f.CheckID]; ok {
		res.WithRuleIndex(i)
	}
	msg := f.Message.In(lang)
	if msg == "" {
		if m, ok := r.Meta(f.CheckID); ok {
			msg = m.Title.In(lang)
		}
	}
	if f.Status == check.Error {
		msg = tr(lang, "Could not be checked: ", "Vérification impossible : ") + msg
	}
	// The location is synthetic, so the message names the target as written.
	res.WithMessage(sarif.NewTextMessage(f.Target + ": " + orText(msg, f.CheckID)))
	// GitHub requires a physical location; the target is not a file of the
	// repository, so it gets a stable synthetic one.
	loc := sarif.NewPhysicalLocation().
		WithArtifactLocation(sarif.NewSimpleArtifactLocation(targetPath(f.Family, f.Target)).WithUriBaseId(sarifBaseID)).
		WithRegion(sarif.NewSimpleRegion(1, 1))
	res.AddLocation(sarif.NewLocationWithPhysicalLocation(loc))
	res.WithPartialFingerPrints(map[string]any{sarifFingerprint: f.Fingerprint})
	return res
}

// sarifLevel maps a finding to a SARIF level; "" leaves it out.
func sarifLevel(f check.Finding) string {
	switch f.Status {
	case check.Fail:
		switch {
		case f.Severity >= check.High:
			return "error"
		case f.Severity == check.Medium:
			return "warning"
		}
		return "note"
	case check.Warn, check.Error:
		// An ERROR says nothing about the risk, only that it is unknown.
		return "warning"
	}
	return ""
}

// ruleName is the PascalCase identifier SARIF asks for, from the English title.
func ruleName(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func sarifString(s string) *string { return &s }

func orText(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}
