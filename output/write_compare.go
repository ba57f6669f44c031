package output

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spsim/spsim/output/workbook"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
	"github.com/spsim/spsim/sim/experiment"
	"github.com/spsim/spsim/study"
)

// WriteCompare writes a comparison's tables, charts and report, those in
// outs.
func WriteCompare(dir string, r *study.CompareResult, outs study.Outputs) error {
	cmp := r.Comparison
	ref := r.Configs[0]
	meta := CompareMeta{Scenarios: cmp.Names, Reference: cmp.Names[0], Seed: ref.Run.Seed,
		Replications: ref.Run.Replications, Level: r.Level, Version: r.Version, CommonRandomNumbers: true, LoadWarnings: r.LoadWarnings, Warnings: r.Warnings,
		AfterChanges: changeMetas(compareReadings(cmp, r.Configs))}
	files := when(outs.Has(study.Summary),
		file{"compare.csv", func(w io.Writer) error { return WriteCompareCSV(w, cmp) }},
		file{"compare.json", func(w io.Writer) error { return WriteCompareJSON(w, meta, cmp) }})
	if _, areas := CompareAreaDifferences(cmp); areas {
		files = append(files, when(outs.Has(study.Summary),
			file{"compare_areas.csv", func(w io.Writer) error { return WriteCompareAreasCSV(w, cmp) }})...)
	}
	files = append(files, when(outs.Has(study.XLSX), file{"results.xlsx", func(w io.Writer) error { return workbook.WriteCompare(w, compareWorkbook(r)) }})...)
	for i, name := range compareScenarioFiles(r.Configs) {
		c := r.Configs[i]
		files = append(files, when(outs.Has(study.Scenario),
			file{name, func(w io.Writer) error { return scenarios.Encode(w, c) }})...)
	}
	return writeAll(dir, files, func() ([]file, error) {
		if !outs.Figures() {
			return nil, nil
		}
		figs, err := CompareFigures(cmp, CompareKPIs)
		if err != nil {
			return nil, err
		}
		return figureFiles(figs, outs, func(figs []Figure) (Report, error) { return compareReport(r, figs) }), nil
	})
}

// compareWorkbook is what the comparison's workbook shows: the verdicts
// first.
func compareWorkbook(r *study.CompareResult) workbook.Compare {
	cmp := r.Comparison
	verdict := CompareAnswer(cmp, r.Configs)
	ds, _ := CompareAreaDifferences(cmp)
	areas := make([]workbook.AreaDifference, len(ds))
	for i, d := range ds {
		areas[i] = workbook.AreaDifference(d)
	}
	return workbook.Compare{Title: "spsim compare: " + strings.Join(cmp.Names, " vs "), Question: compareQuestion(cmp),
		Facts: append([]string{compareRunFact(r)},
			append(compareSets(r), warningFacts(r.LoadWarnings, r.Warnings)...)...),
		Verdict: verdict, Headline: Headline, C: cmp, Words: estimateWords, Areas: areas}
}

// compareQuestion is a comparison's question, for its report and workbook:
// the study's, not the reference scenario's own.
func compareQuestion(cmp *experiment.Comparison) string {
	others := cmp.Names[1:]
	if len(others) == 1 {
		return fmt.Sprintf("How does %s compare with %s?", others[0], cmp.Names[0])
	}
	return fmt.Sprintf("How do %s and %s compare with %s?", strings.Join(others[:len(others)-1], ", "), others[len(others)-1], cmp.Names[0])
}

// compareSets says what --set changed in every compared scenario, if
// anything.
func compareSets(r *study.CompareResult) []string {
	if len(r.Sets) == 0 {
		return nil
	}
	return []string{"Set in every scenario on the command line: " + strings.Join(r.Sets, "; ") + "."}
}

