// The trainee's exercise page in a real room, keyboard only: the trainer locks the exercise
// while a trainee is typing (the news appears at once, and Submit gives the page back with the
// draft in the box and the reason beside it); a hint opens beside the latest feedback with the
// draft kept; a pass offers the next exercise. The trainer's actions are sent as plain form
// posts from the trainer's browser context (its cookies), so these journeys do not depend on
// the layout of the trainer's pages.
'use strict';

const { check } = require('../lib/harness');
const { tabTo, retype, pressAndWait } = require('../lib/keyboard');
const { signInTrainer, startClass, joinClass } = require('../lib/classroom');

const REWRITE = 'storm-17-rewrite-library';
const MONITOR = 'storm-01-sandbags';
const DRAFT = 'Library open again on Saturday from 9am, draft kept';
const GOOD =
  "The library reopens on Saturday 10 May at 9am. Children's books are upstairs. " +
  'No fines. Staff can help with flood grant forms. #PortEllisLibrary';

/** A form post from `page`'s context (its session cookie), as the trainer's pages send it. */
async function post(t, page, path, form) {
  const resp = await page.context().request.post(t.url(path), { form, maxRedirects: 0 });
  check(resp.status() === 303, `${path} answered ${resp.status()}`);
}

async function lockWhileTyping(t) {
  const trainer = await t.page(await t.context());
  let classUrl;
  let code;
  await t.step('the trainer starts a class with two exercises', async () => {
    await signInTrainer(t, trainer);
    code = await startClass(t, trainer, 'Lock while typing');
    classUrl = new URL(trainer.url()).pathname;
    await post(t, trainer, `${classUrl}/exercises`, {
      exercise: REWRITE,
      [`position:${REWRITE}`]: '1',
    });
  });
  const trainee = await t.page(await t.context());
  await t.step('a trainee opens the exercise and types a draft (keyboard)', async () => {
    await joinClass(t, trainee, code, 'Tess Typing');
    await t.goto(trainee, `/exercises/${REWRITE}`);
    await tabTo(trainee, '#answer');
    await retype(trainee, DRAFT);
  });
  await t.step('the trainer locks it: the news appears at once, the draft untouched', async () => {
    await post(t, trainer, `${classUrl}/exercises/${REWRITE}/lock`, { locked: '1' });
    await trainee.waitForFunction(
      () => /locked this exercise/.test((document.getElementById('class-news') || {}).textContent || ''),
      null,
      { timeout: 12_000 },
    );
    check((await trainee.inputValue('#answer')) === DRAFT, 'the draft is still in the box');
  });
  await t.step('Submit gives the page back with the draft and the reason (keyboard)', async () => {
    await tabTo(trainee, 'form#answer-form button[type=submit]');
    await pressAndWait(trainee, 'Enter', new RegExp(`/exercises/${REWRITE}/attempts$`));
    check((await trainee.inputValue('#answer')) === DRAFT, 'the draft survived the refusal');
    const summary = await trainee.locator('.error-summary').innerText();
    check(/locked/.test(summary), `the error summary says why: "${summary}"`);
    check((await trainee.locator('.error-summary a[href="#answer"]').count()) === 1, 'the summary links to the box');
    check(/locked/.test(await trainee.locator('#answer-error').innerText()), 'the reason is beside the box');
    await t.audit(trainee, 'exercise-refused-locked');
  });
  await t.step('the class page says so too, without JavaScript', async () => {
    // The same trainee's session, in a browser without scripts.
    const ctx = await t.context({ javaScript: false });
    await ctx.addCookies(await trainee.context().cookies());
    const plain = await t.page(ctx);
    await t.goto(plain, '/class');
    const news = await plain.locator('#trainer-news').innerText();
    check(/Locked for now/.test(news), `the class page tells of the lock: "${news}"`);
    await t.goto(plain, `/exercises/${REWRITE}`);
    check((await plain.locator('#answer').inputValue()) === DRAFT, 'the draft is kept for the next page load');
  });
  await t.step('reopened, but signed out in another tab: the draft comes back with a way in', async () => {
    await post(t, trainer, `${classUrl}/exercises/${REWRITE}/lock`, { locked: '0' });
    await t.goto(trainee, '/class');
    const word = (await trainee.locator('.class-bar .rejoin-word').innerText()).trim();
    await t.goto(trainee, `/exercises/${REWRITE}`);
    // "Leave this computer" in another tab ends the session this page was loaded with.
    const left = await trainee.context().request.post(t.url('/leave'), { maxRedirects: 0 });
    check(left.status() === 303, `left in another tab (${left.status()})`);
    await tabTo(trainee, 'form#answer-form button[type=submit]');
    await pressAndWait(trainee, 'Enter');
    check((await trainee.locator('#draft').inputValue()) === DRAFT, 'the draft is shown to copy');
    check(await trainee.locator('#draft').evaluate((el) => el.readOnly), 'read-only');
    await t.audit(trainee, 'exercise-session-ended');
    await tabTo(trainee, '#code');
    await retype(trainee, code);
    await tabTo(trainee, '#name');
    await retype(trainee, 'Tess Typing');
    await tabTo(trainee, '#rejoin');
    await retype(trainee, word);
    await tabTo(trainee, 'form[action="/join"] button[type=submit]');
    await pressAndWait(trainee, 'Enter', new RegExp(`/exercises/${REWRITE}#answer-form$`));
    check((await trainee.inputValue('#answer')) === DRAFT, 'joined again, the draft is back in the box');
  });
}

