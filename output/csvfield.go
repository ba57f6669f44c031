package output

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// appendField appends s as encoding/csv writes a field of a record of
// several: as it is when it needs no quotes, which is what spsim's names
// are, and through encoding/csv itself otherwise, so that the bytes are
// always encoding/csv's.
func appendField(b []byte, s string) []byte {
	if s == "" || s != `\.` && !strings.ContainsAny(s, ",\"\r\n") && s[0] > ' ' && s[0] < 0x80 {
		return append(b, s...)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{s, ""}) // two fields: a lone field has rules of its own
	w.Flush()
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte(",\n"))...)
}
