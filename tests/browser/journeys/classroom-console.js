// The trainer's console and the presenter view, on a `sandpit serve --classroom` server.
// 1. The presenter view on a projector: two trainees with distinctive names join and answer,
//    the trainer shares one answer and the model answer; every presenter page, at 1366x768 and
//    at 1920x1080 with 150% zoom (a 1280x720 layout at device scale 1.5), is legible (body text
//    28 px or more, the class code 120 px or more), fits the width, and has no name anywhere in
//    its HTML. The live board shows all its cards on the first screen.
// 2. The console with the keyboard alone: move an exercise down twice and lock it; each time the
//    page confirms it (role=status) and focus is back on the moved row's button.
'use strict';

const { check } = require('../lib/harness');
const { tabTo, settleFocus } = require('../lib/keyboard');
const { signInTrainer, startClass, joinClass } = require('../lib/classroom');

const MONITOR = 'storm-01-sandbags';
const REWRITE = 'storm-17-rewrite-library';
const TRIAGE_OR_OTHER = 'storm-02-rest-centre';
const NAMES = ['Xanthippe Marchbanks', 'Ignatius Fairweather-Oduya'];
const SHARED = 'PRESENTERTEST Port Ellis Library reopens on Saturday at 9am';

/** Starts a class with these exercises, chosen on the picker; returns [classUrl, code]. */
async function classWith(t, page, title, exercises) {
  const code = await startClass(t, page, title);
  const classUrl = new URL(page.url()).pathname;
  await t.goto(page, `${classUrl}/exercises`);
  for (const id of exercises) await page.check(`#ex-${id}`);
  await t.clickAndWait(page, '.save-bar button[type=submit]');
  return [classUrl, code];
}

async function answer(t, page, exercise, text) {
  await t.goto(page, `/exercises/${exercise}`);
  await page.fill('#answer', text);
  await t.clickAndWait(page, 'form[action$="/attempts"] button[type=submit]');
}

/** Legibility, width and names of the presenter page now open. */
async function presenterChecks(page, label, { code = false } = {}) {
  const r = await page.evaluate((names) => {
    const de = document.documentElement;
    const small = [];
    const outside = [];
    for (const el of document.querySelectorAll('main *')) {
      if (el.closest('svg, .visually-hidden, .skip-link')) continue;
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const text = el.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
      if (size < 28) small.push(`${el.tagName.toLowerCase()} "${text}" at ${size}px`);
      const b = el.getBoundingClientRect();
      if (b.width && (b.right > de.clientWidth + 1 || b.left < -1)) outside.push(`"${text}" at ${Math.round(b.left)}..${Math.round(b.right)}`);
    }
    const html = de.outerHTML;
    const parts = names.flatMap((n) => n.split(/[ -]/));
    const codeEl = document.querySelector('.present-code');
    return {
      small,
      outside,
      named: parts.filter((p) => html.includes(p)),
      scrollWidth: de.scrollWidth,
      width: de.clientWidth,
      codeSize: codeEl ? parseFloat(getComputedStyle(codeEl).fontSize) : 0,
      bodySize: parseFloat(getComputedStyle(document.querySelector('main p') || document.body).fontSize),
    };
  }, NAMES);
  check(r.named.length === 0, `${label}: the page contains a trainee's name (${r.named.join(', ')})`);
  check(r.small.length === 0, () => `${label}: text smaller than 28px: ${r.small.slice(0, 5).join('; ')}`);
  check(r.scrollWidth <= r.width, `${label}: ${r.scrollWidth}px wide in a ${r.width}px window (sideways scrolling)`);
  check(r.outside.length === 0, () => `${label}: cut off at the sides: ${r.outside.slice(0, 5).join('; ')}`);
  if (code) check(r.codeSize >= 120, `${label}: the class code is ${r.codeSize}px, under 120px`);
  return r;
}

