package workbench

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/spsim/spsim/scenarios"
)

// page is the workbench open in headless Chromium, for the tests that
// drive it beside TestBrowser.
type page struct {
	t   *testing.T
	ctx context.Context
}

// openPage serves the workbench and opens it in a window width × height,
// after its first run.
func openPage(t *testing.T, width, height int64) *page {
	t.Helper()
	return openPageOn(t, width, height, New(Options{Version: "test"}))
}

// openPageOn is openPage with the workbench served by h.
func openPageOn(t *testing.T, width, height int64, h http.Handler) *page {
	t.Helper()
	if testing.Short() {
		t.Skip("drives a browser")
	}
	exe := chromium(t)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	p := &page{t, browserContext(t, exe)}
	p.do("open the page", chromedp.EmulateViewport(width, height), chromedp.Navigate(srv.URL+"/"), p.until(`Number(document.body.dataset.done || 0) >= 1`))
	return p
}

func (p *page) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, actions...); err != nil {
		status, _ := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS("#status")))
		p.t.Fatalf("%s: %v (the page says %q)", what, err, status)
	}
}

// until waits for a script's condition on the page.
func (p *page) until(cond string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(60*time.Second))(ctx, tg)
		return err
	})
}

// eval is a script's value on the page.
func eval[T any](p *page, js string) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		p.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// run does a script on the page.
func (p *page) run(js string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Evaluate[any](js)(ctx, tg)
		return err
	})
}

func (p *page) done() int { return int(eval[float64](p, `Number(document.body.dataset.done || 0)`)) }

// staleResults reports whether Results says its results are of earlier
// settings, greyed.
func (p *page) staleResults() bool {
	return eval[bool](p, `(() => { const n = document.querySelector('#tab-results .stale-note');
		return !!n && !n.hidden && document.querySelector('#tab-results').classList.contains('stale'); })()`)
}

// TestBrowserRunsWhatIsTyped: a number typed key by key runs as typed: a
// value on the way to one held far outside the range (500 on the way to
// 5000) does not run, the box is not rebuilt under the typing by the run
// of an earlier value, and the prompt stays until the user chooses.
// Before, 500 ran, and its run rebuilt the controls and dropped the prompt.
func TestBrowserRunsWhatIsTyped(t *testing.T) {
	p := openPage(t, 1400, 1000)
	const referrals = `input[type=number][data-key="demand.referrals_per_week"]`
	const typo = `.lever:has(` + referrals + `) .typo`
	key := func(k string) chromedp.Action[chromedp.Void] { return chromedp.KeyEvent(k) }
	pause := chromedp.Sleep(120 * time.Millisecond)

	// 5, a pause long enough for its run (a typed value waits 900 ms), then
	// 0, 0, 0 at 120 ms a key.
	// The box is marked, to tell whether it is rebuilt, and the times of
	// its input events kept, to tell a pause the machine made from typing.
	p.do("type 5000 referrals a week", p.run(`(() => { const n = document.querySelector('`+referrals+`');
			n.dataset.mark = 'typed in'; window.typed = []; n.addEventListener('input', () => window.typed.push(performance.now())); })()`),
		chromedp.Click(chromedp.CSS(referrals)), chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		key("5"), chromedp.Sleep(1500*time.Millisecond), key("0"), pause, key("0"), pause, key("0"),
		p.until(`Number(document.body.dataset.done || 0) >= 2 && !document.body.classList.contains('busy')`), chromedp.Sleep(time.Second))
	// Unless the machine paused between keys for as long as the page waits
	// before running a typed value (900 ms), only 5 ran.
	if gap := eval[float64](p, `Math.max(...window.typed.slice(1).map((t, i) => t - window.typed[i]).slice(1))`); gap >= 900 {
		t.Logf("a pause of %.0f ms between keys: a value on the way to 5000 may run", gap)
	} else if n, toml := p.done(), eval[string](p, `state.view.toml`); n != 2 || !strings.Contains(toml, "referrals_per_week = 5.0\n") {
		t.Errorf("%d runs after typing 5000 (want the first, then 5's), the last of %.40s: a value on the way to 5000 ran", n, toml[strings.Index(toml, "referrals_per_week"):])
	}
	if got := eval[string](p, `(() => { const n = document.querySelector('`+referrals+`');
		return n.value + (n.dataset.mark === 'typed in' ? '' : ' (rebuilt)') + (document.activeElement === n ? '' : ' (not focused)'); })()`); got != "5000" {
		t.Errorf("the referrals box is %q after typing 5000, want 5000 in the box typed in, focused", got)
	}
	if said, _ := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS(typo))); !strings.Contains(said, "5,000 is far outside the usual range") || !strings.Contains(said, "did you mean 50?") {
		t.Errorf("after typing 5000 the lever says %q", said)
	}
	if !p.staleResults() {
		t.Error("with 5000 held, the results of 5 a week are not said to be of earlier settings")
	}
	p.do("use 50", chromedp.Click(chromedp.CSS(typo+" button")), p.until(`Number(document.body.dataset.done || 0) >= 3`))
	if toml := eval[string](p, `state.view.toml`); !strings.Contains(toml, "referrals_per_week = 50.0\n") {
		t.Errorf("after 'Use 50' the scenario is not of 50 a week")
	}
	if !eval[bool](p, `document.activeElement === document.querySelector('`+referrals+`')`) {
		t.Error("after 'Use 50' the focus is not back in the referrals box (it fell to the page)")
	}
	if p.staleResults() {
		t.Error("the results of 50 a week are said to be of earlier settings")
	}
}

// TestBrowserPinsWhatTheControlsShow: Pin pressed at once after a change
// pins the change, not the last run's scenario.
func TestBrowserPinsWhatTheControlsShow(t *testing.T) {
	p := openPage(t, 1400, 1000)
	const posts = `input[type=number][data-key="workforce.link_workers"]`
	p.do("set 5 posts and pin them at once", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)),
		p.run(`(() => { const n = document.querySelector('`+posts+`'); n.value = '5'; n.dispatchEvent(new Event('input')); })()`),
		p.run(`document.querySelector('#pin-name').value = 'five'`), chromedp.Click(chromedp.CSS("#pin")),
		p.until(`state.pins.length === 1`), p.until(`Number(document.body.dataset.done || 0) >= 2`))
	if pinned := eval[string](p, `state.pins[0].toml`); !strings.Contains(pinned, "link_workers = 5\n") {
		t.Error("the pin made at once after setting 5 posts does not hold them")
	}
	// Enter in the name pins too.
	p.do("name a pin and press Enter", p.run(`document.querySelector('#pin-name').value = 'again'`), chromedp.Click(chromedp.CSS("#pin-name")),
		chromedp.KeyEvent("\r"), p.until(`state.pins.length === 2`))
}

