package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// contentTypes is the part that names every other part's type.
const contentTypes = "[Content_Types].xml"

// parts collects a workbook's parts as excelize writes them, uncompressed,
// so that they are compressed once, in an order of their own (excelize
// writes streamed sheets in a Go map's order).
type parts struct {
	list []*part
}

type part struct {
	name string
	body bytes.Buffer
	// rows, if set, replace the cut bytes at at: a sheet's empty
	// <sheetData> (see splice).
	rows    []byte
	at, cut int
}

var _ excelize.ZipWriter = (*parts)(nil)

func (p *parts) Create(name string) (io.Writer, error) {
	e := &part{name: name}
	p.list = append(p.list, e)
	return &e.body, nil
}

// AddFS is never called by the excelize features spsim uses.
func (p *parts) AddFS(fs.FS) error {
	return errors.New("workbook: adding a file system is not supported")
}

func (p *parts) Close() error { return nil }

// defaultType matches one <Default> element of [Content_Types].xml.
var defaultType = regexp.MustCompile(`<Default [^>]*>(</Default>)?`)

// zipCanonical writes the parts as an .xlsx whose bytes depend only on
// its content: [Content_Types].xml first, the other parts by name, no
// times. excelize adds the image content types of a workbook with charts
// by walking a Go map, so their order varies from run to run; they are
// sorted here.
func (p *parts) zipCanonical(w io.Writer) error {
	slices.SortFunc(p.list, func(a, b *part) int {
		if (a.name == contentTypes) != (b.name == contentTypes) {
			if a.name == contentTypes {
				return -1
			}
			return 1
		}
		return strings.Compare(a.name, b.name)
	})
	zw := zip.NewWriter(w)
	// The fastest deflate: the weekly sheet is most of the workbook, and
	// at the default level compressing it costs more than building it,
	// for a file about 15% smaller. One compressor serves every part.
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	for _, e := range p.list {
		body := e.body.Bytes()
		if e.name == contentTypes {
			body = sortDefaults(body)
		}
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: e.name, Method: zip.Deflate})
		if err != nil {
			return fmt.Errorf("writing %s: %w", e.name, err)
		}
		if err := e.write(fw, body); err != nil {
			return fmt.Errorf("writing %s: %w", e.name, err)
		}
	}
	return zw.Close()
}

// sortDefaults puts the <Default> elements, which are contiguous, in
// sorted order.
func sortDefaults(x []byte) []byte {
	locs := defaultType.FindAllIndex(x, -1)
	if len(locs) < 2 {
		return x
	}
	start, end := locs[0][0], locs[len(locs)-1][1]
	elems := make([]string, len(locs))
	for i, l := range locs {
		elems[i] = string(x[l[0]:l[1]])
	}
	if joined := bytes.Join(toBytes(elems), nil); !bytes.Equal(joined, x[start:end]) {
		return x // not contiguous: leave it alone
	}
	slices.Sort(elems)
	var b bytes.Buffer
	b.Write(x[:start])
	for _, e := range elems {
		b.WriteString(e)
	}
	b.Write(x[end:])
	return b.Bytes()
}

func toBytes(s []string) [][]byte {
	out := make([][]byte, len(s))
	for i, e := range s {
		out[i] = []byte(e)
	}
	return out
}
