package check

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestInLangKeepsWrappers(t *testing.T) {
	inner := Errorf("no column %q", "aucune colonne %q", "email")
	wrapped := fmt.Errorf("leads.csv:1: %w", inner)
	if got := InLang(wrapped, FR); got != `leads.csv:1: aucune colonne "email"` {
		t.Errorf("FR: %q", got)
	}
	if got := InLang(wrapped, EN); got != `leads.csv:1: no column "email"` {
		t.Errorf("EN: %q", got)
	}
	twice := Errorf("reading %s: %v", "lecture de %s : %v", "c.pdf", wrapped)
	if got := InLang(twice, FR); got != `lecture de c.pdf : leads.csv:1: aucune colonne "email"` {
		t.Errorf("Errorf of a wrapped error, FR: %q", got)
	}
}

func TestInLangSystemErrors(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "nothere.csv"))
	wrapped := Errorf("reading the inventory: %v", "lecture de l'inventaire : %v", err)
	got := InLang(wrapped, FR)
	if strings.Contains(got, "open ") || strings.Contains(got, "no such") || !strings.Contains(got, "nothere.csv : fichier ou dossier introuvable") {
		t.Errorf("FR: %q", got)
	}
	if en := InLang(wrapped, EN); !strings.Contains(en, "no such file or directory") {
		t.Errorf("EN changed: %q", en)
	}
	var ctxErr error = context.DeadlineExceeded
	if got := InLang(fmt.Errorf("dial: %w", ctxErr), FR); got != "dial: délai dépassé" {
		t.Errorf("deadline FR: %q", got)
	}
}

func TestErrorfWraps(t *testing.T) {
	sentinel := Errorf("too big", "trop gros")
	err := Errorf("reading %s: %v", "lecture de %s : %v", "a.csv", fmt.Errorf("x: %w", sentinel))
	if !errors.Is(err, sentinel) {
		t.Error("errors.Is does not see the error Errorf was made from")
	}
	if !errors.Is(Errorf("waiting: %v", "attente : %v", context.DeadlineExceeded), context.DeadlineExceeded) {
		t.Error("a deadline inside Errorf is not seen")
	}
	if errors.Is(Errorf("too big", "trop gros"), sentinel) {
		t.Error("two errors with the same words are the same error")
	}
}
