// The classroom, on a `sandpit serve --classroom` server: the trainer signs in with the link
// printed at start-up, starts a class and picks an exercise; a trainee joins in a second browser
// (its own cookies), opens the exercise and submits; the trainer's live board shows the answer
// without a reload; the trainer shares it and the model answer; the trainee sees both, without
// the classmate's name. Once with the mouse, once with the keyboard alone.
'use strict';

const { check } = require('../lib/harness');
const { tabTo, retype } = require('../lib/keyboard');
const { trainerLink } = require('../lib/classroom');

const EXERCISE = 'storm-01-sandbags';
const ANSWER = 'sandbag OR sandbags';

/** Clicks, or with `keyboard` tabs to the control and presses Enter or Space; no page wait. */
function driver(t, keyboard) {
  return {
    /** `back`: the control is above the focus, so a keyboard user reaches it with Shift+Tab. */
    async press(page, selector, key = 'Enter', { back = false } = {}) {
      if (keyboard) {
        await tabTo(page, selector, { back });
        await page.keyboard.press(key);
      } else {
        await page.click(selector);
      }
    },
    /** Follow a link or press a submit button, and wait for the page it loads. */
    async go(page, selector, options = {}) {
      await Promise.all([page.waitForEvent('load'), this.press(page, selector, 'Enter', options)]);
    },
    async type(page, selector, text) {
      if (keyboard) {
        await tabTo(page, selector);
        await retype(page, text);
      } else {
        await page.fill(selector, text);
      }
    },
    async tick(page, selector) {
      if (await page.isChecked(selector)) return;
      await this.press(page, selector, 'Space');
      check(await page.isChecked(selector), `${selector} is ticked`);
    },
  };
}