// TestBrowserGreysResultsOfOtherSettings: results of a scenario other
// than the one shown, its run refused or cancelled, are greyed and said to
// be of earlier settings. Before, the old results stood under the new
// scenario's name.
func TestBrowserGreysResultsOfOtherSettings(t *testing.T) {
	p := openPage(t, 1400, 1000)
	if p.staleResults() {
		t.Error("the baseline's own results are said to be of earlier settings")
	}
	// A scenario whose run is refused: its results are not shown as its.
	big := filepath.Join(t.TempDir(), "big.toml")
	if err := os.WriteFile(big, []byte("extends = \"baseline\"\nname = \"big\"\n[run]\nreplications = 500\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.do("upload a scenario too large to run", chromedp.SetUploadFiles(chromedp.CSS("#upload"), []string{big}),
		p.until(`document.querySelector('#question').textContent.startsWith('big: ') && !document.body.classList.contains('busy')`))
	if said, _ := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS("#status"))); !strings.Contains(said, "at most 100") {
		t.Errorf("the refused run says %q", said)
	}
	if !p.staleResults() {
		t.Error("after big's run was refused, the results of the scenario before are not said to be of earlier settings")
	}

	// A run cancelled: the same.
	done := p.done()
	p.do("run the baseline", p.run(`(() => { const s = document.querySelector('#scenario-select'); s.value = 'baseline'; s.dispatchEvent(new Event('change')); })()`),
		p.until(fmt.Sprintf(`Number(document.body.dataset.done || 0) > %d && !document.body.classList.contains('busy')`, done)))
	if p.staleResults() {
		t.Error("the baseline's own results, run again, are said to be of earlier settings")
	}
	p.do("choose icb and cancel", p.run(`(() => { const s = document.querySelector('#scenario-select'); s.value = 'icb'; s.dispatchEvent(new Event('change')); })()`),
		p.until(`document.querySelector('#question').textContent.startsWith('icb: ') && document.body.classList.contains('busy')`),
		chromedp.Click(chromedp.CSS("#cancel")), p.until(`!document.body.classList.contains('busy')`))
	if !p.staleResults() {
		t.Error("after icb's run was cancelled, the baseline's results are not said to be of earlier settings")
	}
}

// TestBrowserOnAPhone: at 400 px wide nothing widens the page: the tabs
// wrap, and a comparison's wide table scrolls within itself.
func TestBrowserOnAPhone(t *testing.T) {
	p := openPage(t, 400, 900)
	fits := func(where string) {
		t.Helper()
		if w := eval[float64](p, `document.documentElement.scrollWidth`); w > 400 {
			t.Errorf("%s: the page is %v px wide in a 400 px window", where, w)
		}
		if off := eval[[]string](p, `[...document.querySelectorAll('.tabs button')].filter((b) => b.getBoundingClientRect().right > window.innerWidth).map((b) => b.textContent)`); len(off) > 0 {
			t.Errorf("%s: tabs off the screen: %q", where, off)
		}
	}
	fits("the results")
	// One column puts the results below every lever: the status stays in
	// view, at the foot of the screen, from the top of the page.
	if !eval[bool](p, `(() => { window.scrollTo(0, 0); const r = document.querySelector('#status-bar').getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight; })()`) {
		t.Error("at the top of the page the status bar is out of view")
	}
	const posts = `input[type=number][data-key="workforce.link_workers"]`
	p.do("compare three and five posts", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)),
		p.run(`document.querySelector('#pin-name').value = 'three'`), chromedp.Click(chromedp.CSS("#pin")), p.until(`state.pins.length === 1`),
		p.run(`(() => { const n = document.querySelector('`+posts+`'); n.value = '5'; n.dispatchEvent(new Event('input')); })()`),
		p.run(`document.querySelector('#pin-name').value = 'five'`), chromedp.Click(chromedp.CSS("#pin")), p.until(`state.pins.length === 2`),
		chromedp.Click(chromedp.CSS("#compare")), p.until(`document.querySelectorAll('#compare-table tbody tr').length > 0`))
	fits("the comparison")
	if !eval[bool](p, `(() => { const w = document.querySelector('#compare-table').parentElement; return w.scrollWidth > w.clientWidth && w.clientWidth <= 400; })()`) {
		t.Error("the comparison's table does not scroll within its own box")
	}
	if dir := os.Getenv("SPSIM_SCREENSHOTS"); dir != "" {
		png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "workbench-phone-compare.png"), png, 0o644)
		}
		if err != nil {
			t.Error(err)
		}
	}
}

// TestBrowserKeyboard: the first stop for a keyboard skips to the
// results, and the arrow keys move between the tabs, as a tab list's do
// (59 presses of Tab reached Results before).
func TestBrowserKeyboard(t *testing.T) {
	p := openPage(t, 1400, 1000)
	if got := eval[string](p, `(() => { const a = document.querySelector('body > a'); return a ? a.textContent + ' ' + a.getAttribute('href') : ''; })()`); got != "Skip to the results #workspace" {
		t.Errorf("the page's first link is %q, want a skip to the results", got)
	}
	key := func(k string) chromedp.Action[chromedp.Void] {
		return p.run(`document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: '` + k + `', bubbles: true}))`)
	}
	p.do("arrow from Results", p.run(`document.querySelector('[data-tab=results]').focus()`), key("ArrowRight"))
	if got := eval[string](p, `document.activeElement.dataset.tab + ' ' + document.activeElement.getAttribute('aria-selected') + ' ' + document.querySelector('#tab-compare').hidden`); got != "compare true false" {
		t.Errorf("after ArrowRight from Results: %q, want the Compare tab focused, selected and shown", got)
	}
	p.do("End, then Home", key("End"))
	if got := eval[string](p, `document.activeElement.dataset.tab`); got != "downloads" {
		t.Errorf("End went to %q", got)
	}
	p.do("Home", key("Home"))
	if got := eval[string](p, `document.activeElement.dataset.tab + ' ' + document.querySelectorAll('.tabs [tabindex="0"]').length`); got != "results 1" {
		t.Errorf("Home: %q, want Results, the one tab in the tab order", got)
	}
}

// TestBrowserTypingAtAPace: keys half a second apart, an ordinary pace,
// run only the number typed (2 on the way to 24 ran before, as did 5, 50
// and 500 on the way to 5000), and Enter runs it at once.
func TestBrowserTypingAtAPace(t *testing.T) {
	p := openPage(t, 1400, 1000)
	const referrals = `input[type=number][data-key="demand.referrals_per_week"]`
	p.do("type 24 at half a second a key", chromedp.Click(chromedp.CSS(referrals)), chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.KeyEvent("2"), chromedp.Sleep(500*time.Millisecond), chromedp.KeyEvent("4"), chromedp.KeyEvent("\r"),
		p.until(`Number(document.body.dataset.done || 0) >= 2 && !document.body.classList.contains('busy')`), chromedp.Sleep(1500*time.Millisecond))
	if n, toml := p.done(), eval[string](p, `state.view.toml`); n != 2 || !strings.Contains(toml, "referrals_per_week = 24.0\n") {
		t.Errorf("%d runs after typing 24 (want the first, then 24's)", n)
	}
}

