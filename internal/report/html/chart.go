package htmlreport

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/score"
)

// Colours, each dark enough for white text (WCAG AA, 4.5:1; a test checks).
var gradeColors = map[check.Grade]string{
	"A+": "#116329", "A": "#1a7f37", "B": "#4d6b00", "C": "#8a5300", "D": "#a63f00", "E": "#c0262d", "F": "#8b0b1f",
}

var statusColors = map[check.Status]string{
	check.Fail: "#b42318", check.Error: "#6b3fa0", check.Warn: "#8a5300", check.Pass: "#1a7f37", check.Skipped: "#5f6670", check.Waived: "#4b5563",
}

var levelColors = map[string]string{"specific": "#1a7f37", "present": "#8a5300", "restated": "#8a5300", "missing": "#b42318", "": "#5f6670"}

// paletteCSS turns the colours above into classes; the values are constants.
func paletteCSS() template.CSS {
	var b strings.Builder
	for _, g := range check.Grades {
		fmt.Fprintf(&b, ".%s{background:%s}", gradeClass(g), gradeColors[g])
	}
	for _, s := range check.Statuses {
		fmt.Fprintf(&b, ".s-%s{background:%s}", strings.ToLower(string(s)), statusColors[s])
	}
	for _, lv := range []string{"specific", "present", "restated", "missing"} {
		fmt.Fprintf(&b, ".lv-%s{color:%s}", lv, levelColors[lv])
	}
	return template.CSS(b.String())
}

const (
	chartLabelW = 190
	chartBarW   = 420
	chartRow    = 34
)

// chartOf draws one bar per family and one for the whole scan.
func chartOf(l check.Lang, s score.Summary) chart {
	var c chart
	var desc []string
	add := func(label string, r score.Result, overall bool) {
		b := bar{Y: 24 + len(c.Bars)*chartRow, Label: label, Overall: overall}
		if r.Scored {
			b.W = chartBarW * r.Score / 100
			b.Value = fmt.Sprintf("%d/100 %s", r.Score, r.Grade)
			b.Color = gradeColors[r.Grade]
		} else {
			b.Value, b.NotScored, b.Color = tr(l, "no score", "pas de note"), true, "#5f6670"
		}
		b.TextX = chartLabelW + b.W + 8
		c.Bars = append(c.Bars, b)
		desc = append(desc, label+" "+b.Value)
	}
	for _, f := range s.Families {
		add(familyName(l, f.Family), f.Result, false)
	}
	add(tr(l, "Overall", "Global"), s.Overall, true)
	for _, v := range []int{0, 35, 50, 65, 80, 90, 100} {
		c.Ticks = append(c.Ticks, tick{X: chartLabelW + chartBarW*v/100, Label: fmt.Sprint(v)})
	}
	c.Height = 24 + len(c.Bars)*chartRow + 8
	c.Desc = strings.Join(desc, "; ")
	return c
}

func matrixOf(l check.Lang, m report.Matrix, limit int) *matrix {
	if len(m.Rows) == 0 {
		return nil
	}
	out := &matrix{}
	for _, c := range m.Columns {
		out.Columns = append(out.Columns, matrixCol{Code: c.Code, Element: c.Element})
	}
	for i, r := range m.Rows {
		if i == limit {
			out.More = len(m.Rows) - i
			break
		}
		row := matrixRow{Name: r.Name}
		if len(r.Documents) == 0 {
			row.Note = tr(l, "no contract", "aucun contrat")
			if r.Note == "file-missing" {
				row.Note = tr(l, "contract file not found", "fichier du contrat introuvable")
			}
		}
		for _, c := range r.Cells {
			row.Cells = append(row.Cells, matrixCell{Symbol: report.MatrixSymbol(c.Level), Level: levelName(l, c.Level), Class: "lv-" + c.Level})
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

func levelName(l check.Lang, level string) string {
	en := map[string]string{"specific": "specific", "present": "present", "restated": "restated", "missing": "missing"}
	fr := map[string]string{"specific": "précis", "present": "présent", "restated": "recopié", "missing": "absent"}
	if v, ok := en[level]; ok {
		return tr(l, v, fr[level])
	}
	return tr(l, "unread", "illisible")
}
