package main

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestProgressLineFitsTheTerminal checks that the bar never reaches the
// last column, where the cursor would wrap and every redraw leave a stale
// line, and that it keeps what matters most as the terminal narrows.
func TestProgressLineFitsTheTerminal(t *testing.T) {
	const eta = "about 1m12s left"
	tests := []struct {
		width      int
		want       []string // substrings the line must keep
		wantNot    []string
		barAtLeast int
	}{
		{width: 200, want: []string{"deprived-area", "7/20 replications", eta}, barAtLeast: 30},
		{width: 80, want: []string{"deprived-area", "7/20 replications", eta}, barAtLeast: 10},
		{width: 60, want: []string{"deprived-area", "7/20", eta}, barAtLeast: 10},
		{width: 45, want: []string{"7/20", eta}, wantNot: []string{"deprived-area"}, barAtLeast: 10},
		{width: 30, want: []string{"7/20", eta}, wantNot: []string{"█", "░"}},
		{width: 10, want: []string{"7/20"}, wantNot: []string{eta}},
		{width: 3, wantNot: []string{"7/20"}},
	}
	for _, tt := range tests {
		line := progressLine(tt.width, "deprived-area", 7, 20, eta)
		if n := utf8.RuneCountInString(line); n >= tt.width {
			t.Errorf("width %d: line has %d columns, must be under %d: %q", tt.width, n, tt.width, line)
		}
		for _, s := range tt.want {
			if !strings.Contains(line, s) {
				t.Errorf("width %d: line %q lacks %q", tt.width, line, s)
			}
		}
		for _, s := range tt.wantNot {
			if strings.Contains(line, s) {
				t.Errorf("width %d: line %q should have dropped %q", tt.width, line, s)
			}
		}
		if bar := strings.Count(line, "█") + strings.Count(line, "░"); bar < tt.barAtLeast {
			t.Errorf("width %d: bar of %d cells, want at least %d: %q", tt.width, bar, tt.barAtLeast, line)
		}
	}
}

// TestProgressLineFillsInProportion checks the bar shows the share done.
func TestProgressLineFillsInProportion(t *testing.T) {
	line := progressLine(200, "x", 5, 20, "e")
	if got := strings.Count(line, "█"); got != 30/4 {
		t.Errorf("5 of 20 done on a 30-cell bar: %d cells filled, want 7: %q", got, line)
	}
}