// TestBrowserUnpinMarksComparison: a comparison of pins since unpinned
// is greyed and said to be of other pins, as results of earlier settings
// are; comparing again clears the note. Before, it stood unmarked.
func TestBrowserUnpinMarksComparison(t *testing.T) {
	p := openPage(t, 1400, 1000)
	const posts = `input[type=number][data-key="workforce.link_workers"]`
	const idle = `state.shown === state.view.toml && !document.body.classList.contains('busy')`
	stale := func() bool {
		return eval[bool](p, `(() => { const n = document.querySelector('#tab-compare .stale-note');
			return !!n && !n.hidden && document.querySelector('#tab-compare').classList.contains('stale'); })()`)
	}
	p.do("compare three, four and five posts", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)),
		p.run(`document.querySelector('#pin-name').value = 'three'`), chromedp.Click(chromedp.CSS("#pin")), p.until(`state.pins.length === 1`),
		p.run(`(() => { const n = document.querySelector('`+posts+`'); n.value = '4'; n.dispatchEvent(new Event('input')); })()`),
		p.run(`document.querySelector('#pin-name').value = 'four'`), chromedp.Click(chromedp.CSS("#pin")), p.until(`state.pins.length === 2`),
		p.run(`(() => { const n = document.querySelector('`+posts+`'); n.value = '5'; n.dispatchEvent(new Event('input')); })()`),
		p.run(`document.querySelector('#pin-name').value = 'five'`), chromedp.Click(chromedp.CSS("#pin")), p.until(`state.pins.length === 3`),
		// The controls' run of five posts first (its value is typed, so
		// it waits 900 ms to start), so that Results is of the scenario
		// on the left when comparing again below.
		p.until(`/link_workers = 5\n/.test(state.view.toml) && `+idle),
		chromedp.Click(chromedp.CSS("#compare")), p.until(`document.querySelectorAll('#compare-table tbody tr').length > 0 && !document.body.classList.contains('busy')`))
	if stale() {
		t.Error("a comparison of the pins listed is said to be of other pins")
	}
	p.do("unpin five", chromedp.Click(chromedp.CSS(`#pins li:last-child button`)), p.until(`state.pins.length === 2`))
	if !stale() {
		t.Error("after unpinning five, the comparison of three, four and five is not said to be of other pins")
	}
	if said, _ := chromedp.Run(p.ctx, chromedp.Text(chromedp.CSS("#tab-compare .stale-note"))); !strings.Contains(said, "compare again") {
		t.Errorf("the note says %q", said)
	}
	p.do("compare again", p.until(idle), chromedp.Click(chromedp.CSS("#compare")), p.until(`state.compared.length === 2 && !document.body.classList.contains('busy')`))
	if stale() {
		t.Error("after comparing again, the comparison is still said to be of other pins")
	}
}

// TestBrowserCaseloadDate: a new extract date reads the caseload file
// again, as of that date, and the same file chosen again is read again.
// Before, the date did nothing once a file was loaded, and choosing the
// same file again was ignored (the file input kept it).
func TestBrowserCaseloadDate(t *testing.T) {
	p := openPage(t, 1400, 1000)
	file := filepath.Join(t.TempDir(), "today.csv")
	if err := os.WriteFile(file, []byte(caseloadCSV(60, 40)), 0o644); err != nil {
		t.Fatal(err)
	}
	read := func(n int) chromedp.Action[chromedp.Void] {
		return p.until(fmt.Sprintf(`Number(document.body.dataset.caseloads || 0) >= %d && !document.body.classList.contains('busy')`, n))
	}
	longest := func() string {
		said := eval[string](p, `document.querySelector('#caseload-sentences').textContent`)
		if _, after, ok := strings.Cut(said, "weeks at the median, and "); ok {
			return after
		}
		t.Fatalf("the caseload's words %q say no longest wait", said)
		return ""
	}
	p.do("read a caseload", chromedp.Click(chromedp.CSS(`[data-tab=data]`)), chromedp.SetUploadFiles(chromedp.CSS("#caseload"), []string{file}), read(1))
	before := longest()
	p.do("give the extract's date as two months later", p.run(`(() => { const d = document.querySelector('#caseload-date'); d.value = '2026-01-31'; d.dispatchEvent(new Event('change')); })()`), read(2))
	if after := longest(); after == before {
		t.Errorf("after a later extract date the longest wait is still %q", after)
	}
	if got := eval[string](p, `document.querySelector('#caseload').value`); got != "" {
		t.Errorf("the caseload input still holds %q after reading it", got)
	}
	p.do("choose the same file again", chromedp.SetUploadFiles(chromedp.CSS("#caseload"), []string{file}), read(3))
}

// holdBack serves the workbench, holding each run and comparison back for
// a while once slow is set: long enough that a run the page scheduled
// before Compare was pressed (a typed value waits 900 ms) would start
// while the comparison is on its way.
type holdBack struct {
	h    http.Handler
	slow atomic.Bool
}

const heldFor = 1500 * time.Millisecond

func (b *holdBack) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if b.slow.Load() && (r.URL.Path == "/api/run" || r.URL.Path == "/api/compare") {
		select {
		case <-time.After(heldFor):
		case <-r.Context().Done():
			return // the page dropped it: nobody reads an answer
		}
	}
	b.h.ServeHTTP(w, r)
}

