// The pages no journey above walks through, audited as they are: live feeds, a missing
// document, the trainer's upload page and the trainee's evaluation form (with its errors).
'use strict';

const { check } = require('../lib/harness');
const { signInTrainer, startClass, joinClass } = require('../lib/classroom');

async function learnerPages(t) {
  const page = await t.open('/feeds');
  await t.audit(page, 'feeds', { aboveFold: ['h1'] });
  await t.goto(page, '/doc?corpus=storm-harriet&id=no-such-document', { status: 404 });
  check((await page.locator('h1').innerText()).length > 0, 'a missing document gets a page that says so');
  await t.audit(page, 'not-found', { zoom: false });
}

async function classroomPages(t) {
  const trainer = await t.page(await t.context());
  await signInTrainer(t, trainer);
  await t.goto(trainer, '/trainer/upload');
  await t.audit(trainer, 'trainer-upload');
  const code = await startClass(t, trainer, 'Browser test (evaluation)');
  const trainee = await t.page(await t.context());
  await joinClass(t, trainee, code, 'Eva Luation');
  await t.goto(trainee, '/class/evaluation');
  await t.audit(trainee, 'evaluation', { aboveFold: ['h1', 'input[name=effective]'] });
  await t.clickAndWait(trainee, 'form[action="/class/evaluation"] button[type=submit]');
  check(await trainee.locator('.error-summary').isVisible(), 'an empty evaluation is answered with an error summary');
  await t.audit(trainee, 'evaluation-error', { zoom: false });
  await trainee.click('.error-summary a >> nth=0');
  check(await trainee.evaluate(() => document.activeElement.name === 'effective'), 'the first error link puts focus on the first choice');
}

module.exports = [
  { name: 'pages: live feeds and a missing document', requires: ['/feeds'], run: learnerPages },
  { name: 'pages: trainer upload and the evaluation form', server: 'classroom', requires: ['/trainer/upload', '/class/evaluation'], run: classroomPages },
];
