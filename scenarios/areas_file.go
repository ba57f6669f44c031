package scenarios

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/spsim/spsim/internal/extract"
)

// maxAreaRows bounds an areas file: England has about 1,250 PCNs.
const maxAreaRows = 20000

// areaOnlyColumns are the columns of an areas file that are not scenario
// keys but the area's own fields.
var areaOnlyColumns = []string{"name", "referrals_multiplier", "reference_group_share"}

// csvPlaces are where an areas file's areas were written: each area's line,
// and each key's column.
type csvPlaces struct {
	lines []int
	cols  map[string]int
}

// readAreas reads an areas file: a header row of "name" and scenario keys
// (and optionally referrals_multiplier, reference_group_share), then one
// row per area. A cell holds a TOML value; text may be bare; an empty cell
// leaves the key as the scenario has it.
func readAreas(path string) (list []AreaSpec, at csvPlaces, _ Errors) {
	fail := func(line, col int, key, msg string) ([]AreaSpec, csvPlaces, Errors) {
		return nil, csvPlaces{}, Errors{{File: path, Line: line, Col: col, Key: key, Msg: msg}}
	}
	raw, err := extract.ReadFile(path, maxDataFileBytes)
	if err != nil {
		return fail(0, 0, "", "cannot read the areas file: "+err.Error())
	}
	return parseAreas(path, raw)
}

// parseAreas reads the bytes of an areas file, named path in messages.
func parseAreas(path string, raw []byte) (list []AreaSpec, at csvPlaces, _ Errors) {
	fail := func(line, col int, key, msg string) ([]AreaSpec, csvPlaces, Errors) {
		return nil, csvPlaces{}, Errors{{File: path, Line: line, Col: col, Key: key, Msg: msg}}
	}
	er, err := extract.Open(raw)
	if err != nil {
		return nil, csvPlaces{}, extractErrors(path, "the areas file", err)
	}
	head := er.Head
	if len(head) > 0 && extract.Normal(head[0]) == "name" {
		head[0] = "name" // "Name", as a spreadsheet capitalises it
	}
	if len(head) == 0 || head[0] != "name" {
		msg := `the first column must be "name", then one column per scenario key (e.g. workforce.link_workers)`
		// A report's title above the header: say where the header seems
		// to be (its first line whose first column is name).
		if line, below := er.HeaderBelow(func(cells []string) bool { return len(cells) > 0 && extract.Normal(cells[0]) == "name" }); line > 0 {
			msg += "; " + extract.HeaderBelowAdvice(er.Line, line, below)
		}
		return fail(er.Line, 1, "", msg)
	}
	for i, h := range head[1:] {
		if strings.TrimSpace(h) == "" {
			// A spreadsheet's trailing comma: refused only where a row
			// has a value there (areaRow).
			head[i+1] = ""
			continue
		}
		if j := slices.Index(head[:i+1], h); j >= 0 {
			return fail(er.Line, i+2, h, fmt.Sprintf("column %s is also column %d: give each key once", h, j+1))
		}
		if slices.Contains(areaOnlyColumns, h) {
			continue
		}
		if typeAt(splitKey(h)) == nil {
			// A capitalised key ("Workforce.Link_Workers"); a service's or
			// group's own name may have capitals, and is not lowered.
			if l := strings.ToLower(h); typeAt(splitKey(l)) != nil {
				return fail(er.Line, i+2, h, fmt.Sprintf("keys are lower case: write %s", l))
			}
			const columns = "columns are name, referrals_multiplier, reference_group_share or key paths such as workforce.link_workers, demand.referrals_per_week, services.NAME.places, groups.NAME.share"
			if s := cmp.Or(suggestColumn(h), suggestColumn(strings.ToLower(h))); s != "" {
				return fail(er.Line, i+2, h, fmt.Sprintf("not a scenario key; did you mean %s? (%s)", s, columns))
			}
			return fail(er.Line, i+2, h, "not a scenario key; "+columns)
		}
	}
	at.cols = map[string]int{}
	for i, h := range head {
		at.cols[h] = i + 1
	}
	var seen NameSet[int] // the line of each name
	var cellErrs Errors   // every cell's, not the first's alone
	for {
		rec, line, err := er.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvPlaces{}, extractErrors(path, "the areas file", err)
		}
		if len(list) >= maxAreaRows {
			return fail(line, 0, "", fmt.Sprintf("more than %d areas", maxAreaRows))
		}
		spec, errs := areaRow(path, line, head, rec, er.Delimiter == ';')
		if errs != nil {
			cellErrs = append(cellErrs, errs...)
			continue
		}
		if spec.Name == "" {
			continue // a blank row
		}
		if totalsRow(spec.Name) {
			return fail(line, 1, "name", fmt.Sprintf("%q looks like a spreadsheet's totals row, not an area: it would be simulated as one more; remove the row, or name the area otherwise", spec.Name))
		}
		// Names that print alike are one area typed twice.
		if first, at, dup := seen.Add(spec.Name, line); dup && first == spec.Name {
			return fail(line, 1, "name", fmt.Sprintf("area %q is also on line %d; names must differ", spec.Name, at))
		} else if dup {
			return fail(line, 1, "name", fmt.Sprintf("area %q is also on line %d, as %q (%s); names must differ", spec.Name, at, first, NamesAlike))
		}
		list, at.lines = append(list, spec), append(at.lines, line)
	}
	if cellErrs != nil {
		return nil, csvPlaces{}, cellErrs
	}
	if len(list) == 0 {
		return fail(0, 0, "", "the areas file has no areas")
	}
	return list, at, nil
}

