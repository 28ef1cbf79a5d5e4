// A programme learner's first week, end to end, on a `sandpit serve --classroom --test-clock`
// server (issue 19; docs/programmes.md): the trainer adds the learner to a cohort; the learner
// sets a passphrase with their link, takes the placement (one query answered, the rest
// skipped), sees their profile, starts the four-week plan proposed from it, passes this week's
// query assignment, and downloads the due dates as a calendar file or subscribes to them. The clock moves on two days:
// the assignment's trap comes back as a variant, another exercise than the one passed, and the
// trainer's cohort view shows the learner on track. The other journeys audit these pages; this
// one checks that they join up for a learner with an account.
'use strict';

const { check } = require('../lib/harness');
const { signInTrainer } = require('../lib/classroom');

const PASSPHRASE = 'harbour lantern kettle spire';
// This week's query assignment for a learner whose placement measured only the operators: the
// rest centre, whose trap ("close but wrong") has variants in other exercises.
const ASSIGNMENT = 'storm-02-rest-centre';
const ANSWER = '"rest centre" OR "rest centres"';

async function firstWeek(t) {
  const trainer = await t.page(await t.context());
  let link;
  let cohortPath;
  await t.step('the trainer adds the learner to a cohort', async () => {
    await signInTrainer(t, trainer);
    await t.goto(trainer, '/trainer/programmes');
    await trainer.fill('#title', 'First week cohort');
    await t.clickAndWait(trainer, 'form[action="/trainer/programmes"] button[type=submit]');
    cohortPath = new URL(trainer.url()).pathname;
    await trainer.fill('#names', 'Dana Orr');
    await t.clickAndWait(trainer, 'form[action$="/learners"] button[type=submit]');
    link = (await trainer.locator('td code.link').first().innerText()).trim();
  });

  const learner = await t.page(await t.context());
  await t.step('the learner sets a passphrase and takes the placement', async () => {
    await t.goto(learner, new URL(link).pathname);
    await learner.fill('#passphrase', PASSPHRASE);
    await learner.fill('#confirm', PASSPHRASE);
    await t.clickAndWait(learner, 'main form button[type=submit]');
    await t.goto(learner, '/programme/placement');
    await t.clickAndWait(learner, 'form[action="/programme/placement/start"] button[type=submit]');
    let answered = false;
    for (let i = 0; i < 18 && new URL(learner.url()).pathname === '/programme/placement'; i++) {
      const isQuery = (await learner.locator('main textarea[spellcheck=false]').count()) > 0;
      if (isQuery && !answered) {
        await learner.fill('#text', 'sandbag OR sandbags');
        await t.clickAndWait(learner, 'main form button:not([name=skip])');
        answered = true;
      } else {
        await t.clickAndWait(learner, 'main form button[name=skip]');
      }
    }
    check(answered, 'a query item was answered');
    check(new URL(learner.url()).pathname === '/programme/profile', `the profile follows the last item (${learner.url()})`);
    const profile = await learner.locator('main').innerText();
    check(/Monitoring queries\s+\d+%/.test(profile), `the profile gives the measured level: ${profile.slice(0, 300)}`);
  });

  await t.step('the learner starts the plan proposed from the profile', async () => {
    await t.goto(learner, '/programme/plan');
    check(!(await learner.locator('main').innerText()).includes('starts at beginner level'), 'proposed from the profile, not the beginner default');
    await learner.selectOption('#weeks', '4');
    await learner.selectOption('#weekday', '5');
    await t.clickAndWait(learner, 'form.start-form button:not([formmethod])');
    check(new URL(learner.url()).pathname === '/programme', `back home (${learner.url()})`);
    check((await learner.locator(`main a[href="/exercises/${ASSIGNMENT}"]`).count()) >= 1, `${ASSIGNMENT} is this week's work`);
  });

  await t.step('the learner passes the assignment and it is done', async () => {
    await t.clickAndWait(learner, `main a[href="/exercises/${ASSIGNMENT}"]`);
    await learner.fill('#answer', ANSWER);
    await t.clickAndWait(learner, '#answer-form button[type=submit]');
    const verdict = await learner.locator('#feedback-title').innerText();
    check(/^Passed/.test(verdict), `the query passes: "${verdict}"`);
    await t.goto(learner, '/programme');
    const item = await learner.locator('main li', { has: learner.locator(`a[href="/exercises/${ASSIGNMENT}"]`) }).first().innerText();
    check(/Done/.test(item), `the assignment shows done: "${item}"`);
  });

  await t.step('the learner downloads the due dates as a calendar file', async () => {
    const ics = await learner.context().request.get(t.url('/programme/calendar.ics'));
    check(ics.status() === 200, `the calendar answers (${ics.status()})`);
    const body = await ics.text();
    const events = (body.match(/^BEGIN:VEVENT\r$/gm) || []).length;
    check(events === 8, `an event for each of the plan's 8 assignments (${events})`);
    // Or subscribes, so the calendar follows changes: the address works without a session.
    await t.clickAndWait(learner, 'main a[href="/programme/calendar"]');
    await t.clickAndWait(learner, 'form:has(input[value="make"]) button[type=submit]');
    const address = (await learner.locator('main code.link').innerText()).trim();
    check(/\/calendar\/[0-9a-f]{32}\.ics$/.test(address), `a private address: ${address}`);
    await t.audit(learner, 'programme-calendar-address', { aboveFold: ['h1'] });
    const anonymous = await t.context();
    const feed = await anonymous.request.get(address);
    check(feed.status() === 200 && (await feed.text()).includes('BEGIN:VEVENT'), `the address serves the calendar without a session (${feed.status()})`);
  });

  await t.step('two days on, the trap comes back as a variant', async () => {
    const moved = await trainer.request.post(t.url('/trainer/test-clock'), { form: { days: '2', seconds: '60' } });
    check(moved.status() === 200, `the clock moved (${moved.status()})`);
    await t.goto(learner, '/programme/practice');
    const due = await learner.locator('.practice-due a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    check(due.length >= 1, 'something is due again');
    check(!due.includes(`/exercises/${ASSIGNMENT}`), `a variant, not the exercise passed: ${due}`);
    const text = await learner.locator('.practice-due').first().innerText();
    check(/Close but wrong/i.test(text), `the rest centre's trap is the one due: "${text}"`);
  });

  await t.step('the trainer sees the learner on track', async () => {
    await t.goto(trainer, `${cohortPath}/progress`);
    const row = await trainer.locator('main table tbody tr', { hasText: 'Dana Orr' }).first().innerText();
    check(/On track/i.test(row), `Dana is on track: ${row}`);
  });
}

module.exports = [
  { name: 'programme first week: placement, plan, an assignment, a variant back, the calendar', server: 'classroom', requires: ['/programme'], run: firstWeek },
];
