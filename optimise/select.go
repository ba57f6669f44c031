package optimise

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/stat"

	"github.com/spsim/spsim/internal/usage"
	"github.com/spsim/spsim/sim/experiment"
)

// Objective asks for the combination with the highest (Maximise) or the
// lowest mean of one KPI, among those within the budget.
type Objective struct {
	KPI      string
	Maximise bool
	// Tolerance is the indifference zone δ > 0, in the KPI's units: a
	// combination within δ of the best may be chosen in its place. Zero
	// asks for 5% of the largest first-batch mean (in absolute value): the
	// KPI's scale.
	Tolerance float64
}

// String writes the objective as it is given on the command line.
func (o Objective) String() string {
	s := "--minimise " + o.KPI
	if o.Maximise {
		s = "--maximise " + o.KPI
	}
	if o.Tolerance > 0 {
		s += "±" + strconv.FormatFloat(o.Tolerance, 'g', -1, 64)
	}
	return s
}

// Sense is "highest" or "lowest".
func (o Objective) Sense() string {
	if o.Maximise {
		return "highest"
	}
	return "lowest"
}

// ParseObjective reads "KPI" or "KPI±E" (or "KPI+-E") for --maximise or
// --minimise.
func ParseObjective(s string, maximise bool) (Objective, error) {
	flag := "--minimise"
	if maximise {
		flag = "--maximise"
	}
	o := Objective{Maximise: maximise}
	kpi, tol, hasTol := strings.Cut(strings.ReplaceAll(s, "+-", "±"), "±")
	o.KPI = strings.TrimSpace(kpi)
	if o.KPI == "" {
		return o, usage.Errorf("%s %q: want a KPI, optionally with a tolerance, such as needs_met or needs_met±20", flag, s)
	}
	if hasTol {
		v, err := strconv.ParseFloat(strings.TrimSpace(tol), 64)
		if err != nil || !(v > 0) || math.IsInf(v, 0) {
			return o, usage.Errorf("%s %q: the tolerance must be a positive number, such as %s±20", flag, s, o.KPI)
		}
		o.Tolerance = v
	}
	return o, nil
}

// Select chooses, among the candidates within the budget, the one whose
// mean of the objective's KPI (the first of kpis) is best, by Kim and
// Nelson's fully sequential procedure on common random numbers (KN, ACM
// TOMACS 11(3), 2001). Every candidate runs a first batch of N0
// replications, which fixes the variance of each pair's differences S²;
// then, replication by replication, candidate i is eliminated when its
// mean falls more than W(r) = max(0, δ/(2r)·(h²S²/δ² − r)) below another
// survivor's, with h² = 2η(n0 − 1) and η from the error 1 − Confidence
// split over the k − 1 others. If the best is at least δ better than every
// other, it is the one left with probability at least Confidence.
//
// Two candidates whose differences are all 0 (the same outcome, replication
// by replication) cannot be told apart by any number of replications; the
// dearer is dropped. Candidates still in contention at MaxReps are
// Undecided, and the best mean among them is taken as the plan.
func Select(ctx context.Context, cands []Candidate, obj Objective, kpis []string, eval Evaluate, opt Options) (*Result, error) {
	if err := opt.defaults(); err != nil {
		return nil, err
	}
	if len(kpis) == 0 || kpis[0] != obj.KPI {
		return nil, fmt.Errorf("optimise: the objective's KPI %s must be the first reported", obj.KPI)
	}
	r := &Result{Objective: &obj, KPIs: kpis, Candidates: cands, Plan: -1, RunnerUp: -1, Cheaper: -1, Options: opt}
	r.orderByCost()
	if len(r.Order) == 0 {
		return r, nil
	}
	s := &selection{r: r, eval: eval, opt: opt, sign: -1}
	if obj.Maximise {
		s.sign = 1
	}
	if err := s.run(ctx); err != nil {
		return nil, err
	}
	return r, nil
}

