// Plans (docs/programmes.md "Plans", "The cohort view"), on a `sandpit serve --classroom
// --test-clock` server: a learner of a new cohort opens their programme (no placement yet: the
// plan proposed starts at beginner level), starts a four-week plan and downloads its due dates
// as a calendar file (.ics); the clock moves eleven days
// on (POST /trainer/test-clock), past week 1's due date, so the learner's home shows work
// overdue and the trainer's cohort view shows them stuck; the trainer opens their plan to change
// it. The proposal, the overdue home, the cohort view and the learner's plan are audited (axe,
// zoom, focus) at the harness's 1366x768.
'use strict';

const { check } = require('../lib/harness');
const { signInTrainer } = require('../lib/classroom');

const PASSPHRASE = 'lantern kettle ferry harbour';

async function programmePlan(t) {
  const trainer = await t.page(await t.context());
  let link;
  let cohortPath;
  await t.step('the trainer adds a learner to a new cohort', async () => {
    await signInTrainer(t, trainer);
    await t.goto(trainer, '/trainer/programmes');
    await trainer.fill('#title', 'Plan cohort');
    await t.clickAndWait(trainer, 'form[action="/trainer/programmes"] button[type=submit]');
    cohortPath = new URL(trainer.url()).pathname;
    await trainer.fill('#names', 'Cara Penn');
    await t.clickAndWait(trainer, 'form[action$="/learners"] button[type=submit]');
    link = (await trainer.locator('td code.link').first().innerText()).trim();
  });

  const learner = await t.page(await t.context());
  await t.step('the learner sees a plan proposed at beginner level and starts it', async () => {
    await t.goto(learner, new URL(link).pathname);
    await learner.fill('#passphrase', PASSPHRASE);
    await learner.fill('#confirm', PASSPHRASE);
    await t.clickAndWait(learner, 'main form button[type=submit]');
    await t.clickAndWait(learner, 'main a[href="/programme"]');
    check((await learner.locator('a[href="/programme/placement"]').count()) === 1, 'the placement is linked');
    await t.clickAndWait(learner, 'main a[href="/programme/plan"]');
    check((await learner.locator('main').innerText()).includes('starts at beginner level'), 'no profile: beginner level');
    await t.audit(learner, 'programme-plan-proposed', { aboveFold: ['h1'] });
    await learner.selectOption('#weeks', '4');
    await learner.selectOption('#weekday', '5');
    await t.clickAndWait(learner, 'form.start-form button:not([formmethod])');
    check(new URL(learner.url()).pathname === '/programme', `back home (${learner.url()})`);
    const text = await learner.locator('main').innerText();
    check(text.includes('Week 1 of 4') && !text.includes('Overdue'), 'week 1, nothing overdue');
  });

  await t.step('the learner downloads the due dates as a calendar file', async () => {
    const href = await learner.locator('main a[href="/programme/calendar.ics"]').getAttribute('href');
    const ics = await learner.context().request.get(t.url(href));
    check(ics.status() === 200, `the calendar answers (${ics.status()})`);
    check(/^text\/calendar/.test(ics.headers()['content-type'] || ''), `a calendar file (${ics.headers()['content-type']})`);
    const body = await ics.text();
    check(body.startsWith('BEGIN:VCALENDAR\r\n') && body.trimEnd().endsWith('END:VCALENDAR'), 'one VCALENDAR, CRLF line ends');
    const events = (body.match(/^BEGIN:VEVENT\r$/gm) || []).length;
    check(events === 8, `an event for each of the plan's 8 assignments (${events})`);
  });

  await t.step('eleven days on, week 1 is overdue', async () => {
    const moved = await trainer.request.post(t.url('/trainer/test-clock'), { form: { days: '11' } });
    check(moved.status() === 200, `the clock moved (${moved.status()})`);
    await t.goto(learner, '/programme');
    check((await learner.locator('#overdue').count()) === 1, 'an Overdue section');
    check((await learner.locator('.assignments .tag.fail').count()) >= 2, 'both of week 1 overdue');
    await t.audit(learner, 'programme-home-overdue', { aboveFold: ['#overdue'] });
  });

  await t.step('the trainer sees the learner stuck and opens their plan', async () => {
    await t.goto(trainer, `${cohortPath}/progress`);
    const row = await trainer.locator('main table tbody tr', { hasText: 'Cara Penn' }).first().innerText();
    check(/Stuck/.test(row) && /2 overdue/.test(row), `Cara is stuck with 2 overdue: ${row}`);
    await t.audit(trainer, 'programmes-progress');
    await t.clickAndWait(trainer, 'main table a[href$="/plan"]');
    check((await trainer.locator('details.change').count()) === 8, 'a change form for each assignment');
    await t.audit(trainer, 'programmes-learner-plan');
  });
}

module.exports = [
  { name: 'programme plan: a plan started, overdue after the clock moves, the cohort view', server: 'classroom', requires: ['/programme'], run: programmePlan },
];
