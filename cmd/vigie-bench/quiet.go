package main

import (
	"io"
	"log"
)

// quiet keeps the lab servers' complaints about abandoned handshakes out of the figures.
var quiet = log.New(io.Discard, "", 0)
