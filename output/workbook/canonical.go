package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
)

// defaultType matches one <Default> element of [Content_Types].xml.
var defaultType = regexp.MustCompile(`<Default [^>]*>(</Default>)?`)

// canonical rewrites an .xlsx so that its bytes depend only on its
// content. excelize adds the image content types of a workbook with
// charts by walking a Go map, so their order varies from run to run; they
// are sorted here. Entries keep their order and carry no times.
func canonical(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if f.Name == "[Content_Types].xml" {
			body = sortDefaults(body)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(body); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("rewriting workbook: %w", err)
	}
	return out.Bytes(), nil
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