// selection is Select's state: candidate p of the order has rows[p], of
// which every survivor has used the first n, and survives while alive[p].
type selection struct {
	r     *Result
	eval  Evaluate
	opt   Options
	sign  float64 // +1 to maximise, −1 to minimise: sign·x is better higher
	rows  [][][]float64
	sums  []float64 // Σ sign·x over the first n values
	alive []bool
	used  []int // replications used when eliminated (or at the end)
	s2    [][]float64
	h2    float64
	delta float64
	n     int // replications used so far by every survivor
}

func (s *selection) run(ctx context.Context) error {
	k := len(s.r.Order)
	s.rows, s.sums = make([][][]float64, k), make([]float64, k)
	s.alive, s.used = make([]bool, k), make([]int, k)
	for p, i := range s.r.Order {
		rows, err := s.eval(ctx, i, 0, s.opt.N0)
		if err != nil {
			return err
		}
		s.rows[p], s.alive[p] = rows, true
	}
	s.n = s.opt.N0
	for p := range k {
		for j := range s.n {
			s.sums[p] += s.x(p, j)
		}
		if math.IsNaN(s.sums[p]) {
			s.alive[p], s.used[p] = false, s.n // an undefined KPI is never the best
		}
	}
	if err := s.fix(); err != nil {
		return err
	}
	for s.survivors() > 1 {
		s.eliminate()
		if s.survivors() <= 1 || s.n >= s.opt.MaxReps {
			break
		}
		if err := s.next(ctx); err != nil {
			return err
		}
	}
	s.finish()
	return nil
}

// x is candidate p's objective in replication j, signed so that higher is
// better.
func (s *selection) x(p, j int) float64 { return s.sign * s.rows[p][j][0] }

// fix sets the indifference zone and the pairs' variances from the first
// batch.
func (s *selection) fix() error {
	k := len(s.r.Order)
	s.delta = s.r.Objective.Tolerance
	if s.delta == 0 {
		best := math.Inf(-1)
		for p := range k {
			if s.alive[p] {
				best = math.Max(best, math.Abs(s.sums[p]/float64(s.n)))
			}
		}
		s.delta = 0.05 * best
	}
	if !(s.delta > 0) || math.IsInf(s.delta, 0) {
		if s.survivors() == 0 {
			return nil // nothing to choose: every candidate's KPI is undefined
		}
		return fmt.Errorf("%s: the largest first-batch mean is 0, so 5%% of it is no tolerance; give one as %s±E", s.r.Objective, s.r.Objective.KPI)
	}
	s.r.Delta = s.delta
	if k > 1 {
		s.r.Beta = (1 - s.opt.Confidence) / float64(k-1)
		s.h2 = 2 * eta(s.r.Beta, s.opt.N0) * float64(s.opt.N0-1)
	}
	s.s2 = make([][]float64, k)
	d := make([]float64, s.opt.N0)
	for p := range k {
		s.s2[p] = make([]float64, k)
		for q := range k {
			if q == p || !s.alive[p] || !s.alive[q] {
				continue
			}
			for j := range d {
				d[j] = s.x(p, j) - s.x(q, j)
			}
			s.s2[p][q] = stat.Variance(d, nil)
		}
	}
	return nil
}

func (s *selection) survivors() int {
	n := 0
	for _, a := range s.alive {
		if a {
			n++
		}
	}
	return n
}

// eliminate drops every survivor whose mean falls more than W(n) below
// another's at n replications, all judged against the survivors before
// any is dropped, and of two with the same outcome in every replication
// the dearer.
func (s *selection) eliminate() {
	k, n := len(s.alive), float64(s.n)
	drop := make([]bool, k)
	for p := range k {
		if !s.alive[p] {
			continue
		}
		for q := range k {
			if q == p || !s.alive[q] {
				continue
			}
			mp, mq := s.sums[p]/n, s.sums[q]/n
			if s.s2[p][q] == 0 && mp == mq {
				if q < p { // the order is by cost: q is as cheap or cheaper
					drop[p] = true
				}
				continue
			}
			w := math.Max(0, s.delta/(2*n)*(s.h2*s.s2[p][q]/(s.delta*s.delta)-n))
			if mp < mq-w {
				drop[p] = true
			}
		}
	}
	for p, d := range drop {
		if d {
			s.alive[p], s.used[p] = false, s.n
		}
	}
}