// TestBrowserCompareWhileLeverRunPending: Compare pressed while a run of
// the controls' changes waits to start, or is on its way, compares: the
// run gives way (the controls' scenario becomes the page's, and Results
// says its results are of earlier settings) and nothing stops the
// comparison afterwards. Before, a typed value's run, scheduled before
// Compare was pressed, started once the comparison had begun and stopped
// it ("Comparing was stopped").
func TestBrowserCompareWhileLeverRunPending(t *testing.T) {
	const posts = `input[type=number][data-key="workforce.link_workers"]`
	const slider = `.lever:has(` + posts + `) input[type=range]`
	set := func(sel, value string, events ...string) string {
		js := `(() => { const n = document.querySelector('` + sel + `'); n.value = '` + value + `';`
		for _, e := range events {
			js += ` n.dispatchEvent(new Event('` + e + `'));`
		}
		return js + ` })()`
	}
	for _, c := range []struct {
		name    string
		pending string // makes 6 posts the controls' change, its run pending
	}{
		{"a typed value waiting to run", set(posts, "6", "input")},
		{"a slider's value waiting to run", set(slider, "6", "input")},
		{"a run on its way", set(posts, "6", "input", "change")},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := &holdBack{h: New(Options{Version: "test"})}
			p := openPageOn(t, 1400, 1000, srv)
			p.do("pin three and five posts", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)),
				p.run(`document.querySelector('#pin-name').value = 'three'`), chromedp.Click(chromedp.CSS("#pin")), p.until(`state.pins.length === 1`),
				p.run(set(posts, "5", "input")),
				p.run(`document.querySelector('#pin-name').value = 'five'`), chromedp.Click(chromedp.CSS("#pin")), p.until(`state.pins.length === 2`),
				// The run of five posts done, and nothing else waiting.
				p.until(`/link_workers = 5\n/.test(state.view.toml) && state.shown === state.view.toml && !document.body.classList.contains('busy')`))
			srv.slow.Store(true)
			done := p.done()
			p.do("make 6 posts pending and compare at once", p.run(c.pending), chromedp.Click(chromedp.CSS("#compare")),
				p.until(fmt.Sprintf(`Number(document.body.dataset.done || 0) > %d && !document.body.classList.contains('busy')`, done)),
				// Anything still scheduled has had its time to start.
				chromedp.Sleep(heldFor+500*time.Millisecond))
			said := eval[string](p, `document.querySelector('#status').textContent`)
			if !strings.HasPrefix(said, "Comparing: done") {
				t.Errorf("the status says %q, want the comparison done", said)
			}
			if got := eval[string](p, `(state.compared || []).map((p) => p.name).join(' ') + ' | ' + (document.querySelector('#compare-table thead') || {}).textContent`); got != "three five | Whatthree (reference)fivefive − three (paired)" {
				t.Errorf("the comparison shown: %q, want three and five's", got)
			}
			if n := p.done(); n != done+1 || eval[bool](p, `state.run !== null || document.body.classList.contains('busy')`) {
				t.Errorf("%d tasks finished after Compare (want the comparison alone), and one is still running: %v", n-done, eval[bool](p, `state.run !== null`))
			}
			// The run gave way cleanly: 6 posts are the page's scenario,
			// nothing waits to be sent, and Results is of earlier settings.
			if got := eval[string](p, `document.querySelector('`+posts+`').value + ' ' + state.pending.size + ' ' + (state.sent === null) + ' ' + /link_workers = 6\n/.test(state.view.toml)`); got != "6 0 true true" {
				t.Errorf("the controls after the comparison: %q, want 6 posts in the box and the scenario, nothing pending", got)
			}
			if !p.staleResults() {
				t.Error("the results of 5 posts are not said to be of earlier settings than the 6 on the left")
			}
		})
	}
}

// TestBrowserPinNamesThatPrintAlike: the page refuses a pin's name at Pin
// when the server would refuse the pair at Compare, and only then: names
// are compared as they print (scenarios.NameKey: case, spaces, an accent
// encoded two ways, characters that print as nothing). Before, the page
// compared names exactly: "Plan A" and "plan  a" were both pinned, and
// Compare was refused with two pins to unpin and name again.
func TestBrowserPinNamesThatPrintAlike(t *testing.T) {
	p := openPage(t, 1400, 1000)
	p.do("open Compare", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)))
	// pinBoth pins a then b, from no pins, and says how many were pinned.
	pinBoth := func(a, b string) int {
		p.t.Helper()
		js := fmt.Sprintf(`window.pinned = null; (async () => { state.pins = []; showPins();
			for (const n of [%q, %q]) { document.querySelector('#pin-name').value = n; await pin(); }
			window.pinned = state.pins.length; })()`, a, b)
		p.do("pin "+a+" and "+b, p.run(js), p.until(`window.pinned !== null`))
		return int(eval[float64](p, `window.pinned`))
	}
	for _, c := range [][2]string{
		{"Plan A", "plan  a"},
		{"Plan A", "Plan\u00a0A"}, // a no-break space
		{"Café", "Cafe\u0301"},    // é as e and a combining accent
		{"extra", "extra\ufe0f"},  // a variation selector
		{"ab", "a\u034fb"},        // a combining grapheme joiner
		{"ΟΔΟΣ", "οδοσ"},          // a final capital sigma
		{"İzmir", "izmir"},        // a dotted capital I
		{"plan a", "plan b"},      // two names
		{"file", "\ufb01le"},      // a ligature prints otherwise
		{"five link workers", "five link workers."},
	} {
		alike := scenarios.NameKey(c[0]) == scenarios.NameKey(c[1])
		n := pinBoth(c[0], c[1])
		if alike && n != 1 {
			t.Errorf("%q and %q print alike (the server refuses them at Compare), but the page pinned both", c[0], c[1])
		} else if !alike && n != 2 {
			t.Errorf("%q and %q print differently, but the page pinned %d of them (the status says %q)", c[0], c[1], n, eval[string](p, `document.querySelector('#status').textContent`))
		}
		if alike && n == 1 {
			if said := eval[string](p, `document.querySelector('#status').textContent`); !strings.Contains(said, "print") {
				t.Errorf("pinning %q after %q, the page says %q", c[1], c[0], said)
			}
		}
	}
}

// TestBrowserPinsWithoutAName: Pin with no name given pins under a name
// made from the scenario's, free and within a pin name's 40 characters.
// Before, a scenario named in more than 38 characters (or starting with
// "-") could not be pinned without a name (the status quoted the name the
// page had made, never typed), nor could a third pin after the first of
// two was unpinned (its "baseline 2" was taken).
func TestBrowserPinsWithoutAName(t *testing.T) {
	p := openPage(t, 1400, 1000)
	pinUnnamed := func(want int) {
		p.t.Helper()
		p.do("pin without a name", p.run(`window.pinned = null; (async () => { document.querySelector('#pin-name').value = ''; await pin(); window.pinned = state.pins.length; })()`),
			p.until(`window.pinned !== null`))
		if got := int(eval[float64](p, `window.pinned`)); got != want {
			t.Errorf("%d pins after pinning without a name, want %d (the status says %q)", got, want, eval[string](p, `document.querySelector('#status').textContent`))
		}
	}
	p.do("open Compare", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)))
	pinUnnamed(1)
	pinUnnamed(2)
	p.do("unpin the first", chromedp.Click(chromedp.CSS(`#pins li:first-child button`)), p.until(`state.pins.length === 1`))
	pinUnnamed(2)
	for _, name := range []string{
		"North Bristol PCN: five link workers from April 2027",
		"-5% referrals after the GP federation's triage",
	} {
		toml := regexp.MustCompile(`(?m)^name = .*$`).ReplaceAllString(small(t), fmt.Sprintf("name = %q", name))
		p.do("open "+name, p.run(fmt.Sprintf(`open({ toml: %q }, 'mine.toml')`, toml)), p.until(fmt.Sprintf(`state.view && state.view.name === %q`, name)),
			p.run(`state.pins = []; showPins()`))
		pinUnnamed(1)
		pinUnnamed(2)
		for _, got := range eval[[]string](p, `state.pins.map((x) => x.name)`) {
			if !pinNameOK(got) {
				t.Errorf("the scenario %q was pinned as %q, which the server refuses", name, got)
			}
		}
	}
}

