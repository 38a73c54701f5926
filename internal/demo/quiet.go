package demo

import (
	"io"
	"log"
)

// quietLog keeps the demo servers' complaints (TLS handshakes the scanner
// abandons on purpose) out of the demo's output.
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }
