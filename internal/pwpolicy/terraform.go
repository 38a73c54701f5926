package pwpolicy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/vigie-security/vigie/checks/password"
	"github.com/vigie-security/vigie/internal/check"
)

const tfResource = "aws_iam_account_password_policy"

// tfNames maps IAM's field names to the resource's attributes.
var tfNames = map[string]string{"MinimumPasswordLength": "minimum_password_length", "RequireSymbols": "require_symbols",
	"RequireNumbers": "require_numbers", "RequireUppercaseCharacters": "require_uppercase_characters",
	"RequireLowercaseCharacters": "require_lowercase_characters", "MaxPasswordAge": "max_password_age",
	"PasswordReusePrevention": "password_reuse_prevention"}

// parseTerraform reads the aws_iam_account_password_policy resources of a
// .tf file. Only literal values are read: an attribute that needs a
// variable, a local or a function is an error naming its line, since
// guessing its value would judge a policy nobody wrote.
func parseTerraform(name string, data []byte) ([]password.Policy, error) {
	f, diags := hclsyntax.ParseConfig(data, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, hclError(name, diags)
	}
	body, _ := f.Body.(*hclsyntax.Body)
	var out []password.Policy
	for _, b := range body.Blocks {
		if b.Type != "resource" || len(b.Labels) != 2 || b.Labels[0] != tfResource {
			continue
		}
		var v awsValues
		lines := map[string]int{}
		for field, attr := range tfNames {
			a := b.Body.Attributes[attr]
			if a == nil {
				continue
			}
			lines[attr] = a.SrcRange.Start.Line
			val, d := a.Expr.Value(nil)
			if d.HasErrors() || !val.IsWhollyKnown() {
				return nil, lineErr(name, a.SrcRange.Start.Line,
					"%s.%s: %s cannot be evaluated statically (%s); vigie reads literal values only: write the value, or give it `terraform show -json` of a plan",
					"%s.%s : %s ne peut pas être évalué sans exécuter Terraform (%s) ; vigie ne lit que des valeurs littérales : écrivez la valeur, ou donnez-lui `terraform show -json` d'un plan",
					b.Labels[1], attr, exprText(data, a.Expr.Range()), refs(a.Expr))
			}
			if val.IsNull() {
				continue
			}
			if err := v.set(field, val); err != nil {
				return nil, check.Prefixed{Prefix: fmt.Sprintf("%s:%d: %s.%s: ", name, a.SrcRange.Start.Line, b.Labels[1], attr), Err: err}
			}
		}
		p, err := v.policy(name, func(attr string) int { return lines[attr] }, tfNames)
		if err != nil {
			return nil, err
		}
		p.Name, p.Format = tfResource+"."+b.Labels[1], "terraform"
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, fileErr(name, "no %s resource: %v", "aucune ressource %s : %v", tfResource, errNoFormat)
	}
	return out, nil
}

// set stores one attribute's value, converted as Terraform would.
func (v *awsValues) set(field string, val cty.Value) error {
	switch field {
	case "MinimumPasswordLength", "MaxPasswordAge", "PasswordReusePrevention":
		n, err := convert.Convert(val, cty.Number)
		if err != nil {
			return check.Errorf("expected a whole number", "attendu : un nombre entier")
		}
		i, acc := n.AsBigFloat().Int64()
		if acc != big.Exact || i < -1<<31 || i > 1<<31 {
			return check.Errorf("%s is not a whole number in range", "%s n'est pas un nombre entier dans les limites", n.AsBigFloat().Text('g', 10))
		}
		*map[string]**int{"MinimumPasswordLength": &v.MinimumPasswordLength, "MaxPasswordAge": &v.MaxPasswordAge,
			"PasswordReusePrevention": &v.PasswordReusePrevention}[field] = ptr(int(i))
	default:
		b, err := convert.Convert(val, cty.Bool)
		if err != nil {
			return check.Errorf("expected true or false", "attendu : true ou false")
		}
		*map[string]**bool{"RequireSymbols": &v.RequireSymbols, "RequireNumbers": &v.RequireNumbers,
			"RequireUppercaseCharacters": &v.RequireUppercaseCharacters, "RequireLowercaseCharacters": &v.RequireLowercaseCharacters}[field] = ptr(b.True())
	}
	return nil
}

// hclError is the first of HCL's diagnostics; HCL speaks English only, so
// a French reader gets it inside a French sentence.
func hclError(name string, diags hcl.Diagnostics) error {
	d := diags.Errs()[0]
	if hd, ok := d.(*hcl.Diagnostic); ok && hd.Subject != nil {
		return check.Prefixed{Prefix: fmt.Sprintf("%s:%d:%d: ", name, hd.Subject.Start.Line, hd.Subject.Start.Column),
			Err: check.Errorf("%s: %s", "syntaxe Terraform incorrecte (HCL) : %s : %s", hd.Summary, hd.Detail)}
	}
	return fileErr(name, "%v", "syntaxe Terraform incorrecte (HCL) : %v", d)
}

