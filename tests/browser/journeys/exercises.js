// The self-learner's exercise journey: open a monitoring exercise, submit a query, read the
// feedback (precision, recall, what was missed and why), take a hint, fix the query, pass, see
// the model answer and the progress page. Once with the mouse, once with the keyboard alone.
'use strict';

const { check } = require('../lib/harness');
const { tabTo, retype } = require('../lib/keyboard');

const EXERCISE = 'storm-01-sandbags';
const TITLE = 'Sandbags: every form of the word';
const NAIVE = 'sandbag';
const MODEL = 'sandbag OR sandbags OR "sand bags"';
const BROKEN = 'sandbag OR (sandbags';

/** Press Enter or Space on the focused control, or click `selector`, and wait for the page. */
async function act(page, keyboard, selector, key = 'Enter') {
  const nav = page.waitForEvent('load');
  if (keyboard) {
    await tabTo(page, selector);
    await page.keyboard.press(key);
  } else {
    await page.click(selector);
  }
  await nav;
}

async function answer(page, keyboard, text) {
  if (keyboard) {
    await tabTo(page, '#answer');
    await retype(page, text);
  } else {
    await page.fill('#answer', text);
  }
  await act(page, keyboard, 'form[action$="/attempts"] button[type=submit]');
}

async function feedbackHeading(page) {
  const feedback = page.locator('#feedback');
  check(await feedback.isVisible(), 'the feedback is shown after submitting');
  return (await feedback.locator('h2').innerText()).trim();
}

async function exerciseJourney(t, keyboard) {
  const page = await t.open('/exercises');
  await t.step('the exercises list', async () => {
    if (!keyboard) await t.audit(page, 'exercises', { aboveFold: ['h1', 'main table a'] });
    await act(page, keyboard, `a[href="/exercises/${EXERCISE}"]`);
    check(page.url().endsWith(`/exercises/${EXERCISE}`), `the link opens the exercise (at ${page.url()})`);
    const h1 = (await page.locator('h1').innerText()).trim();
    check(h1.startsWith(TITLE), `the exercise is headed "${TITLE}", not "${h1}" (${page.url()})`);
    if (!keyboard) await t.audit(page, 'exercise', { aboveFold: ['h1'] });
  });

  await t.step('a query that does not parse is shown as an error by the field', async () => {
    await answer(page, keyboard, BROKEN);
    const summary = page.locator('.error-summary');
    check(await summary.isVisible(), 'an error summary is shown for a query that does not parse');
    check((await summary.locator('a[href="#answer"]').count()) === 1, 'the error summary links to the answer field');
    check((await page.locator('#answer').inputValue()) === BROKEN, 'the answer is kept in the field');
    if (!keyboard) await t.audit(page, 'exercise-error', { zoom: false });
  });

  await t.step('submit a first, too narrow query and read the feedback', async () => {
    await answer(page, keyboard, NAIVE);
    const heading = await feedbackHeading(page);
    check(/^Not yet/.test(heading), `"${NAIVE}" does not pass (feedback heading: "${heading}")`);
    const text = await page.locator('#feedback').innerText();
    for (const word of ['Precision', 'Recall', 'Missed']) check(text.includes(word), `the feedback names ${word}`);
    check((await page.locator('#feedback h3:has-text("Missed") + ul li').count()) > 0, 'the feedback lists missed documents');
    if (!keyboard) await t.audit(page, 'exercise-feedback', { aboveFold: [] });
  });

  await t.step('take a hint', async () => {
    const before = await page.locator('#hints ol li').count();
    const button = page.locator('form[action$="/hint"] button');
    if ((await button.count()) === 0) return; // every hint already open from an earlier run
    await act(page, keyboard, 'form[action$="/hint"] button');
    check((await page.locator('#hints ol li').count()) === before + 1, 'one more hint is shown');
  });

  await t.step('fix the query and pass', async () => {
    await answer(page, keyboard, MODEL);
    const heading = await feedbackHeading(page);
    check(/^Passed/.test(heading), `the model query passes (feedback heading: "${heading}")`);
    check((await page.locator('#model code').count()) > 0, 'the model answer is shown once passed');
  });

  await t.step('progress', async () => {
    await t.goto(page, '/progress');
    check((await page.locator('main').innerText()).includes(TITLE), 'the progress page lists the exercise');
    if (!keyboard) await t.audit(page, 'progress');
  });
}

async function withoutJavaScript(t) {
  const ctx = await t.context({ javaScript: false });
  const page = await t.open(`/exercises/${EXERCISE}`, { ctx });
  await page.fill('#answer', NAIVE);
  await Promise.all([page.waitForEvent('load'), page.click('form[action$="/attempts"] button[type=submit]')]);
  const heading = await feedbackHeading(page);
  check(/^(Not yet|Passed)/.test(heading), `an exercise can be submitted without JavaScript ("${heading}")`);
}

module.exports = [
  { name: 'exercise: open, submit, read feedback, hint, pass (mouse)', requires: ['/exercises'], run: (t) => exerciseJourney(t, false) },
  { name: 'exercise: open, submit, read feedback, hint, pass (keyboard)', requires: ['/exercises'], run: (t) => exerciseJourney(t, true) },
  { name: 'exercise: works without JavaScript', requires: ['/exercises'], run: withoutJavaScript },
];
