package workbook

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

func nan() float64 { return math.NaN() }

// TestRawRowsRefuseACelledSheet: rows written as XML go only into a
// sheet with no cells; otherwise the workbook is not written.
func TestRawRowsRefuseACelledSheet(t *testing.T) {
	b := newBook("Summary")
	b.sheet("Weekly")
	b.set("Weekly", 1, 1, "set by excelize")
	r := b.rawRows("Weekly")
	r.start(1)
	r.num(1, 1, 0, 2.5)
	r.end()
	var out bytes.Buffer
	if err := b.finish(&out, "t"); err == nil || !strings.Contains(err.Error(), "has cells already") {
		t.Errorf("finish: %v, want an error that the sheet has cells", err)
	}
}

// TestRawRowsCells: cells are written as excelize writes them: numbers
// at full precision, text escaped, undefined numbers left out unless
// styled.
func TestRawRowsCells(t *testing.T) {
	var r rows
	tenth := 0.1
	r.start(3)
	r.str(1, 3, 2, `a<b & "c"`)
	r.num(2, 3, 0, tenth+0.2)
	r.num(27, 3, 0, 1e21)
	r.num(28, 3, 0, nan())
	r.num(29, 3, 5, nan())
	r.end()
	want := `<row r="3"><c r="A3" s="2" t="inlineStr"><is><t>a&lt;b &amp; &#34;c&#34;</t></is></c>` +
		`<c r="B3"><v>0.30000000000000004</v></c><c r="AA3"><v>1000000000000000000000</v></c><c r="AC3" s="5"></c></row>`
	if got := string(r.buf); got != want {
		t.Errorf("rows:\n%s\nwant\n%s", got, want)
	}
}
