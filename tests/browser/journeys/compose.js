// The post composer: write a draft and watch the count and the findings follow as you type
// (JavaScript), then the same draft checked by the server with the Check button, which must say
// the same; the keyboard-only way through; and the page without JavaScript, error first.
'use strict';

const { check } = require('../lib/harness');
const { tabTo, pressAndWait } = require('../lib/keyboard');

const START = 'We will utilise extra staff';
const MORE = ' in order to assist residents. Click here for more info https://www.gov.uk/flood-alerts';
const LONG =
  ' Sandbags are at Harbour car park, Ardley Village Hall and the Marsh Road depot from 8am to 8pm' +
  ' today and tomorrow. Six bags protect a standard door. If you cannot lift them, call 0300 555 0142.';
const RULES = ['govuk-plain-english', 'social-accessible'];

/** "You have N … remaining" → N; "You have N … too many" → -N. */
function remaining(summary) {
  const m = /You have ([\d,]+) .*?(remaining|too many)/.exec(summary);
  check(m, `the count reads "${summary}"`);
  const n = Number(m[1].replace(/,/g, ''));
  return m[2] === 'remaining' ? n : -n;
}

async function summaryText(page) {
  return (await page.locator('#text-summary').innerText()).trim();
}

/** Waits until the live summary differs from `before` (the check answered) and returns it. */
async function nextSummary(page, before) {
  await page.waitForFunction(
    (b) => {
      const t = document.getElementById('text-summary').textContent.trim();
      return /You have \d/.test(t) && t !== b;
    },
    before,
    { timeout: 10_000 },
  );
  return summaryText(page);
}

async function findingsCount(page) {
  return page.locator('#result ol.findings > li').count();
}

async function liveWithMouse(t) {
  const page = await t.open('/compose');
  await t.step('the composer page', async () => {
    await t.audit(page, 'compose', { aboveFold: ['h1', '#platform-x'] });
  });
  await t.step('check an empty draft: the error summary links to the box', async () => {
    await t.clickAndWait(page, '#compose-form button[type=submit]');
    await checkEmptyDraftError(page);
    await t.audit(page, 'compose-error', { zoom: false, aboveFold: ['.error-summary'] });
    await page.click('.error-summary a[href="#text"]');
    check(await page.evaluate(() => document.activeElement.id === 'text'), 'the summary link puts focus in the box');
  });
  let first;
  await t.step('choose the style rules and start typing', async () => {
    for (const r of RULES) await page.check(`#rules-${r}`);
    await page.keyboard.type(START);
    first = await nextSummary(page, '');
    check(/^X: /.test(first), `the summary names the platform: "${first}"`);
    check(remaining(first) === 280 - START.length, `"${START}" leaves ${280 - START.length} on X (page: "${first}")`);
    await page.waitForFunction(() => document.querySelectorAll('#result ol.findings > li').length >= 1);
    check((await page.locator('.draft-marked mark').first().innerText()) === 'utilise', '"utilise" is marked in the draft');
  });
  let second;
  await t.step('type more: the count falls and the findings grow', async () => {
    await page.keyboard.type(MORE);
    second = await nextSummary(page, first);
    // A link counts 23 on X, whatever its length.
    const link = 'https://www.gov.uk/flood-alerts';
    const expected = 280 - (START.length + MORE.length - link.length + 23);
    check(remaining(second) === expected, `X counts the link as 23: expected ${expected} remaining, page says "${second}"`);
    await page.waitForFunction(() => document.querySelectorAll('#result ol.findings > li').length >= 3);
    const marks = await page.locator('.draft-marked mark').allInnerTexts();
    for (const w of ['utilise', 'in order to', 'Click here']) check(marks.includes(w), `"${w}" is marked (marks: ${marks.join(', ')})`);
    const numbers = await page.locator('.draft-marked a.fnum').count();
    check(numbers === (await findingsCount(page)), 'every finding has its number in the draft');
  });
  await t.step('go over the limit', async () => {
    await page.keyboard.type(LONG);
    const over = await nextSummary(page, second);
    check(remaining(over) < 0, `the summary says the post is too long: "${over}"`);
    check(/too many/.test(await page.locator('#result ul.counts').innerText()), 'the length list says how many too many');
    check((await page.locator('.draft-marked .overflow').count()) > 0, 'the part past the limit is marked');
    await page.waitForFunction(() => document.getElementById('compose-live').textContent.trim().length > 0, null, { timeout: 10_000 });
    await t.audit(page, 'compose-findings', { zoom: true });
  });
  await t.step('the Check button gives the same answer from the server', async () => {
    const live = {
      summary: await summaryText(page),
      counts: await page.locator('#result ul.counts').innerText(),
      heading: await page.locator('#result h2').nth(2).innerText(),
      findings: await findingsCount(page),
    };
    await t.clickAndWait(page, '#compose-form button[type=submit]');
    // The script re-checks a draft already in the box; wait for it to settle.
    await page.waitForLoadState('networkidle');
    const served = {
      summary: await summaryText(page),
      counts: await page.locator('#result ul.counts').innerText(),
      heading: await page.locator('#result h2').nth(2).innerText(),
      findings: await findingsCount(page),
    };
    for (const k of Object.keys(live)) {
      check(live[k] === served[k], `live and server disagree on ${k}: "${live[k]}" vs "${served[k]}"`);
    }
    for (const r of RULES) check(await page.isChecked(`#rules-${r}`), `the rule pack ${r} stays ticked`);
  });
}

