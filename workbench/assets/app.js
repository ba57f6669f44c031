// spsim workbench: the page's controller. Everything it shows comes from
// the server's JSON API; the charts arrive as SVG drawn on the server.
'use strict';

const $ = (sel) => document.querySelector(sel);
const state = {
  view: null,        // the scenario as the server resolved it
  pending: new Map(),// lever key -> value not yet sent
  held: new Map(),   // lever key -> a value typed far outside its range, not run until the user chooses
  sent: null,        // the changes a run has sent, until its scenario arrives: the controls show them already
  shown: null,       // the TOML of the scenario whose results the Results tab shows
  controls: new Map(),// lever key -> its control's update, given the lever as the server resolved it
  run: null,         // AbortController of the request in flight
  leverRun: null,    // the same, when it is a run of the controls' changes
  pins: [],          // {name, toml}
  compared: null,    // the pins of the comparison shown, for its downloads
  swept: null,       // the request of the sweep shown, for its downloads
  planned: null,     // the request of the plan shown, for its downloads
  screened: null,    // the request of the screening shown, for its downloads
  editing: false,    // the TOML editor has unsent edits
  fit: null,         // the last fit of a referral extract
  caseload: null,    // the caseload extract last chosen (a File), read again for a new extract date
  areasFile: null,   // the areas an areas file gave (the server's areas_file), sent back so that their warnings name the file
};

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
}

// sentenceItem is a sentence as a list item, each bracketed interval kept
// on one line ("[−£2,382, £1,999]" must not break after its minus sign).
function sentenceItem(s) {
  const parts = s.split(/(\[[^\[\]]*\])/);
  return el('li', {}, ...parts.map((p, i) => (i % 2 ? el('span', { class: 'nw', text: p }) : p)));
}

// debounce calls fn once calls stop for ms; cancel drops a call still
// waiting, and waiting says whether one is.
function debounce(fn, ms) {
  let t = null;
  const d = (...a) => { clearTimeout(t); t = setTimeout(() => { t = null; fn(...a); }, ms); };
  d.cancel = () => { clearTimeout(t); t = null; };
  d.waiting = () => t !== null;
  return d;
}

// ---- talking to the server ----

class APIError extends Error {
  constructor(body, status) { super(body.error || ('HTTP ' + status)); this.problems = body.problems || []; this.status = status; }
}

async function postJSON(url, body, signal) {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
  const data = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new APIError(data, res.status);
  return data;
}

// stream posts body and calls onMsg for each line of the server's
// newline-delimited JSON answer: queued, scenario, progress, result, error.
async function stream(url, body, signal, onMsg) {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
  if (!res.ok) throw new APIError(await res.json().catch(() => ({ error: res.statusText })), res.status);
  const reader = res.body.getReader();
  const dec = new TextDecoder();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += dec.decode(value, { stream: true });
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      if (line.trim()) onMsg(JSON.parse(line));
    }
  }
}

// ---- status, progress and cancel ----

function status(text, isError = false) {
  $('#status').textContent = text;
  $('#status').classList.toggle('error', isError);
}

// problemStatus is a failed request's status line: the first problem in
// full, where the user is looking, and how many more the advanced pane
// lists, rather than only a pointer to a pane far down the page.
function problemStatus(e) {
  const ps = e.problems || [];
  if (!ps.length) return e.message;
  return ps[0].text + (ps.length > 1 ? ` (and ${ps.length - 1} more in the advanced pane)` : '');
}

// progressWords say how far a task has gone. A search's count is a bound
// (cap): it stops once every decision it needs is made, usually well
// short, so it is not said as "N of M", which would read as nearly done.
function progressWords(label, m) {
  const n = (x) => x.toLocaleString('en-GB');
  if (m.cap) return `${label}: ${n(m.done)} replications so far (it stops once every combination it needs is decided; at most ${n(m.of)})`;
  return `${label}: ${n(m.done)} of ${n(m.of)} replications`;
}

function progress(done, of) {
  $('#progress').max = Math.max(of, 1);
  $('#progress').value = done;
}

// task runs one long request at a time: a new one cancels the last. sent,
// for a run of the controls' changes, are those changes: if the run stops
// before its scenario arrives they wait again, as the controls still show
// them.
async function task(label, url, body, onResult, sent = null) {
  // A task already running is stopped, and the status says so: a sweep
  // that a lever's change replaced must not vanish without a word.
  const stopped = state.run ? ` (${state.runLabel} was stopped)` : '';
  if (state.run) state.run.abort();
  const ctl = new AbortController();
  state.run = ctl;
  state.leverRun = sent ? ctl : null;
  state.runLabel = label;
  const t0 = performance.now();
  document.body.classList.add('busy');
  $('#cancel').disabled = false;
  status(label + '…' + stopped);
  progress(0, 1);
  try {
    let got = false;
    await stream(url, body, ctl.signal, (m) => {
      if (ctl !== state.run) return;
      switch (m.type) {
        case 'queued': status(`${label}: waiting for ${m.ahead} run${m.ahead === 1 ? '' : 's'} ahead…`); break;
        case 'scenario': showScenario(m.scenario); break;
        case 'progress': progress(m.done, m.of); status(progressWords(label, m)); break;
        case 'error': status(m.error, true); break;
        case 'result':
          got = true;
          onResult(m.result);
          // Counts finished tasks, for scripts and tests that wait on the page.
          document.body.dataset.done = String(Number(document.body.dataset.done || 0) + 1);
          progress(1, 1);
          status(`${label}: done in ${((performance.now() - t0) / 1000).toFixed(2)} s${stopped}`);
          break;
      }
    });
    if (!got && ctl === state.run && !$('#status').classList.contains('error')) status(label + ': stopped before it finished', true);
    if (!got) unsend(sent);
  } catch (e) {
    if (e.name === 'AbortError') { unsend(sent); if (ctl === state.run) status(label + ': cancelled'); return; }
    if (sent && state.sent === sent) state.sent = null; // refused: the controls go back
    showProblems(e.problems);
    status(problemStatus(e), true);
    if (e.problems.length) $('#advanced').open = true;
    if (state.view) showLevers(state.view); // put the controls back
  } finally {
    if (ctl === state.run) {
      state.run = null;
      state.leverRun = null;
      $('#cancel').disabled = true;
      document.body.classList.remove('busy');
    }
    markStale();
  }
}

