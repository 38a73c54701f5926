package report

// Extension is the usual file name extension of a format's report, with its
// dot ("" for an unknown format), for file choosers and --output-dir.
func Extension(format string) string {
	return map[string]string{
		"table": ".txt", "json": ".json", "sarif": ".sarif", "junit": ".xml",
		"markdown": ".md", "csv": ".csv", "prometheus": ".prom",
		"html": ".html", "pdf": ".pdf", // written by internal/report/html
	}[format]
}
