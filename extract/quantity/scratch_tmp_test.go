package quantity

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"govx"
	"govx/extract/extracttest"
)

func TestScratchTmp(t *testing.T) {
	e, _ := New()
	b, _ := os.ReadFile("/tmp/qscratch/in.txt")
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" {
			continue
		}
		doc := extracttest.Doc(line)
		var m govx.Mentions
		e.Extract(doc, &m)
		var spans []govx.Span
		var info []string
		for _, q := range m.Quantities {
			spans = append(spans, q.Span)
			mx := ""
			if q.ValueMax != nil {
				mx = "–" + strings.TrimSpace(strings.Repeat(" ", 0)) + fmtf(*q.ValueMax)
			}
			info = append(info, fmtf(q.Value)+mx+" "+string(q.Unit)+" "+q.Kind.String()+" "+q.Qualifier.String()+" ["+q.SurfaceUnit+"]")
		}
		t.Logf("%s\n      %s", extracttest.Show(line, spans), strings.Join(info, " | "))
	}
}

func fmtf(v float64) string { return strings.TrimRight(strings.TrimRight(strconvF(v), "0"), ".") }

func strconvF(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
