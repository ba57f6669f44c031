package editdist

import (
	"fmt"
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	long := strings.Repeat("a", 65)
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"scale", "scale", 0},
		{"sclae", "scale", 1}, // a swap is one edit
		{"mean", "mena", 1},
		{"shape", "shap", 1},
		{"kitten", "sitting", 3},
		{"baselin", "baseline", 1},
		{"référé", "refere", 3}, // runes, not bytes: three letters differ
		{long, long, 0},
		{long, "a", 65}, // too long to compare: as far as it is long
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
		if got := Distance(tc.b, tc.a); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (symmetric)", tc.b, tc.a, got, tc.want)
		}
	}
}

func ExampleDistance() {
	fmt.Println(Distance("sclae", "scale"), Distance("baselin", "baseline"), Distance("mean", "median"))
	// Output: 1 1 2
}
