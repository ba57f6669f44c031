package workbook

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// rows is a sheet's <sheetData> content written straight as XML: for the
// weekly sheet, many times cheaper than excelize's cells, even streamed.
// The sheet itself (panes, widths) is made by excelize with no cells, and
// the rows are spliced into it when the workbook is zipped.
type rows struct {
	buf  []byte
	cols []string // column letters, A, B, ...
}

// start opens row r (from 1).
func (w *rows) start(r int) {
	w.buf = append(w.buf, `<row r="`...)
	w.buf = strconv.AppendInt(w.buf, int64(r), 10)
	w.buf = append(w.buf, `">`...)
}

func (w *rows) end() { w.buf = append(w.buf, `</row>`...) }

// ref opens cell (c, r), with the style if it is not 0, and type t if set.
func (w *rows) ref(c, r, style int, t string) {
	for len(w.cols) < c {
		name, _ := excelize.ColumnNumberToName(len(w.cols) + 1)
		w.cols = append(w.cols, name)
	}
	w.buf = append(w.buf, `<c r="`...)
	w.buf = append(w.buf, w.cols[c-1]...)
	w.buf = strconv.AppendInt(w.buf, int64(r), 10)
	w.buf = append(w.buf, '"')
	if style != 0 {
		w.buf = append(w.buf, ` s="`...)
		w.buf = strconv.AppendInt(w.buf, int64(style), 10)
		w.buf = append(w.buf, '"')
	}
	if t != "" {
		w.buf = append(append(append(w.buf, ` t="`...), t...), '"')
	}
	w.buf = append(w.buf, '>')
}

// str writes text at (c, r) as an inline string.
func (w *rows) str(c, r, style int, s string) {
	w.ref(c, r, style, "inlineStr")
	w.buf = append(w.buf, `<is><t>`...)
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	w.buf = append(w.buf, b.Bytes()...)
	w.buf = append(w.buf, `</t></is></c>`...)
}

// num writes v at (c, r) as excelize would (the shortest decimal that
// reads back as v); a value that is not finite leaves the cell empty.
func (w *rows) num(c, r, style int, v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if style != 0 {
			w.ref(c, r, style, "")
			w.buf = append(w.buf, `</c>`...)
		}
		return
	}
	w.ref(c, r, style, "")
	w.buf = append(w.buf, `<v>`...)
	w.buf = strconv.AppendFloat(w.buf, v, 'f', -1, 64)
	w.buf = append(w.buf, `</v></c>`...)
}

// sheetPaths maps each sheet's name to its part, from the workbook's
// parts: xl/workbook.xml names the sheets and their relationships, and
// xl/_rels/workbook.xml.rels the parts they are in.
func (p *parts) sheetPaths() (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := p.decode("xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := p.decode("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		if strings.HasPrefix(r.Target, "/") {
			targets[r.ID] = strings.TrimPrefix(r.Target, "/")
		} else {
			targets[r.ID] = path.Join("xl", r.Target)
		}
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		out[s.Name] = targets[s.RID]
	}
	return out, nil
}

func (p *parts) decode(name string, v any) error {
	for _, e := range p.list {
		if e.name == name {
			return xml.Unmarshal(e.body.Bytes(), v)
		}
	}
	return fmt.Errorf("no part %s", name)
}

// emptySheetData are the spellings of a sheet with no cells.
var emptySheetData = [][]byte{[]byte("<sheetData></sheetData>"), []byte("<sheetData/>")}

// splice puts each sheet's rows into its part, which must have no cells.
func (p *parts) splice(sheets map[string]*rows) error {
	if len(sheets) == 0 {
		return nil
	}
	paths, err := p.sheetPaths()
	if err != nil {
		return err
	}
	for sheet, r := range sheets {
		name, ok := paths[sheet]
		if !ok {
			return fmt.Errorf("no part for sheet %s", sheet)
		}
		if err := p.fill(name, r.buf); err != nil {
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
	}
	return nil
}

func (p *parts) fill(name string, data []byte) error {
	for _, e := range p.list {
		if e.name != name {
			continue
		}
		for _, empty := range emptySheetData {
			if i := bytes.Index(e.body.Bytes(), empty); i >= 0 {
				e.at, e.cut, e.rows = i, len(empty), data
				return nil
			}
		}
		return fmt.Errorf("%s has cells already", name)
	}
	return fmt.Errorf("no part %s", name)
}

// write writes the part's body, with its rows in place of its empty
// <sheetData> if it has any.
func (e *part) write(w io.Writer, body []byte) error {
	if e.rows == nil {
		_, err := w.Write(body)
		return err
	}
	for _, b := range [][]byte{body[:e.at], []byte("<sheetData>"), e.rows, []byte("</sheetData>"), body[e.at+e.cut:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