// plainNumber reads a cell written as a number (numberCell) that TOML
// does not take: a whole number with leading zeros (007) as an integer,
// and one with a bare point (.9, 26.) as a float. A number past float64's
// range, or a whole one past int64's, is an error.
func plainNumber(cell string) (any, error) {
	if !strings.ContainsAny(cell, ".eE") {
		return strconv.ParseInt(cell, 10, 64)
	}
	x, err := strconv.ParseFloat(cell, 64)
	if err != nil {
		return nil, err
	}
	return x, nil
}

// suggestColumn is the key an areas file's header h, which is none, most
// likely misspells ("workforce.link_worker", "referals_multiplier"), as a
// scenario's unknown key is told: the first part of it that is no key,
// replaced by the closest key there; "" if none is close.
func suggestColumn(h string) string {
	if s := suggest(h, areaOnlyColumns); s != "" {
		return s
	}
	path := splitKey(h)
	for i := range path {
		if typeAt(path[:i+1]) != nil {
			continue
		}
		t := typeAt(path[:i])
		if t == nil || t.Kind() != reflect.Struct || isOpaque(t) {
			return ""
		}
		var names []string
		for _, f := range fieldsOf(t) {
			names = append(names, f.name)
		}
		s := suggest(path[i], names)
		if s == "" {
			return ""
		}
		fixed := append(slices.Clone(path[:i]), s)
		fixed = append(fixed, path[i+1:]...)
		if typeAt(fixed) == nil {
			return ""
		}
		return strings.Join(fixed, ".")
	}
	return ""
}

// totalsRow reports whether an area's name is a spreadsheet's summary row
// ("Total", "ICB total", "Sum", "All areas").
func totalsRow(name string) bool {
	words := strings.Fields(strings.NewReplacer("-", " ", ":", " ", "*", " ").Replace(strings.ToLower(name)))
	if len(words) == 0 {
		return false
	}
	// "ICB total", "North ICB totals", "Sub-total": a total comes last.
	if last := words[len(words)-1]; last == "total" || last == "totals" || last == "subtotal" {
		return true
	}
	// "Total", "Grand total for all PCNs": nothing but words of totals
	// ("Total Health PCN" is an area).
	for _, w := range words {
		if !slices.Contains(totalsWords, w) {
			return false
		}
	}
	return true
}

// totalsWords are the words a totals row's name is made of.
var totalsWords = []string{"total", "totals", "grand", "sub", "subtotal", "sum", "all", "areas", "pcns", "pcn", "icb", "for", "the", "of", "overall"}

// Cells a spreadsheet writes for numbers, which TOML cannot read.
var (
	decimalCommaCell = regexp.MustCompile(`^[-+]?\d+,\d{1,2}$|^[-+]?\d+,\d{4,}$|^[-+]?0,\d+$`)
	thousandsCell    = regexp.MustCompile(`^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$`)
	// Thousands grouped with dots, in a file separated by semicolons: a
	// group of thousands never starts with 0, so 0.500 is a half.
	dotThousandsCell = regexp.MustCompile(`^[-+]?[1-9]\d{0,2}(\.\d{3})+$`)
)

// cellHint says how to write a cell of an areas file that a spreadsheet
// formatted as a number, or wrote for none: "" if it does neither.
func cellHint(cell string) string {
	if h := formattedNumberHint(cell); h != "" {
		return h
	}
	switch strings.ToLower(cell) {
	case "n/a", "na", "-", "–", "none", "null":
		return "leave the cell empty to keep the scenario's value"
	}
	return ""
}

