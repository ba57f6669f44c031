// spsim workbench: the decision tools (the cheapest plan, what matters)
// and local data (referrals, today's caseload, areas). Loaded before
// app.js, whose state, helpers and start it uses when called.
'use strict';

// ---- the cheapest plan ----

// leverOptions are the levers a plan may search: decisions (posts,
// places, grants, support limits), not demand or an uncertain input.
function leverOptions(v, none) {
  const opts = v.levers.filter((l) => l.decision)
    .map((l) => el('option', { value: l.key, text: l.label, 'data-min': l.min, 'data-max': l.max, 'data-value': l.value, 'data-step': l.step || 0 }));
  return none ? [el('option', { value: '', text: '(no second lever)' }), ...opts] : opts;
}

function fillPlanKeys(v) {
  for (const [n, none] of [[1, false], [2, true]]) {
    const sel = $('#plan-key' + n), keep = sel.value;
    sel.replaceChildren(...leverOptions(v, none));
    if ([...sel.options].some((o) => o.value === keep)) sel.value = keep;
    else planDefaults(n);
  }
}

// planDefaults offers today's value up to three steps more.
function planDefaults(n) {
  const o = $('#plan-key' + n).selectedOptions[0];
  if (!o || !o.value) { $('#plan-from' + n).value = ''; $('#plan-to' + n).value = ''; return; }
  const v = Number(o.dataset.value), step = Number(o.dataset.step) || 1;
  $('#plan-from' + n).value = v;
  $('#plan-to' + n).value = Math.min(Number(o.dataset.max), v + 3 * step);
}

// planValues are a lever's values from..to: every whole step of a lever of
// whole steps, else five evenly spaced.
function planValues(n) {
  const o = $('#plan-key' + n).selectedOptions[0];
  const from = numberOf('#plan-from' + n, 'a number for the lever\'s "from"'), to = numberOf('#plan-to' + n, 'a number for the lever\'s "to"');
  if (!(to >= from)) throw new Error('A lever needs "from" at or below "to"');
  const step = Number(o.dataset.step);
  const values = [];
  if (Number.isInteger(step) && step >= 1) {
    for (let x = Math.round(from); x <= to; x += step) values.push(x);
  } else {
    for (let i = 0; i < 5; i++) values.push(Number((from + (to - from) * i / 4).toPrecision(6)));
  }
  if (values.length > 12) throw new Error('A lever takes at most 12 values: narrow its range');
  return { key: o.value, label: o.textContent, values: [...new Set(values)] };
}

// plan finds the cheapest plan meeting the target, or with best set, the
// best combination within the budget.
async function plan(best) {
  if (!(await settle())) return;
  const req = { toml: state.view.toml };
  try {
    req.levers = [planValues(1)];
    if ($('#plan-key2').value) req.levers.push(planValues(2));
    if (best) req.best = { kpi: $('#best-kpi').value, budget: numberOf('#best-budget', 'a budget in £ a year') };
    else req.target = { kpi: $('#plan-kpi').value, op: $('#plan-op').value, value: numberOf('#plan-value', 'a target') };
  } catch (e) { status(e.message, true); return; }
  task(best ? 'Finding the best within the budget' : 'Finding the cheapest plan', 'api/optimise', req, (r) => {
    showWarnings($('#plan-notes'), r.notes);
    $('#plan-answer').replaceChildren(...r.sentences.map((s) => sentenceItem(s)));
    $('#plan-table').replaceChildren(el('thead', {}, el('tr', {}, ...r.head.map((h) => el('th', { text: h })))),
      el('tbody', {}, ...r.rows.map((row, i) => el('tr', i === r.plan ? { class: 'plan' } : {}, ...row.map((c) => el('td', { class: 'num', text: c }))))));
    $('#plan-chart').replaceChildren(r.chart.svg ? figure(r.chart) : '');
    state.planned = req; // what the downloads are of
    $('#plan-command').textContent = r.command;
    $('#plan-downloads').hidden = false;
  });
}

// ---- what matters: screening uncertain inputs ----

// driverKeys are the inputs the screening can vary, [key, label, lo, hi],
// from the server's vocabulary (api/inputs); driverStart are the three
// rows it starts with.
let driverKeys = [];
const driverStart = ['workforce.leaving_hazard_per_year', 'workforce.pressure_sensitivity', 'demand.referrals_per_week'];

async function loadDriverKeys() {
  const list = await (await fetch('api/inputs')).json();
  driverKeys = list.map((i) => [i.key, i.label, i.lo, i.hi]);
}

function driverRows() {
  const rows = driverStart.map((key) => driverKeys.findIndex(([k]) => k === key)).map((d, n) => {
    const sel = el('select', { id: 'driver-key' + n, 'aria-label': 'input ' + (n + 1) },
      el('option', { value: '', text: '(none)' }), ...driverKeys.map(([k, label]) => el('option', { value: k, text: label })));
    sel.value = driverKeys[d][0];
    const lo = el('input', { id: 'driver-lo' + n, type: 'number', step: 'any', value: driverKeys[d][2], 'aria-label': 'from' });
    const hi = el('input', { id: 'driver-hi' + n, type: 'number', step: 'any', value: driverKeys[d][3], 'aria-label': 'to' });
    sel.addEventListener('change', () => {
      const k = driverKeys.find(([key]) => key === sel.value);
      if (k) { lo.value = k[2]; hi.value = k[3]; }
    });
    return el('div', { class: 'sweepbar' }, el('label', { text: 'Input ' }, sel), el('label', { text: 'from ' }, lo), el('label', { text: 'to ' }, hi));
  });
  $('#driver-inputs').replaceChildren(...rows);
}

