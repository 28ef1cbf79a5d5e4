// The self-learner's monitoring journeys on the shipped Storm Harriet corpus: search, read the
// chart and its table, open a document and come back; fix a query after an error; page through
// results. Each once with the mouse and once with the keyboard alone.
'use strict';

const { check } = require('../lib/harness');
const { tabTo, pressAndWait, assertFocusVisible } = require('../lib/keyboard');

const CORPUS = 'storm-harriet';
const QUERY = 'flood OR flooding';
const BROKEN = 'flood AND (rain OR wind';
const FIXED = 'flood AND (rain OR wind)';

/** The number in "N documents match". */
async function resultCount(page) {
  const text = await page.locator('h2.results-count').innerText();
  const m = /^([\d,]+) documents? match/.exec(text.trim());
  check(m, `results heading reads "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

/** The volume chart has a text alternative: a table whose figures add up to the total. */
async function checkChartTable(page, total) {
  const chart = page.locator('figure.chart').first();
  const svg = chart.locator('svg[role="img"]');
  check((await svg.count()) === 1, 'the volume chart is an SVG with role="img"');
  const label = await svg.getAttribute('aria-label');
  check(label && label.length > 10, 'the chart has an aria-label');
  const table = chart.locator('details table');
  check(await table.isVisible(), 'the table of figures is shown once the details are opened');
  const figures = await table.locator('tbody tr td.num').allInnerTexts();
  check(figures.length > 0, 'the table of figures has rows');
  const sum = figures.reduce((n, s) => n + Number(s.replace(/,/g, '')), 0);
  check(sum === total, `the table's figures add up to ${sum}, the page says ${total} documents match`);
  const bars = await svg.locator('rect.bar').count();
  check(bars >= figures.length, `the chart draws ${bars} bars for ${figures.length} rows`);
  // The sources chart has its table too.
  const sources = page.locator('figure.chart').nth(1).locator('details table tbody tr');
  check((await sources.count()) > 0, 'the top sources chart has a table of the same figures');
}

async function searchWithMouse(t) {
  const page = await t.open('/');
  await t.step('home page', async () => {
    check((await page.locator('h1').innerText()).length > 0, 'the home page has a heading');
    await t.audit(page, 'home', { aboveFold: ['h1', 'main table a'] });
  });
  await t.step('choose the Storm Harriet corpus', async () => {
    await Promise.all([page.waitForURL(/\/search\?corpus=storm-harriet/), page.click(`a[href="/search?corpus=${CORPUS}"]`)]);
    check((await page.locator('#corpus').inputValue()) === CORPUS, 'the corpus is selected on the search page');
    await t.audit(page, 'search-empty', { aboveFold: ['#q', 'form.search-form button[type=submit]'] });
  });
  let total;
  await t.step('type a query and search', async () => {
    await page.fill('#q', QUERY);
    await Promise.all([page.waitForURL(/q=flood/), page.click('form.search-form button[type=submit]')]);
    total = await resultCount(page);
    check(total > 20, `"${QUERY}" finds ${total} documents in ${CORPUS}`);
    check((await page.locator('ol.hits > li').count()) === 20, 'the first page lists 20 hits');
    check((await page.locator('ol.hits mark').count()) > 0, 'matches are highlighted in the hits');
  });
  await t.step('open the chart figures as a table', async () => {
    await page.locator('figure.chart details summary').first().click();
    await page.locator('figure.chart').nth(1).locator('details summary').click();
    await checkChartTable(page, total);
    await t.audit(page, 'search-results', { aboveFold: ['h2.results-count', 'figure.chart svg'] });
  });
  let title;
  await t.step('open a document', async () => {
    // The first hit, titled or not: a post without a title is listed as "(untitled post)" and
    // headed "Untitled post" on its page.
    const first = page.locator('ol.hits > li h3 a').first();
    title = (await first.innerText()).trim().replace(/^\(untitled (.+)\)$/, 'Untitled $1');
    await Promise.all([page.waitForURL(/\/doc\?/), first.click()]);
    check((await page.locator('h1').innerText()).trim() === title, `the document page is headed "${title}"`);
    check((await page.locator('article mark').count()) > 0, 'the query is highlighted in the document');
    await t.audit(page, 'document', { aboveFold: ['h1', 'a.back'] });
  });
  await t.step('go back to the results', async () => {
    await page.goBack({ waitUntil: 'load' });
    check((await resultCount(page)) === total, 'the browser back button returns to the same results');
    await Promise.all([page.waitForURL(/\/doc\?/), page.locator('ol.hits > li h3 a').first().click()]);
    await Promise.all([page.waitForURL(/\/search\?/), page.click('a.back')]);
    check((await page.locator('#q').inputValue()) === QUERY, 'the "Back to the results" link keeps the query');
    check((await resultCount(page)) === total, '"Back to the results" shows the same results');
  });
}

async function searchWithKeyboard(t) {
  const page = await t.open('/');
  await t.step('skip link', async () => {
    await page.keyboard.press('Tab');
    const s = await assertFocusVisible(page, ' (first Tab)');
    check(s.label === 'Skip to main content', `the first Tab reaches the skip link, not ${s.label}`);
    await page.keyboard.press('Enter');
    check(await page.evaluate(() => document.activeElement.id === 'main'), 'the skip link moves focus to the main content');
  });
  await t.step('choose the corpus', async () => {
    await tabTo(page, `a[href="/search?corpus=${CORPUS}"]`);
    await pressAndWait(page, 'Enter', /\/search\?corpus=storm-harriet/);
  });
  let total;
  await t.step('type a query and submit with the keyboard', async () => {
    await tabTo(page, '#q');
    await page.keyboard.type(QUERY);
    await tabTo(page, 'form.search-form button[type=submit]');
    await pressAndWait(page, 'Enter', /q=flood/);
    total = await resultCount(page);
    check(total > 20, `"${QUERY}" finds ${total} documents`);
  });
  await t.step('open the figures table with Space and Enter', async () => {
    await tabTo(page, 'figure.chart >> nth=0 >> details summary');
    await page.keyboard.press('Space');
    await tabTo(page, 'figure.chart >> nth=1 >> details summary');
    await page.keyboard.press('Enter');
    await checkChartTable(page, total);
  });
  await t.step('open a document and come back', async () => {
    await tabTo(page, 'ol.hits > li h3 a');
    await pressAndWait(page, 'Enter', /\/doc\?/);
    await tabTo(page, 'a.back');
    await pressAndWait(page, 'Enter', /\/search\?/);
    check((await resultCount(page)) === total, 'back at the same results');
  });
  await t.step('Shift+Tab goes back the way it came', async () => {
    await tabTo(page, 'form.search-form button[type=submit]');
    await tabTo(page, '#q', { back: true, max: 5 });
  });
}

/** The error journey; `keyboard` drives it without the mouse. */
async function fixQuery(t, keyboard) {
  const page = await t.open(`/search?corpus=${CORPUS}`);
  await t.step('submit a query with an unclosed bracket', async () => {
    if (keyboard) {
      await tabTo(page, '#q');
      await page.keyboard.type(BROKEN);
      await tabTo(page, 'form.search-form button[type=submit]');
      await pressAndWait(page, 'Enter', /q=flood/);
    } else {
      await page.fill('#q', BROKEN);
      await Promise.all([page.waitForURL(/q=flood/), page.click('form.search-form button[type=submit]')]);
    }
  });
  await t.step('read the error summary and the message by the field', async () => {
    check((await page.title()).startsWith('Error:'), `the page title starts with "Error:" (${await page.title()})`);
    const summary = page.locator('.error-summary');
    check(await summary.isVisible(), 'an error summary is shown');
    check((await summary.getAttribute('role')) === 'alert', 'the error summary is announced (role="alert")');
    const link = summary.locator('a[href="#q"]');
    check((await link.count()) === 1, 'the error summary links to the query field');
    const message = await page.locator('#q-error').innerText();
    check(/Column \d+:/.test(message), `the message beside the field gives the column: "${message}"`);
    const described = await page.locator('#q').getAttribute('aria-describedby');
    check(described && described.split(' ').includes('q-error'), 'the field is described by its error message');
    check((await page.locator('#q').inputValue()) === BROKEN, 'the query is kept in the field');
    if (!keyboard) await t.audit(page, 'search-error', { aboveFold: ['.error-summary', '#q'] });
  });
  await t.step('follow the summary link to the field and fix the query', async () => {
    if (keyboard) {
      await tabTo(page, '.error-summary a[href="#q"]');
      await page.keyboard.press('Enter');
    } else {
      await page.click('.error-summary a[href="#q"]');
    }
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    check(focused === 'q', `the error summary link puts focus in the query field (focus is on "${focused}")`);
    // The column points at the unclosed bracket; the fix is to close the group at the end.
    await page.keyboard.press('Control+End');
    await page.keyboard.type(')');
    check((await page.locator('#q').inputValue()) === FIXED, 'the query field holds the fixed query');
    if (keyboard) {
      await tabTo(page, 'form.search-form button[type=submit]');
      await pressAndWait(page, 'Enter', /wind%29/);
    } else {
      await Promise.all([page.waitForURL(/wind%29/), page.click('form.search-form button[type=submit]')]);
    }
    check((await page.locator('.error-summary').count()) === 0, 'the error summary is gone');
    const total = await resultCount(page);
    check(total > 0, `the fixed query finds documents (${total})`);
  });
}

async function paging(t, keyboard) {
  const page = await t.open(`/search?corpus=${CORPUS}&q=${encodeURIComponent(QUERY)}`);
  const total = await resultCount(page);
  const pages = Math.ceil(total / 20);
  const status = () => page.locator('nav.pagination > span').innerText();
  await t.step('go to the next page', async () => {
    check((await status()) === `Page 1 of ${pages}`, `pagination reads "Page 1 of ${pages}"`);
    check((await page.locator('nav.pagination a[rel=prev]').count()) === 0, 'no "Previous" link on page 1');
    if (keyboard) {
      await tabTo(page, 'nav.pagination a[rel=next]');
      await pressAndWait(page, 'Enter', /page=2/);
    } else {
      await Promise.all([page.waitForURL(/page=2/), page.click('nav.pagination a[rel=next]')]);
    }
    check((await status()) === `Page 2 of ${pages}`, `pagination reads "Page 2 of ${pages}"`);
    check((await page.locator('ol.hits').getAttribute('start')) === '21', 'page 2 numbers its hits from 21');
    if (!keyboard) await t.audit(page, 'search-page-2', { zoom: false });
  });
  await t.step('newest first keeps the query across pages', async () => {
    if (keyboard) {
      await tabTo(page, '#sort', { back: true });
      await page.keyboard.press('Space');
      await tabTo(page, 'form.search-form button[type=submit]');
      await pressAndWait(page, 'Enter', /sort=newest/);
    } else {
      await page.check('#sort');
      await Promise.all([page.waitForURL(/sort=newest/), page.click('form.search-form button[type=submit]')]);
    }
    check((await resultCount(page)) === total, 'sorting does not change the count');
    const dates = await page.locator('ol.hits time').evaluateAll((ts) => ts.map((x) => x.getAttribute('datetime')));
    const sorted = [...dates].sort().reverse();
    check(JSON.stringify(dates) === JSON.stringify(sorted), 'newest first lists hits by date, newest first');
    if (keyboard) {
      await tabTo(page, 'nav.pagination a[rel=next]');
      await pressAndWait(page, 'Enter', /page=2/);
    } else {
      await Promise.all([page.waitForURL(/page=2/), page.click('nav.pagination a[rel=next]')]);
    }
    check(/sort=newest/.test(page.url()), 'the next page keeps newest first');
    check((await page.locator('#sort').isChecked()) === true, 'the checkbox stays ticked on page 2');
  });
}

async function noJavaScript(t) {
  const ctx = await t.context({ javaScript: false });
  const page = await t.open(`/search?corpus=${CORPUS}`, { ctx });
  await page.fill('#q', QUERY);
  await Promise.all([page.waitForURL(/q=flood/), page.click('form.search-form button[type=submit]')]);
  check((await resultCount(page)) > 0, 'search works without JavaScript');
  await page.locator('figure.chart details summary').first().click();
  check(await page.locator('figure.chart details table').first().isVisible(), 'the figures table opens without JavaScript');
}

module.exports = [
  { name: 'search: find, chart table, open a document, back (mouse)', run: searchWithMouse },
  { name: 'search: find, chart table, open a document, back (keyboard)', run: searchWithKeyboard },
  { name: 'search: fix a query after an error (mouse)', run: (t) => fixQuery(t, false) },
  { name: 'search: fix a query after an error (keyboard)', run: (t) => fixQuery(t, true) },
  { name: 'search: paging and newest first (mouse)', run: (t) => paging(t, false) },
  { name: 'search: paging and newest first (keyboard)', run: (t) => paging(t, true) },
  { name: 'search: works without JavaScript', run: noJavaScript },
];