// formattedNumberHint says how to write a number a spreadsheet formatted
// ("£32,000", "12%", "0,9", "1,234"), in a cell, a scenario or --set: ""
// if value does not look like one.
func formattedNumberHint(cell string) string {
	plain := strings.NewReplacer("£", "", ",", "", "%", "", " ", "").Replace(cell)
	_, numErr := strconv.ParseFloat(plain, 64)
	switch {
	case strings.HasPrefix(cell, "£") && numErr == nil:
		return fmt.Sprintf("write %s, without £ or thousands separators", plain)
	case strings.HasSuffix(cell, "%") && numErr == nil:
		x, _ := strconv.ParseFloat(plain, 64)
		return fmt.Sprintf("write a share as a fraction: %s for %s", formatNumber(x/100), cell)
	case decimalCommaCell.MatchString(cell):
		return fmt.Sprintf("numbers take a decimal point, not a comma: write %s", strings.Replace(cell, ",", ".", 1))
	case thousandsCell.MatchString(cell):
		return fmt.Sprintf("write %s, without thousands separators", plain)
	}
	return ""
}

// hintedNumber is the number formattedNumberHint has v written as, v
// without its £ and thousands separators or with a decimal point for its
// comma, for a caller to check that the key takes it; false for a
// percentage (a share, hinted as a fraction, which no count is) or none.
func hintedNumber(v string) (float64, bool) {
	if strings.HasSuffix(v, "%") {
		return 0, false
	}
	plain := strings.NewReplacer("£", "", " ", "").Replace(v)
	if decimalCommaCell.MatchString(v) {
		plain = strings.Replace(plain, ",", ".", 1)
	} else {
		plain = strings.ReplaceAll(plain, ",", "")
	}
	x, err := strconv.ParseFloat(plain, 64)
	return x, err == nil
}

// hintsWhole reports whether a cell's hint, if any, has it written as a
// whole number (1,234 as 1234, not 3,5 as 3.5 or 50% as 0.5).
func hintsWhole(cell string) bool {
	x, ok := hintedNumber(cell)
	return ok && x == math.Trunc(x)
}

// numberHint is formattedNumberHint, for a key of whole numbers (whole)
// only where the hint writes one: "write 3.5" or "0.5 for 50%" would be
// refused in turn.
func numberHint(v string, whole bool) string {
	if whole && !hintsWhole(v) {
		return ""
	}
	return formattedNumberHint(v)
}

// wholeKey reports whether the key at path takes a whole number.
func wholeKey(path []string) bool {
	t := typeAt(path)
	return t != nil && wholeKind(t.Kind())
}

// wholeKind reports whether k is a kind of whole number.
func wholeKind(k reflect.Kind) bool { return k >= reflect.Int && k <= reflect.Uint64 }

// joinHint adds a hint to a message, if there is one.
func joinHint(msg, hint string) string {
	if hint == "" {
		return msg
	}
	return msg + ": " + hint
}

// shortRow says what a row of data holds fewer cells than the header's
// named columns lacks, or "" if it does not (a blank row is no row).
func shortRow(head, rec []string) string {
	named := 0 // the header's columns up to its last named one
	for i, h := range head {
		if strings.TrimSpace(h) != "" {
			named = i + 1
		}
	}
	if len(rec) >= named || strings.TrimSpace(strings.Join(rec, "")) == "" {
		return ""
	}
	missing, values, have := head[len(rec):named], fmt.Sprintf("%d values", len(rec)), "have"
	if len(rec) == 1 {
		values = "1 value"
	}
	if len(missing) == 1 {
		have = "has"
	}
	return fmt.Sprintf("%s for the header's %d columns, so %s %s none: write an empty cell (a comma) to keep the scenario's value",
		values, named, strings.Join(missing, ", "), have)
}

// numberCell is a cell written as a number.
var numberCell = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

