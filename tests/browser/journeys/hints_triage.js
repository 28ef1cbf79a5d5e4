// Triage and hints (issue 17), without JavaScript as a Chromebook with scripts blocked would
// see them: open one hint (one more each time, recorded by the server), sort one post and send
// it, be asked again with the posts left listed and marked, choose "Mark it as it stands", and
// read feedback that fails the shift for the life-safety posts left unsorted. The page that
// asks again is audited (axe, budget) with JavaScript on.
'use strict';

const { check } = require('../lib/harness');

const EXERCISE = 'storm-11-triage-duty-desk';
const ROUTE = 'duty officer (control room)';

/** Ticks "Needs escalation" for the first post and routes it; returns the post's id. */
async function sortFirst(page) {
  const first = page.locator('fieldset.triage-item').first();
  const radio = first.locator('input[type=radio][value=escalate]');
  const id = (await radio.getAttribute('name')).replace(/^label:/, '');
  await radio.check();
  await first.locator('select').selectOption(ROUTE);
  return id;
}

async function submitSorting(t, page) {
  await t.clickAndWait(page, '#answer-form button[type=submit]:not([name])');
}

async function journey(t) {
  const ctx = await t.context({ javaScript: false });
  const page = await t.open(`/exercises/${EXERCISE}`, { ctx });
  const posts = await page.locator('fieldset.triage-item').count();

  await t.step('each post offers the routes for an escalation', async () => {
    check(posts >= 20, `the inbox has at least 20 posts, not ${posts}`);
    const options = await page.locator('fieldset.triage-item').first().locator('select option').allInnerTexts();
    check(options.includes(ROUTE), `the first post offers "${ROUTE}" (offers ${options.join(' | ')})`);
    const escalations = await page.locator('#routes-hint').count();
    check(escalations === 1, 'the form says to choose who each escalation goes to');
  });

  await t.step('a hint opens one at a time without JavaScript', async () => {
    const before = await page.locator('#hints ol li').count();
    const button = page.locator('button[formaction$="/hint"]');
    if ((await button.count()) === 0) {
      check(before > 0, 'with no hint left to open, the hints opened are shown');
      return; // every hint already open from an earlier run against this server
    }
    await t.clickAndWait(page, 'button[formaction$="/hint"]');
    check((await page.locator('#hints ol li').count()) === before + 1, 'exactly one more hint is shown');
  });

  let first;
  await t.step('a sorting with posts left is asked about, not marked', async () => {
    first = await sortFirst(page);
    await submitSorting(t, page);
    const summary = page.locator('.error-summary');
    check(await summary.isVisible(), 'an error summary says posts are left');
    const text = await summary.innerText();
    check(text.includes(`${posts - 1} of ${posts} posts are not sorted yet`), `the summary counts the posts left: ${text}`);
    check(text.includes('post 2 ('), `the summary names the posts left by number: ${text}`);
    const flagged = await page.locator('fieldset.triage-item.field-error').count();
    check(flagged === posts - 1, `each post left is marked on the form (${flagged} of ${posts - 1})`);
    check(await page.locator(`input[name="label:${first}"][value=escalate]`).isChecked(), 'the post sorted stays ticked');
    check((await page.locator(`select[name="route:${first}"]`).inputValue()) === ROUTE, 'its route stays chosen');
  });

  await t.step('"Mark it as it stands" marks it, and the life-safety posts fail it', async () => {
    await t.clickAndWait(page, 'button[name=partial][value=count]');
    const feedback = page.locator('#feedback');
    check(await feedback.isVisible(), 'the feedback is shown');
    const heading = (await feedback.locator('h2').innerText()).trim();
    check(heading.startsWith('Not yet'), `the attempt does not pass: "${heading}"`);
    const text = await feedback.innerText();
    check(text.includes('where a life may be at risk'), 'the feedback says first that life-safety posts were missed');
    check(text.includes('left unsorted and count as wrong'), 'the feedback says unsorted posts count as wrong');
  });

  await t.step('the page that asks again passes the audit', async () => {
    const scripted = await t.open(`/exercises/${EXERCISE}`);
    await sortFirst(scripted);
    await submitSorting(t, scripted);
    check(await scripted.locator('button[name=partial]').isVisible(), 'the page offers to mark it as it stands');
    await t.audit(scripted, 'triage-unsorted', { zoom: false, focus: false });
  });
}

module.exports = [
  { name: 'triage: routes, one hint at a time, unsorted posts asked about (no JavaScript)', requires: ['/exercises'], run: journey },
];
