// The query that explains itself: a monitoring attempt's tree and variants (the widened word
// pays), "did you mean" on the search page, the coloured query box with Enter to search, a bar
// of the volume chart (through its table) filtering the hits, and two queries compared.
'use strict';

const { check } = require('../lib/harness');

const CORPUS = 'storm-harriet';
const EXERCISE = 'storm-06-volunteers';

async function attemptExplained(t) {
  const page = await t.open(`/exercises/${EXERCISE}`);
  await t.step('submit a one-form query and open its explanation', async () => {
    await page.fill('#answer', 'volunteers');
    await Promise.all([page.waitForEvent('load'), page.click('form[action$="/attempts"] button[type=submit]')]);
    const link = page.locator(`a[href^="/exercises/${EXERCISE}/explain?attempt="]`);
    check((await link.count()) === 1, 'the feedback links to the explanation');
    await Promise.all([page.waitForEvent('load'), link.click()]);
  });
  await t.step('the tree, and the widened word pays', async () => {
    check((await page.locator('ul.query-tree > li').count()) === 1, 'a one-word query is one branch');
    const labels = await page.locator('ul.query-tree .branch-labels').innerText();
    check(/relevant, .* missed/.test(labels), `the branch has relevant hits and misses ("${labels}")`);
    const pays = page.locator('tr.variant-pays', { hasText: 'volunteer*' });
    check((await pays.count()) === 1, 'widening `volunteers` to `volunteer*` is marked as paying');
    check((await page.locator('figure.variants svg circle').count()) >= 1, 'the variants are plotted');
    await t.audit(page, 'query-explain-attempt', { aboveFold: ['h1'] });
  });
}

async function searchHelp(t) {
  const page = await t.open(`/search?corpus=${CORPUS}`);
  await t.step('the box is coloured as you type and Enter searches', async () => {
    await page.click('#q');
    await page.keyboard.type('volunters and volunteer*');
    check((await page.locator('.query-layer .tk-lower-op').count()) === 1, 'the lower-case operator is marked');
    check((await page.locator('.query-layer .tk-wild').count()) === 1, 'the wildcard is coloured');
    await Promise.all([page.waitForURL(/q=volunters/), page.keyboard.press('Enter')]);
  });
  await t.step('capitals, then did you mean', async () => {
    const caps = page.locator('.query-help a', { hasText: 'AND' });
    check((await caps.count()) === 1, 'a link puts the operator in capitals');
    await Promise.all([page.waitForURL(/q=volunters\+AND/), caps.click()]);
    const dym = page.locator('.query-help a', { hasText: 'volunteers' });
    check((await dym.count()) === 1, '"Did you mean volunteers?" is offered');
    await Promise.all([page.waitForURL(/q=volunteers/), dym.click()]);
    check((await page.locator('h2.results-count').innerText()).includes('match'), 'the corrected query runs');
  });
  await t.step('explain from the search page', async () => {
    await Promise.all([page.waitForURL(/explain=1/), page.click('.explain-links a[href*="explain=1"]')]);
    check((await page.locator('ul.query-tree li').count()) >= 3, 'the tree lists the AND and its two words');
    await t.audit(page, 'query-explain-search', { aboveFold: ['#q'] });
  });
  await t.step('a bar of the volume chart shows its hits', async () => {
    const bar = page.locator('.bar-links a').first();
    await Promise.all([page.waitForURL(/from=\d+&until=\d+/), bar.click()]);
    check((await page.locator('#window').count()) === 1, 'the page says which time it shows');
    const rows = await page.locator('figure.chart details table a[href*="from="]').count();
    check(rows > 0, 'the table under the chart carries the same links');
  });
  await t.step('compare with another query', async () => {
    await Promise.all([page.waitForURL(/\/search\/compare/), page.click('.explain-links a[href^="/search/compare"]')]);
    await page.fill('#q2', 'sandbag*');
    await Promise.all([page.waitForURL(/q2=sandbag/), page.click('form.compare-form button[type=submit]')]);
    check((await page.locator('figure.compare-chart polyline').count()) === 2, 'one line per query');
    check((await page.locator('table.overlap-table tbody tr').count()) === 1, 'one pair, one overlap');
    await t.audit(page, 'query-compare', { aboveFold: ['h1'] });
  });
}

async function withoutJavaScript(t) {
  const ctx = await t.context({ javaScript: false });
  const page = await t.open(`/search?corpus=${CORPUS}&q=volunteers`, { ctx });
  await Promise.all([page.waitForURL(/explain=1/), page.click('.explain-links a[href*="explain=1"]')]);
  check((await page.locator('ul.query-tree li').count()) === 1, 'the tree is there without JavaScript');
  check((await page.locator('.query-layer').count()) === 0, 'the plain box, no layer');
}

module.exports = [
  { name: 'query explain: a monitoring attempt explained', run: attemptExplained },
  { name: 'query explain: help while typing, explain, a bar, compare', run: searchHelp },
  { name: 'query explain: works without JavaScript', run: withoutJavaScript },
];
