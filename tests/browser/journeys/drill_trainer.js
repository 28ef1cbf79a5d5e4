// A drill as the trainer runs it with a class (issue 18), on the classroom server: the trainer
// makes a drill of a shipped scenario for a class of two trainees, lets an observer in by link,
// starts the clock and moves time on (the server runs with --test-clock); both trainees publish
// on their drill page; the trainer's page shows who answered, with marks, and the trainer
// changes one with a reason; the observer writes a note but has no clock; the trainer ends the
// drill and opens the after-action review; then the trainer uploads a scenario of their own (a
// broken copy first, refused with its line and column) and finds it in the new drill's choice.
// Every page audited (axe, zoom, focus) at the harness's 1366x768.
'use strict';

const fs = require('fs');
const path = require('path');

const { check } = require('../lib/harness');
const { signInTrainer, startClass, joinClass } = require('../lib/classroom');

const SCENARIO = 'brightwell-recall-morning';

/** Moves the server's test clock on by `seconds`, from the trainer's page. */
async function moveClock(page, seconds) {
  const status = await page.evaluate(async (s) => {
    const r = await fetch('/trainer/test-clock', { method: 'POST', body: new URLSearchParams({ seconds: String(s) }) });
    return r.status;
  }, seconds);
  check(status < 400, `the test clock moved (${status})`);
}

/** A trainee publishes an answer to an inject from their drill page. */
async function publish(t, page, drillPath, inject, deliverable, platform, text) {
  await t.goto(page, drillPath);
  await page.selectOption('#inject', inject);
  await page.selectOption('#deliverable', deliverable);
  await page.selectOption('#platform', platform);
  await page.fill('#response-text', text);
  await t.clickAndWait(page, 'form.drill-publish button[value="publish"]');
  check((await page.locator('#publish').innerText()).includes('Published at'), 'published');
}

