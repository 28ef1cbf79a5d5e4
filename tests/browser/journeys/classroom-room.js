// A real room on the classroom server, where every Chromebook reaches Sandpit from one address
// (here 127.0.0.1): the room's typos of the class code never hold the address, far guesses do
// and the trainer clears the hold; a trainee leaves, the class closes, and they come back with
// their rejoin word; two people typing the same name are not merged, and the trainer merges two
// entries of one person. Keyboard only where it says so; every new page audited (axe and all).
'use strict';

const { check } = require('../lib/harness');
const { tabTo, retype, pressAndWait, settleFocus } = require('../lib/keyboard');
const { signInTrainer, startClass, joinClass } = require('../lib/classroom');

/** Typos of `code`: one character wrong, one missing, two neighbours swapped. */
function typos(code) {
  const out = [];
  for (let i = 0; i < code.length; i++) {
    out.push(code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1));
    out.push(code.slice(0, i) + code.slice(i + 1));
    if (i + 1 < code.length && code[i] !== code[i + 1]) {
      out.push(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2));
    }
  }
  return out;
}

/** A code of the right shape with nothing in common with `code`: a guess. */
function farGuess(code, n) {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let s = '';
  for (let i = 0; i < 6; i++) {
    let k = (n * 7 + i * 3) % alphabet.length;
    while (code.includes(alphabet[k])) k = (k + 1) % alphabet.length;
    s += alphabet[k];
  }
  return s;
}

/** Sends the join form as a browser would, without a page load (fast, for many tries). */
async function postJoin(t, page, fields) {
  const resp = await page.request.post(t.url('/join'), { form: fields, maxRedirects: 0 });
  return resp.status();
}

/** The class's page path, from the trainer's page after starting it. */
function classPath(page) {
  return new URL(page.url()).pathname;
}

async function roomWithTypos(t) {
  const trainer = await t.page(await t.context());
  await signInTrainer(t, trainer);
  const code = await startClass(t, trainer, 'Room behind one address');
  const cls = classPath(trainer);
  const trainee = await t.page(await t.context());
  await t.step('the room mistypes the code 40 times from one address', async () => {
    const slips = typos(code);
    for (let i = 0; i < 40; i++) {
      const status = await postJoin(t, trainee, { code: slips[i % slips.length], name: `Room ${i}` });
      check(status === 400, `typo ${slips[i % slips.length]} answered ${status}`);
    }
  });
  await t.step('one more typo, by keyboard, then the right code joins', async () => {
    await t.goto(trainee, '/join');
    await tabTo(trainee, '#code');
    await retype(trainee, slipsFirst(code));
    await tabTo(trainee, '#name');
    await retype(trainee, 'Tam Typo');
    await tabTo(trainee, 'form[action="/join"] button[type=submit]');
    await pressAndWait(trainee, 'Enter');
    const msg = await trainee.locator('#code-error').innerText();
    check(/Check it with your trainer/.test(msg), `the typo is told to check the code: "${msg}"`);
    await t.audit(trainee, 'room-join-typo');
    await tabTo(trainee, '#code');
    await retype(trainee, code.toLowerCase());
    await tabTo(trainee, 'form[action="/join"] button[type=submit]');
    await pressAndWait(trainee, 'Enter', /\/class$/);
  });
  await t.step('the trainer sees the typos, which hold nothing', async () => {
    await t.goto(trainer, `${cls}/trainees`);
    const holds = await trainer.locator('table.holds').innerText();
    check(/Joining from 127\.0\.0\.1/.test(holds), `the address is listed: ${holds.slice(0, 200)}`);
    check(!/Held/.test(holds), 'typos hold nothing');
    await t.audit(trainer, 'trainer-trainees', { aboveFold: ['h1'] });
  });
  await t.step('far guesses are held, and the trainer clears the hold by keyboard', async () => {
    let last = 0;
    for (let n = 0; n <= 30; n++) last = await postJoin(t, trainee, { code: farGuess(code, n), name: 'Guesser' });
    check(last === 429, `the 31st far guess is held (${last})`);
    await t.goto(trainer, `${cls}/trainees`);
    check(/Held/.test(await trainer.locator('table.holds').innerText()), 'the hold is shown');
    await tabTo(trainer, 'table.holds tr:has-text("Joining from 127.0.0.1") button[type=submit]');
    await pressAndWait(trainer, 'Enter', /done=cleared/);
    await settleFocus(trainer);
    const focused = await trainer.evaluate(() => document.activeElement && document.activeElement.id);
    check(focused === 'done', `the note of what was done has the focus (${focused})`);
    check(/Cleared the hold/.test(await trainer.locator('#done').innerText()), 'the hold is cleared');
    const status = await postJoin(t, trainee, { code, name: 'Guesser' });
    check(status === 303, `the right code joins again (${status})`);
  });
}

function slipsFirst(code) {
  return typos(code)[0];
}

