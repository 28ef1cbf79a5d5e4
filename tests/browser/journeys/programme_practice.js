// Practice that comes back (docs/programmes.md): the self-learner passes a rewrite whose trap
// has a variant, sees it listed as coming up on /programme/practice, moves the clock two days
// with POST /trainer/test-clock (the server runs with --test-clock) and sees the variant due,
// a different exercise of the same trap, with the level per skill. Axe-clean.
'use strict';

const { check } = require('../lib/harness');

const PASSED = 'storm-14-rewrite-road-closure';
const VARIANT = 'storm-13-rewrite-ferry';
const GOOD =
  'Coast Road (K12) closure: from 7am on Monday 16 February, the road between Port Ellis and Ardley ' +
  'closes for about 6 weeks. We need to rebuild the road and sea wall at Gull Point after Storm Harriet. ' +
  'Diversion: B3301 through Penmore and Trewent. Bus 14 follows the diversion. roads.kerrow.gov.ex';

async function practiceComesBack(t) {
  const page = await t.open(`/exercises/${PASSED}`);
  await t.step('pass the road closure on Bluesky', async () => {
    await page.fill('#answer', GOOD);
    await t.clickAndWait(page, '#answer-form button[type=submit]');
    const verdict = await page.locator('#feedback-title').innerText();
    check(/^Passed/.test(verdict), `the post passes: "${verdict}"`);
  });
  await t.step('the trap is coming up in two days, nothing due from it yet', async () => {
    await t.goto(page, '/programme/practice');
    const coming = await page.locator('#coming-up + table').innerText();
    check(/One short post/.test(coming), `the trap is coming up: "${coming}"`);
    check(/in 2 days/.test(coming), `in two days: "${coming}"`);
    check((await page.locator(`.practice-due a[href="/exercises/${VARIANT}"]`).count()) === 0, 'the variant is not due yet');
    await t.audit(page, 'practice-coming-up');
  });
  await t.step('two days later the variant is due, not the same exercise again', async () => {
    const moved = await page.request.post(t.url('/trainer/test-clock'), { form: { days: '2', seconds: '60' }, maxRedirects: 0 });
    check(moved.status() === 200, `the clock moved (${moved.status()})`);
    await t.goto(page, '/programme/practice');
    const due = page.locator(`.practice-due a[href="/exercises/${VARIANT}"]`);
    check((await due.count()) === 1, 'the ferry, the variant of the same trap, is due now');
    check((await page.locator(`.practice-due a[href="/exercises/${PASSED}"]`).count()) === 0, 'the passed exercise is not served again');
    const levels = await page.locator('#mastery ~ table').innerText();
    check(/Writing for each platform\s+[1-9]\d*%/.test(levels), `the level per skill shows the pass: "${levels}"`);
    await t.audit(page, 'practice-due');
    await t.clickAndWait(page, `.practice-due a[href="/exercises/${VARIANT}"]`);
    check(page.url().endsWith(`/exercises/${VARIANT}`), 'the link opens the variant');
  });
}

module.exports = [
  { name: 'programme: practice that comes back as a variant', requires: ['/programme/practice'], run: practiceComesBack },
];
