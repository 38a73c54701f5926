package pwpolicy

import (
	"os"
	"testing"
)

func BenchmarkLoadPAMDirectory(b *testing.B) {
	for b.Loop() {
		if _, err := Load(sample("pam-authselect")); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseTerraform(b *testing.B) {
	data, err := os.ReadFile(sample("terraform/iam.tf"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse("iam.tf", data); err != nil {
			b.Fatal(err)
		}
	}
}