async function classroom(t, keyboard) {
  const d = driver(t, keyboard);
  const audit = (page, name, opts) => (keyboard ? Promise.resolve() : t.audit(page, name, opts));
  const label = keyboard ? 'keyboard' : 'mouse';

  const trainer = await t.page(await t.context());
  let classUrl;
  let code;
  await t.step('the trainer signs in with the printed link', async () => {
    await t.goto(trainer, trainerLink(t));
    await audit(trainer, 'trainer-login');
    await d.go(trainer, 'form[action="/trainer/login"] button[type=submit]');
    check(new URL(trainer.url()).pathname === '/trainer', `signed in, the trainer is at ${trainer.url()}`);
    await audit(trainer, 'trainer-home', { aboveFold: ['#title'] });
  });
  await t.step('start a class', async () => {
    await d.type(trainer, '#title', `Browser test (${label})`);
    await d.go(trainer, 'form[action="/trainer/classes"] button[type=submit]');
    classUrl = new URL(trainer.url()).pathname;
    check(/^\/trainer\/classes\/[^/]+$/.test(classUrl), `the new class has its page (${trainer.url()})`);
    code = (await trainer.locator('.class-code').innerText()).trim();
    check(/^[A-Z0-9]{4,8}$/.test(code), `the class code is shown: "${code}"`);
  });
  await t.step('choose an exercise for the class', async () => {
    await d.go(trainer, `a[href="${classUrl}/exercises"]`);
    await d.tick(trainer, `#ex-${EXERCISE}`);
    // The save bar sits above the list, which grows with the catalog: back up to it.
    await d.go(trainer, '.save-bar button[type=submit]', { back: true });
    const saved = await trainer.locator('#picker-status').innerText();
    check(/Saved: 1 exercise in the class/.test(saved), `the picker confirms the save: "${saved}"`);
    await audit(trainer, 'trainer-picker', { aboveFold: ['.save-bar button'] });
    await t.goto(trainer, classUrl);
    const listed = await trainer.locator(`main table a[href="${classUrl}/board/${EXERCISE}"]`).count();
    check(listed === 1, 'the exercise is listed for the class');
    await audit(trainer, 'trainer-class', { aboveFold: ['.class-code'] });
  });
  await t.step('open the live board', async () => {
    await d.go(trainer, `a[href="${classUrl}/board"]`);
    const text = await trainer.locator('#board').innerText();
    check(/Tried\s+0 of 0/.test(text), `the board starts empty: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
    await audit(trainer, 'trainer-board');
  });

  // The trainee, in a separate browser context: their own cookies, their own session.
  const trainee = await t.page(await t.context());
  const name = keyboard ? 'Kim Keyboard' : 'Ada Mouse';
  await t.step('a trainee joins with the code and a name', async () => {
    await t.goto(trainee, '/join');
    await audit(trainee, 'join', { aboveFold: ['#code', '#name', 'form[action="/join"] button'] });
    await d.type(trainee, '#code', code.toLowerCase());
    await d.type(trainee, '#name', name);
    await d.go(trainee, 'form[action="/join"] button[type=submit]');
    check(new URL(trainee.url()).pathname === '/class', `joined, the trainee is at ${trainee.url()}`);
    check((await trainee.locator('.class-bar').innerText()).includes(name), 'the class page says who is signed in');
    await audit(trainee, 'trainee-class');
  });
  await t.step('the trainee opens the exercise and submits an answer', async () => {
    await d.go(trainee, `.class-list a[href="/exercises/${EXERCISE}"]`);
    await d.type(trainee, '#answer', ANSWER);
    await d.go(trainee, 'form[action$="/attempts"] button[type=submit]');
    const heading = (await trainee.locator('#feedback h2').innerText()).trim();
    check(/out of 100/.test(heading), `the trainee reads their feedback: "${heading}"`);
  });
  await t.step('the live board shows the answer without a reload', async () => {
    await trainer.waitForFunction(() => /Tried\s+1 of 1/.test(document.getElementById('board').innerText), null, { timeout: 15_000 });
    const status = await trainer.locator('#board-status').innerText();
    check(!/Could not/.test(status), `the board updated: "${status}"`);
  });
  await t.step('the trainer opens the exercise board and shares the answer', async () => {
    await d.go(trainer, `#board a[href="${classUrl}/board/${EXERCISE}"]`);
    const row = trainer.locator('table.answers').first().locator('tbody tr', { hasText: name });
    check((await row.count()) === 1, `${name} is in the best answers`);
    check((await row.locator('pre.answer').innerText()).trim() === ANSWER, 'the board shows the answer as typed');
    await audit(trainer, 'trainer-exercise-board');
    await d.go(trainer, `table.answers >> nth=0 >> tr:has-text("${name}") button[type=submit]`);
    check(new URL(trainer.url()).pathname === `${classUrl}/board/${EXERCISE}`, `sharing stays on the board (${trainer.url()})`);
    const shared = trainer.locator('table.answers').first().locator('tbody tr', { hasText: name });
    check((await shared.locator('.tag', { hasText: 'Shared' }).count()) === 1, 'the answer is marked as shared');
    await d.go(trainer, `form[action="${classUrl}/reveals"]:not(:has(input[name=attempt])) button[type=submit]`);
    check(await trainer.locator('button', { hasText: 'Model answer shared' }).isDisabled(), 'the model answer is marked as shared');
    await t.goto(trainer, classUrl);
    check((await trainer.locator('.shared-list').innerText()).includes(ANSWER), 'the class page lists what is shared');
  });
  await t.step('the trainee sees the shared answer and the model answer, without names', async () => {
    await t.goto(trainee, '/class');
    const shared = trainee.locator('.class-list section.shared');
    check((await shared.count()) === 1, 'a "Shared for the debrief" section appears');
    const text = await shared.innerText();
    check(text.includes(ANSWER), 'the shared answer is shown');
    check(/model answer/i.test(text), 'the model answer is shown');
    check(!text.includes(name), 'the shared answer does not name the trainee');
    await audit(trainee, 'trainee-class-shared');
  });
}

module.exports = [
  { name: 'classroom: start a class, join, submit, live board, share (mouse)', server: 'classroom', requires: ['/join'], run: (t) => classroom(t, false) },
  { name: 'classroom: start a class, join, submit, live board, share (keyboard)', server: 'classroom', requires: ['/join'], run: (t) => classroom(t, true) },
];