// TestBrowserRefusedAreasFileKeepsWhatRuns: an areas file refused after
// one was taken leaves the scenario running the first file's areas, and
// the data tab still says so, with the refusal beside the file chosen.
// Before, the refusal emptied the words of the areas still run: the page
// no longer said the results ranked areas.csv's five areas.
func TestBrowserRefusedAreasFileKeepsWhatRuns(t *testing.T) {
	p := openPage(t, 1400, 1000)
	bad := filepath.Join(t.TempDir(), "typo.csv")
	if err := os.WriteFile(bad, []byte("name,workforce.link_workers\nA,3\na ,4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	examples, err := filepath.Abs("assets/examples/areas.csv")
	if err != nil {
		t.Fatal(err)
	}
	said := func() string { return eval[string](p, `document.querySelector('#areas-sentences').textContent`) }
	p.do("take areas.csv", chromedp.Click(chromedp.CSS(`[data-tab=data]`)),
		chromedp.SetUploadFiles(`#areas-file`, []string{examples}), p.until(`Number(document.body.dataset.areas || 0) >= 1`))
	if !strings.Contains(said(), "5 areas from areas.csv") {
		t.Fatalf("after areas.csv the data tab says %q", said())
	}
	p.do("choose typo.csv", chromedp.SetUploadFiles(`#areas-file`, []string{bad}), p.until(`Number(document.body.dataset.areas || 0) >= 2`))
	if got := said(); !strings.Contains(got, "5 areas from areas.csv") || !strings.Contains(got, "typo.csv was not used") || !strings.Contains(got, "line 2") {
		t.Errorf("after typo.csv is refused the data tab says %q; want areas.csv's areas still said to run, and typo.csv's refusal", got)
	}
	if n := eval[float64](p, `state.view.areas`); n != 5 {
		t.Errorf("the scenario runs %v areas after typo.csv was refused, want areas.csv's 5", n)
	}
	p.do("take areas.csv again", chromedp.SetUploadFiles(`#areas-file`, []string{examples}), p.until(`Number(document.body.dataset.areas || 0) >= 3`))
	if got := said(); strings.Contains(got, "typo.csv") {
		t.Errorf("after areas.csv is taken again the data tab says %q", got)
	}
}

// TestBrowserLongErrorOnAPhone: on a phone a long error in the status bar,
// fixed at the foot of the screen, stays within a couple of lines, read by
// scrolling within it, so that it does not cover the pins and the Compare
// button the user was at. Before, the bar grew with the error (a pin name
// refused, 8 lines at 390 px) and covered the foot of the screen, about
// 170 px, the Compare button and pins under it not clickable.
func TestBrowserLongErrorOnAPhone(t *testing.T) {
	p := openPage(t, 390, 844)
	const posts = `input[type=number][data-key="workforce.link_workers"]`
	p.do("pin three and five posts", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)),
		p.run(`document.querySelector('#pin-name').value = 'three'`), chromedp.Click(chromedp.CSS("#pin")), p.until(`state.pins.length === 1`),
		p.run(`(() => { const n = document.querySelector('`+posts+`'); n.value = '5'; n.dispatchEvent(new Event('input')); })()`),
		p.run(`document.querySelector('#pin-name').value = 'five'`), chromedp.Click(chromedp.CSS("#pin")), p.until(`state.pins.length === 2`),
		p.until(`/link_workers = 5\n/.test(state.view.toml) && state.shown === state.view.toml && !document.body.classList.contains('busy')`))
	// The Compare button 100 px above the foot of the screen, the pins
	// above it: in view above the status bar, where a user pinning them
	// would be, and where a long error covered them.
	p.do("scroll the Compare button to near the foot of the screen", p.run(`(() => {
		const r = document.querySelector('#compare').getBoundingClientRect();
		window.scrollBy(0, r.top + r.height / 2 - (window.innerHeight - 100)); })()`))
	// A name the server would refuse: the status explains the rule at
	// length.
	p.do("pin a name starting with =", p.run(`document.querySelector('#pin-name').value = '=six'`), chromedp.Click(chromedp.CSS("#pin")),
		p.until(`document.querySelector('#status').classList.contains('error')`))
	said := eval[string](p, `document.querySelector('#status').textContent`)
	if !strings.HasPrefix(said, "A pinned scenario's name is 1 to 40 characters") || len(said) < 150 {
		t.Fatalf("the status says %q, want the long refusal of the name", said)
	}
	if dir := os.Getenv("SPSIM_SCREENSHOTS"); dir != "" {
		png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "workbench-phone-error.png"), png, 0o644)
		}
		if err != nil {
			t.Error(err)
		}
	}
	// Each is what a tap at its centre reaches, not the status bar.
	for _, sel := range []string{"#compare", "#pins li:first-child button", "#pins li:last-child button", "#pin"} {
		if got := eval[string](p, `(() => { const b = document.querySelector('`+sel+`'), r = b.getBoundingClientRect();
			const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
			return at === b ? 'itself' : at ? at.id || at.tagName : 'nothing'; })()`); got != "itself" {
			t.Errorf("a tap on %s reaches %s (the status bar is %v px tall)", sel, got, eval[float64](p, `document.querySelector('#status-bar').getBoundingClientRect().height`))
		}
	}
	// The whole error is there to read, scrolling within the status.
	if !eval[bool](p, `(() => { const s = document.querySelector('#status'), o = getComputedStyle(s).overflowY;
		return s.scrollHeight <= s.clientHeight || o === 'auto' || o === 'scroll'; })()`) {
		t.Error("the long error is cut short with no way to read the rest")
	}
}

