package web

// sharedEvidence holds the evidence maps that several TLS findings of one
// server report alike, made once (TLS.Share): those findings, and the
// findings of every target on the server, then hold one copy instead of
// one each. A finding's evidence is never edited once its check returns it
// (the report's writers copy what they change), so sharing is safe; a check
// that adds to a shared map adds to a copy.
type sharedEvidence struct {
	protocols map[string]any
	modern    map[string]any // protocols, and TLS 1.3's suites and groups
	suites    map[string]any
}

// Share makes the evidence maps the TLS findings share. Call it once t is
// final; without it, each finding gets maps of its own.
func (t *TLS) Share() {
	t.shared = &sharedEvidence{protocols: newProtocolsEvidence(*t), modern: newModernEvidence(*t), suites: newSuitesEvidence(*t)}
}

func protocolsEvidence(e Evidence) map[string]any {
	if s := e.TLS.shared; s != nil {
		return s.protocols
	}
	return newProtocolsEvidence(e.TLS)
}

func modernEvidence(e Evidence) map[string]any {
	if s := e.TLS.shared; s != nil {
		return s.modern
	}
	return newModernEvidence(e.TLS)
}

func suitesEvidence(e Evidence) map[string]any {
	if s := e.TLS.shared; s != nil {
		return s.suites
	}
	return newSuitesEvidence(e.TLS)
}
