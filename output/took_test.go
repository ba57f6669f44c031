package output

import "testing"

func TestTookSaysTwoFigures(t *testing.T) {
	for _, c := range []struct {
		seconds float64
		want    string
	}{
		{0.004, "under 0.01 s"},
		{0.0431, "0.043 s"},
		{0.25, "0.25 s"},
		{1.73, "1.7 s"},
		{43.7, "44 s"},
		{125.4, "2 min 5 s"},
		{3599.6, "60 min 0 s"},
	} {
		if got := Took(c.seconds); got != c.want {
			t.Errorf("Took(%v) = %q, want %q", c.seconds, got, c.want)
		}
	}
}