async function rejoinAfterClose(t) {
  const trainer = await t.page(await t.context());
  await signInTrainer(t, trainer);
  const code = await startClass(t, trainer, 'Rejoin after close');
  const cls = classPath(trainer);
  const trainee = await t.page(await t.context());
  let word;
  await t.step('a trainee joins and sees their rejoin word', async () => {
    await joinClass(t, trainee, code, 'Rae Rejoin');
    word = (await trainee.locator('.class-bar .rejoin-word').innerText()).trim();
    check(/^[a-z]+\d\d$/.test(word), `a word and two digits: "${word}"`);
  });
  await t.step('"Leave this computer" shows the word before leaving (keyboard)', async () => {
    await tabTo(trainee, 'a[href="/leave"]');
    await pressAndWait(trainee, 'Enter', /\/leave$/);
    check((await trainee.locator('.rejoin-panel').innerText()).includes(word), 'the leave page shows the word');
    await t.audit(trainee, 'leave');
    await tabTo(trainee, 'form[action="/leave"] button[type=submit]');
    await pressAndWait(trainee, 'Enter', /\/join\?left=1$/);
  });
  await t.step('the trainer closes the class to new joins', async () => {
    await t.clickAndWait(trainer, `form[action="${cls}/open"] button[type=submit]`);
  });
  await t.step('coming back without the word asks for it; with it, back in (keyboard)', async () => {
    await t.goto(trainee, '/join');
    await tabTo(trainee, '#code');
    await retype(trainee, code);
    await tabTo(trainee, '#name');
    await retype(trainee, ' rae  REJOIN ');
    await tabTo(trainee, 'form[action="/join"] button[type=submit]');
    await pressAndWait(trainee, 'Enter');
    const msg = await trainee.locator('#rejoin-error').innerText();
    check(/has already joined/.test(msg) && /rejoin word/.test(msg), `asked for the word: "${msg}"`);
    await t.audit(trainee, 'join-rejoin-word', { aboveFold: ['.error-summary'] });
    await tabTo(trainee, '#rejoin');
    await retype(trainee, word.toUpperCase());
    await tabTo(trainee, 'form[action="/join"] button[type=submit]');
    await pressAndWait(trainee, 'Enter', /\/class$/);
    check((await trainee.locator('.class-bar').innerText()).includes('Rae Rejoin'), 'back in as themselves');
  });
  await t.step('a stranger is still refused', async () => {
    const stranger = await t.page(await t.context());
    await t.goto(stranger, '/join');
    await stranger.fill('#code', code);
    await stranger.fill('#name', 'Stan Stranger');
    await t.clickAndWait(stranger, 'form[action="/join"] button[type=submit]');
    check(/closed to new joins/.test(await stranger.locator('#code-error').innerText()), 'closed to strangers');
  });
}

async function duplicateNames(t) {
  const trainer = await t.page(await t.context());
  await signInTrainer(t, trainer);
  const code = await startClass(t, trainer, 'Two Aishas');
  const cls = classPath(trainer);
  const first = await t.page(await t.context());
  const second = await t.page(await t.context());
  await t.step('two Chromebooks type the same name: the second is not merged', async () => {
    await joinClass(t, first, code, ' aisha  KHAN ');
    await t.goto(second, '/join');
    await second.fill('#code', code);
    await second.fill('#name', 'Aisha Khan');
    await t.clickAndWait(second, 'form[action="/join"] button[type=submit]');
    check(new URL(second.url()).pathname === '/join', 'the second Aisha is not let in');
    const msg = await second.locator('#rejoin-error').innerText();
    check(/add an initial/.test(msg), `told to add an initial: "${msg}"`);
    await second.fill('#name', 'Aisha Khan B');
    await t.clickAndWait(second, 'form[action="/join"] button[type=submit]');
    check(new URL(second.url()).pathname === '/class', 'with an initial, a trainee of their own');
  });
  await t.step('the trainer sees both, with their words, and merges by keyboard', async () => {
    await t.goto(trainer, `${cls}/trainees`);
    const rows = trainer.locator('table.trainees tbody tr');
    check((await rows.count()) === 2, 'two trainees');
    // The row whose name cell is "Aisha Khan B" (the other row offers that name in its list).
    const row = 'table.trainees tr:has(td:first-child:text-is("Aisha Khan B"))';
    await tabTo(trainer, `${row} select`);
    await tabTo(trainer, `${row} form[action$="/merge"] button`);
    await pressAndWait(trainer, 'Enter');
    const asked = await trainer.locator('h1').innerText();
    check(/Merge Aisha Khan B into aisha KHAN\?/.test(asked), `asked first: "${asked}"`);
    await t.audit(trainer, 'trainer-merge-confirm');
    await tabTo(trainer, 'form[action$="/merge"] button[type=submit]');
    await pressAndWait(trainer, 'Enter', /done=merged/);
    await settleFocus(trainer);
    const focused = await trainer.evaluate(() => document.activeElement && document.activeElement.id);
    check(focused === 'done', `the note of what was done has the focus (${focused})`);
    check((await rows.count()) === 1, 'one trainee left');
  });
  await t.step('the trainer renames by keyboard', async () => {
    await tabTo(trainer, 'table.trainees input[name=name]');
    await retype(trainer, 'Aisha Khan');
    await tabTo(trainer, 'table.trainees form[action$="/rename"] button');
    await pressAndWait(trainer, 'Enter', /done=renamed/);
    check(/now Aisha Khan/.test(await trainer.locator('#done').innerText()), 'the rename is confirmed');
  });
}

module.exports = [
  { name: 'classroom room: typos from one address never hold it; the trainer clears a hold (keyboard)', server: 'classroom', requires: ['/join'], run: roomWithTypos },
  { name: 'classroom room: rejoin after close with the rejoin word (keyboard)', server: 'classroom', requires: ['/join'], run: rejoinAfterClose },
  { name: 'classroom room: duplicate names are not merged; the trainer merges and renames (keyboard)', server: 'classroom', requires: ['/join'], run: duplicateNames },
];