// TestBrowserPinNameCountsAsTheServer: the pin name box holds a name of up
// to 40 characters as the server counts them (pinName: code points, an
// emoji one however many UTF-16 units it takes), cutting what is typed
// beyond; the name pins whole and the server takes it. Before, the box's
// maxlength counted UTF-16 units: 40 emoji typed were cut to 20.
func TestBrowserPinNameCountsAsTheServer(t *testing.T) {
	p := openPage(t, 1400, 1000)
	p.do("open Compare", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)))
	// A flag is two code points (regional indicators), as the server
	// counts it, not one character as it prints.
	flag := "\U0001F1EC\U0001F1E7"
	for _, c := range []struct {
		before, after string // in the box either side of the caret
		typed, want   string
	}{
		{"", "", strings.Repeat("\U0001F600", 40), strings.Repeat("\U0001F600", 40)},
		{"", "", strings.Repeat("\U0001F600", 41), strings.Repeat("\U0001F600", 40)},
		{"", "", strings.Repeat(flag, 20), strings.Repeat(flag, 20)},
		{"", "", strings.Repeat(flag, 21), strings.Repeat(flag, 20)},
		{"", "", "Plan " + strings.Repeat("\U0001F3E5", 36), "Plan " + strings.Repeat("\U0001F3E5", 35)},
		{"", "", strings.Repeat("a", 41), strings.Repeat("a", 40)},
		// Pasted within a name: the paste is cut, not the name's end.
		{"Plan ", " B", strings.Repeat("\U0001F3E5", 36), "Plan " + strings.Repeat("\U0001F3E5", 33) + " B"},
	} {
		p.do("type a name", p.run(fmt.Sprintf(`(() => { state.pins = []; showPins(); const n = document.querySelector('#pin-name');
			n.value = %q + %q; n.focus(); n.setSelectionRange(%d, %d); })()`, c.before, c.after, len(utf16.Encode([]rune(c.before))), len(utf16.Encode([]rune(c.before))))),
			chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: c.typed})
				return err
			}))
		if got := eval[string](p, `document.querySelector('#pin-name').value`); got != c.want {
			t.Errorf("typing %d characters (%d UTF-16 units), the box holds %d: %q", len([]rune(c.typed)), len(utf16.Encode([]rune(c.typed))), len([]rune(got)), got)
			continue
		}
		p.do("pin it", p.run(`window.pinned = null; (async () => { await pin(); window.pinned = state.pins.map((x) => x.name); })()`), p.until(`window.pinned !== null`))
		if got := eval[[]string](p, `window.pinned`); len(got) != 1 || got[0] != c.want || !pinNameOK(got[0]) {
			t.Errorf("typing %q pinned %q (the status says %q), want %q, which the server takes", c.typed, got, eval[string](p, `document.querySelector('#status').textContent`), c.want)
		}
	}
}

