package workbench

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/spsim/spsim/calibrate"
	"github.com/spsim/spsim/output"
	"github.com/spsim/spsim/scenarios"
	"github.com/spsim/spsim/sim"
)

// calibrateRequest is a referral extract to fit: the file's name (for
// messages), its bytes as the browser read them, and the scenario on the
// page, whose groups decide whether the extract's group shares apply.
type calibrateRequest struct {
	File string `json:"file"`
	Data []byte `json:"data"` // base64 in JSON
	TOML string `json:"toml,omitempty"`
	// From and To bound the days fitted, as --from and --to do ("" for
	// the extract's first and last); NoGrowth and NoSeason fix growth
	// and seasons at 0, as --no-growth and --no-season do.
	From     string `json:"from,omitempty"`
	To       string `json:"to,omitempty"`
	NoGrowth bool   `json:"no_growth,omitempty"`
	NoSeason bool   `json:"no_season,omitempty"`
}

// options are the request's fitting options, as the command line's flags.
func (req calibrateRequest) options() (calibrate.Options, error) {
	o := calibrate.Options{NoGrowth: req.NoGrowth, NoSeason: req.NoSeason}
	for _, d := range []struct {
		name, text string
		to         *time.Time
	}{{"from", req.From, &o.From}, {"to", req.To, &o.To}} {
		if d.text == "" {
			continue
		}
		t, err := calibrate.ParseDate(d.text)
		if err != nil {
			return o, fmt.Errorf("%w: %s: %v", errBadRequest, d.name, err)
		}
		*d.to = t
	}
	return o, nil
}

// calibrationView is a fit as the page shows it: what it found in plain
// words, each setting with its interval, the settings to apply, and the
// chart of observed against fitted weekly referrals.
type calibrationView struct {
	File      string      `json:"file"`
	Sentences []string    `json:"sentences"`
	Notes     []string    `json:"notes,omitempty"`
	Rows      []fitRow    `json:"rows"`
	Set       []setting   `json:"set"`
	Chart     chart       `json:"chart"`
	Fragment  string      `json:"fragment"` // the scenario fragment spsim calibrate writes
	Referrals int         `json:"referrals"`
	Weeks     int         `json:"weeks"`
	Groups    []shareText `json:"groups,omitempty"`
}

// fitRow is one setting in plain words.
type fitRow struct {
	Key      string  `json:"key"`
	Label    string  `json:"label"`
	Value    string  `json:"value"`
	Interval string  `json:"interval"`
	Number   float64 `json:"number"`
}

// shareText is a group's share of the extract's referrals, in words.
type shareText struct {
	Name  string `json:"name"`
	Share string `json:"share"`
}

// badExtract is an extract that cannot be read or fitted; its message
// names the line and column.
type badExtract struct{ err error }

func (e *badExtract) Error() string { return pageWords(e.err.Error()) }

// calibrate fits the referral process to an uploaded extract, as `spsim
// calibrate` does. Nothing is written on the server.
func (s *Server) calibrate(req calibrateRequest) (*calibrationView, error) {
	name := extractName(req.File)
	if len(req.Data) == 0 {
		return nil, &badExtract{fmt.Errorf("%s is empty: choose a CSV with a header row naming a date column, then one row per referral", name)}
	}
	x, err := calibrate.Read(name, bytes.NewReader(req.Data))
	if err != nil {
		return nil, &badExtract{err}
	}
	o, err := req.options()
	if err != nil {
		return nil, err
	}
	f, err := calibrate.FitExtract(x, o)
	if err != nil {
		return nil, &badExtract{fmt.Errorf("%s: %w", name, err)}
	}
	var groups, profiles []string
	extends := "baseline"
	if req.TOML != "" {
		cfg, err := s.loadText(req.TOML)
		if err != nil {
			return nil, err
		}
		groups, profiles, extends = sortedKeys(cfg.Groups), sortedKeys(cfg.Profiles), cfg.Name
	}
	x.Match(groups, profiles)
	sh := calibrate.Summarise(x, nil)
	spec := calibrate.FragmentSpec{Name: "calibrated", Source: name, Extends: extends, Fit: f, Shares: sh, Groups: groups, Profiles: profiles}
	var frag strings.Builder
	if err := calibrate.WriteFragment(&frag, spec); err != nil {
		return nil, err
	}
	svg, err := calibrate.PlotSVG(f, "the extract")
	if err != nil {
		return nil, err
	}
	notes := f.Warnings
	if w := sh.OutcomeWords(); w != "" {
		notes = append(slices.Clip(notes), w)
	}
	v := &calibrationView{File: name, Referrals: f.Referrals, Weeks: f.Weeks, Fragment: frag.String(), Notes: notes,
		Sentences: output.CalibrationAnswer(f, sh),
		Chart: chart{Name: "referrals_fit", Title: "Weekly referrals: observed and fitted",
			Caption: "Dots are the extract's weekly referrals; the line is the fitted expected count, and the band holds 95% of weeks if the fit is right.",
			SVG:     svgImage("Weekly referrals, observed and fitted", svg)}}
	for _, st := range calibrate.Settings(f, sh, groups) {
		v.Set = append(v.Set, setting{Key: st.Key, Value: st.Value})
		v.Rows = append(v.Rows, newFitRow(st))
	}
	for _, m := range calibrate.ProfileMixes(sh, groups, profiles) {
		mix := map[string]float64{}
		var val, ci []string
		for _, x := range m.Shares {
			mix[x.Name] = x.Value
			val = append(val, fmt.Sprintf("%s %s", x.Name, percent(x.Value)))
			ci = append(ci, fmt.Sprintf("%s %s to %s", x.Name, percent(x.Low), percent(x.High)))
		}
		v.Set = append(v.Set, setting{Key: m.Key, Value: mix})
		v.Rows = append(v.Rows, fitRow{Key: m.Key, Label: "Profile mix: " + strings.ToLower(scenarios.Words(m.Group)),
			Value: strings.Join(val, ", "), Interval: strings.Join(ci, "; ")})
	}
	for _, g := range sh.Groups {
		v.Groups = append(v.Groups, shareText{Name: g.Name, Share: fmt.Sprintf("%s [%s to %s]", percent(g.Value), percent(g.Low), percent(g.High))})
	}
	v.Notes = pageSentences(append(v.Notes, calibrate.Notes(x, sh, groups)...))
	return v, nil
}

// extractName is the base of the file name the browser gave, printable
// and short: it names the extract in messages, and nothing is opened by it.
func extractName(file string) string {
	name := path.Base(strings.ReplaceAll(file, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsPrint(r) {
			return r
		}
		return -1
	}, name)
	if r := []rune(name); len(r) > 60 {
		name = string(r[:60]) + "…"
	}
	if name == "." || name == "/" || name == "" {
		return "the extract"
	}
	return name
}

// newFitRow writes one setting and its interval in words, as spsim
// calibrate prints it.
func newFitRow(st calibrate.Setting) fitRow {
	w := output.DescribeSetting(st)
	return fitRow{Key: st.Key, Number: st.Value, Label: w.Label, Value: w.Value, Interval: w.Interval}
}

func percent(v float64) string { return plain(v, sim.UnitShare) }
