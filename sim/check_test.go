package sim

import (
	"math"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func baselineConfig(t *testing.T) *Config {
	t.Helper()
	var c Config
	if _, err := toml.DecodeFile("../scenarios/baseline.toml", &c); err != nil {
		t.Fatal(err)
	}
	return &c
}

// TestCheckCatchesViolations shows that the end-of-run self-checks can fail:
// each corruption of the state must be reported by name.
func TestCheckCatchesViolations(t *testing.T) {
	for _, c := range []struct {
		name    string
		corrupt func(m *Model)
		want    string
	}{
		{"lost referral", func(m *Model) { m.m.referred++ }, "invariant conservation"},
		{"caseload count", func(m *Model) { m.lws[0].caseload++ }, "invariant caseload"},
		{"waiting counter", func(m *Model) { m.m.waiting.v++ }, "invariant counts"},
		{"negative community queue", func(m *Model) { m.svcs[0].waiting = -1 }, "invariant non-negative"},
		{"missing week", func(m *Model) { m.m.rows = m.m.rows[:len(m.m.rows)-1] }, "invariant clock"},
		{"holding count", func(m *Model) { m.lws[0].held++ }, "invariant holding"},
		{"community count", func(m *Model) { m.m.vcseOccupied.v++ }, "invariant community counts"},
		{"slab", func(m *Model) { m.pp.inUse++ }, "invariant people slab"},
		{"negative re-referrals", func(m *Model) { m.m.rereferralsPending = -1 }, "invariant non-negative"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := New(baselineConfig(t), 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := m.Run(); err != nil {
				t.Fatalf("clean run failed its checks: %v", err)
			}
			c.corrupt(m)
			err = m.check()
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("check() = %v, want an error containing %q", err, c.want)
			}
		})
	}
}

// TestRowsScannedAsWritten: the window's sums kept as rows are written are
// bit for bit what a pass over the finished table gives, and a value that
// is not finite, written into a row, fails the run's self-check.
func TestRowsScannedAsWritten(t *testing.T) {
	cfg := baselineConfig(t)
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 80, 30
	m, err := New(cfg, 2)
	if err != nil {
		t.Fatal(err)
	}
	r, err := m.Run()
	if err != nil {
		t.Fatal(err)
	}
	want := newWindow(r, cfg.Run.WarmupWeeks, 50).sums
	for c, v := range m.m.windowSums {
		if math.Float64bits(v) != math.Float64bits(want[c]) {
			t.Fatalf("column %s: %v as written, %v from the table", r.Columns[c].Name, v, want[c])
		}
	}
	if !r.finite {
		t.Error("a run of finite values is not known to be finite")
	}
	// A value that is not finite is caught in the warm-up and in the
	// window, and +Inf and −Inf in one column do not cancel.
	for _, c := range []struct {
		rows     [][]float64
		inWindow []bool
	}{
		{[][]float64{{1, 2}, {math.Inf(1), 0}}, []bool{true, false}},
		{[][]float64{{1, 2}, {math.NaN(), 0}}, []bool{true, false}},
		{[][]float64{{1, 2}, {0, math.Inf(-1)}}, []bool{false, true}},
		{[][]float64{{1, math.NaN()}, {0, 3}}, []bool{true, true}},
		{[][]float64{{math.Inf(1), 2}, {math.Inf(-1), 3}}, []bool{true, true}},
	} {
		var mt metrics
		mt.windowSums = make([]float64, 2)
		for i, row := range c.rows {
			mt.scan(row, c.inWindow[i])
		}
		if mt.finiteRows() {
			t.Errorf("rows %v (in the window: %v) scanned as finite", c.rows, c.inWindow)
		}
	}
	var mt metrics
	mt.windowSums = make([]float64, 2)
	mt.scan([]float64{1, 2}, false)
	mt.scan([]float64{3, 4}, true)
	if !mt.finiteRows() {
		t.Error("finite rows scanned as not finite")
	}
}

// A run that keeps only some columns (Workspace.Keep) writes each week over
// the last: a value that is not finite in an earlier week is still refused,
// though its week can no longer be named.
func TestCheckFiniteRowsGone(t *testing.T) {
	written := &Result{Columns: []Column{{Name: "a"}}, Weekly: [][]float64{{1}, {2}}, rowsGone: true}
	if err := written.CheckFinite(); err == nil || !strings.Contains(err.Error(), "not kept") {
		t.Errorf("a run not known finite, whose rows are gone, passed the self-check: %v", err)
	}
	written.finite = true
	if err := written.CheckFinite(); err != nil {
		t.Errorf("a run known finite refused: %v", err)
	}
	cfg := baselineConfig(t)
	cfg.Run.HorizonWeeks, cfg.Run.WarmupWeeks = 60, 20
	var w Workspace
	w.Keep([]string{ColReferrals})
	r, err := w.Run(t.Context(), cfg, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !r.rowsGone || !r.finite {
		t.Errorf("a kept run: rows gone %v, known finite %v; want both", r.rowsGone, r.finite)
	}
}