// TestBrowserWarningsInPlainWords: the warnings above the results are in
// plain words, "Warning: …", the command line's "scenario.toml:…:
// warning:" left to the Advanced pane, beside the scenario's lines.
// Before, a caseload taken by two areas read "scenario.toml: initial:
// warning: today's caseload of 100 people starts each of 2 areas alike"
// at the top of the page.
func TestBrowserWarningsInPlainWords(t *testing.T) {
	p := openPage(t, 1400, 1000)
	dir := t.TempDir()
	caseload, pcns := filepath.Join(dir, "today.csv"), filepath.Join(dir, "pcns.csv")
	if err := os.WriteFile(caseload, []byte(caseloadCSV(60, 40)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pcns, []byte("name,workforce.link_workers\nRiverside PCN,4\nNorthgate PCN,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p.do("take a caseload, then areas", chromedp.Click(chromedp.CSS(`[data-tab=data]`)),
		p.run(`document.querySelector('#caseload-date').value = '2025-11-30'`),
		chromedp.SetUploadFiles(chromedp.CSS("#caseload"), []string{caseload}), p.until(`Number(document.body.dataset.caseloads || 0) >= 1`),
		chromedp.SetUploadFiles(chromedp.CSS("#areas-file"), []string{pcns}), p.until(`Number(document.body.dataset.areas || 0) >= 1`))
	top := eval[[]string](p, `[...document.querySelectorAll('#scenario-warnings li')].map((li) => li.textContent)`)
	found := false
	for _, said := range top {
		if !strings.HasPrefix(said, "Warning: ") || strings.Contains(said, "scenario.toml") || strings.Contains(said, ": warning: ") {
			t.Errorf("the page warns %q", said)
		}
		found = found || strings.HasPrefix(said, "Warning: today's caseload of 100 people starts each of 2 areas alike (Riverside PCN, Northgate PCN): ")
	}
	if !found {
		t.Errorf("the page's warnings %q lack the caseload's taken by both areas", top)
	}
	// The Advanced pane keeps spsim validate's words, at the lines.
	if listed := eval[string](p, `document.querySelector('#problems').textContent`); !strings.Contains(listed, "scenario.toml: initial: warning: today's caseload of 100 people") {
		t.Errorf("the Advanced pane lists %q", listed)
	}
}

// TestBrowserCaseloadWarningsStayTheExtracts: a caseload's old referral
// is warned of at the extract's line above the results after an areas
// file, a lever's change and an edit of the scenario's text, not by keys
// nobody wrote. Before, the areas file brought back
// "initial.people.1.age_weeks = 1830.43…" three times (the scenario's and
// each area's), and the extract's own line went.
func TestBrowserCaseloadWarningsStayTheExtracts(t *testing.T) {
	p := openPage(t, 1400, 1000)
	dir := t.TempDir()
	caseload, pcns := filepath.Join(dir, "today.csv"), filepath.Join(dir, "pcns.csv")
	if err := os.WriteFile(caseload, []byte("referral_date,status\n2025-11-01,waiting\n1990-11-01,active\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pcns, []byte("name,workforce.link_workers\nRiverside PCN,4\nNorthgate PCN,3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const referrals = `input[type=number][data-key="demand.referrals_per_week"]`
	warned := func(after string) {
		t.Helper()
		top := eval[[]string](p, `[...document.querySelectorAll('#scenario-warnings li')].map((li) => li.textContent)`)
		found := false
		for _, said := range top {
			if strings.Contains(said, "initial.people") {
				t.Errorf("after %s the page warns %q", after, said)
			}
			found = found || strings.HasPrefix(said, "Warning: today.csv, line 3: a referral dated 1 Nov 1990 is 35 years before")
		}
		if !found {
			t.Errorf("after %s the page's warnings %q lack the extract's line", after, top)
		}
	}
	done := p.done()
	p.do("take a caseload, then areas", chromedp.Click(chromedp.CSS(`[data-tab=data]`)),
		p.run(`document.querySelector('#caseload-date').value = '2025-11-30'`),
		chromedp.SetUploadFiles(chromedp.CSS("#caseload"), []string{caseload}), p.until(`Number(document.body.dataset.caseloads || 0) >= 1`),
		chromedp.SetUploadFiles(chromedp.CSS("#areas-file"), []string{pcns}), p.until(`Number(document.body.dataset.areas || 0) >= 1`),
		p.until(fmt.Sprintf(`Number(document.body.dataset.done || 0) > %d && !document.body.classList.contains('busy')`, done)))
	warned("an areas file")
	done = p.done()
	p.do("set 25 referrals a week", p.run(`(() => { const n = document.querySelector('`+referrals+`'); n.value = '25'; n.dispatchEvent(new Event('input')); })()`),
		p.until(fmt.Sprintf(`Number(document.body.dataset.done || 0) > %d && !document.body.classList.contains('busy') && state.view.toml.includes('referrals_per_week = 25.0\n')`, done)))
	warned("a lever's change")
	done = p.done()
	p.do("edit the seed", p.run(`(() => { const ta = document.querySelector('#toml'); ta.value = ta.value.replace(/^seed = \d+$/m, 'seed = 12345'); ta.dispatchEvent(new Event('input')); })()`),
		p.until(fmt.Sprintf(`Number(document.body.dataset.done || 0) > %d && !document.body.classList.contains('busy') && state.view.toml.includes('seed = 12345\n')`, done)))
	warned("an edit of the scenario")
	if dir := os.Getenv("SPSIM_SCREENSHOTS"); dir != "" {
		png, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, "workbench-caseload-warnings.png"), png, 0o644)
		}
		if err != nil {
			t.Error(err)
		}
	}
}

// TestBrowserAreasWarningsNameTheFile: an area's warning above the
// results names the areas file after a lever's change and after a
// caseload taken later, as the upload's answer did. Before, a lever's
// change brought back `Warning: area "Northgate PCN": …`, without the
// file's name; and a caseload's own answer showed it so until the run
// that followed named the file again.
func TestBrowserAreasWarningsNameTheFile(t *testing.T) {
	p := openPage(t, 1400, 1000)
	dir := t.TempDir()
	caseload, pcns := filepath.Join(dir, "today.csv"), filepath.Join(dir, "pcns.csv")
	if err := os.WriteFile(caseload, []byte(caseloadCSV(60, 40)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pcns, []byte("name,workforce.link_workers,demand.referrals_per_week\nRiverside PCN,5,\nNorthgate PCN,1,30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const referrals = `input[type=number][data-key="demand.referrals_per_week"]`
	named := func(after string) {
		t.Helper()
		top := eval[[]string](p, `[...document.querySelectorAll('#scenario-warnings li')].map((li) => li.textContent)`)
		found := false
		for _, said := range top {
			if strings.HasPrefix(said, `Warning: area "`) {
				t.Errorf("after %s the page warns %q, without the areas file", after, said)
			}
			found = found || strings.HasPrefix(said, `Warning: pcns.csv, area "Northgate PCN": demand.referrals_per_week = 30`)
		}
		if !found {
			t.Errorf("after %s the page's warnings %q lack Northgate PCN's, named by its file", after, top)
		}
	}
	idle := func(done int, and string) chromedp.Action[chromedp.Void] {
		return p.until(fmt.Sprintf(`Number(document.body.dataset.done || 0) > %d && !document.body.classList.contains('busy')%s`, done, and))
	}
	done := p.done()
	p.do("take areas", chromedp.Click(chromedp.CSS(`[data-tab=data]`)),
		chromedp.SetUploadFiles(chromedp.CSS("#areas-file"), []string{pcns}), p.until(`Number(document.body.dataset.areas || 0) >= 1`), idle(done, ""))
	named("an areas file")
	done = p.done()
	p.do("set 25 referrals a week", p.run(`(() => { const n = document.querySelector('`+referrals+`'); n.value = '25'; n.dispatchEvent(new Event('input')); })()`),
		idle(done, ` && state.view.toml.includes('referrals_per_week = 25.0\n')`))
	named("a lever's change")
	done = p.done()
	// Every list of warnings shown from here on, the caseload's answer's
	// as well as the run's that follows it.
	p.do("watch the warnings", p.run(`(() => { const list = document.querySelector('#scenario-warnings');
		window.warningsShown = [];
		new MutationObserver(() => warningsShown.push([...list.querySelectorAll('li')].map((li) => li.textContent))).observe(list, { childList: true, subtree: true });
	})()`))
	p.do("take a caseload", p.run(`document.querySelector('#caseload-date').value = '2025-11-30'`),
		chromedp.SetUploadFiles(chromedp.CSS("#caseload"), []string{caseload}), p.until(`Number(document.body.dataset.caseloads || 0) >= 1`), idle(done, ""))
	named("a caseload taken")
	for _, shown := range eval[[][]string](p, `warningsShown`) {
		for _, said := range shown {
			if strings.HasPrefix(said, `Warning: area "`) {
				t.Errorf("while a caseload was taken the page warned %q, without the areas file", said)
			}
		}
	}
}

// TestBrowserReadableOnAPhone: at 390 px wide the Sweep tab's drop-downs
// stay within the page (Vary and "and by" widened it to 402 px), the
// charts keep a width their words can be read at and scroll sideways
// within their own box (shrunk to the screen, 12 px type was 5 px), and
// the headline table's three columns fit; a sweep's table of more keeps
// columns a few words wide and scrolls sideways (each was a word wide, the
// last a sliver at the screen's edge). On a desktop, a lever's long
// unit takes a line of its own rather than a column a word wide beside
// the box (seven lines for "per person waiting, as a share of …").
func TestBrowserReadableOnAPhone(t *testing.T) {
	p := openPage(t, 390, 844)
	fits := func(where string) {
		t.Helper()
		if w := eval[float64](p, `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("%s: the page is %v px wide in a 390 px window", where, w)
		}
		if off := eval[[]string](p, `[...document.querySelectorAll('.tab:not([hidden]) select, .tab:not([hidden]) input, .tab:not([hidden]) button')]
			.filter((e) => e.getBoundingClientRect().right > e.closest('.tab').getBoundingClientRect().right + 1).map((e) => e.id || e.textContent)`); len(off) > 0 {
			t.Errorf("%s: controls beyond their panel: %q", where, off)
		}
		charts := eval[[]float64](p, `[...document.querySelectorAll('.tab:not([hidden]) figure > div > :is(svg, img)')].map((c) => c.getBoundingClientRect().width)`)
		for _, w := range charts {
			if w < 600 {
				t.Errorf("%s: a chart drawn %v px wide, its words too small to read", where, w)
			}
		}
		if !eval[bool](p, `[...document.querySelectorAll('.tab:not([hidden]) figure > div')].every((d) => d.clientWidth <= 390 && getComputedStyle(d).overflowX === 'auto')`) {
			t.Errorf("%s: a chart does not scroll within its own box", where)
		}
	}
	fits("the results")
	if !eval[bool](p, `(() => { const w = document.querySelector('#headline').parentElement; return w.scrollWidth <= w.clientWidth; })()`) {
		t.Error("the headline table is wider than the screen")
	}
	done := p.done()
	p.do("sweep", chromedp.Click(chromedp.CSS(`[data-tab=sweep]`)), chromedp.Click(chromedp.CSS("#sweep")),
		p.until(fmt.Sprintf(`Number(document.body.dataset.done || 0) > %d && !document.body.classList.contains('busy')`, done)))
	fits("the sweep")
	// A table of more columns than a phone holds (a sweep's, a
	// comparison's) keeps columns a few words wide and scrolls: squeezed
	// to the screen each was a word wide, and the last a sliver.
	if narrow := eval[[]string](p, `[...document.querySelectorAll('#sweep-table th, #sweep-table td')].filter((c) => c.getBoundingClientRect().width < 100).map((c) => c.textContent)`); len(narrow) > 0 {
		t.Errorf("the sweep's table has cells under 100 px wide: %q", narrow)
	}
	if !eval[bool](p, `(() => { const w = document.querySelector('#sweep-table').parentElement; return getComputedStyle(w).overflowX === 'auto' && w.scrollWidth > w.clientWidth; })()`) {
		t.Error("the sweep's table does not scroll sideways within its box")
	}

	p.do("a desktop", chromedp.EmulateViewport(1280, 900))
	tall := eval[[]string](p, `[...document.querySelectorAll('.lever .unit')].filter((u) => u.textContent && u.getBoundingClientRect().height > 2.5 * parseFloat(getComputedStyle(u).lineHeight || 18)).map((u) => u.textContent)`)
	if len(tall) > 0 {
		t.Errorf("units squeezed into a narrow column beside their box: %q", tall)
	}
}

// TestBrowserLeversDescribed: each lever's box is described by its unit
// and its note (usual range, source), so that a screen reader says what
// the number is in: it said "Caseload cap, 45" and no more, the unit and
// the range beside the box being text tied to nothing.
func TestBrowserLeversDescribed(t *testing.T) {
	p := openPage(t, 1280, 900)
	bare := eval[[]string](p, `[...document.querySelectorAll('#levers [data-key]')].filter((box) => {
		const said = (box.getAttribute('aria-describedby') || '').split(' ').map((id) => document.getElementById(id)).filter(Boolean).map((e) => e.textContent).join(' ');
		const unit = box.type === 'number' ? box.closest('.row').querySelector('.unit').textContent : '';
		return !said.includes(unit) || !(said.includes('Usual range') || box.type !== 'number') || said.trim() === '';
	}).map((box) => box.dataset.key)`)
	if len(bare) > 0 {
		t.Errorf("levers whose box is not described by its unit and note: %q", bare)
	}
	if n := eval[float64](p, `document.querySelectorAll('#levers input[type=number]').length`); n < 10 {
		t.Errorf("only %v number boxes among the levers", n)
	}
}

// TestBrowserPinNameTakesJoinedEmoji: the page pins a name with an emoji
// of several joined (👩‍👩‍👧), as the server takes it, and of a name holding
// a character that prints as nothing says which. Before, the family was
// refused as holding "control characters".
func TestBrowserPinNameTakesJoinedEmoji(t *testing.T) {
	p := openPage(t, 1400, 1000)
	p.do("open Compare", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)))
	pinAs := func(name string) (pinned []string, said string) {
		p.t.Helper()
		js := fmt.Sprintf(`window.pinned = null; (async () => { state.pins = []; showPins();
			document.querySelector('#pin-name').value = %q; await pin(); window.pinned = state.pins.map((x) => x.name); })()`, name)
		p.do("pin "+name, p.run(js), p.until(`window.pinned !== null`))
		return eval[[]string](p, `window.pinned`), eval[string](p, `document.querySelector('#status').textContent`)
	}
	family := "👩\u200d👩\u200d👧 families"
	if got, said := pinAs(family); len(got) != 1 || got[0] != family {
		t.Errorf("pinning %+q: pinned %+q; the page says %q", family, got, said)
	}
	if got, said := pinAs("Plan\u200bB"); len(got) != 0 || !strings.Contains(said, "U+200B, a character that prints as nothing") {
		t.Errorf("pinning a name with a zero-width space: pinned %+q; the page says %q", got, said)
	}
}

// TestBrowserTermsExplained: a term a commissioner may not know is
// explained in plain words on the tab that uses it, visibly (not in a
// tooltip a hover alone shows). Before, Results gave intervals as
// "[4.99, 5.52]" without saying what they are, and Compare said "paired",
// "common random numbers" and "Fieller interval" with no word on what
// they mean.
func TestBrowserTermsExplained(t *testing.T) {
	p := openPage(t, 1280, 900)
	terms := []struct {
		name, used, explained string // used and explained are regular expressions
	}{
		{"an interval", `\[[^\]\s]+, [^\]\s]+\]`, `are 95% confidence intervals: .* holds the true long-run value 95 times in 100|is a 95% confidence interval: the range`},
		{"common random numbers", `common random numbers`, `common random numbers\W+the same simulated people`},
		{"paired", `\bpaired\b`, `paired\W+each replication .* is set against the same replication`},
		{"Fieller", `Fieller`, `Fieller's method, which allows for the uncertainty in both`},
		{"MSER-5", `MSER-5`, `MSER-5, a standard test of how long a run takes to settle`},
	}
	// explained checks the tab shown: each term it uses is explained in
	// text it shows.
	explained := func(tab string) {
		t.Helper()
		said := eval[string](p, `document.querySelector('.tab:not([hidden])').innerText`)
		for _, term := range terms {
			used := regexp.MustCompile(`.{0,60}` + term.used + `.{0,20}`).FindString(said)
			if used != "" && !regexp.MustCompile(term.explained).MatchString(said) {
				t.Errorf("%s says %s (%q) without explaining it", tab, term.name, used)
			}
		}
	}
	idle := func() chromedp.Action[chromedp.Void] {
		return p.until(fmt.Sprintf(`Number(document.body.dataset.done || 0) > %d && !document.body.classList.contains('busy')`, p.done()))
	}
	explained("Results")
	p.do("pin three", chromedp.Click(chromedp.CSS(`[data-tab=compare]`)), chromedp.SendKeys(chromedp.CSS("#pin-name"), "three"), chromedp.Click(chromedp.CSS("#pin")))
	ran := idle()
	p.do("five link workers", p.run(`(() => { const n = document.querySelector('input[type=number][data-key="workforce.link_workers"]');
		n.value = '5'; n.dispatchEvent(new Event('input')); })()`), ran)
	compared := idle()
	p.do("pin five and compare", chromedp.SendKeys(chromedp.CSS("#pin-name"), "five"), chromedp.Click(chromedp.CSS("#pin")), chromedp.Click(chromedp.CSS("#compare")), compared)
	explained("Compare")
	swept := idle()
	p.do("sweep", chromedp.Click(chromedp.CSS(`[data-tab=sweep]`)), chromedp.Click(chromedp.CSS("#sweep")), swept)
	explained("Sweep")
	for _, tab := range []string{"plan", "drivers"} {
		p.do("open "+tab, chromedp.Click(chromedp.CSS(`[data-tab=`+tab+`]`)))
		explained(tab)
	}
}