async function drivers() {
  if (!(await settle())) return;
  const inputs = [];
  try {
    for (let n = 0; n < 3; n++) {
      const key = $('#driver-key' + n).value;
      if (key) {
        inputs.push({ key, label: $('#driver-key' + n).selectedOptions[0].textContent,
          lo: numberOf('#driver-lo' + n, 'a number for the input\'s "from"'), hi: numberOf('#driver-hi' + n, 'a number for the input\'s "to"') });
      }
    }
  } catch (e) { status(e.message, true); return; }
  if (inputs.length === 0) { status('Choose at least one input', true); return; }
  const req = { toml: state.view.toml, inputs };
  task('Ranking the inputs', 'api/sensitivity', req, (r) => {
    $('#drivers-answer').replaceChildren(...r.sentences.map((s) => sentenceItem(s)));
    $('#drivers-table').replaceChildren(el('thead', {}, el('tr', {}, ...r.head.map((h) => el('th', { text: h })))),
      el('tbody', {}, ...r.rows.map((row) => el('tr', {}, ...row.map((c) => el('td', { class: 'num', text: c }))))));
    $('#drivers-charts').replaceChildren(...r.charts.map(figure));
    state.screened = req; // what the downloads are of
    $('#drivers-command').textContent = r.command;
    $('#drivers-downloads').hidden = false;
  });
}

// ---- your referrals: fitting demand to an extract ----

// base64 encodes a file's bytes for the JSON request, in chunks small
// enough for String.fromCharCode's argument list.
function base64(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

async function fitExtract(file) {
  status(`Fitting ${file.name}…`);
  state.extract = file; // "Fit again" refits the file last chosen, fitted or not
  $('#fit-again').disabled = false;
  try {
    const data = base64(new Uint8Array(await file.arrayBuffer()));
    const r = await postJSON('api/calibrate', {
      file: file.name, data, toml: state.view ? state.view.toml : '',
      from: $('#fit-from').value, to: $('#fit-to').value,
      no_growth: $('#fit-no-growth').checked, no_season: $('#fit-no-season').checked,
    });
    state.fit = r;
    showFit(r);
    status(`Fitted ${fmt(r.referrals)} referrals in ${r.weeks} weeks from ${r.file}`);
  } catch (e) {
    $('#fit-out').hidden = true;
    status(e.message, true);
  }
  document.body.dataset.fitted = String(Number(document.body.dataset.fitted || 0) + 1);
}

function showFit(r) {
  $('#fit-sentences').replaceChildren(...r.sentences.map((s) => sentenceItem(s)));
  $('#fit-notes').replaceChildren(...(r.notes || []).map((s) => el('li', { text: 'Note: ' + s })));
  $('#fit-table tbody').replaceChildren(...r.rows.map((row) =>
    el('tr', { 'data-key': row.key, 'data-number': row.number },
      el('td', { text: row.label }), el('td', { class: 'num', text: row.value }), el('td', { class: 'num', text: row.interval }),
      el('td', {}, el('code', { text: row.key })))));
  $('#fit-chart').replaceChildren(figure(r.chart));
  $('#fit-fragment').textContent = r.fragment;
  $('#fit-out').hidden = false;
}

function applyFit() {
  if (!state.fit || !state.view) return;
  for (const s of state.fit.set) { state.held.delete(s.key); state.pending.set(s.key, s.value); }
  runNow();
  document.querySelector('.tabs button[data-tab=results]').click();
}

// ---- today's caseload and your areas ----

// readCaseload reads the caseload extract last chosen (state.caseload) as
// of the extract date given, or the day after its latest referral. The
// areas file taken goes with it, as with a run, so that the answer's
// warnings name it too.
function readCaseload() {
  fromExtract(state.caseload, 'api/caseload', () => ({ date: $('#caseload-date').value, areas_file: state.areasFile || undefined }), $('#caseload-sentences'), 'caseloads');
}

// fromExtract sends a local extract with the page's scenario to url, which
// answers with the scenario that uses it and what it holds in words; the
// page then runs that scenario. extra are more of the request's fields, or
// a function giving them as the request is sent. counter names the body's
// data attribute that counts answers, for tests that wait on the page;
// taken, if given, keeps what the answer says the scenario took.
async function fromExtract(file, url, extra, said, counter, taken) {
  if (!state.view) return;
  status(`Reading ${file.name}…`);
  try {
    const data = base64(new Uint8Array(await file.arrayBuffer()));
    const r = await postJSON(url, { file: file.name, data, toml: state.view.toml, ...(typeof extra === 'function' ? extra() : extra) });
    state.pending.clear();
    state.held.clear();
    state.editing = false;
    if (taken) taken(r);
    showScenario(r.scenario);
    said.replaceChildren(...r.sentences.map((s) => sentenceItem(s)));
    runNow();
  } catch (e) {
    // The scenario is unchanged: what it takes from an earlier file stays
    // said, and the refusal is said beside the file chosen too.
    for (const li of said.querySelectorAll('.refused')) li.remove();
    said.prepend(el('li', { class: 'refused', text: `${file.name} was not used: ${problemStatus(e)}. The scenario is as it was.` }));
    showProblems(e.problems);
    status(problemStatus(e), true);
  }
  document.body.dataset[counter] = String(Number(document.body.dataset[counter] || 0) + 1);
}