// unsend puts a stopped run's changes back to wait, unless its scenario
// arrived (they are in it) or the user changed the lever since.
function unsend(sent) {
  if (!sent || state.sent !== sent) return;
  state.sent = null;
  for (const [key, value] of sent) if (!state.pending.has(key) && !state.held.has(key)) state.pending.set(key, value);
  if (state.view) showLevers(state.view);
}

// ---- the scenario and its controls ----

function showScenario(v) {
  // v.caseload, today's people as a caseload extract gave them (while they
  // still are), goes back with v's TOML (api/run, api/check, api/areas):
  // they are warned of at the extract's lines, not by keys nobody wrote.
  state.view = v;
  state.sent = null; // whatever a run sent is in v, or v replaces it
  $('#question').textContent = `${v.name}: ${v.question}`;
  if (!state.editing) $('#toml').value = v.toml;
  showProblems(v.warnings, 'warning');
  // In plain words; the advanced pane lists them as spsim validate does.
  showWarnings($('#scenario-warnings'), (v.warnings || []).map((w) => (w.words || w.text) + ' (see Advanced)'));
  showLevers(v);
  fillSweepKeys(v);
  fillPlanKeys(v);
  $('#download-areas').hidden = !(v.areas > 1); // areas.csv is for several areas
  markStale();
}

// markStale notes, at the top of a tab, results of a scenario other than
// the one on the left: a lever moved since they ran, a run of another
// scenario failed or was cancelled, or a value typed is held. The Results
// tab's are greyed too, and are not called earlier while a run of the
// controls' changes is on its way. (Compare's pins are scenarios of their
// own: Compare's comparison is out of date when the pins have changed
// since it ran, one unpinned or another pinned.)
function markStale() {
  markComparedStale();
  const v = state.view;
  if (!v) return;
  const running = state.leverRun !== null || scheduleRun.waiting();
  const results = state.shown !== null && !running && (state.shown !== v.toml || state.held.size > 0 || state.pending.size > 0);
  for (const [id, stale] of [['#tab-results', results], ['#tab-sweep', state.swept && state.swept.toml !== v.toml],
    ['#tab-plan', state.planned && state.planned.toml !== v.toml], ['#tab-drivers', state.screened && state.screened.toml !== v.toml]]) {
    const tab = $(id);
    let note = tab.querySelector('.stale-note');
    if (!note) {
      note = el('p', { class: 'stale-note', text: 'These results are of earlier settings: run again for the settings on the left.' });
      if (id === '#tab-results') note.append(' ', el('button', { type: 'button', id: 'run-again', text: 'Run again', onclick: runControls }));
      tab.prepend(note);
    }
    note.hidden = !stale;
    tab.classList.toggle('stale', !!stale);
  }
}

// markComparedStale notes on Compare a comparison of other pins than
// those listed: it stays to read, greyed, until compared again.
function markComparedStale() {
  const tab = $('#tab-compare');
  const same = (a, b) => a.length === b.length && a.every((p, i) => p.name === b[i].name && p.toml === b[i].toml);
  const stale = !!state.compared && !same(state.compared, state.pins);
  let note = tab.querySelector('.stale-note');
  if (!note) {
    note = el('p', { class: 'stale-note', text: 'This comparison is of other pinned scenarios than those listed: compare again for the scenarios pinned now.' });
    tab.querySelector('#compare-notes').before(note);
  }
  note.hidden = !stale;
  tab.classList.toggle('stale', stale);
}

function leverValue(l) {
  return state.pending.has(l.key) ? state.pending.get(l.key) : l.value;
}

// showLevers shows v's levers. The levers already shown are updated in
// place, not rebuilt: a box being typed in keeps its text, its focus and
// its prompt whatever run finishes meanwhile.
function showLevers(v) {
  const box = $('#levers');
  const shape = JSON.stringify(v.levers.map((l) => [l.group, l.key, l.kind, l.label, l.unit, l.choices || null]));
  if (box.dataset.shape !== shape) {
    const focused = box.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    state.controls = new Map();
    const groups = new Map();
    for (const l of v.levers) {
      if (!groups.has(l.group)) groups.set(l.group, el('fieldset', {}, el('legend', { text: l.group })));
      groups.get(l.group).append(leverControl(l));
    }
    box.replaceChildren(...groups.values());
    box.dataset.shape = shape;
    if (focused) { const e = box.querySelector(`[data-key="${CSS.escape(focused)}"]`); if (e) e.focus(); }
  }
  for (const l of v.levers) state.controls.get(l.key)(l);
}