async function hintBesideFeedback(t) {
  const page = await t.open(`/exercises/${MONITOR}`);
  await t.step('submit a first query (keyboard)', async () => {
    await tabTo(page, '#answer');
    await retype(page, 'sandbag');
    await tabTo(page, 'form#answer-form button[type=submit]');
    await pressAndWait(page, 'Enter', /attempt=/);
    check((await page.locator('#feedback h2').count()) === 1, 'the feedback is shown');
  });
  await t.step('type a new draft, then ask for a hint (keyboard)', async () => {
    await tabTo(page, '#answer', { back: true });
    await retype(page, 'sandbag OR sandbags');
    await tabTo(page, '#hints button');
    await pressAndWait(page, 'Enter', /#hints$/);
    check((await page.locator('#hints ol li').count()) >= 1, 'a hint is shown');
    check((await page.locator('#feedback h2').count()) === 1, 'the latest feedback is still there');
    check((await page.inputValue('#answer')) === 'sandbag OR sandbags', 'the draft is still in the box');
    const fb = await page.locator('#feedback').boundingBox();
    const hints = await page.locator('#hints').boundingBox();
    check(hints.x > fb.x + fb.width - 1 && hints.y < fb.y + fb.height, 'the hint is beside the feedback at 1366 wide');
    check((await page.locator('#history li').count()) >= 1, 'the attempt history is listed');
    await t.audit(page, 'exercise-hint-beside-feedback');
  });
}

async function nextAfterPass(t) {
  const page = await t.open(`/exercises/${REWRITE}`);
  let next;
  await t.step('a passing post (keyboard)', async () => {
    await tabTo(page, '#answer');
    await retype(page, GOOD);
    await tabTo(page, 'form#answer-form button[type=submit]');
    await pressAndWait(page, 'Enter', /attempt=/);
    const heading = await page.locator('#feedback h2').innerText();
    check(/^Passed/.test(heading), `the post passes: "${heading}"`);
    next = await page.locator('#next a').getAttribute('href');
    check(next && next.startsWith('/exercises/') && !next.endsWith(REWRITE), `the next exercise is offered: ${next}`);
    await t.audit(page, 'exercise-passed-next');
  });
  await t.step('go on to it with the keyboard', async () => {
    await tabTo(page, '#next a');
    await pressAndWait(page, 'Enter');
    check(new URL(page.url()).pathname === next, `on the next exercise (${page.url()})`);
  });
}

module.exports = [
  { name: 'exercise: a lock while typing keeps the draft (keyboard)', server: 'classroom', requires: ['/join', '/class/news'], run: lockWhileTyping },
  { name: 'exercise: a hint opens beside the latest feedback (keyboard)', requires: ['/exercises'], run: hintBesideFeedback },
  { name: 'exercise: a pass offers the next exercise (keyboard)', requires: ['/exercises'], run: nextAfterPass },
];
