// Keyboard-only helpers: move with Tab and Shift+Tab, act with Enter and Space, type into the
// focused field. No clicks. Every element focused on the way must show where focus is.
'use strict';

const { check, fail } = require('./harness');

/** What has focus, and whether it visibly shows it (an outline or a box-shadow ring). */
async function focusState(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { none: true };
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
    const shadow = cs.boxShadow && cs.boxShadow !== 'none';
    const r = el.getBoundingClientRect();
    const label = (el.getAttribute('aria-label') || el.textContent || el.value || el.name || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    return {
      none: false,
      tag: el.tagName.toLowerCase(),
      id: el.id,
      label,
      visible: outline || shadow,
      style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
      onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
  });
}

function describe(s) {
  return s.none ? 'nothing (the page body)' : `<${s.tag}${s.id ? ' id=' + s.id : ''}> "${s.label}"`;
}

async function assertFocusVisible(page, where = '') {
  const s = await focusState(page);
  if (s.none) return s;
  check(s.visible, () => `focus on ${describe(s)} is not visible${where} (${s.style})`);
  check(s.onScreen, () => `focused ${describe(s)} is off screen${where}`);
  return s;
}

/**
 * Tab (or Shift+Tab with `back`) until the element `selector` has focus, checking the focus
 * ring of every element passed on the way.
 */
async function tabTo(page, selector, { back = false, max = 80 } = {}) {
  const target = page.locator(selector).first();
  await target.waitFor({ state: 'attached' });
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const s = await assertFocusVisible(page, ` while tabbing to ${selector}`);
    seen.push(describe(s));
    if (await target.evaluate((el) => el === document.activeElement)) return i + 1;
  }
  fail(`could not reach ${selector} with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses; focus went: ${seen.slice(0, 30).join(' → ')}`);
}

/**
 * Press a key on the focused element and wait for the new page it loads (which may have the
 * same address, as a form that posts to itself); `urlPattern`, if given, must then match.
 */
async function pressAndWait(page, key, urlPattern) {
  await Promise.all([page.waitForEvent('load'), page.keyboard.press(key)]);
  if (urlPattern) check(urlPattern.test(page.url()), `after ${key}, the page is ${page.url()}, not ${urlPattern}`);
}

/** Select what is in the focused text field and type over it. */
async function retype(page, text) {
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/**
 * Waits (up to 2 s) for focus to leave the body after a page load: Chromium applies `autofocus`
 * at a rendering update, which may come after the load event. Returns nothing; read the focus
 * afterwards.
 */
async function settleFocus(page) {
  await page
    .waitForFunction(() => document.activeElement && document.activeElement !== document.body, null, { timeout: 2000 })
    .catch(() => {});
}

module.exports = { focusState, assertFocusVisible, tabTo, pressAndWait, retype, describe, settleFocus };