// areaRow reads one row of an areas file.
func areaRow(path string, line int, head, rec []string, semicolons bool) (AreaSpec, Errors) {
	var spec AreaSpec
	var errs Errors // every bad cell of the row
	if short := shortRow(head, rec); short != "" {
		// A row cut short is told, as one too long is: its missing cells
		// would keep the scenario's values without a word.
		errs = append(errs, &Error{File: path, Line: line, Col: len(rec) + 1, Msg: short})
	}
	for i, cell := range rec {
		cell = strings.TrimSpace(cell)
		if i >= len(head) {
			if cell != "" {
				errs = append(errs, &Error{File: path, Line: line, Col: i + 1, Msg: fmt.Sprintf("more values than the %d columns of the header", len(head))})
			}
			continue
		}
		if cell == "" {
			continue
		}
		bad := func(msg string) Errors {
			return Errors{{File: path, Line: line, Col: i + 1, Key: head[i], Value: cell, Msg: msg}}
		}
		if head[i] == "" {
			errs = append(errs, bad(fmt.Sprintf("column %d has no name in the header, yet holds %q here: give it a scenario key such as workforce.link_workers, or delete the column", i+1, cell))...)
			continue
		}
		switch head[i] {
		case "name":
			spec.Name = cell
			if blank(cell) {
				// Only characters that print as nothing (a zero-width
				// space): told here, at the cell, not as the scenario's.
				errs = append(errs, bad("every area needs a name"+invisible(cell))...)
				continue
			}
			if msg := areaNameProblem(cell); msg != "" {
				errs = append(errs, bad(msg)...)
			}
		case "referrals_multiplier", "reference_group_share":
			x, err := strconv.ParseFloat(cell, 64)
			switch {
			// ParseFloat also reads NaN, which no bound below refuses, and
			// hexadecimal (0x1p-2): a cell is a number as written (numberCell),
			// or an infinity, refused by its bounds.
			case err != nil || math.IsNaN(x) || !math.IsInf(x, 0) && !numberCell.MatchString(cell):
				errs = append(errs, bad(joinHint("expected a number", cellHint(cell)))...)
				continue
			case head[i] == "reference_group_share" && (x < 0 || x > 1):
				msg := "a share from 0 to 1"
				if x >= 2 && x <= 100 { // 1.5 may be 15% as well as 1.5%
					msg += fmt.Sprintf(": did you mean %s (%s%%)?", formatNumber(x/100), cell)
				}
				errs = append(errs, bad(msg)...)
				continue
			case head[i] == "referrals_multiplier" && !(x > 0 && x <= 100):
				errs = append(errs, bad("a number above 0 and at most 100 (multiplies the area's referrals; 1 is no change)")...)
				continue
			case x < 0:
				errs = append(errs, bad("a number, 0 or more")...)
				continue
			}
			if head[i] == "referrals_multiplier" {
				spec.ReferralsMultiplier = &x
			} else {
				spec.ReferenceGroupShare = &x
			}
		default:
			// A file separated by semicolons comes from a spreadsheet that
			// writes 0,9 for a decimal, so 32.000 is thirty-two thousand.
			if semicolons && dotThousandsCell.MatchString(cell) {
				errs = append(errs, bad(fmt.Sprintf("in a file separated by semicolons, %s reads as %s with a dot for its thousands: write %s, without separators (or %s if a decimal was meant)",
					cell, strings.ReplaceAll(cell, ".", ","), strings.ReplaceAll(cell, ".", ""), strings.TrimRight(strings.TrimRight(cell, "0"), ".")))...)
				continue
			}
			if c := commentIn(cell); c != "" {
				errs = append(errs, bad(commentMsg("", cell, c))...)
				continue
			}
			v, err := parseValue(cell)
			if err != nil && numberCell.MatchString(cell) && numericKey(splitKey(head[i])) {
				// TOML refuses .9, 26. and 007, which tools write for
				// numbers all the same; they were told "too large to read".
				if v, err = plainNumber(cell); err != nil { // 1e400
					errs = append(errs, bad("a number too large to read")...)
					continue
				}
			}
			if err != nil {
				if h := cellHint(cell); h != "" {
					if wholeKey(splitKey(head[i])) && !hintsWhole(cell) {
						// Not "write 3.5" for 3,5: the key would refuse it.
						h = "want a whole number" + keyHint(splitKey(head[i]))
					}
					errs = append(errs, bad("not a value spsim can read: "+h)...)
					continue
				}
				v = cell // bare text, checked when applied
				// A spreadsheet writes TRUE and FALSE, which TOML would
				// not read as true and false.
				if b, ok := boolWord(splitKey(head[i]), cell); ok {
					v = b
				}
			}
			if spec.Set == nil {
				spec.Set = map[string]Value{}
			}
			spec.Set[head[i]] = Value{V: v}
		}
	}
	if spec.Name == "" && (len(spec.Set) > 0 || spec.ReferralsMultiplier != nil || spec.ReferenceGroupShare != nil || errs != nil) {
		errs = append(Errors{{File: path, Line: line, Col: 1, Key: "name", Msg: "every area needs a name"}}, errs...)
	}
	return spec, errs
}
