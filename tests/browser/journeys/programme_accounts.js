// Programmes' accounts (docs/programmes.md), on a `sandpit serve --classroom` server: the trainer
// starts a cohort and adds two names; a learner opens their personal link in a browser of their
// own, chooses a passphrase and reaches their home; signs out and in again with name and
// passphrase. Every page audited (axe, zoom, focus) at the harness's 1366x768.
'use strict';

const { check } = require('../lib/harness');
const { signInTrainer } = require('../lib/classroom');

const PASSPHRASE = 'kettle harbour blue lantern';

async function programmeAccounts(t) {
  const trainer = await t.page(await t.context());
  let link;
  await t.step('the trainer starts a cohort and adds learners', async () => {
    await signInTrainer(t, trainer);
    await t.goto(trainer, '/trainer/programmes');
    await t.audit(trainer, 'programmes-home', { aboveFold: ['#title'] });
    await trainer.fill('#title', 'Browser cohort');
    await t.clickAndWait(trainer, 'form[action="/trainer/programmes"] button[type=submit]');
    check(/^\/trainer\/programmes\/[0-9a-f]+$/.test(new URL(trainer.url()).pathname), `cohort page (${trainer.url()})`);
    await t.audit(trainer, 'programmes-cohort-empty');
    await trainer.fill('#names', 'Ana Silva\nBen Okoro');
    await t.clickAndWait(trainer, 'form[action$="/learners"] button[type=submit]');
    const text = await trainer.locator('main').innerText();
    check(text.includes('2 learners added'), 'the links page says how many were added');
    link = (await trainer.locator('td code.link').first().innerText()).trim();
    check(/\/learn\/[0-9a-f]{32}$/.test(link), `a personal link is shown: ${link}`);
    await t.audit(trainer, 'programmes-links');
  });

  const learner = await t.page(await t.context());
  await t.step('the learner chooses a passphrase with the link', async () => {
    await t.goto(learner, new URL(link).pathname);
    await t.audit(learner, 'learn-link', { aboveFold: ['#passphrase'] });
    await learner.fill('#passphrase', 'short');
    await learner.fill('#confirm', 'short');
    await t.clickAndWait(learner, 'main form button[type=submit]');
    check((await learner.locator('.error-summary').count()) === 1, 'a short passphrase is refused');
    await t.audit(learner, 'learn-link-error');
    await learner.fill('#passphrase', PASSPHRASE);
    await learner.fill('#confirm', PASSPHRASE);
    await t.clickAndWait(learner, 'main form button[type=submit]');
    check(new URL(learner.url()).pathname === '/learn', `signed in, at ${learner.url()}`);
    check((await learner.locator('h1').innerText()).includes('Ana Silva'), 'the home greets the learner');
    await t.audit(learner, 'learn-home');
  });

  await t.step('signs out, and in again with name and passphrase', async () => {
    await t.clickAndWait(learner, 'form[action="/learn/sign-out"] button[type=submit]');
    check(new URL(learner.url()).pathname === '/learn/sign-in', `signed out (${learner.url()})`);
    await t.audit(learner, 'learn-sign-in', { aboveFold: ['#name', '#passphrase'] });
    await learner.fill('#name', 'ana silva');
    await learner.fill('#passphrase', PASSPHRASE);
    await t.clickAndWait(learner, 'form[action="/learn/sign-in"] button[type=submit]');
    check(new URL(learner.url()).pathname === '/learn', `signed in again (${learner.url()})`);
  });

  await t.step('the trainer sees the account in use', async () => {
    await t.goto(trainer, '/trainer/programmes');
    await t.clickAndWait(trainer, 'main table a');
    const text = await trainer.locator('main table').innerText();
    check(/Passphrase set/.test(text), 'Ana shows as having set a passphrase');
    check(/Link not used yet/.test(text), 'Ben shows as not started');
    await t.audit(trainer, 'programmes-cohort');
  });
}

module.exports = [
  { name: 'programmes: a cohort, a personal link, a passphrase, signing in again', server: 'classroom', requires: ['/learn/sign-in'], run: programmeAccounts },
];