async function withKeyboard(t) {
  const page = await t.open('/compose');
  await t.step('tick Bluesky and toggle a rule pack with Space', async () => {
    await tabTo(page, '#platform-bluesky');
    await page.keyboard.press('Space');
    check(await page.isChecked('#platform-bluesky'), 'Space ticks Bluesky');
    // Both packs start ticked: Space unticks one and ticks it again.
    const rules = `#rules-${RULES[1]}`;
    await tabTo(page, rules);
    const before = await page.isChecked(rules);
    await page.keyboard.press('Space');
    check((await page.isChecked(rules)) !== before, 'Space toggles a rule pack');
    if (!(await page.isChecked(rules))) await page.keyboard.press('Space');
    for (const r of RULES) check(await page.isChecked(`#rules-${r}`), `the ${r} rules are ticked`);
  });
  await t.step('type the draft', async () => {
    await tabTo(page, '#text', { back: true });
    await page.keyboard.type(START + MORE);
    const s = await nextSummary(page, '');
    check(remaining(s) > 0, `the live count follows the keyboard: "${s}"`);
  });
  await t.step('check with the button and follow a finding number', async () => {
    await tabTo(page, '#compose-form button[type=submit]');
    await pressAndWait(page, 'Enter', /\/compose$/);
    const counts = await page.locator('#result ul.counts > li').allInnerTexts();
    check(counts.length === 2 && /^X:/.test(counts[0]) && /^Bluesky:/.test(counts[1]), `counts for X and Bluesky: ${counts.join(' | ')}`);
    const n = await findingsCount(page);
    check(n >= 3, () => `the server lists the findings (${n})`);
    await tabTo(page, '.draft-marked a.fnum');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#finding-1$/);
    const top = await page.locator('#finding-1').boundingBox();
    check(top && top.y >= 0 && top.y < 768, 'the finding number scrolls its finding into view');
  });
}

async function withoutJavaScript(t) {
  const ctx = await t.context({ javaScript: false });
  const page = await t.open('/compose', { ctx });
  await t.step('check an empty draft: the error summary links to the box', async () => {
    await t.clickAndWait(page, '#compose-form button[type=submit]');
    await checkEmptyDraftError(page);
    await page.click('.error-summary a[href="#text"]');
    check((await page.locator('#text:focus').count()) === 1, 'the summary link puts focus in the box');
  });
  await t.step('write and check without JavaScript', async () => {
    await page.fill('#text', START + MORE);
    await page.check('#rules-govuk-plain-english');
    await t.clickAndWait(page, '#compose-form button[type=submit]');
    check(/^X: You have \d+/.test(await summaryText(page)), 'the server gives the count');
    check((await findingsCount(page)) >= 2, 'the server gives the findings');
    check((await page.locator('.draft-marked mark').count()) >= 2, 'the server marks the draft');
  });
}

async function checkEmptyDraftError(page) {
  check((await page.title()).startsWith('Error:'), `the title starts with "Error:" (${await page.title()})`);
  check((await page.locator('.error-summary a[href="#text"]').count()) === 1, 'the error summary links to the draft box');
  check(await page.locator('#text-error').isVisible(), 'the message is shown by the box');
  const described = (await page.locator('#text').getAttribute('aria-describedby')) || '';
  check(described.split(' ').includes('text-error'), 'the box is described by its error');
}

module.exports = [
  { name: 'compose: live count and findings as you type, same as the server (mouse)', requires: ['/compose'], run: liveWithMouse },
  { name: 'compose: draft, check and follow a finding (keyboard)', requires: ['/compose'], run: withKeyboard },
  { name: 'compose: error and check without JavaScript', requires: ['/compose'], run: withoutJavaScript },
];
