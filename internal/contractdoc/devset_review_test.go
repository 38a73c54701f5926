package contractdoc

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"gopkg.in/yaml.v3"
)

// reviewPath holds what a person decided about the elements that still read
// present once their deciding clause is cut out of a development-set DPA:
// which other clause of the same document honestly decides them. It names
// each sentence by a fingerprint, never by its text: the texts belong to
// others.
var reviewPath = filepath.Join("..", "..", "testdata", "contracts", "devset_review.yaml")

// review is one reviewed presence: the fingerprint of the sentence vigie
// shows and why that sentence decides the element.
type review struct {
	Sentence string `yaml:"sentence"`
	Reason   string `yaml:"reason"`
}

// loadReview reads the review file: file name → element → review.
func loadReview(t *testing.T, labels devLabels) map[string]map[string]review {
	t.Helper()
	b, err := os.ReadFile(reviewPath)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]map[string]review
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("%s: %v", reviewPath, err)
	}
	for name, els := range out {
		f, ok := labels.Files[name]
		if !ok {
			t.Errorf("%s: %s is not a file of the development set", reviewPath, name)
			continue
		}
		for el, r := range els {
			if !f.Labels[el] {
				t.Errorf("%s: %s %s is not labelled present: nothing to cut", reviewPath, name, el)
			}
			if len(r.Sentence) != 12 || r.Reason == "" {
				t.Errorf("%s: %s %s needs a 12-character sentence fingerprint and a reason", reviewPath, name, el)
			}
		}
	}
	return out
}

// fingerprint names a sentence without its text: the first 12 hex digits
// of the SHA-256 of the sentence normalised as the labels' quotes are.
func fingerprint(sentence string) string {
	sum := sha256.Sum256([]byte(norm(sentence)))
	return hex.EncodeToString(sum[:])[:12]
}

// reviewLine is what a person needs to review a presence nobody has: where
// it is, and the start of the sentence, to find it in the document.
func reviewLine(name, el, level, sentence string) string {
	start := []rune(sentence)
	if len(start) > 100 {
		start = start[:100]
	}
	return fmt.Sprintf("%s %s reads %s, unreviewed: sentence %s %q", name, el, level, fingerprint(sentence), string(start))
}