// exprText is the expression as written, cut short.
func exprText(data []byte, r hcl.Range) string {
	if r.Start.Byte < 0 || r.End.Byte > len(data) || r.Start.Byte > r.End.Byte {
		return "the expression"
	}
	return quoteShort(string(data[r.Start.Byte:r.End.Byte]))
}

// refs names what an expression depends on: var.x, local.y.
func refs(e hclsyntax.Expression) check.Text {
	var names []string
	for _, t := range e.Variables() {
		s := t.RootName()
		for _, step := range t[1:] {
			if a, ok := step.(hcl.TraverseAttr); ok {
				s += "." + a.Name
			}
		}
		names = append(names, s)
	}
	if len(names) == 0 {
		return check.Text{EN: "it calls a function or is not a constant", FR: "l'expression appelle une fonction ou n'est pas une constante"}
	}
	return check.Textf("it refers to %s", "l'expression fait référence à %s", strings.Join(names, ", "))
}

// tfJSON is `terraform show -json` of a plan or of the state.
type tfJSON struct {
	FormatVersion   string    `json:"format_version"`
	PlannedValues   *tfValues `json:"planned_values"`
	Values          *tfValues `json:"values"`
	ResourceChanges []struct {
		Address string `json:"address"`
		Change  struct {
			AfterUnknown map[string]any `json:"after_unknown"`
		} `json:"change"`
	} `json:"resource_changes"`
}

type tfValues struct {
	RootModule tfModule `json:"root_module"`
}

type tfModule struct {
	Resources []struct {
		Address string                     `json:"address"`
		Type    string                     `json:"type"`
		Mode    string                     `json:"mode"`
		Values  map[string]json.RawMessage `json:"values"`
	} `json:"resources"`
	ChildModules []tfModule `json:"child_modules"`
}

// parseTerraformJSON reads the aws_iam_account_password_policy resources
// of a plan (planned_values) or a state (values), in every module.
func parseTerraformJSON(name string, data []byte) ([]password.Policy, error) {
	var d tfJSON
	if err := json.Unmarshal(data, &d); err != nil {
		return nil, jsonError(name, data, err)
	}
	vals := d.PlannedValues
	if vals == nil {
		vals = d.Values
	}
	if vals == nil {
		return nil, fileErr(name, "terraform show -json output without planned_values or values", "sortie de terraform show -json sans planned_values ni values")
	}
	unknown := map[string]map[string]any{}
	for _, rc := range d.ResourceChanges {
		unknown[rc.Address] = rc.Change.AfterUnknown
	}
	var out []password.Policy
	var walk func(m tfModule, depth int) error
	walk = func(m tfModule, depth int) error {
		if depth > 32 {
			return fileErr(name, "modules nested more than 32 deep", "modules imbriqués sur plus de 32 niveaux")
		}
		for _, r := range m.Resources {
			if r.Type != tfResource || r.Mode == "data" {
				continue
			}
			p, err := tfResourcePolicy(name, data, r.Address, r.Values, unknown[r.Address])
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		for _, c := range m.ChildModules {
			if err := walk(c, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(vals.RootModule, 0); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fileErr(name, "terraform show -json output without an %s resource", "sortie de terraform show -json sans ressource %s", tfResource)
	}
	return out, nil
}

func tfResourcePolicy(name string, data []byte, addr string, values map[string]json.RawMessage, unknown map[string]any) (password.Policy, error) {
	var v awsValues
	// Its attributes are the first ones after its address (the first key
	// Terraform writes, planned_values before resource_changes), not the
	// first in the file: another resource may set them too.
	at := whole(data)
	if i := bytes.Index(data, []byte(`"`+addr+`"`)); i >= 0 {
		at.from = i
	}
	for field, attr := range tfNames {
		if u, _ := unknown[attr].(bool); u {
			return password.Policy{}, lineErr(name, at.lineOf(data, `"`+addr+`"`), "%s.%s is known only after apply: vigie judges known values only",
				"%s.%s n'est connu qu'après apply : vigie ne juge que les valeurs connues", addr, attr)
		}
		raw := values[attr]
		if raw == nil || string(raw) == "null" {
			continue
		}
		var x any
		if err := json.Unmarshal(raw, &x); err != nil {
			return password.Policy{}, jsonError(name, data, err)
		}
		val := cty.NilVal
		switch t := x.(type) {
		case float64:
			val = cty.NumberFloatVal(t)
		case bool:
			val = cty.BoolVal(t)
		case string:
			val = cty.StringVal(t)
		default:
			return password.Policy{}, lineErr(name, at.lineOf(data, `"`+attr+`"`), "%s.%s: not a number or a boolean", "%s.%s : ni un nombre ni un booléen", addr, attr)
		}
		if err := v.set(field, val); err != nil {
			return password.Policy{}, check.Prefixed{Prefix: fmt.Sprintf("%s:%d: %s.%s: ", name, at.lineOf(data, `"`+attr+`"`), addr, attr), Err: err}
		}
	}
	p, err := v.policy(name, func(attr string) int { return at.lineOf(data, `"`+attr+`"`) }, tfNames)
	if err != nil {
		return p, err
	}
	p.Name, p.Format = addr, "terraform-json"
	return p, nil
}
