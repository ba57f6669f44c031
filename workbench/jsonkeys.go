package workbench

import (
	"bytes"
	"encoding/json"
	"strings"
)

// duplicateKey finds a key given twice in one object of a request's JSON,
// which encoding/json would read as its last value without a word
// ({"name":"baseline","name":"tiered"} ran tiered). Keys are compared
// ignoring case, as encoding/json matches them to fields ("Name" is name).
// Text that is not JSON is left to the decoder to report.
func duplicateKey(data []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	// The objects and arrays open around the token: an object's keys so
	// far (nil for an array), and whether a key comes next.
	type open struct {
		keys    map[string]bool
		wantKey bool
	}
	var stack []open
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", false
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, open{keys: map[string]bool{}, wantKey: true})
				continue
			case '[':
				stack = append(stack, open{})
				continue
			}
			stack = stack[:len(stack)-1] // '}' or ']' ends a value
		case string:
			if n := len(stack); n > 0 && stack[n-1].wantKey {
				k := strings.ToLower(t)
				if stack[n-1].keys[k] {
					return t, true
				}
				stack[n-1].keys[k], stack[n-1].wantKey = true, false
				continue
			}
		}
		// A value ended: in an object, a key comes next.
		if n := len(stack); n > 0 && stack[n-1].keys != nil {
			stack[n-1].wantKey = true
		}
	}
}
