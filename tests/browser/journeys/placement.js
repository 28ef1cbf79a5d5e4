// The placement diagnostic (docs/programmes.md, "Placement") on the self-learner's server: the
// start page, a query refused with its column and then answered, one item of each kind (a
// query, a list to tick, posts to sort, a text to write), the rest skipped, and the skill
// profile with its picture and tables. Every page of a new kind audited (axe, zoom, focus).
'use strict';

const { check } = require('../lib/harness');

async function placement(t) {
  const page = await t.page(await t.context());
  await t.step('the start page', async () => {
    await t.goto(page, '/programme/placement');
    // A take left open by an earlier run on this server carries on; otherwise start one.
    if (await page.locator('form[action="/programme/placement/start"]').count()) {
      await t.audit(page, 'placement-start');
      await t.clickAndWait(page, 'form[action="/programme/placement/start"] button[type=submit]');
    }
    check(new URL(page.url()).pathname === '/programme/placement', `on the placement (${page.url()})`);
  });

  const seen = new Set();
  await t.step('one item of each kind, the rest skipped', async () => {
    for (let i = 0; i < 18 && new URL(page.url()).pathname === '/programme/placement'; i++) {
      const hint = await page.locator('main p.hint').first().innerText();
      check(/item \d+ of 18/.test(hint), `the page says where the learner is: ${hint}`);
      const kind = (await page.locator('main input[type=radio]').count()) ? 'sort'
        : (await page.locator('main input[type=checkbox]').count()) ? 'pick'
        : (await page.locator('main textarea[spellcheck=false]').count()) ? 'query' : 'write';
      if (!seen.has(kind)) {
        seen.add(kind);
        if (kind === 'query') {
          // The query page is audited in full with its error below; the other kinds share its
          // layout, so axe alone is enough for them (the suite's time is shared).
          await page.fill('#text', 'sandbag OR');
          await t.clickAndWait(page, 'main form button:not([name=skip])');
          check((await page.locator('.error-summary').count()) === 1, 'a query that does not run is refused');
          check((await page.locator('.error-summary').innerText()).includes('Column 9'), 'with its column');
          await t.audit(page, 'placement-query-error');
          await page.fill('#text', 'sandbag OR sandbags');
          await t.clickAndWait(page, 'main form button:not([name=skip])');
          continue;
        }
        await t.audit(page, `placement-${kind}`, { zoom: false, focus: false });
      }
      if (seen.size < 4) {
        await t.clickAndWait(page, 'main form button[name=skip]');
        continue;
      }
      // Every kind seen: the rest are skipped by the same form, sent without drawing each page.
      let item = await page.locator('input[name=item]').inputValue();
      const answer = new URL('/programme/placement/answer', page.url()).href;
      for (let n = 0; n < 18 && item; n++) {
        const r = await page.request.post(answer, {
          form: { item, skip: '1' },
          headers: { origin: new URL(page.url()).origin },
          maxRedirects: 0,
        });
        check(r.status() === 303, `a skip is taken (${r.status()})`);
        const to = r.headers()['location'];
        if (to === '/programme/profile') break;
        const next = await page.request.get(new URL('/programme/placement', page.url()).href);
        const m = /name="item" value="([^"]+)"/.exec(await next.text());
        item = m && m[1];
      }
      await t.goto(page, '/programme/profile');
      break;
    }
    check(new URL(page.url()).pathname === '/programme/profile', `the profile follows the last item (${page.url()})`);
    check(seen.size === 4, `every kind of item was seen: ${[...seen]}`);
  });

  await t.step('the profile', async () => {
    check((await page.locator('main svg[role=img]').count()) === 1, 'the levels are drawn');
    check((await page.locator('main table').count()) === 2, 'the levels and the history are tables');
    await t.audit(page, 'placement-profile');
  });
}

module.exports = [
  { name: 'placement: one item at a time, then the skill profile', requires: ['/programme/placement'], run: placement },
];
