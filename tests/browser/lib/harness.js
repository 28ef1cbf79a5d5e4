// The browser harness: one headless Chromium (Debian's, through playwright-core), pages that
// may only talk to Sandpit's own host, and the checks every page gets (axe-core, the transfer
// budget, 200% zoom, a screenshot at 1366x768, visible keyboard focus).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The Chromebook budget: every page, cold cache, compressed, all resources together. */
const PAGE_BUDGET_BYTES = 100 * 1000;
const DESKTOP = { width: 1366, height: 768 };
/** 1366x768 at 200% zoom lays out like a 683x384 viewport. */
const ZOOMED = { width: 683, height: 384 };

class Failure extends Error {}

function fail(message) {
  throw new Failure(message);
}

function check(condition, message) {
  if (!condition) fail(typeof message === 'function' ? message() : message);
}

/** Flags from the machine notes: no background traffic to Google's hosts, no sandbox as root. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

async function launch(executablePath) {
  // playwright-core gives every launch a new, empty --user-data-dir of its own.
  return chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'sandpit-chromium-')) },
  });
}

/**
 * Everything a journey uses. One `Session` per journey; it owns the contexts it opens and the
 * problems seen on any of their pages.
 */
class Session {
  constructor({ browser, base, serverLog, screenshots, report, journey }) {
    this.browser = browser;
    this.serverLogFile = serverLog;
    this.base = base.replace(/\/$/, '');
    this.origin = new URL(this.base).origin;
    this.screenshots = screenshots;
    this.report = report;
    this.journey = journey;
    this.contexts = [];
    /** Problems seen by the guards (off-host requests, console errors, failed assets). */
    this.problems = [];
    this.steps = [];
  }

  url(p) {
    return this.base + p;
  }

  /** What the server has printed so far (the trainer's secret is printed at start-up). */
  serverLog() {
    const file = this.serverLogFile;
    return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }

  /** A step of the journey, named so a failure says where it happened. */
  async step(label, fn) {
    this.steps.push(label);
    try {
      return await fn();
    } catch (e) {
      e.message = `step "${label}": ${e.message}`;
      throw e;
    }
  }

