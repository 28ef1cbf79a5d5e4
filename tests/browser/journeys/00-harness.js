// The checks check something: each guard is shown a page that breaks its rule and must
// object. Runs first, so a harness that stopped seeing problems fails loudly.
'use strict';

const { check } = require('../lib/harness');
const { assertFocusVisible } = require('../lib/keyboard');

async function guardsObject(t) {
  const page = await t.open('/');

  await t.step('a request to another host is refused and reported', async () => {
    await page.evaluate(() => fetch('http://example.invalid/tracker.js').catch(() => {}));
    const seen = t.problems.filter((p) => p.includes('example.invalid'));
    check(seen.length > 0, 'the network guard did not report a request to example.invalid');
  });

  await t.step('axe-core reports a serious violation', async () => {
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'unlabelled';
      document.querySelector('main').append(b);
    });
    let threw = '';
    await t.axe(page, 'self-test').catch((e) => (threw = e.message));
    check(/button-name/.test(threw), `axe-core did not object to a button without a name (${threw || 'no error'})`);
  });

  await t.step('the zoom check reports sideways scrolling', async () => {
    await page.evaluate(() => {
      const d = document.createElement('div');
      d.style.width = '1200px';
      d.textContent = 'wide';
      document.querySelector('main').append(d);
    });
    let threw = '';
    await t.zoom(page, 'self-test').catch((e) => (threw = e.message));
    check(/sideways scrolling/.test(threw), `the zoom check did not object to a 1200px-wide block (${threw || 'no error'})`);
  });

  await t.step('the focus check reports an invisible focus ring', async () => {
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '#';
      a.id = 'no-ring';
      a.textContent = 'no ring';
      a.style.cssText = 'outline:none!important;box-shadow:none!important';
      document.querySelector('main').prepend(a);
      a.focus();
    });
    let threw = '';
    await assertFocusVisible(page).catch((e) => (threw = e.message));
    check(/not visible/.test(threw), `the focus check did not object to a link without a focus ring (${threw || 'no error'})`);
  });

  // These problems were made on purpose; the real journeys start clean.
  t.problems.length = 0;
  t.report.screenshots = t.report.screenshots.filter((s) => !s.startsWith('self-test'));
}

module.exports = [{ name: 'harness: the guards object to broken pages', run: guardsObject }];
