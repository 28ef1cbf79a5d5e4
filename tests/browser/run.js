#!/usr/bin/env node
// Runs every journey in tests/browser/journeys/ against a running Sandpit, in one headless
// Chromium, one after another, and writes a report. Started by tests/browser.rs; by hand:
//
//   SANDPIT_URL=http://127.0.0.1:8080 node tests/browser/run.js [name-filter]
//
// Environment: SANDPIT_URL (a self-learner server, required), SANDPIT_CLASSROOM_URL (a
// `serve --classroom` server), SANDPIT_SERVER_LOG and SANDPIT_CLASSROOM_LOG (what each printed,
// for journeys that need it, such as the trainer's link), SANDPIT_CHROMIUM (default
// /usr/bin/chromium), SANDPIT_SCREENSHOTS (a folder for the PNGs), SANDPIT_BROWSER_REPORT (a
// JSON report file).
//
// A journey is one object in a journeys/*.js file's exported array:
//   { name, server: 'classroom', requires: ['/compose'], run: async (t) => { ... } }
// `server` picks the server (default the self-learner one). `requires` lists routes the
// journey needs; while one of them is not built yet (404), the journey is reported as pending
// instead of run.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { launch, Session, Failure } = require('./lib/harness');

const BASE = process.env.SANDPIT_URL;
const SERVERS = {
  learner: { base: BASE, log: process.env.SANDPIT_SERVER_LOG },
  classroom: { base: process.env.SANDPIT_CLASSROOM_URL, log: process.env.SANDPIT_CLASSROOM_LOG },
};
const CHROMIUM = process.env.SANDPIT_CHROMIUM || '/usr/bin/chromium';
const SCREENSHOTS = process.env.SANDPIT_SCREENSHOTS || '';
const REPORT = process.env.SANDPIT_BROWSER_REPORT || '';
const FILTER = process.argv[2] || process.env.SANDPIT_BROWSER_ONLY || '';
const JOURNEY_TIMEOUT_MS = Number(process.env.SANDPIT_JOURNEY_TIMEOUT_MS || 90_000);
// A guard against a hung suite, not a target: each journey's time is reported. 41 journeys take
// about 4 minutes on a loaded 2-core machine.
const SUITE_TIMEOUT_MS = 480_000;

function loadJourneys() {
  const dir = path.join(__dirname, 'journeys');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .flatMap((f) => require(path.join(dir, f)).map((j) => ({ ...j, file: f })));
}

async function waitForHealth(base) {
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${base}/healthz`);
      // /healthz answers JSON; "ok" once the index has caught up with the database.
      if (r.ok && JSON.parse(await r.text()).status === 'ok') return;
      last = `status ${r.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Sandpit at ${base} never answered /healthz with "ok" (${last})`);
}

/** Routes that answer 404 (or not at all) are not built yet. */
async function missingRoutes(base, routes) {
  const missing = [];
  for (const r of routes || []) {
    const resp = await fetch(base + r, { redirect: 'manual' }).catch(() => null);
    if (!resp || resp.status === 404 || resp.status === 405) missing.push(r);
  }
  return missing;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Failure(`${typeof what === 'function' ? what() : what} took longer than ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  if (!BASE) throw new Error('SANDPIT_URL is not set');
  if (SCREENSHOTS) fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const s of Object.values(SERVERS)) if (s.base) await waitForHealth(s.base);
  const report = { base: BASE, pages: [], journeys: [], notes: [], screenshots: [] };
  const journeys = loadJourneys().filter((j) => !FILTER || j.name.includes(FILTER));
  const browser = await launch(CHROMIUM);
  const started = Date.now();
  let failed = 0;
  try {
    for (const j of journeys) {
      const server = SERVERS[j.server || 'learner'];
      if (!server || !server.base) {
        console.log(`PENDING ${j.name} (no ${j.server} server: set SANDPIT_CLASSROOM_URL)`);
        report.journeys.push({ name: j.name, status: 'pending', missing: [`${j.server} server`] });
        continue;
      }
      const missing = await missingRoutes(server.base, j.requires);
      if (missing.length) {
        console.log(`PENDING ${j.name} (not built yet: ${missing.join(', ')})`);
        report.journeys.push({ name: j.name, status: 'pending', missing });
        continue;
      }
      const t = new Session({ browser, base: server.base, serverLog: server.log, screenshots: SCREENSHOTS, report, journey: j.name });
      const t0 = Date.now();
      let error = null;
      try {
        await withTimeout(j.run(t), JOURNEY_TIMEOUT_MS, () => `${j.name}, at step "${t.steps[t.steps.length - 1] || 'start'}",`);
        if (t.problems.length) throw new Failure(`the page guards saw:\n  ${[...new Set(t.problems)].join('\n  ')}`);
      } catch (e) {
        error = e;
      } finally {
        await t.close();
      }
      const ms = Date.now() - t0;
      if (error) {
        failed++;
        const msg = error instanceof Failure || error.name === 'TimeoutError' ? error.message : error.stack || String(error);
        console.log(`FAIL    ${j.name} (${ms} ms)\n  ${msg.split('\n').join('\n  ')}`);
        report.journeys.push({ name: j.name, status: 'failed', ms, error: msg });
      } else {
        console.log(`ok      ${j.name} (${ms} ms)`);
        report.journeys.push({ name: j.name, status: 'passed', ms });
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
  printSummary(report, Date.now() - started);
  if (REPORT) fs.writeFileSync(REPORT, JSON.stringify(report, null, 2));
  if (journeys.length === 0) throw new Error(`no journey matches "${FILTER}"`);
  return failed;
}

function printSummary(report, ms) {
  const seen = new Map();
  for (const p of report.pages) seen.set(p.page, p);
  console.log('\nPage                         bytes  requests  axe (serious+critical / all)  200% width  focus stops  charts');
  for (const p of seen.values()) {
    const bytes = p.transfer ? String(p.transfer.bytes).padStart(7) : '      -';
    const reqs = p.transfer ? String(p.transfer.requests).padStart(9) : '        -';
    const axe = p.axe ? `${p.axe.serious} / ${p.axe.violations.length}`.padStart(30) : '-'.padStart(30);
    const zoom = p.zoom ? `${p.zoom.scrollWidth}/${p.zoom.width}`.padStart(11) : '-'.padStart(11);
    const stops = p.focusStops ? String(p.focusStops).padStart(13) : '-'.padStart(13);
    const charts = String(p.charts || 0).padStart(8);
    console.log(`${p.page.padEnd(26)}${bytes}${reqs}${axe}${zoom}${stops}${charts}`);
  }
  for (const n of new Set(report.notes)) console.log(`note: ${n}`);
  const count = (s) => report.journeys.filter((j) => j.status === s).length;
  console.log(
    `\n${count('passed')} passed, ${count('failed')} failed, ${count('pending')} pending, ` +
      `${new Set(report.screenshots).size} screenshots, ${(ms / 1000).toFixed(1)} s`,
  );
}

withTimeout(main(), SUITE_TIMEOUT_MS, 'the browser suite')
  .then((failed) => process.exit(failed ? 1 : 0))
  .catch((e) => {
    console.error(`browser suite could not run: ${e.stack || e}`);
    process.exit(2);
  });