async function presenter(t) {
  const trainer = await t.page(await t.context());
  await signInTrainer(t, trainer);
  const [classUrl, code] = await t.step('a class with two exercises', () =>
    classWith(t, trainer, 'Presenter test', [MONITOR, REWRITE, TRIAGE_OR_OTHER]),
  );
  await t.step('two trainees join and answer', async () => {
    for (const [i, name] of NAMES.entries()) {
      const p = await t.page(await t.context());
      await joinClass(t, p, code, name);
      await answer(t, p, MONITOR, i === 0 ? 'sandbag OR sandbags OR "sand bags"' : '(sandbag');
      await answer(t, p, REWRITE, i === 0 ? SHARED : 'library open');
    }
  });
  await t.step('the trainer shares an answer and the model answer', async () => {
    await t.goto(trainer, `${classUrl}/board/${REWRITE}`);
    await t.clickAndWait(trainer, `table.answers >> nth=0 >> tr:has-text("${NAMES[0]}") button[type=submit]`);
    await t.clickAndWait(trainer, `form[action="${classUrl}/reveals"]:not(:has(input[name=attempt])) button[type=submit]`);
  });
  await t.step('the live board shows every card on the first screen', async () => {
    await t.goto(trainer, `${classUrl}/board`);
    const cards = await trainer.locator('.board-card').count();
    check(cards === 3, `three cards (${cards})`);
    await t.aboveFold(trainer, 'live-board', ['.board-card >> nth=0', '.board-card >> nth=2']);
    const size = await trainer.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.class-code-small')).fontSize));
    check(size >= 48, `the board's class code is ${size}px`);
    await t.screenshot(trainer, 'live-board', { fullPage: false });
    await t.goto(trainer, classUrl);
    const grid = await trainer.locator('.console-grid').innerText();
    check(NAMES.every((n) => grid.includes(n)), 'the console (the trainer\'s own screen) names the trainees');
    await t.screenshot(trainer, 'trainer-console-grid');
  });

  const pages = [
    ['present-join', `${classUrl}/present`, { code: true }],
    ['present-board', `${classUrl}/present/board`, {}],
    ['present-debrief', `${classUrl}/present/debrief/${REWRITE}`, {}],
  ];
  const sizes = [
    ['1366x768', { viewport: { width: 1366, height: 768 } }],
    ['1920x1080 at 150%', { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 }],
  ];
  for (const [size, opts] of sizes) {
    const ctx = await t.context(opts);
    const p = await t.page(ctx);
    await signInTrainer(t, p);
    for (const [name, url, o] of pages) {
      await t.step(`${name} at ${size}`, async () => {
        await t.goto(p, url);
        await presenterChecks(p, `${name} at ${size}`, o);
        if (size === '1366x768') {
          if (name === 'present-join') await t.aboveFold(p, name, ['.present-code', '.present-qr']);
          if (name === 'present-debrief') {
            const text = await p.locator('main').innerText();
            check(text.includes(SHARED), 'the shared answer is on the debrief');
            check(/Port Ellis Library reopens at 9am/.test(text), 'the model answer is on the debrief');
            check(/Cannot be graded|Leaves out/.test(text), 'a common mistake is on the debrief');
          }
          await t.audit(p, name, { focus: false, zoom: name === 'present-board' });
        }
      });
    }
  }
  await t.step('the countdown ticks, and says its end without scripts', async () => {
    const p = await t.page(await t.context());
    await signInTrainer(t, p);
    await t.goto(p, `${classUrl}/present/board`);
    await p.fill('#minutes', '5');
    await t.clickAndWait(p, '.countdown-form button[type=submit]');
    check(/ends=/.test(p.url()), `the end time is in the address (${p.url()})`);
    await p.waitForFunction(() => /^[45]:\d\d left/.test(document.querySelector('.countdown-left').textContent), null, { timeout: 3000 });
    await presenterChecks(p, 'present-board with a countdown');
    const noScript = await t.page(await t.context({ javaScript: false }));
    await signInTrainer(t, noScript);
    await t.goto(noScript, new URL(p.url()).pathname + new URL(p.url()).search);
    const said = await noScript.locator('#countdown').innerText();
    check(/Time is up at \d\d:\d\d/.test(said), `without scripts the end time is stated: "${said}"`);
  });
}

async function keyboardConsole(t) {
  const trainer = await t.page(await t.context());
  await signInTrainer(t, trainer);
  const [classUrl] = await t.step('a class with three exercises', () =>
    classWith(t, trainer, 'Keyboard console', [MONITOR, TRIAGE_OR_OTHER, REWRITE]),
  );
  await t.goto(trainer, classUrl);
  await t.audit(trainer, 'trainer-console', { aboveFold: ['.class-code', '.release button'] });
  const button = (id, dir) => `#row-${id} form[action$="/move"]:has(input[value="${dir}"]) button`;
  const focused = async () => {
    await settleFocus(trainer);
    return whereFocusIs();
  };
  const whereFocusIs = () => trainer.evaluate(() => {
    const el = document.activeElement;
    const row = el && el.closest('tr');
    return { row: row ? row.id : '', text: (el.textContent || '').trim().replace(/\s+/g, ' ') };
  });
  const status = async () => (await trainer.locator('#exercises-status').innerText()).trim();

  await t.step('move the first exercise down with the keyboard', async () => {
    await tabTo(trainer, button(MONITOR, 'down'));
    await Promise.all([trainer.waitForEvent('load'), trainer.keyboard.press('Enter')]);
    const f = await focused();
    check(f.row === `row-${MONITOR}` && f.text.startsWith('Down'), `focus is back on the moved row's Down button (${JSON.stringify(f)})`);
    check(/^Moved “.+” to place 2 of 3\.$/.test(await status()), `confirmed: "${await status()}"`);
  });
  await t.step('and down again, to the end: focus on its Up button', async () => {
    await Promise.all([trainer.waitForEvent('load'), trainer.keyboard.press('Enter')]);
    const f = await focused();
    check(f.row === `row-${MONITOR}` && f.text.startsWith('Up'), `focus is on the last row's Up button (${JSON.stringify(f)})`);
    check(/place 3 of 3/.test(await status()), `confirmed: "${await status()}"`);
    const order = await trainer.locator('main table tbody tr').evaluateAll((rows) => rows.map((r) => r.id));
    check(order[2] === `row-${MONITOR}`, `the exercise is last: ${order}`);
  });
  await t.step('lock it and release all, with the keyboard', async () => {
    await tabTo(trainer, `#row-${MONITOR} form[action$="/lock"] button`);
    await Promise.all([trainer.waitForEvent('load'), trainer.keyboard.press('Enter')]);
    const f = await focused();
    check(f.row === `row-${MONITOR}` && f.text.startsWith('Reopen'), `focus on Reopen (${JSON.stringify(f)})`);
    check(/^Locked “/.test(await status()), `confirmed: "${await status()}"`);
    await tabTo(trainer, '.release button[value="lock-all"]', { back: true });
    await Promise.all([trainer.waitForEvent('load'), trainer.keyboard.press('Enter')]);
    check((await status()) === 'Locked all 3 exercises: no new attempts.', `confirmed: "${await status()}"`);
    check((await trainer.locator('main table .tag', { hasText: 'Locked' }).count()) === 3, 'all three show Locked');
  });
}

module.exports = [
  { name: 'console: the presenter view is legible and names nobody', server: 'classroom', requires: ['/join'], run: presenter },
  { name: 'console: keyboard only, focus stays on the moved row', server: 'classroom', requires: ['/join'], run: keyboardConsole },
];
