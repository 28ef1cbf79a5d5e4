// A drill as the self-learner plays it (issue 18): start a drill of a shipped scenario, start
// its clock, move time on (the server runs with --test-clock) and see posts and the
// journalist's enquiry arrive through the server-sent events without reloading; search the
// stream and save the search with an alert; publish a reply, checked as the composer checks it.
// The drill page keeps an event stream open, which is never "idle" and is not compressed (an
// event stream must not be buffered): its audits leave out the transfer budget.
'use strict';

const { check } = require('../lib/harness');

/** Moves the server's test clock on by `seconds`, from the page (same origin, as a form). */
async function moveClock(page, seconds) {
  const status = await page.evaluate(async (s) => {
    const r = await fetch('/trainer/test-clock', { method: 'POST', body: new URLSearchParams({ seconds: String(s) }) });
    return r.status;
  }, seconds);
  check(status < 400, `the test clock moved (${status})`);
}

async function drillPlayer(t) {
  const page = await t.open('/drills');
  await t.step('the list of scenarios, and a drill started', async () => {
    await t.audit(page, 'drills', { aboveFold: ['h1'] });
    await t.clickAndWait(page, 'form[action="/drills"]:has(input[value="brightwell-recall-morning"]) button[type=submit]');
    check(/^\/drills\/[0-9a-f]+$/.test(new URL(page.url()).pathname), `the drill's page (${page.url()})`);
    check((await page.locator('#drill-state').innerText()).includes('Not started'), 'the drill waits for its clock');
  });
  await t.step('start the clock; posts and the enquiry arrive by the events', async () => {
    await t.clickAndWait(page, 'form.inline:has(input[value="start"]) button[type=submit]');
    await page.waitForFunction(() => /Live/.test(document.getElementById('drill-live').textContent), null, { timeout: 10_000 });
    // Audited while the stream is short: the page after the flood is the same markup, longer.
    await t.audit(page, 'drill-running', { budget: false, aboveFold: ['#drill-at'] });
    const before = await page.locator('#drill-stream > li').count();
    await moveClock(page, 19 * 60);
    await page.waitForFunction(() => document.getElementById('drill-at').textContent.startsWith('T+00:19'), null, { timeout: 10_000 });
    await page.waitForFunction((n) => document.querySelectorAll('#drill-stream > li').length > n, before, { timeout: 10_000 });
    await page.waitForSelector('#inject-echo-enquiry', { timeout: 10_000 });
    const enquiry = await page.locator('#inject-echo-enquiry').innerText();
    check(/\d+ min( \d+ s)? left/.test(enquiry), `the enquiry counts down to its deadline: "${enquiry}"`);
    // The trends follow without a reload: the chart's heading names the drill time reached.
    await page.waitForFunction(() => /to T\+00:19/.test(document.querySelector('#drill-trends h3').textContent), null, { timeout: 10_000 });
    check((await page.locator('#drill-trends tbody tr').count()) >= 4, 'the volume table has a row per five minutes');
  });
  await t.step('search the stream and save the search with an alert', async () => {
    await page.fill('#drill-q', 'heater');
    await t.clickAndWait(page, 'form[action$="/search"] button[type=submit]');
    check(/\d+ posts? match/.test(await page.locator('main h2').first().innerText()), 'the search counts its posts');
    await t.audit(page, 'drill-search');
    await page.fill('#name', 'Heaters');
    await t.clickAndWait(page, 'form[action$="/searches"] button[type=submit]');
    const alerts = await page.locator('#alerts').innerText();
    check(alerts.includes('Heaters') && alerts.includes('standard deviations'), 'the saved search shows its rule in words');
  });
  await t.step('publish a reply to the enquiry', async () => {
    await page.selectOption('#inject', 'echo-enquiry');
    await page.selectOption('#deliverable', 'statement');
    await page.selectOption('#platform', '');
    await page.fill('#response-text', 'We have had 14 reports of these heaters overheating. Three caught fire.');
    await t.clickAndWait(page, 'form.drill-publish button[value="publish"]');
    const text = await page.locator('#publish').innerText();
    check(text.includes('Published at T+00:19'), `published (${text.slice(0, 120)})`);
    check((await page.locator('#drill-stream li.drill-ours').count()) === 1, 'the response is in the stream as our account');
    // The same page as drill-running, audited there for zoom and focus; here its new parts.
    await t.audit(page, 'drill-published', { budget: false, zoom: false, focus: false });
  });
}

module.exports = [
  { name: 'drill player: start a drill, posts arrive live, save a search, publish a reply', requires: ['/drills'], run: drillPlayer },
];
