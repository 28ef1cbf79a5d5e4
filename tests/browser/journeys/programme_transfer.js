// Transfer to the day job (docs/programmes.md, "Your own topic", "Reflection and follow-up",
// "The team view"), on a `sandpit serve --classroom --test-clock` server: a learner of a team
// starts an own topic from pasted posts, writes a query, labels the sample and reads the figures,
// drafts a post that is checked; answers the end-of-session statement and, after the clock moves
// four weeks, its follow-up; the trainer reviews the topic with a comment and sees the pair; the
// manager opens the team's link and sees the profile against the needs. Pages audited (axe,
// zoom, focus, charts) at the harness's 1366x768.
'use strict';

const { check } = require('../lib/harness');
const { signInTrainer } = require('../lib/classroom');

const PASSPHRASE = 'harbour lantern kettle blue';

const POSTS = [
  'Bins in Fernley go out a day late this week.',
  'Recycling bins: the green lid takes glass now.',
  'Fernley pool reopens on Monday.',
  'Library story time moves to Friday.',
  'New bins for the high street arrive in May.',
].join('\n\n');

async function programmeTransfer(t) {
  const trainer = await t.page(await t.context());
  let link;
  let cohortPath;
  await t.step('the trainer adds a learner of a team', async () => {
    await signInTrainer(t, trainer);
    await t.goto(trainer, '/trainer/programmes');
    await trainer.fill('#title', 'Transfer cohort');
    await t.clickAndWait(trainer, 'form[action="/trainer/programmes"] button[type=submit]');
    cohortPath = new URL(trainer.url()).pathname;
    await trainer.setInputFiles('#csv', {
      name: 'cohort.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('name,team\nCara Quinn,Fernley press office\n'),
    });
    await t.clickAndWait(trainer, 'form[action$="/learners"] button[type=submit]');
    link = (await trainer.locator('td code.link').first().innerText()).trim();
  });

  const learner = await t.page(await t.context());
  let topicPath;
  await t.step('the learner starts an own topic, queries and labels it', async () => {
    await t.goto(learner, new URL(link).pathname);
    await learner.fill('#passphrase', PASSPHRASE);
    await learner.fill('#confirm', PASSPHRASE);
    await t.clickAndWait(learner, 'main form button[type=submit]');
    await t.clickAndWait(learner, 'a[href="/programme/transfer"]');
    await learner.fill('#title', 'Fernley bins');
    await t.clickAndWait(learner, 'form[action="/programme/own-topic"] button[type=submit]');
    topicPath = new URL(learner.url()).pathname;
    await learner.fill('#posts', POSTS);
    await t.clickAndWait(learner, 'form[action$="/posts"] button[type=submit]');
    check((await learner.locator('[role=status]').innerText()).includes('5 documents'), 'five posts added');
    await learner.fill('#query', 'bins');
    await t.clickAndWait(learner, 'form[action$="/query"] button[type=submit]');
    await t.clickAndWait(learner, `a[href="${topicPath}/label"]`);
    await t.audit(learner, 'own-topic-label');
    const docs = learner.locator('fieldset.label-doc');
    const n = await docs.count();
    check(n === 5, `all five posts sampled (${n})`);
    for (let i = 0; i < n; i++) {
      const text = await docs.nth(i).locator('.doc-text').innerText();
      const relevant = /bins/i.test(text) && !/high street/i.test(text);
      await docs.nth(i).locator(relevant ? 'input[value=relevant]' : 'input[value=not-relevant]').check();
    }
    await t.clickAndWait(learner, 'form#labels button[type=submit]');
    const figures = await learner.locator('ul.figures').innerText();
    check(figures.includes('of the 3 results you labelled, 2 are relevant'), `precision from the labels: ${figures}`);
    check(figures.includes('exactly 67%'), 'every result labelled: exact');
  });

  await t.step('drafts a post for a real announcement, checked', async () => {
    await learner.fill('#announcement', 'New bin days from May');
    await learner.check('#platform-x');
    await learner.fill('#draft', 'We will utilise new bin days from May. #FernleyBins');
    await t.clickAndWait(learner, 'form[action$="/draft"] button[type=submit]');
    check((await learner.locator('.draft-check').innerText()).includes('remaining'), 'the X count is shown');
    await t.audit(learner, 'own-topic');
  });

  await t.step('the statement, and its follow-up four weeks on', async () => {
    await t.goto(learner, '/programme/evaluation');
    await learner.check('#effective-4');
    await t.clickAndWait(learner, 'form[action="/programme/evaluation"] button[type=submit]');
    const moved = await trainer.request.post(t.url('/trainer/test-clock'), { form: { days: '29' } });
    check(moved.status() === 200, `the clock moved (${moved.status()})`);
    await t.goto(learner, '/programme/transfer');
    await t.audit(learner, 'transfer-home', { zoom: false, focus: false });
    await t.clickAndWait(learner, 'a[href^="/programme/follow-up/"]');
    await t.audit(learner, 'follow-up', { aboveFold: ['#effective-5'] });
    await learner.check('#effective-5');
    await learner.fill('#done_differently', 'I set up a morning query for bins.');
    await t.clickAndWait(learner, 'main form button[type=submit]');
    check((await learner.locator('main table').innerText()).includes('Answered'), 'the follow-up is answered');
  });

  await t.step('the trainer reviews and sees the pair', async () => {
    await t.goto(trainer, `${cohortPath}/transfer`);
    const text = await trainer.locator('main').innerText();
    check(text.includes('4 (Agree)') && text.includes('5 (Strongly agree)'), 'the statement beside its follow-up');
    await t.audit(trainer, 'trainer-transfer', { focus: false });
    await t.clickAndWait(trainer, 'main table a[href*="/own-topic/"]');
    await trainer.fill('#body', 'Good start: try "bin collection" too.');
    await t.clickAndWait(trainer, 'form[action$="/comments"] button[type=submit]');
    await t.goto(learner, topicPath);
    check((await learner.locator('ol.comments').innerText()).includes('bin collection'), 'the learner sees the comment');
  });

  await t.step('the manager sees the team against its needs', async () => {
    await t.goto(trainer, '/trainer/teams');
    await t.clickAndWait(trainer, 'main table a');
    await trainer.fill('#need-triage', '70');
    await trainer.fill('#need-plain-english', '60');
    await t.clickAndWait(trainer, 'form[action$="/needs"] button[type=submit]');
    await t.clickAndWait(trainer, 'form[action$="/link"] button[type=submit]');
    const managerLink = (await trainer.locator('.manager-link code').innerText()).trim();
    const manager = await t.page(await t.context());
    await t.goto(manager, new URL(managerLink).pathname);
    const text = await manager.locator('main').innerText();
    check(text.includes('Needed but not measured yet'), 'unmeasured needs are named');
    check(!text.includes('Cara Quinn'), 'no names on the manager\'s page');
    await t.audit(manager, 'team-view');
  });
}

module.exports = [
  { name: 'programmes: transfer (own topic, review, follow-up after four weeks, the team view)', server: 'classroom', requires: ['/programme/transfer'], run: programmeTransfer },
];