// leverControl makes lever l's control, and keeps its update in
// state.controls: the scenario's values, range and note, but never over a
// value the user is typing, has changed or is asked about.
function leverControl(l) {
  const key = l.key;
  const id = 'lever-' + key.replace(/[^a-z0-9]/gi, '-');
  const wrap = el('div', { class: 'lever' });
  wrap.append(el('label', { for: id, text: l.label }));
  const row = el('div', { class: 'row' });
  // The box is described by its unit and its note (usual range, source),
  // so that a screen reader says "45, people per FTE", not a bare 45.
  const note = el('p', { class: 'note', id: id + '-note' });
  let cur = l; // the lever as last resolved
  const mark = () => wrap.classList.toggle('changed', state.pending.has(key) || state.held.has(key));
  // typed: a number typed key by key waits for a longer pause (or Enter,
  // or leaving the box), so that 500 on the way to 5000 is not run. A
  // value back at the scenario's own needs no run.
  const changed = (v, typed) => {
    state.held.delete(key);
    // A lever moved runs the controls' scenario: the editor then shows it,
    // not a refused upload or edits that were never applied.
    if (state.editing && document.activeElement !== $('#toml')) {
      state.editing = false;
      $('#toml').value = state.view.toml;
      showProblems([]);
    }
    if (v === leverValue(cur) && !(state.sent && state.sent.has(key))) {
      state.pending.delete(key);
    } else {
      state.pending.set(key, v);
      (typed ? scheduleTypedRun : scheduleRun)();
    }
    mark();
    markStale();
  };
  let update;
  if (l.kind === 'bool') {
    const box = el('input', { id, type: 'checkbox', 'data-key': key, 'aria-describedby': id + '-note' });
    const unit = el('span', { class: 'unit' });
    box.addEventListener('change', () => { unit.textContent = box.checked ? 'on' : 'off'; changed(box.checked); });
    row.append(box, unit);
    update = () => { box.checked = !!leverValue(cur); unit.textContent = box.checked ? 'on' : 'off'; };
  } else if (l.kind === 'choice') {
    const sel = el('select', { id, 'data-key': key, 'aria-describedby': id + '-note' });
    for (const c of l.choices) sel.append(el('option', { value: c, text: c.replace(/_/g, '-') }));
    sel.addEventListener('change', () => changed(sel.value));
    row.append(sel);
    update = () => { sel.value = leverValue(cur); };
  } else {
    const described = `${id}-unit ${id}-note`;
    const range = el('input', { type: 'range', step: l.step || 'any', 'aria-label': l.label + ' (slider)', 'aria-describedby': described });
    const num = el('input', { id, type: 'number', step: 'any', 'data-key': key, 'aria-describedby': described });
    // A value typed far outside the usual range (5 for a growth of 0.05)
    // is held, with the likely value offered, before anything runs: its
    // results would look like any others. Holding it drops the run a
    // value typed on the way to it (500 on the way to 5000) scheduled.
    const typo = el('p', { class: 'typo', role: 'alert', hidden: true });
    // Focus goes back to the box: the prompt's button it was on is gone.
    const take = (v) => { typo.hidden = true; num.value = v; range.value = v; changed(v); num.focus(); };
    let asked = null; // the value the prompt is about
    const ask = (v) => {
      asked = v;
      const meant = likelyMeant(cur, v), far = `${fmt(v)} is far outside the usual range (${fmt(cur.min)}–${fmt(cur.max)})`;
      const keep = el('button', { type: 'button', text: `Keep ${fmt(v)}`, onclick: () => take(v) });
      if (meant === null) typo.replaceChildren(far + ': nothing runs until you keep it. ', keep);
      else typo.replaceChildren(far + `: did you mean ${fmt(meant)}? `, el('button', { type: 'button', text: `Use ${fmt(meant)}`, onclick: () => take(meant) }), ' ', keep);
      typo.hidden = false;
    };
    const hold = (v) => {
      state.held.set(key, v);
      state.pending.delete(key);
      scheduleRun.cancel();
      scheduleTypedRun.cancel();
      ask(v);
      mark();
      markStale();
    };
    range.addEventListener('input', () => { num.value = range.value; typo.hidden = true; changed(Number(range.value)); });
    num.addEventListener('input', () => {
      typo.hidden = true;
      if (state.held.delete(key)) mark();
      if (num.value !== '' && !isNaN(Number(num.value))) {
        const v = Number(num.value);
        if (farOut(cur, v)) { hold(v); return; }
        range.value = num.value; changed(v, true); return;
      }
      // Kept at the last value: say so, rather than run the old one silently.
      status(`${cur.label}: enter a number (the run keeps ${fmt(range.value)} until then)`, true);
    });
    // Enter, or leaving the box, runs a typed value at once.
    num.addEventListener('change', () => { if (state.pending.has(key) && !state.held.size) runNow(); });
    row.append(range, num, el('span', { class: 'unit', id: id + '-unit', text: l.unit }));
    wrap.append(row, typo);
    update = () => {
      const held = state.held.has(key), value = held ? cur.value : leverValue(cur);
      range.min = Math.min(cur.min, value);
      range.max = Math.max(cur.max, value);
      range.value = value;
      if (document.activeElement !== num) num.value = held ? state.held.get(key) : value;
      if (!held) typo.hidden = true;
      else if (typo.hidden || asked !== state.held.get(key)) ask(state.held.get(key));
    };
  }
  if (!row.parentNode) wrap.append(row);
  wrap.append(note);
  state.controls.set(key, (nl) => {
    cur = nl;
    update();
    mark();
    // The control's range is a PCN's usual one; validation's plausible
    // range is wider (an ICB's or a nation's scenario), so the two are not
    // given one name.
    note.textContent = (nl.kind === 'number' ? `Usual range: ${fmt(nl.min)}–${fmt(nl.max)}${nl.unit ? ' ' + nl.unit : ''}. ` : '') + nl.note;
  });
  return wrap;
}

