// A rewrite for two platforms: the press release and one box a platform on the same screen, live
// counts and findings under each box as the posts are typed, then the posts submitted together
// and marked per platform; and a missing post, which fails the attempt and is named.
'use strict';

const { check } = require('../lib/harness');

const EXERCISE = 'storm-15-rewrite-flood-grants';
const FACEBOOK =
  'Were you flooded by Storm Harriet? Apply for a Flood Recovery Grant: kerrow.gov.ex/floodgrant or call 0300 555 0142.\n\n' +
  'Households can get £500 and businesses up to £2,500. You don\'t pay it back. You can apply even if you have insurance.\n\n' +
  'Applications close on 27 March.';
const X = 'Flooded by Storm Harriet? Households can get £500, businesses up to £2,500. You don\'t pay it back, even if you have insurance. Apply by 27 March: kerrow.gov.ex/floodgrant';

/** Waits until the live summary under `box` names its platform and a count, and returns it. */
async function liveSummary(page, box, name) {
  await page.waitForFunction(
    ([id, n]) => {
      const s = document.getElementById(`${id}-summary`);
      return s && s.textContent.startsWith(`${n}: You have`);
    },
    [box, name],
    { timeout: 10_000 },
  );
  return (await page.locator(`#${box}-summary`).innerText()).trim();
}

async function twoPosts(t) {
  const page = await t.open(`/exercises/${EXERCISE}`);
  await t.step('the press release and both boxes, on one screen', async () => {
    check((await page.locator('#answer[name="post:facebook"]').count()) === 1, 'the first box is for Facebook');
    check((await page.locator('#post-x[name="post:x"]').count()) === 1, 'the second box is for X');
    check(/280 weighted characters/.test(await page.locator('#post-x-hint').innerText()), 'the X box says its limit');
    await t.audit(page, 'rewrite-posts');
    // At 1366x768, with the boxes in view the press release is in view beside them.
    await page.setViewportSize({ width: 1366, height: 768 });
    for (const box of ['#answer', '#post-x']) {
      await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), box);
      const inView = await page.evaluate((sel) => {
        // How much of an element is inside the window, in pixels of height.
        const shown = (el) => {
          const r = el.getBoundingClientRect();
          return Math.min(r.bottom, window.innerHeight) - Math.max(r.top, 0);
        };
        const box = document.querySelector(sel);
        return shown(document.querySelector('.rewrite-source .source')) >= 250 &&
          shown(box) >= box.getBoundingClientRect().height - 1;
      }, box);
      check(inView, `the press release and ${box} are on screen together at 1366x768`);
    }
  });
  await t.step('type a post for each platform: each box gets its own live count', async () => {
    await page.fill('#answer', FACEBOOK);
    const fb = await liveSummary(page, 'answer', 'Facebook');
    check(/remaining/.test(fb), `the Facebook post fits: "${fb}"`);
    await page.fill('#post-x', X);
    const x = await liveSummary(page, 'post-x', 'X');
    const m = /You have (\d+) weighted characters? remaining/.exec(x);
    check(m, `X counts its post in weighted characters: "${x}"`);
    // The live result under each box is the composer's own, with ids of its own.
    await page.waitForFunction(() => document.querySelector('#post-x-check .draft-marked'));
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    check(new Set(ids).size === ids.length, 'no id is used twice on the page');
  });
  await t.step('submit both: a mark for each platform', async () => {
    await t.clickAndWait(page, '#answer-form button[type=submit]');
    check(/#feedback$/.test(page.url()), 'the feedback opens');
    const rows = await page.locator('#posts-scores tbody tr').allInnerTexts();
    check(rows.length === 2, `a score for each platform (${rows.join(' | ')})`);
    check(/^Facebook/.test(rows[0]) && /^X/.test(rows[1]), 'in the exercise\'s order');
    for (const p of ['facebook', 'x']) {
      const h = await page.locator(`#post-feedback-${p}-title`).innerText();
      check(/\d+ out of 100/.test(h), `the ${p} post has its own score: "${h}"`);
    }
    check((await page.locator('#post-feedback-facebook table caption').innerText()) === 'How the score adds up', 'the Facebook post has its own breakdown');
    check((await page.inputValue('#post-x')) === X, 'the X post is back in its box');
    await t.audit(page, 'rewrite-posts-feedback', { zoom: false, focus: false });
  });
  await t.step('leave the X box empty: the attempt fails and says which post is missing', async () => {
    await page.fill('#post-x', '');
    await t.clickAndWait(page, '#answer-form button[type=submit]');
    const missing = await page.locator('#missing-posts').innerText();
    check(/No post for X/.test(missing), `the missing post is named: "${missing}"`);
    check(/^Not yet/.test(await page.locator('#feedback-title').innerText()), 'the attempt does not pass');
  });
}

module.exports = [
  { name: 'rewrite posts: one box a platform, live counts, marked per platform', requires: [`/exercises/${EXERCISE}`], run: twoPosts },
];