func compareReport(r *study.CompareResult, figs []Figure) (Report, error) {
	cmp, ref := r.Comparison, r.Configs[0]
	// Only what differs: the reference in full, then what each other
	// scenario changes, in its assumptions and its resolved values.
	var resolved []Listing
	var sets [][]string
	var questions []string
	for i, c := range r.Configs {
		text, err := encoded(c)
		if err != nil {
			return Report{}, err
		}
		if i == 0 {
			resolved = append(resolved, Listing{Name: c.Name + ", fully resolved", Text: text})
		} else {
			diff := tomlDiff(resolved[0].Text, text)
			if diff == "" {
				diff = "# the same values as " + cmp.Names[0] + "\n"
			}
			resolved = append(resolved, Listing{Name: c.Name + ", where it differs from " + cmp.Names[0], Text: diff})
		}
		sets = append(sets, Assumptions(c))
		questions = append(questions, c.Name+": "+c.Question)
	}
	assumptions := differingAssumptions(cmp.Names, sets)
	head, rows := CompareTable(cmp, Headline)
	head[len(head)-1] = "name in compare.csv"
	rep := Report{
		Title:    "spsim compare: " + strings.Join(cmp.Names, " vs "),
		Question: compareQuestion(cmp),
		Facts: append([]string{
			fmt.Sprintf("Reference: %s. Compared: %s.", cmp.Names[0], strings.Join(cmp.Names[1:], ", ")),
			compareRunFact(r),
			"Differences are scenario minus reference, paired replication by replication; the unpaired (Welch) intervals in compare.csv show what pairing gains.",
		}, append(compareSets(r), questions...)...),
		Answer:    CompareAnswer(cmp, r.Configs),
		Tables:    verdictTables(cmp),
		Warnings:  append(append([]string(nil), r.LoadWarnings...), r.Warnings...),
		Headline:  Table{Caption: "Headline KPIs: means with 95% CI, and paired differences from " + cmp.Names[0], Head: head, Rows: rows, Code: head[len(head)-1]},
		Figures:   figs,
		Sources:   listings(r.Sources),
		Scenarios: resolved,
		Method:    method(ref, r.Version, r.Elapsed, r.Workers, true),
	}
	// The paired differences lead, on the summary page.
	if i := slices.IndexFunc(figs, func(f Figure) bool { return f.Name == "compare_differences" }); i >= 0 {
		lead := figs[i]
		rep.Lead, rep.Figures = &lead, slices.Delete(slices.Clone(figs), i, i+1)
	}
	rep.Method.Assumptions = assumptions
	rep.Method.Warmup = WarmupMethod(ref.Run.WarmupWeeks, nil) + " Run each scenario with spsim run for its MSER-5 warm-up suggestion."
	rep.Method.Replications = experiment.Count(ref.Run.Replications, "replication") + " per scenario; replication i of every scenario shares its random numbers."
	return rep, nil
}

// verdictTables are the report's verdict tables: against the reference,
// then head to head where there are options for the same money, then,
// for scenarios of several areas, area by area.
func verdictTables(c *experiment.Comparison) []Table {
	out := []Table{VerdictTable(c)}
	if t, ok := HeadToHeadTable(c); ok {
		out = append(out, t)
	}
	if t, ok := CompareAreaTable(c); ok {
		out = append(out, t)
	}
	return out
}

// compareScenarioFiles are the files of the compared scenarios, in order:
// scenario.NAME.toml with each name made safe (a name is the scenario's
// own text, and "../x" must not write outside the folder), and a number
// added until a name is free where two come out the same, ignoring case.
func compareScenarioFiles(cfgs []*sim.Config) []string {
	taken := map[string]bool{}
	out := make([]string, len(cfgs))
	for i, c := range cfgs {
		// Compared without case, as macOS's and Windows' file systems do.
		name := scenarios.SafeName(c.Name)
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = fmt.Sprintf("%s-%d", scenarios.SafeName(c.Name), n)
		}
		taken[strings.ToLower(name)] = true
		out[i] = "scenario." + name + ".toml"
	}
	return out
}

// RunSpans says the weeks each compared scenario runs, "208 weeks (warm-up
// 78)", once where they all agree (same), else each scenario's with its
// name.
func RunSpans(names []string, cfgs []*sim.Config) (spans string, same bool) {
	span := func(c *sim.Config) string {
		return fmt.Sprintf("%d weeks (warm-up %d)", c.Run.HorizonWeeks, c.Run.WarmupWeeks)
	}
	each := make([]string, len(cfgs))
	same = true
	for i, c := range cfgs {
		each[i] = span(c) + " for " + names[i]
		same = same && span(c) == span(cfgs[0])
	}
	if same {
		return span(cfgs[0]), true
	}
	return strings.Join(each, ", "), false
}

// compareRunFact is the comparison's replications, weeks and seed.
func compareRunFact(r *study.CompareResult) string {
	ref := r.Configs[0]
	reps := experiment.Count(ref.Run.Replications, "replication")
	spans, same := RunSpans(r.Comparison.Names, r.Configs)
	if !same {
		return fmt.Sprintf("%s of each scenario: %s; seed %d, on common random numbers.", reps, spans, ref.Run.Seed)
	}
	return fmt.Sprintf("%s of each scenario, %s, seed %d, on common random numbers.", reps, spans, ref.Run.Seed)
}