function fmt(x) { return Number(x).toLocaleString('en-GB'); }

// scheduleRun runs the controls' changes once typing pauses; never while
// a value typed is held for the user to choose.
const scheduleRun = debounce(() => { if (!state.held.size) runNow(); }, 350);
const scheduleTypedRun = debounce(() => { if (!state.held.size) runNow(); }, 900);

function runNow() {
  if (!state.view) return;
  scheduleRun.cancel();
  scheduleTypedRun.cancel();
  // With the changes of a run this one stops before its scenario arrived.
  const sent = new Map([...(state.sent || []), ...state.pending]);
  state.pending.clear();
  state.sent = sent;
  task('Running ' + state.view.name, 'api/run', { toml: state.view.toml, set: asSet(sent), ...scenarioTaken() }, (r) => {
    state.shown = state.view.toml; // the run's scenario arrived before its results
    showResults(r);
  }, sent);
  markStale();
}

// runControls is "Run again": the controls' scenario, unless a value is
// held.
function runControls() {
  if (state.held.size) { status(heldWords(), true); return; }
  runNow();
}

// scenarioTaken are what the scenario took from local files, sent back
// with it: today's people as a caseload extract gave them (while they
// still are), and the areas an areas file gave; the server warns of them
// at the extract's lines and by the file's name, not by keys nobody wrote
// or a line of the scenario the page generated. The areas file is kept
// apart from the view, which answers it only while its areas are the
// file's, and is sent with a caseload taken after it (readCaseload).
function scenarioTaken() {
  return { caseload: state.view ? state.view.caseload : undefined, areas_file: state.areasFile || undefined };
}

function asSet(m) { return [...m].map(([key, value]) => ({ key, value })); }

// unsent are the changes the controls show that state.view lacks: sent to
// a run whose scenario has not arrived, and waiting to be sent.
function unsent() { return asSet(new Map([...(state.sent || []), ...state.pending])); }

// heldWords asks the user about the values held.
function heldWords() {
  const [key, v] = state.held.entries().next().value;
  const l = state.view.levers.find((x) => x.key === key);
  return `${l ? l.label : key}: ${fmt(v)} is far outside the usual range: use a value offered, keep it or type another first`;
}

// controlsView is the scenario the controls show, resolved by the server
// but not run: state.view with the changes it lacks. It is null, said in
// the status, when a value is held or the server refuses the changes.
async function controlsView() {
  if (state.held.size) { status(heldWords(), true); return null; }
  const set = unsent();
  if (!set.length) return state.view;
  try {
    return await postJSON('api/check', { toml: state.view.toml, set, ...scenarioTaken() });
  } catch (e) {
    status(problemStatus(e), true);
    return null;
  }
}

// settle makes the controls' scenario the page's before a tab's task runs
// from it, without running it: a run of the changes, waiting or on its
// way, gives way to the task, and Results says its results are of earlier
// settings. It is false, said in the status, if the controls cannot be.
async function settle() {
  if (!state.view) return false;
  const sent = state.sent, pending = JSON.stringify([...state.pending]);
  const v = await controlsView();
  if (!v) return false;
  if (state.sent !== sent || JSON.stringify([...state.pending]) !== pending) return settle(); // changed while it was checked
  // A run of the changes still waiting to start (a typed value waits
  // 900 ms) would start after the task and stop it: it gives way too.
  scheduleRun.cancel();
  scheduleTypedRun.cancel();
  if (v === state.view) return true;
  state.pending.clear();
  if (state.leverRun) state.leverRun.abort();
  showScenario(v); // with the changes the stopped run sent
  return true;
}

// ---- results ----

function showResults(r) {
  showWarnings($('#run-notes'), r.notes);
  $('#sentences').replaceChildren(...r.sentences.map((s) => sentenceItem(s)));
  $('#headline tbody').replaceChildren(...r.headline.map((h) =>
    el('tr', { 'data-kpi': h.kpi, 'data-mean': h.mean, 'data-low': h.low, 'data-high': h.high },
      el('td', { text: h.label }), el('td', { class: 'num', text: h.value }), el('td', { class: 'num', text: h.interval }))));
  $('#charts').replaceChildren(...r.charts.map(figure));
  showAreas(r.areas);
}

