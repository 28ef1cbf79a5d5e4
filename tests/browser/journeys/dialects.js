// "Write it for": the self-learner picks a tool beside the search box, without JavaScript, and
// reads the query written for that tool with its warnings; the page stays axe-clean.
'use strict';

const { check } = require('../lib/harness');

const CORPUS = 'storm-harriet';

async function writeItFor(t) {
  const ctx = await t.context({ javaScript: false });
  const page = await t.open(`/search?corpus=${CORPUS}`, { ctx });
  await t.step('choose Pulsar and search', async () => {
    await page.fill('#q', 'flood NEAR/9 warning -football');
    await page.selectOption('#to', 'pulsar');
    await Promise.all([page.waitForURL(/to=pulsar/), page.click('form.search-form button[type=submit]')]);
    check((await page.locator('#dialect-title').innerText()) === 'Written for Pulsar', 'the panel names the tool');
    const written = await page.locator('pre.query-translated').innerText();
    check(written.trim() === '(flood NEAR/7 warning) AND -football', `the query reads "${written}"`);
    const warnings = await page.locator('ul.dialect-warnings li').allInnerTexts();
    check(warnings.some((w) => /^Column 1: Pulsar allows a NEAR distance of at most 7/.test(w)), `warnings: ${warnings}`);
    check((await page.locator('#to').inputValue()) === 'pulsar', 'the choice stays selected');
  });
  await t.step('the page with the translation is accessible', async () => {
    const audited = await t.open(`/search?corpus=${CORPUS}&q=flood+NEAR%2F9+warning+-football&to=pulsar`);
    await t.audit(audited, 'search-dialect', { aboveFold: ['#q'] });
  });
}

module.exports = [{ name: 'dialects: write the query for another tool, without JavaScript', run: writeItFor }];