// next adds one replication to every survivor, running a batch where a
// survivor has none left.
func (s *selection) next(ctx context.Context) error {
	for p, i := range s.r.Order {
		if !s.alive[p] {
			continue
		}
		if have := len(s.rows[p]); have <= s.n {
			more, err := s.eval(ctx, i, have, min(s.opt.Batch, s.opt.MaxReps-have))
			if err != nil {
				return err
			}
			s.rows[p] = append(s.rows[p], more...)
		}
		s.sums[p] += s.x(p, s.n)
	}
	s.n++
	return nil
}

// finish records every candidate checked, the plan (the survivor, or the
// best mean of those left at the cap), the runner-up (the closest behind
// it) and their paired difference.
func (s *selection) finish() {
	r, alive := s.r, s.survivors()
	for p, i := range r.Order {
		c := Checked{Index: i, Reps: len(s.rows[p]), Used: s.used[p], Decision: Eliminated}
		if s.alive[p] {
			c.Used, c.Decision = s.n, Undecided
			if alive == 1 {
				c.Decision = Chosen
			}
		}
		c.KPIs = estimates(s.rows[p], r.KPIs, s.opt.Confidence)
		r.Checked = append(r.Checked, c)
	}
	// The survivors are compared over the same replications, the first n:
	// their sums.
	best := -1
	for p := range r.Order {
		if s.alive[p] && (best < 0 || s.sums[p] > s.sums[best]) {
			best = p
		}
	}
	if best < 0 {
		return
	}
	r.Plan = r.Order[best]
	r.AllSame = len(r.Order) > 1
	for p := range r.Order {
		for j := range min(len(s.rows[p]), len(s.rows[best])) {
			if s.rows[p][j][0] != s.rows[best][j][0] { // a NaN is never the same
				r.AllSame = false
			}
		}
	}
	// The runner-up is the one closest behind the plan: the smallest mean
	// gap, paired replication by replication over those they share.
	gap := func(p int) float64 {
		n, sum := min(len(s.rows[p]), len(s.rows[best])), 0.0
		for j := range n {
			sum += s.x(best, j) - s.x(p, j)
		}
		return sum / float64(n)
	}
	second, closest := -1, math.Inf(1)
	for p := range r.Order {
		if g := gap(p); p != best && g < closest { // a NaN gap is never less
			second, closest = p, g
		}
	}
	if second >= 0 {
		r.RunnerUp = r.Order[second]
		n := min(len(s.rows[best]), len(s.rows[second]))
		d := make([]float64, n)
		for j := range d {
			d[j] = s.rows[best][j][0] - s.rows[second][j][0]
		}
		e := experiment.Interval(d, s.opt.Confidence)
		r.Lead = &e
	}
	s.cheaper(best, second)
}

// cheaper finds the cheapest candidate costing less than the plan, other
// than the runner-up, that the replications cannot tell from it or that
// lies within the tolerance of it: r.Cheaper and r.CheaperLead.
func (s *selection) cheaper(best, second int) {
	r := s.r
	for p := range r.Order { // cheapest first
		if p == best || p == second || r.Candidates[r.Order[p]].Cost >= r.Candidates[r.Order[best]].Cost {
			continue
		}
		n := min(len(s.rows[best]), len(s.rows[p]))
		d := make([]float64, n)
		for j := range d {
			d[j] = s.rows[best][j][0] - s.rows[p][j][0]
		}
		e := experiment.Interval(d, s.opt.Confidence)
		if e.N < 2 || math.IsNaN(e.Mean) {
			continue
		}
		within := -s.delta <= e.Low && e.High <= s.delta
		if within || e.Low <= 0 && e.High >= 0 {
			r.Cheaper, r.CheaperLead = r.Order[p], &e
			return
		}
	}
}

// estimates are each KPI's mean over rows with its interval within the
// KPI's range.
func estimates(rows [][]float64, kpis []string, level float64) []KPIResult {
	var out []KPIResult
	for k, name := range kpis {
		xs := make([]float64, len(rows))
		for j, row := range rows {
			xs[j] = row[k]
		}
		out = append(out, KPIResult{KPI: name, Estimate: experiment.IntervalIn(xs, level, experiment.KPIRange(name, ""))})
	}
	return out
}