// showAreas ranks the areas of a run of several, longest wait first.
function showAreas(a) {
  $('#areas').hidden = !a;
  if (!a) return;
  $('#areas-table').replaceChildren(el('caption', { text: a.caption }),
    el('thead', {}, el('tr', {}, ...a.head.map((h) => el('th', { text: h })))),
    el('tbody', {}, ...a.rows.map((row) => el('tr', { 'data-area': row[0] }, ...row.map((c, i) => el('td', { class: i ? 'num' : '', text: c }))))));
  $('#areas-chart').replaceChildren(...(a.chart ? [figure(a.chart)] : []));
}

function figure(c) {
  const f = el('figure', { 'data-chart': c.name });
  const holder = el('div');
  holder.innerHTML = c.svg; // drawn and escaped by the server
  f.append(holder, el('figcaption', { text: c.caption }));
  return f;
}

// ---- the TOML editor ----

// showProblems lists a scenario's problems, or with kind 'warning' its
// warnings, in the advanced pane, each leading to its line.
function showProblems(ps, kind) {
  const list = $('#problems');
  list.replaceChildren(...(ps || []).map((p) => {
    const li = el('li', { text: p.text, 'data-line': p.line || 0, class: kind || '' });
    li.addEventListener('click', () => gotoLine(p.line));
    return li;
  }));
}

// showWarnings fills a list of warnings in words, hidden when there are none.
function showWarnings(list, texts) {
  list.replaceChildren(...(texts || []).map((t) => el('li', { text: t })));
  list.hidden = !(texts && texts.length);
}

function gotoLine(n) {
  if (!n) return;
  const ta = $('#toml');
  const lines = ta.value.split('\n');
  let pos = 0;
  for (let i = 0; i < n - 1 && i < lines.length; i++) pos += lines[i].length + 1;
  ta.focus();
  ta.setSelectionRange(pos, pos + (lines[n - 1] || '').length);
}

const checkEdits = debounce(async () => {
  const text = $('#toml').value;
  try {
    const v = await postJSON('api/check', { toml: text, ...scenarioTaken() });
    state.editing = false;
    state.pending.clear();
    state.held.clear();
    showScenario(v);
    runNow();
  } catch (e) {
    showProblems(e.problems.length ? e.problems : [{ text: e.message }]);
    status(problemStatus(e), true);
  }
}, 600);

// ---- compare ----

function showPins() {
  $('#pins').replaceChildren(...state.pins.map((p, i) =>
    el('li', {}, (i === 0 ? 'reference: ' : '') + p.name + ' ',
      el('button', { type: 'button', 'aria-label': 'Unpin ' + p.name, text: '×', onclick: () => { state.pins.splice(i, 1); showPins(); } }))));
  $('#pin-count').textContent = `(${state.pins.length})`;
  $('#compare').disabled = state.pins.length < 2;
  $('#pin').disabled = state.pins.length >= 4;
  markComparedStale();
}

// pinName is the server's rule for a pin's name (workbench/compare.go).
const pinName = /^[^\p{C}\p{Z}=+\-@][^\p{C}\p{Zl}\p{Zp}]{0,39}$/u;

// emojiJoiner is a zero-width joiner within an emoji ("👩‍👩‍👧", three
// joined), which a pin's name may hold as part of it (pinNameOK).
const emojiJoiner = /(?<=[\p{So}\p{Sk}\uFE0F])\u200D(?=\p{So})/gu;

// pinNameOK is the server's pinNameOK: pinName, an emoji's joiners
// counted as characters of it.
function pinNameOK(name) { return pinName.test(name.replace(emojiJoiner, '\u2764')); }

// pinNameRefused says which character of a name pinName refuses, and
// why, or ''.
function pinNameRefused(name) {
  const m = name.replace(emojiJoiner, '\u2764').match(/[\p{C}\p{Zl}\p{Zp}]/u);
  if (!m) return '';
  const code = 'U+' + m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0');
  return /[\p{Cc}\p{Zl}\p{Zp}]/u.test(m[0]) ? `: it holds a line break or other control character (${code})`
    : `: it holds ${code}, a character that prints as nothing, which would hide in the comparison's files; type the name without it`;
}

// pinNameMax is a pin name's most characters, counted as the server
// counts them (pinName): code points, an emoji one, not the UTF-16 units
// an input's maxlength counts (an emoji two).
const pinNameMax = 40;

// capPinName cuts the name box to pinNameMax characters, as maxlength
// would: what was just typed or pasted, before the caret, goes first. Not
// while an input method is composing, which would lose its text.
function capPinName(e) {
  if (e && e.isComposing) return;
  const box = $('#pin-name');
  const chars = [...box.value], over = chars.length - pinNameMax;
  if (over <= 0) return;
  const caret = [...box.value.slice(0, box.selectionEnd)].length;
  const from = Math.max(0, caret - over);
  box.value = [...chars.slice(0, from), ...chars.slice(from + over)].join('');
  const at = chars.slice(0, from).join('').length;
  box.setSelectionRange(at, at);
}

