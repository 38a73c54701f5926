package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
)

// yamlLine is the line yaml.v3 puts in its syntax errors.
var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

var noBlock = check.Text{EN: "the indentation of this line matches no enclosing block", FR: "l'indentation de cette ligne ne correspond à aucun bloc englobant"}

// syntaxError explains a YAML syntax error at the line that causes it.
// yaml.v3 names where the broken block began ("line 2: did not find
// expected key"), not the line whose indentation broke it, so the lines
// are read again here for a tab or an indentation that matches no
// enclosing block; yaml's own words are kept after it.
func syntaxError(name string, data []byte, err error) error {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return check.Errorf("%s: %v", "%s : erreur de syntaxe YAML (« %v »)", name, err)
	}
	reported, _ := strconv.Atoi(m[1])
	if line, why := badIndent(string(data)); line >= reported {
		return check.Prefixed{Prefix: fmt.Sprintf("%s:%d: ", name, line),
			Err: check.Errorf("%s (yaml: %s at line %d)", "%s (yaml dit « %s », ligne %d)", why, m[2], reported)}
	}
	return check.Prefixed{Prefix: fmt.Sprintf("%s:%d: ", name, reported),
		Err: check.Errorf("%s", "erreur de syntaxe YAML (« %s »)", m[2])}
}

// badIndent finds the first line indented by a tab, or whose indentation
// matches no open block, or a list item placed among a mapping's keys.
func badIndent(text string) (int, check.Text) {
	type level struct {
		indent int
		seq    bool
	}
	var stack []level
	scalar := -1 // indent of a key opening a block scalar (| or >); deeper lines are its text
	prevKeyOpen, prevIndent := false, -1
	flow := 0 // open [ and { of a flow collection spanning lines
	for i, raw := range strings.Split(text, "\n") {
		n := i + 1
		line := strings.TrimRight(raw, " \r")
		body := strings.TrimLeft(line, " ")
		indent := len(line) - len(body)
		if scalar >= 0 {
			if body == "" || indent > scalar {
				continue
			}
			scalar = -1
		}
		if body == "" || strings.HasPrefix(body, "#") || body == "---" || body == "..." {
			continue
		}
		if strings.HasPrefix(body, "\t") {
			return n, check.Text{EN: "this line is indented with a tab; YAML indents with spaces", FR: "cette ligne est indentée par une tabulation ; YAML indente avec des espaces"}
		}
		if flow > 0 {
			flow += strings.Count(body, "[") + strings.Count(body, "{") - strings.Count(body, "]") - strings.Count(body, "}")
			continue
		}
		seq := body == "-" || strings.HasPrefix(body, "- ")
		closed := false
		for len(stack) > 0 && stack[len(stack)-1].indent > indent {
			stack, closed = stack[:len(stack)-1], true
		}
		switch top := len(stack) - 1; {
		case closed && top >= 0 && stack[top].indent < indent:
			return n, noBlock
		case top < 0 && indent > 0 && n > 1:
			return n, check.Text{EN: "this line is indented less than the block it belongs to", FR: "cette ligne est moins indentée que le bloc dont elle fait partie"}
		case top < 0 || stack[top].indent < indent:
			stack = append(stack, level{indent, seq})
		case stack[top].indent > indent:
			return n, noBlock
		case seq && !stack[top].seq && !(prevKeyOpen && prevIndent == indent):
			return n, check.Text{EN: "a list item among the keys of a mapping: indent it under its key", FR: "un élément de liste parmi les clés d'un bloc : indentez-le sous sa clé"}
		case seq:
			stack[top].seq = true
		default:
			stack[top].seq = false
		}
		code := body
		if j := strings.Index(code, " #"); j >= 0 {
			code = strings.TrimRight(code[:j], " ")
		}
		prevKeyOpen, prevIndent = strings.HasSuffix(code, ":") && !seq, indent
		if strings.HasSuffix(code, "|") || strings.HasSuffix(code, ">") || strings.HasSuffix(code, "|-") || strings.HasSuffix(code, ">-") {
			scalar = indent
		}
		flow = strings.Count(code, "[") + strings.Count(code, "{") - strings.Count(code, "]") - strings.Count(code, "}")
		if flow < 0 {
			flow = 0
		}
	}
	return 0, check.Text{}
}