  /**
   * A fresh browser context (no cookies, no cache) whose pages may only reach Sandpit.
   * `javaScript: false` checks that the page works without scripts; in such a context use
   * locators only (page.evaluate never returns there).
   */
  async context({ javaScript = true, viewport = DESKTOP, deviceScaleFactor = 1 } = {}) {
    const ctx = await this.browser.newContext({
      viewport,
      deviceScaleFactor,
      javaScriptEnabled: javaScript,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      reducedMotion: 'reduce',
    });
    ctx._sandpitJavaScript = javaScript;
    ctx.setDefaultTimeout(10_000);
    ctx.setDefaultNavigationTimeout(20_000);
    // The network guard: anything not addressed to Sandpit's own origin is refused and recorded.
    await ctx.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('data:') || new URL(url).origin === this.origin) return route.continue();
      this.problems.push(`request to another host refused: ${url}`);
      return route.abort('blockedbyclient');
    });
    this.contexts.push(ctx);
    return ctx;
  }

  /** A new guarded page in `ctx` (or in a new context), with its transfers measured. */
  async page(ctx) {
    const context = ctx || (await this.context());
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        const where = msg.location() && msg.location().url ? ` (${msg.location().url})` : '';
        // "Failed to load resource" repeats what the response guard below already judges (a
        // 400 page for a bad query is the page's answer; a failed asset is caught there).
        if (/^Failed to load resource/.test(msg.text())) return;
        this.problems.push(`console error on ${page.url()}: ${msg.text()}${where}`);
      }
    });
    page.on('pageerror', (err) => this.problems.push(`script error on ${page.url()}: ${err.message}`));
    page.on('response', (resp) => {
      const req = resp.request();
      if (req.resourceType() !== 'document' && resp.status() >= 400) {
        this.problems.push(`${req.resourceType()} ${req.url()} answered ${resp.status()}`);
      }
    });
    // Transfer sizes from the DevTools protocol: encodedDataLength is what crossed the wire
    // (headers and compressed body). The cache is off, so every page is measured cold.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const transfers = new Map();
    page._sandpit = { cdp, transfers };
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.type === 'Document' && e.frameId && e.loaderId === e.requestId) transfers.clear();
      transfers.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0, done: false });
    });
    cdp.on('Network.responseReceived', (e) => {
      const t = transfers.get(e.requestId);
      if (t) {
        t.status = e.response.status;
        t.encoding = headerOf(e.response.headers, 'content-encoding') || 'identity';
      }
    });
    cdp.on('Network.loadingFinished', (e) => {
      const t = transfers.get(e.requestId);
      if (t) Object.assign(t, { bytes: e.encodedDataLength, done: true });
    });
    return page;
  }

  /** Open `p` on a new guarded page (in `ctx` if given); fails on an unexpected status. */
  async open(p, { ctx, status = 200 } = {}) {
    const page = await this.page(ctx);
    await this.goto(page, p, { status });
    return page;
  }

  /** Click `selector` and wait for the page it loads (even at the same address). */
  async clickAndWait(page, selector) {
    await Promise.all([page.waitForEvent('load'), page.click(selector)]);
  }

  async goto(page, p, { status = 200 } = {}) {
    const resp = await page.goto(this.url(p), { waitUntil: 'load' });
    check(resp, `no response for ${p}`);
    check(resp.status() === status, `${p} answered ${resp.status()}, expected ${status}`);
    return resp;
  }

  /**
   * The checks every main page gets, at its current state: the transfer budget, axe-core,
   * 200% zoom, and a screenshot at 1366x768 saved as `<name>.png`.
   */
  async audit(page, name, { budget = true, axe = true, zoom = true, focus = true, aboveFold = [] } = {}) {
    // axe-core and the focus and zoom probes run scripts in the page: audit with JavaScript on
    // (page.evaluate never returns in a context without it).
    check(page.context()._sandpitJavaScript !== false, `${name}: audit pages in a context with JavaScript on`);
    await page.waitForLoadState('load');
    const entry = { page: name, url: page.url().replace(this.origin, '') };
    if (aboveFold.length) await this.aboveFold(page, name, aboveFold);
    if (budget) entry.transfer = await this.budget(page, name);
    if (axe) entry.axe = await this.axe(page, name);
    entry.charts = await this.charts(page, name);
    if (focus) entry.focusStops = await this.focusWalk(page, name);
    if (zoom) entry.zoom = await this.zoom(page, name);
    await this.screenshot(page, name);
    this.report.pages.push(entry);
    return entry;
  }

  async budget(page, name) {
    // Let late requests (a script's first fetch) finish before adding up.
    await page.waitForLoadState('networkidle').catch(() => {});
    const all = [...page._sandpit.transfers.values()];
    const total = all.reduce((n, t) => n + t.bytes, 0);
    const detail = all.map((t) => `${t.type} ${t.url.replace(this.origin, '')} ${t.bytes} B (${t.encoding || '?'})`);
    check(total > 0, `${name}: no transfers measured`);
    check(
      total <= PAGE_BUDGET_BYTES,
      () => `${name}: ${total} bytes transferred, over the ${PAGE_BUDGET_BYTES}-byte budget:\n  ${detail.join('\n  ')}`,
    );
    const uncompressed = all.filter((t) => t.bytes > 1500 && t.encoding === 'identity');
    check(uncompressed.length === 0, () => `${name}: sent without compression: ${uncompressed.map((t) => t.url).join(', ')}`);
    return { bytes: total, requests: all.length, detail };
  }

  /** axe-core in the page; serious and critical violations fail, the rest are reported. */
  async axe(page, name) {
    // Evaluated over the DevTools protocol, so the page's CSP (script-src 'self') still holds.
    const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
    if (!loaded) await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      }),
    );
    const summarise = (v) =>
      `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl.replace(/\?.*$/, '')})\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 240)}`)
        .join('\n');
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = result.violations.filter((v) => !serious.includes(v));
    if (minor.length) {
      this.report.notes.push(`${name}: axe-core (moderate/minor):\n${minor.map(summarise).join('\n')}`);
    }
    check(serious.length === 0, () => `${name}: axe-core found serious or critical violations:\n${serious.map(summarise).join('\n')}`);
    return { violations: result.violations.map((v) => `${v.impact} ${v.id}`), serious: serious.length };
  }

  /**
   * 200% zoom: at half the width (683 CSS pixels) nothing may need sideways scrolling and
   * every control must still be inside the page width.
   */
  async zoom(page, name) {
    const before = page.viewportSize();
    await page.setViewportSize(ZOOMED);
    try {
      const r = await page.evaluate(() => {
        const de = document.documentElement;
        const clipped = [];
        for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) {
          const b = el.getBoundingClientRect();
          if (b.width === 0 && b.height === 0) continue;
          const cs = getComputedStyle(el);
          if (cs.visibility === 'hidden' || el.closest('.visually-hidden, .skip-link')) continue;
          if (b.right > de.clientWidth + 1 || b.left < -1) clipped.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.name || '').trim().slice(0, 40)}" at ${Math.round(b.left)}..${Math.round(b.right)}`);
        }
        return { scrollWidth: de.scrollWidth, width: de.clientWidth, clipped };
      });
      check(r.scrollWidth <= r.width, () => `${name} at 200% zoom: page is ${r.scrollWidth}px wide in a ${r.width}px window (sideways scrolling)`);
      check(r.clipped.length === 0, () => `${name} at 200% zoom: controls outside the window: ${r.clipped.join('; ')}`);
      await this.screenshot(page, `${name}@200`, { fullPage: false });
      return { scrollWidth: r.scrollWidth, width: r.width };
    } finally {
      await page.setViewportSize(before);
    }
  }

  /**
   * Every chart (an SVG not hidden from assistive technology) is an image with a name, and its
   * figure holds a table with the same figures. Returns the number of charts.
   */
  async charts(page, name) {
    const problems = await page.evaluate(() => {
      const out = [];
      let n = 0;
      for (const svg of document.querySelectorAll('svg')) {
        if (svg.closest('[aria-hidden="true"]')) continue;
        n++;
        const label = svg.getAttribute('aria-label') || svg.getAttribute('aria-labelledby');
        if (svg.getAttribute('role') !== 'img' || !label) out.push(`an SVG without role="img" and a label (${svg.outerHTML.slice(0, 80)})`);
        const figure = svg.closest('figure');
        const rows = figure ? figure.querySelectorAll('table tbody tr').length : 0;
        if (!rows) out.push(`the chart "${label}" has no table of its figures in its <figure>`);
      }
      return { n, out };
    });
    check(problems.out.length === 0, () => `${name}: ${problems.out.join('; ')}`);
    return problems.n;
  }

  /** At 1366x768, what the page is for must be on the first screen, without scrolling. */
  async aboveFold(page, name, selectors) {
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const sel of selectors) {
      const box = await page.locator(sel).first().boundingBox();
      check(box, `${name}: ${sel} is not shown`);
      check(
        box.y + box.height <= DESKTOP.height,
        `${name}: ${sel} ends at ${Math.round(box.y + box.height)}px, below the first screen at 1366x768`,
      );
    }
  }

  /**
   * Tab through the whole page from the top: every stop must show a focus ring, on screen.
   * Returns the number of stops. Focus is put back where it was.
   */
  async focusWalk(page, name) {
    const { assertFocusVisible, describe } = require('./keyboard');
    const restore = await page.evaluateHandle(() => document.activeElement);
    await page.evaluate(() => {
      // Move the sequential focus starting point to the top of the document.
      const b = document.body;
      b.setAttribute('tabindex', '-1');
      b.focus();
      b.removeAttribute('tabindex');
    });
    const seen = [];
    try {
      for (let i = 0; i < 300; i++) {
        await page.keyboard.press('Tab');
        const same = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return true;
          if (el.dataset.sandpitWalked) return true;
          el.dataset.sandpitWalked = '1';
          return false;
        });
        if (same) break;
        const s = await assertFocusVisible(page, ` on ${name} (stop ${i + 1})`);
        seen.push(describe(s));
      }
    } finally {
      await page.evaluate((el) => {
        for (const w of document.querySelectorAll('[data-sandpit-walked]')) delete w.dataset.sandpitWalked;
        if (el && el.focus) el.focus({ preventScroll: true });
        window.scrollTo(0, 0);
      }, restore);
    }
    check(seen.length > 0, `${name}: Tab reaches nothing`);
    return seen.length;
  }

  async screenshot(page, name, { fullPage = true } = {}) {
    if (!this.screenshots) return;
    const file = path.join(this.screenshots, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    this.report.screenshots.push(path.basename(file));
  }

  /** Resolves once every context is closed; the guards' findings fail the journey. */
  async close() {
    for (const ctx of this.contexts) await ctx.close().catch(() => {});
    this.contexts = [];
  }
}

function headerOf(headers, name) {
  for (const [k, v] of Object.entries(headers || {})) if (k.toLowerCase() === name) return v;
  return undefined;
}

module.exports = { launch, Session, Failure, fail, check, PAGE_BUDGET_BYTES, DESKTOP, ZOOMED };