// nameKey is what two names that print alike have in common, as the
// server compares pins' names (scenarios.NameKey): é however encoded,
// without what prints as nothing, case folded in full (a character at a
// time, lower, upper and lower again: ß is ss, ﬁ is fi, ς is σ; İ is i and
// ı stays ı, as in Go), spaces collapsed.
function nameKey(s) {
  return [...s.normalize('NFC').replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')]
    .map((c) => (c === '\u0130' ? 'i' : c === '\u0131' ? c : c.toLowerCase().toUpperCase().toLowerCase())).join('')
    .normalize('NFC')
    .split(/[\s\u0085]+/).filter(Boolean).join(' ');
}

// defaultPinName is the name a pin takes when none is given: the
// scenario's and a number, the first free, cut to a pin name's 40
// characters, without what a pin's name may not hold.
function defaultPinName() {
  const base = state.view.name.replace(/[\p{C}\p{Zl}\p{Zp}]/gu, '').replace(/^[\p{Z}=+\-@]+/u, '') || 'Scenario';
  for (let n = state.pins.length + 1; ; n++) {
    const tail = ' ' + n, chars = [...base];
    const name = (chars.length + tail.length > 40 ? chars.slice(0, 39 - tail.length).join('').trimEnd() + '…' : base) + tail;
    if (!state.pins.some((p) => nameKey(p.name) === nameKey(name))) return name;
  }
}

// pin pins the scenario the controls show, with changes not yet run.
async function pin() {
  if (!state.view) return;
  const name = $('#pin-name').value.trim() || defaultPinName();
  // The server's rules for pins' names, told now rather than when Compare
  // is pressed; the name box keeps the name, to be put right.
  const refuse = (text) => { status(text, true); $('#pin-name').focus(); };
  if (!pinNameOK(name)) {
    refuse(`A pinned scenario's name is 1 to 40 characters, without line breaks or other control characters, and does not start with = + - or @, which a spreadsheet would take for a formula (not "${name}"${pinNameRefused(name)})`); return;
  }
  const alike = state.pins.find((p) => nameKey(p.name) === nameKey(name));
  if (alike && alike.name === name) { refuse(`A pinned scenario is already named "${name}": give this one its own name`); return; }
  if (alike) { refuse(`"${name}" prints like "${alike.name}", already pinned (names are compared ignoring case, spaces and characters that print as nothing): give this one its own name`); return; }
  if (state.pins.length >= 4) { status('Up to 4 scenarios can be pinned', true); return; }
  $('#pin').disabled = true; // until this pin is made
  try {
    const v = await controlsView();
    if (!v) return;
    state.pins.push({ name, toml: v.toml });
    $('#pin-name').value = '';
  } finally {
    showPins();
  }
}

async function compare() {
  // Not stopped by a run of the controls' changes waiting to start.
  if (!state.held.size && !(await settle())) return;
  task('Comparing', 'api/compare', { pins: state.pins }, (r) => {
    showWarnings($('#compare-notes'), r.notes);
    $('#verdict').replaceChildren(...r.verdict.map((s) => sentenceItem(s)));
    $('#costs').replaceChildren(...(r.costs || []).map((s) => sentenceItem(s)));
    const head = el('tr', {}, el('th', { text: 'What' }), ...r.names.map((n, i) => el('th', { text: n + (i === 0 ? ' (reference)' : '') })),
      ...r.names.slice(1).map((n) => el('th', { text: `${n} − ${r.names[0]} (paired)` })));
    const rows = r.rows.map((row) => el('tr', { 'data-kpi': row.kpi }, el('td', { text: row.label }),
      ...row.values.map((v) => el('td', { class: 'num', text: v })), ...row.diffs.slice(1).map((d) => el('td', { class: 'num', text: d }))));
    $('#compare-table').replaceChildren(el('caption', { text: `${r.replications} replications each on common random numbers (seed ${r.seed}); 95% intervals` }),
      el('thead', {}, head), el('tbody', {}, ...rows));
    $('#compare-chart').replaceChildren(figure(r.chart));
    state.compared = state.pins.slice(); // what the downloads are of
    markComparedStale();
    $('#compare-downloads').hidden = false;
    $('#download-compare-areas').hidden = !r.areas; // each area's differences, for pins of several areas
  });
}

// downloadStudy asks api/download-KIND for a file of the comparison, sweep,
// plan or screening last shown, which the server runs again to the same
// numbers.
function downloadStudy(kind, request, file) {
  if (!request) return;
  const f = $('#download-study-form');
  f.action = 'api/download-' + kind;
  f.elements.request.value = JSON.stringify(request);
  f.elements.file.value = file;
  f.submit();
}

// ---- sweep ----

function fillSweepKeys(v) {
  const options = () => v.levers.filter((l) => l.varies)
    .map((l) => el('option', { value: l.key, text: l.label, 'data-min': l.min, 'data-max': l.max, 'data-value': l.value, 'data-step': l.step || 0 }));
  const sel = $('#sweep-key'), by = $('#sweep-by');
  const keep = sel.value, keepBy = by.value;
  sel.replaceChildren(...options());
  by.replaceChildren(el('option', { value: '', text: 'nothing else' }), ...options());
  if (keep && [...sel.options].some((o) => o.value === keep)) sel.value = keep;
  else sweepDefaults('sweep-key', 'sweep');
  by.value = keepBy && [...by.options].some((o) => o.value === keepBy) ? keepBy : '';
  if (by.value !== keepBy || keepBy === '') sweepByChanged(); // a lever kept keeps its range
}

// sweepDefaults sets a lever's range from its select's choice.
function sweepDefaults(select, prefix) {
  const o = $('#' + select).selectedOptions[0];
  if (!o || !o.value) return;
  // From today's value up: below it a scenario can become one the loader
  // refuses (more people on caseloads than places).
  const v = Number(o.dataset.value);
  const lo = Math.max(Number(o.dataset.min), v > 0 ? v : 0);
  $('#' + prefix + '-from').value = lo;
  $('#' + prefix + '-to').value = Math.max(lo + 1, Math.ceil(v > 0 ? v * 2 : Number(o.dataset.max)));
}

// sweepByChanged turns the second lever's range on when one is chosen.
function sweepByChanged() {
  const on = $('#sweep-by').value !== '';
  for (const id of ['#sweep-by-from', '#sweep-by-to', '#sweep-by-steps']) $(id).disabled = !on;
  if (on) sweepDefaults('sweep-by', 'sweep-by');
}

// farOut says whether v, typed for lever l, is far outside its usual
// range: for a share or rate (its range within -1 to 1), 2 or more either
// way (5 typed for a growth of 0.05; 1.5 may be meant); otherwise over ten
// times its top, or below ten times a negative bottom. A run setting (the
// seed) has no usual range to be far from.
function farOut(l, v) {
  if (l.key.startsWith('run.')) return false;
  if (l.max <= 1 && l.min >= -1) return Math.abs(v) >= 2;
  return v > l.max * 10 || (l.min < 0 && v < l.min * 10);
}

// likelyMeant is the value a number far outside lever l's usual range was
// likely meant to be (v divided by 100, 10 or 1000 back into the range,
// and a whole number for a key that takes whole numbers), or null.
function likelyMeant(l, v) {
  const whole = l.whole;
  for (const d of [100, 10, 1000]) {
    const m = Number((v / d).toPrecision(6));
    if (m >= l.min && m <= l.max && (!whole || Number.isInteger(m))) return m;
  }
  return null;
}

// numberOf reads a number box: an empty or unreadable box is an error to
// show ("Enter …"), not the 0 that Number('') makes.
function numberOf(id, what) {
  const s = $(id).value.trim();
  const x = Number(s);
  if (s === '' || !Number.isFinite(x)) throw new Error(`Enter ${what}`);
  return x;
}

// leverValues are the values of a lever from its range and steps, or an
// error to show: a lever of whole steps (posts, sessions) takes whole
// values, 3 to 6 in 5 steps being 3, 4, 5, 6, not 3.75.
function leverValues(select, prefix) {
  let from, to, n;
  try {
    from = numberOf('#' + prefix + '-from', 'a number to sweep "from"');
    to = numberOf('#' + prefix + '-to', 'a number to sweep "to"');
    n = numberOf('#' + prefix + '-steps', 'the number of steps');
  } catch (e) { return { error: e.message }; }
  if (!(n >= 2 && n <= 12) || !(to > from)) return { error: 'A sweep needs "from" below "to" and 2 to 12 steps' };
  let values = [];
  for (let i = 0; i < n; i++) values.push(Number((from + (to - from) * i / (n - 1)).toPrecision(6)));
  const step = Number($('#' + select).selectedOptions[0].dataset.step);
  if (Number.isInteger(step) && step >= 1) values = [...new Set(values.map((v) => Math.round(v)))];
  if (values.length < 2) return { error: 'A sweep needs at least 2 different values' };
  return { key: $('#' + select).value, label: $('#' + select).selectedOptions[0].textContent, values };
}

async function sweep() {
  if (!(await settle())) return;
  const first = leverValues('sweep-key', 'sweep');
  if (first.error) { status(first.error, true); return; }
  const req = { toml: state.view.toml, key: first.key, label: first.label, values: first.values };
  // The values themselves: a lever of whole steps may take fewer than the
  // steps asked (3 to 6 in 5 steps is 3, 4, 5, 6).
  let what = `${first.label} (${first.values.map(fmt).join(', ')})`;
  if ($('#sweep-by').value !== '') {
    const by = leverValues('sweep-by', 'sweep-by');
    if (by.error) { status(by.error, true); return; }
    if (by.key === first.key) { status('A sweep by two levers needs two different levers', true); return; }
    req.by = by;
    what += ' by ' + by.label.toLowerCase();
  }
  task('Sweeping ' + what, 'api/sweep', req, (r) => {
    showWarnings($('#sweep-notes'), r.notes);
    $('#sweep-answer').replaceChildren(...(r.answer || []).map((s) => sentenceItem(s)));
    $('#sweep-table').replaceChildren(el('thead', {}, el('tr', {}, ...r.head.map((h) => el('th', { text: h })))),
      el('tbody', {}, ...r.rows.map((row) => el('tr', {}, ...row.map((c) => el('td', { class: 'num', text: c }))))));
    $('#sweep-chart').replaceChildren(figure(r.chart));
    state.swept = req; // what the downloads are of
    $('#sweep-command').textContent = r.command;
    $('#sweep-downloads').hidden = false;
  });
}

// ---- downloads ----

// download asks for a file of the settings on the left, with changes not
// yet run.
async function download(file) {
  if (!state.view) return;
  const v = await controlsView();
  if (!v) return;
  const f = $('#download-form');
  f.elements.toml.value = v.toml;
  f.elements.file.value = file;
  f.submit();
}

// ---- start ----

async function open(req, file) {
  try {
    const v = await postJSON('api/open', req);
    // The new scenario replaces the controls' changes, and values held.
    state.pending.clear();
    state.held.clear();
    scheduleRun.cancel();
    state.editing = false;
    showScenario(v);
    // The new scenario replaces whatever the data tab added to the old
    // one: its words and chosen files go, so that the page never says it
    // runs areas or a caseload it no longer does, and choosing the same
    // file again takes it again.
    for (const id of ['#caseload-sentences', '#areas-sentences']) $(id).replaceChildren();
    for (const id of ['#caseload', '#areas-file', '#upload']) $(id).value = '';
    state.caseload = null; // a new extract date no longer reads it into this scenario
    state.areasFile = null;
    $('#scenario-select').value = req.name || '';
    runNow();
  } catch (e) {
    const ps = e.problems || [];
    // An uploaded file's problems are at its own lines: name it, not the
    // scenario.toml the server reads it as.
    if (file) for (const p of ps) p.text = p.text.replace(/^scenario\.toml:/, file + ':');
    showProblems(ps);
    if (ps.length) $('#advanced').open = true;
    // An uploaded file refused: its own text in the editor, so that a
    // problem's line is the file's line, and the first problem said.
    if (req.toml !== undefined && ps.length) { $('#toml').value = req.toml; state.editing = true; }
    status((file && !ps.length ? file + ': ' : '') + problemStatus(e), true);
  }
}

function tabs() {
  const all = [...document.querySelectorAll('.tabs button')];
  const select = b => {
    for (const o of all) {
      o.setAttribute('aria-selected', String(o === b));
      o.tabIndex = o === b ? 0 : -1; // one stop in the tab order; arrows move within
    }
    for (const t of document.querySelectorAll('.tab')) t.hidden = t.id !== 'tab-' + b.dataset.tab;
  };
  for (const [i, b] of all.entries()) {
    b.addEventListener('click', () => select(b));
    // The arrow keys, Home and End move between tabs, as a tab list's do.
    b.addEventListener('keydown', e => {
      const to = {ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: all.length - 1}[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const next = all[(to + all.length) % all.length];
      select(next);
      next.focus();
    });
  }
  select(all.find(b => b.getAttribute('aria-selected') === 'true') || all[0]);
}

async function start() {
  tabs();
  $('#cancel').addEventListener('click', () => { if (state.run) state.run.abort(); });
  $('#toml').addEventListener('input', () => { state.editing = true; checkEdits(); });
  $('#pin').addEventListener('click', pin);
  // Enter in the name pins, as in a form.
  $('#pin-name').addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); pin(); } });
  $('#pin-name').addEventListener('input', capPinName);
  $('#pin-name').addEventListener('compositionend', () => capPinName());
  $('#compare').addEventListener('click', compare);
  $('#sweep').addEventListener('click', sweep);
  $('#sweep-key').addEventListener('change', () => sweepDefaults('sweep-key', 'sweep'));
  $('#sweep-by').addEventListener('change', sweepByChanged);
  $('#plan').addEventListener('click', () => plan(false));
  $('#plan-best').addEventListener('click', () => plan(true));
  await loadDriverKeys();
  driverRows();
  $('#drivers').addEventListener('click', drivers);
  $('#plan-key1').addEventListener('change', () => planDefaults(1));
  $('#plan-key2').addEventListener('change', () => planDefaults(2));
  for (const b of document.querySelectorAll('[data-file]')) b.addEventListener('click', () => download(b.dataset.file));
  // Each result tab's downloads are of the request it last showed.
  const shown = { compare: () => state.compared && { pins: state.compared }, sweep: () => state.swept, plan: () => state.planned, drivers: () => state.screened };
  for (const b of document.querySelectorAll('[data-study-file]')) {
    const [kind, file] = b.dataset.studyFile.split(':');
    b.addEventListener('click', () => downloadStudy(kind, shown[kind](), file));
  }
  $('#extract').addEventListener('change', (ev) => {
    const f = ev.target.files[0];
    ev.target.value = '';
    if (f) fitExtract(f);
  });
  // The notes advise a window or fixing growth (a step, a gap): fit the
  // same file again with them.
  $('#fit-again').addEventListener('click', () => { if (state.extract) fitExtract(state.extract); });
  $('#fit-apply').addEventListener('click', applyFit);
  // Each file input is emptied once its file is taken, so that choosing
  // the same file again (edited, or after a refusal) reads it again; the
  // caseload's file is kept, so that a new extract date reads it again.
  $('#caseload').addEventListener('change', (ev) => {
    const f = ev.target.files[0];
    ev.target.value = '';
    if (f) { state.caseload = f; readCaseload(); }
  });
  $('#caseload-date').addEventListener('change', () => { if (state.caseload) readCaseload(); });
  $('#areas-file').addEventListener('change', (ev) => {
    const f = ev.target.files[0];
    ev.target.value = '';
    if (f) fromExtract(f, 'api/areas', () => ({ caseload: state.view.caseload }), $('#areas-sentences'), 'areas', (r) => { state.areasFile = r.scenario.areas_file || null; });
  });
  $('#upload').addEventListener('change', async (ev) => {
    const f = ev.target.files[0];
    if (f) open({ toml: await f.text() }, f.name);
  });
  const list = await (await fetch('api/scenarios')).json();
  const sel = $('#scenario-select');
  sel.replaceChildren(...list.map((s) => el('option', { value: s.Name, title: s.Question, text: s.Name })));
  sel.value = 'baseline';
  sel.addEventListener('change', () => open({ name: sel.value }));
  showPins();
  open({ name: 'baseline' });
}

start();