async function drillTrainer(t) {
  const trainer = await t.page(await t.context());
  let code;
  let drillId;
  await t.step('the trainer starts a class; two trainees join', async () => {
    await signInTrainer(t, trainer);
    code = await startClass(t, trainer, 'Drill class');
  });
  const ana = await t.page(await t.context());
  const ben = await t.page(await t.context());
  await joinClass(t, ana, code, 'Ana Drill');
  await joinClass(t, ben, code, 'Ben Drill');

  await t.step('the trainer makes a drill for the class', async () => {
    await t.goto(trainer, '/trainer/drills');
    await t.audit(trainer, 'trainer-drills', { aboveFold: ['#scenario', '#class'] });
    await trainer.selectOption('#scenario', SCENARIO);
    const value = await trainer.locator('#class option', { hasText: code }).getAttribute('value');
    await trainer.selectOption('#class', value);
    await t.clickAndWait(trainer, 'form[action="/trainer/drills"] button[type=submit]');
    const m = /^\/trainer\/drills\/([0-9a-f]+)$/.exec(new URL(trainer.url()).pathname);
    check(m, `the drill's page (${trainer.url()})`);
    drillId = m[1];
    check((await trainer.locator('#drill-status').innerText()).includes('ready'), 'the drill waits for its clock');
    await t.audit(trainer, 'trainer-drill-ready');
  });

  let observerLink;
  await t.step('an observer link', async () => {
    await trainer.fill('#observer-name', 'Olu Observer');
    await t.clickAndWait(trainer, 'form[action$="/observers"] button[type=submit]');
    observerLink = (await trainer.locator('code.drill-link').innerText()).trim();
    check(/\/observe\/[0-9a-f]{32}$/.test(observerLink), `the link is shown once: ${observerLink}`);
  });

  await t.step('the trainer starts the clock at 60x and time moves on', async () => {
    await t.goto(trainer, `/trainer/drills/${drillId}`);
    await t.clickAndWait(trainer, 'form[action$="/clock"] button[value="start"]');
    await trainer.selectOption('#speed', '60');
    await t.clickAndWait(trainer, 'form[action$="/clock"]:has(input[value="speed"]) button[type=submit]');
    await moveClock(trainer, 20); // twenty drill minutes at 60x: T+00:20
    await t.goto(trainer, `/trainer/drills/${drillId}`);
    const status = await trainer.locator('#drill-status').innerText();
    check(/T\+00:2\d/.test(status) && status.includes('running'), `the clock runs (${status})`);
    check((await trainer.locator('main').innerText()).includes('Not yet, and past due'), 'the brief is overdue for everyone');
  });

  await t.step('both trainees publish from their drill page', async () => {
    const drillPath = `/drills/${drillId}`;
    await publish(t, ana, drillPath, 'recall-brief', 'post', 'x',
      'Stop using BX410, BX420 and BX430 heaters and unplug them. Call 0800 555 0177. No receipt needed.');
    await publish(t, ben, drillPath, 'echo-enquiry', 'statement', '',
      'The BX410, BX420 and BX430 heaters are recalled. Call 0800 555 0177.');
  });

  await t.step('the trainer sees who answered, with marks, refreshed without reloading', async () => {
    await trainer.waitForFunction(() => /Ana Drill[\s\S]*\d+\.\d/.test(document.getElementById('drill-live').textContent), null, { timeout: 12_000 });
    const text = await trainer.locator('#drill-live').innerText();
    check(text.includes('Ben Drill'), 'Ben is listed');
    await t.audit(trainer, 'trainer-drill-running');
  });

  await t.step('the trainer changes a mark, with a reason, and the board shows both', async () => {
    const row = '#drill-live tr:has(th:has-text("Ana Drill")):has(details.drill-change)';
    await trainer.click(`${row} details.drill-change summary`);
    await trainer.fill(`${row} input[name="score"]`, '97');
    await trainer.fill(`${row} textarea[name="reason"]`, 'The label photo was in her reply.');
    await t.clickAndWait(trainer, `${row} button[value="change"]`);
    const cell = await trainer.locator(row).innerText();
    check(cell.includes('97.0') && cell.includes('automatic'), `the new score and the automatic one (${cell})`);
    check(cell.includes('The label photo was in her reply.'), 'the reason is shown');
    await t.audit(trainer, 'trainer-drill-mark-changed');
  });

  await t.step('the observer watches and notes, without the clock', async () => {
    const observer = await t.page(await t.context());
    await t.goto(observer, new URL(observerLink).pathname);
    check((await observer.locator('main').innerText()).includes('You are observing this drill as Olu Observer'), 'the observer is named');
    check((await observer.locator('form[action$="/clock"]').count()) === 0, 'no clock controls');
    await observer.selectOption('#note-inject', 'recall-brief');
    await observer.fill('#note-text', 'Ana checked the phone number before posting.');
    await t.clickAndWait(observer, 'form[action$="/notes"] button[type=submit]');
    check((await observer.locator('.drill-notes').innerText()).includes('Olu Observer'), 'the note is listed');
    await t.audit(observer, 'observer-drill');
  });

  await t.step('the trainer ends the drill and opens the review', async () => {
    await t.goto(trainer, `/trainer/drills/${drillId}`);
    await t.clickAndWait(trainer, 'form[action$="/clock"] button[value="end"]');
    await t.goto(trainer, `/trainer/drills/${drillId}/review`);
    const text = await trainer.locator('main').innerText();
    check(text.includes('Ana Drill') && text.includes('Ben Drill'), 'both trainees in the review');
    check(text.includes('Ana checked the phone number'), "the observer's note is in the timeline");
    check(text.includes('97.0 out of 100') && text.includes('the automatic mark was'), "the trainer's mark counts, the automatic one beside it");
    await t.audit(trainer, 'drill-review');
  });

  await t.step('the trainer uploads a scenario of their own', async () => {
    const file = fs.readFileSync(path.join(__dirname, '../../data/scenarios/ashcombe-pumphouse.toml'), 'utf8');
    await t.goto(trainer, '/trainer/drills');
    await t.clickAndWait(trainer, 'a[href="/trainer/scenarios"]');
    const broken = file.replace('at = "T+00:05"', 'at = "T+00:65"');
    await trainer.setInputFiles('#scenario-file', { name: 'pumphouse.toml', mimeType: 'application/toml', buffer: Buffer.from(broken) });
    await t.clickAndWait(trainer, 'form[action="/trainer/scenarios"] button[type=submit]');
    const refused = await trainer.locator('.error-summary').innerText();
    check(/pumphouse\.toml:\d+: column 6:/.test(refused), `the problem has its line and column (${refused})`);
    await t.audit(trainer, 'trainer-scenarios-refused');
    await trainer.setInputFiles('#scenario-file', { name: 'pumphouse.toml', mimeType: 'application/toml', buffer: Buffer.from(file) });
    await t.clickAndWait(trainer, 'form[action="/trainer/scenarios"] button[type=submit]');
    check((await trainer.locator('main').innerText()).includes('Scenario added'), 'added');
    check((await trainer.locator('table').innerText()).includes('The Ashcombe pumphouse'), 'listed');
    await t.audit(trainer, 'trainer-scenarios');
    await t.goto(trainer, '/trainer/drills');
    check((await trainer.locator('#scenario option[value="ashcombe-pumphouse"]').count()) === 1, 'offered for a new drill');
  });
}

module.exports = [
  { name: 'drill trainer: a drill for a class, an observer, the clock, marks and the review', server: 'classroom', requires: ['/trainer/drills', '/drills', '/trainer/scenarios'], run: drillTrainer },
];
