package check

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// notShown marks an English-only error that never reaches a person: a
// sentinel compared with errors.Is and said in both languages where it is
// handled, or a tool's own developer output. The comment says why.
const notShown = "// not shown:"

var (
	verb  = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)
	words = regexp.MustCompile(`[A-Za-z]{2,}`)
)

// TestErrorsAreBilingual reads every error vigie makes (fmt.Errorf and
// errors.New in the module's code) and fails on one whose text has words
// but no French: it would reach a French reader in English. Such an error
// is made with Errorf (or Prefixed around one), or marked notShown.
// VIGIE_ERRORS_PKG=internal/pwpolicy reads one package.
func TestErrorsAreBilingual(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	only := os.Getenv("VIGIE_ERRORS_PKG")
	byPkg := map[string][]string{}
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		pkg := filepath.ToSlash(filepath.Dir(rel))
		if only != "" && pkg != only {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f, err := parser.ParseFile(fset, path, src, 0)
		if err != nil {
			return err
		}
		lines := strings.Split(string(src), "\n")
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			x, ok := sel.X.(*ast.Ident)
			if !ok || !(x.Name == "fmt" && sel.Sel.Name == "Errorf" || x.Name == "errors" && sel.Sel.Name == "New") {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			text, _ := strconv.Unquote(lit.Value)
			if !words.MatchString(verb.ReplaceAllString(text, "")) {
				return true
			}
			p := fset.Position(call.Pos())
			end := fset.Position(call.End())
			for l := p.Line - 1; l <= end.Line && l < len(lines); l++ {
				if l >= 1 && strings.Contains(lines[l-1], notShown) {
					return true
				}
			}
			byPkg[pkg] = append(byPkg[pkg], rel+":"+strconv.Itoa(p.Line)+": "+text)
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	pkgs := make([]string, 0, len(byPkg))
	for p := range byPkg {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	for _, p := range pkgs {
		t.Errorf("%s: %d errors in English only:\n\t%s", p, len(byPkg[p]), strings.Join(byPkg[p], "\n\t"))
	}
}
