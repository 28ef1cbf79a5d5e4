// Classroom shortcuts for journeys that need a signed-in trainer or a trainee in a class but
// are not about getting there (journeys/classroom.js walks those steps itself).
'use strict';

const { check } = require('./harness');

/** The trainer's secret link path, from what the classroom server printed at start-up. */
function trainerLink(t) {
  const m = /https?:\/\/\S+(\/trainer\/login\?key=[0-9A-Za-z_-]+)/.exec(t.serverLog());
  check(m, 'the classroom server printed no trainer link (SANDPIT_CLASSROOM_LOG)');
  return m[1];
}

async function signInTrainer(t, page) {
  await t.goto(page, trainerLink(t));
  await t.clickAndWait(page, 'form[action="/trainer/login"] button[type=submit]');
  check(new URL(page.url()).pathname === '/trainer', `the trainer is signed in (${page.url()})`);
}

/** Starts a class from the trainer's home page; returns its code. */
async function startClass(t, page, title) {
  await t.goto(page, '/trainer');
  await page.fill('#title', title);
  await t.clickAndWait(page, 'form[action="/trainer/classes"] button[type=submit]');
  return (await page.locator('.class-code').innerText()).trim();
}

async function joinClass(t, page, code, name) {
  await t.goto(page, '/join');
  await page.fill('#code', code);
  await page.fill('#name', name);
  await t.clickAndWait(page, 'form[action="/join"] button[type=submit]');
  check(new URL(page.url()).pathname === '/class', `${name} joined (${page.url()})`);
}

module.exports = { trainerLink, signInTrainer, startClass, joinClass };
