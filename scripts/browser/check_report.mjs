// check_report.mjs: drives headless Chromium over rendered HTML reports and
// checks what a reader relies on: no network requests, delta activation
// highlights evidence on both sides, cue tooltips on keyboard focus, category
// filters, a usable 375 px layout, the page readable without script, and
// (with axe-core) no serious accessibility violations. Prints timings and
// screenshot paths; exits non-zero on the first failed page.
//
//   node check_report.mjs --out DIR --modules DIR [--chromium PATH] PAGE.html...
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = { out: '.', modules: '.', chromium: '/usr/bin/chromium', pages: [] };
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') opt.out = args[++i];
  else if (args[i] === '--modules') opt.modules = args[++i];
  else if (args[i] === '--chromium') opt.chromium = args[++i];
  else opt.pages.push(args[i]);
}
const require = createRequire(path.join(path.resolve(opt.modules), 'package.json'));
const { chromium } = require('playwright-core');
let axePath = null;
try { axePath = require.resolve('axe-core/axe.min.js'); } catch { axePath = null; }

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const browser = await chromium.launch({
  executablePath: opt.chromium,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function checkPage(file) {
  const name = path.basename(file, '.html');
  const url = pathToFileURL(path.resolve(file)).href;
  console.log(`# ${file}`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  context.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  // Anything that is not the file itself is refused, and counted above.
  await context.route(/^(?!file:|data:|about:)/, (route) => route.abort());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const wall = Date.now() - t0;
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      ready: Number(document.documentElement.getAttribute('data-ready') || -1),
      interactive: nav ? Math.round(nav.domInteractive) : -1,
      loaded: nav ? Math.round(nav.loadEventEnd) : -1,
      bytes: document.documentElement.outerHTML.length,
    };
  });
  console.log(`time: script ready at ${timing.ready} ms, DOM interactive at ${timing.interactive} ms, ` +
              `load at ${timing.loaded} ms, goto() wall ${wall} ms (${timing.bytes} chars)`);
  check(timing.ready >= 0, 'the inline script ran');
  check(errors.length === 0, `no script errors ${errors.join(' | ')}`);

  // Delta activation: the first delta with evidence on both sides.
  const target = await page.evaluate(() => {
    for (const li of document.querySelectorAll('li.delta')) {
      if (!li.querySelector('a.dlink')) continue;
      const pair = li.closest('article.pair');
      const sides = pair ? pair.querySelectorAll('.sbs > .side') : [];
      if (sides.length < 2) continue;
      const sel = `.ev[data-d="${li.id}"]`;
      if (sides[0].querySelector(sel) && sides[1].querySelector(sel)) return li.id;
    }
    return null;
  });
  check(target !== null, 'a delta with evidence on both sides exists');
  if (target) {
    await page.click(`#${target} a.dlink`);
    const state = await page.evaluate((id) => {
      const li = document.getElementById(id);
      const sides = li.closest('article.pair').querySelectorAll('.sbs > .side');
      const lit = (side) => [...side.querySelectorAll(`.ev[data-d="${id}"]`)]
        .every((e) => e.classList.contains('on') && getComputedStyle(e).outlineStyle !== 'none');
      const count = (side) => side.querySelectorAll(`.ev[data-d="${id}"]`).length;
      return { a: lit(sides[0]) && count(sides[0]) > 0, b: lit(sides[1]) && count(sides[1]) > 0,
               active: li.classList.contains('active'), others: document.querySelectorAll('.ev.on').length,
               mine: document.querySelectorAll(`.ev[data-d="${id}"]`).length };
    }, target);
    check(state.a && state.b, `clicking ${target} highlights its evidence on both sides`);
    check(state.active && state.others === state.mine, 'only that delta\'s evidence is lit');
    // Keyboard: Enter on another delta's link moves the highlight.
    const next = await page.evaluate((id) => {
      const all = [...document.querySelectorAll('li.delta')].filter((li) => li.id !== id && li.querySelector('a.dlink'));
      return all.length ? all[0].id : null;
    }, target);
    if (next) {
      await page.focus(`#${next} a.dlink`);
      await page.keyboard.press('Enter');
      const moved = await page.evaluate(([a, b]) => ({
        off: document.querySelectorAll(`.ev.on[data-d="${a}"]`).length === 0,
        on: document.querySelectorAll(`.ev.on[data-d="${b}"]`).length > 0,
      }), [target, next]);
      check(moved.off && moved.on, `Enter on ${next} moves the highlight`);
      await page.keyboard.press('Escape');
    }
  }

  // Cue tooltip on keyboard focus.
  const tip = await page.evaluate(() => {
    const cue = document.querySelector('.cue[tabindex]');
    if (!cue) return null;
    cue.focus();
    return { title: cue.getAttribute('title'), after: getComputedStyle(cue, '::after').content };
  });
  if (tip) {
    check(tip.title && tip.title.length > 0 && tip.after.includes(tip.title.slice(0, 10)),
          'a focused cue shows its rule, category and rationale');
  }

  // Category filters (script-only).
  const filter = await page.evaluate(() => {
    const box = document.querySelector('#filters input[data-cat]');
    if (!box) return null;
    const cat = box.getAttribute('data-cat');
    const cue = document.querySelector(`main .txt .${cat}`);
    const before = cue ? getComputedStyle(cue).textDecorationLine : '';
    box.click();
    const after = cue ? getComputedStyle(cue).textDecorationLine : '';
    box.click();
    return { visible: !document.getElementById('filters').hidden, before, after, cat };
  });
  if (filter) {
    check(filter.visible, 'filters are shown when the script runs');
    check(filter.before.includes('underline') && filter.after === 'none', `unchecking ${filter.cat} hides its cues`);
  }

  await page.evaluate(() => window.scrollTo(0, 0));
  const desktop = path.join(opt.out, `${name}-desktop.png`);
  await page.screenshot({ path: desktop });
  const full = path.join(opt.out, `${name}-full.png`);
  await page.screenshot({ path: full, fullPage: true });
  console.log(`screenshot: ${desktop}`);
  console.log(`screenshot: ${full}`);

  // A pair, side by side, with a delta active.
  const pairShot = path.join(opt.out, `${name}-pair.png`);
  const firstPair = await page.$('article.pair');
  if (firstPair) {
    if (target) await page.click(`#${target} a.dlink`);
    await firstPair.screenshot({ path: pairShot });
    console.log(`screenshot: ${pairShot}`);
  }

  // Dark mode.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => window.scrollTo(0, 0));
  const dark = path.join(opt.out, `${name}-dark.png`);
  await page.screenshot({ path: dark });
  console.log(`screenshot: ${dark}`);
  await page.emulateMedia({ colorScheme: 'light' });

  // Accessibility (axe-core), desktop layout, light and dark colour schemes.
  if (axePath) {
    await page.addScriptTag({ path: axePath });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(document, { resultTypes: ['violations'] });
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length,
                                          first: v.nodes[0] ? v.nodes[0].target.join(' ') : '' }));
      });
      for (const v of result) console.log(`axe (${scheme}): ${v.impact} ${v.id} (${v.nodes} nodes, e.g. ${v.first})`);
      const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      check(serious.length === 0,
            `axe-core (${scheme}): no serious or critical violations (${result.length} in all)`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  } else {
    console.log('SKIP: axe-core not installed');
  }

  // Print: the print style sheet, as a PDF to look at.
  const pdf = path.join(opt.out, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  console.log(`print: ${pdf}`);

  // 375 px: nothing wider than the screen except inside the matrix's own scroller.
  await page.setViewportSize({ width: 375, height: 812 });
  const narrow = await page.evaluate(() => {
    const sides = [...document.querySelectorAll('article.pair .sbs > .side')].slice(0, 2);
    return {
      width: document.documentElement.scrollWidth,
      stacked: sides.length < 2 || sides[0].getBoundingClientRect().left === sides[1].getBoundingClientRect().left,
    };
  });
  check(narrow.width <= 375, `no horizontal scrolling at 375 px (page is ${narrow.width} px wide)`);
  check(narrow.stacked, 'side-by-side texts stack at 375 px');
  await page.evaluate(() => window.scrollTo(0, 0));
  const mobile = path.join(opt.out, `${name}-375.png`);
  await page.screenshot({ path: mobile });
  console.log(`screenshot: ${mobile}`);

  check(requests.length === 0, `no network requests ${requests.slice(0, 5).join(' ')}`);
  await context.close();

  // Without script: everything is there, filters stay hidden, anchors work.
  const off = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const p2 = await off.newPage();
  await p2.goto(url, { waitUntil: 'load' });
  const noScript = await p2.evaluate(() => ({
    filtersHidden: document.getElementById('filters') ? document.getElementById('filters').hidden : true,
    evidence: document.querySelectorAll('.ev').length,
    matrix: document.querySelectorAll('table.matrix tbody tr').length,
    ready: document.documentElement.hasAttribute('data-ready'),
  }));
  check(!noScript.ready && noScript.filtersHidden && noScript.matrix > 0,
        `readable without script (${noScript.matrix} matrix rows, ${noScript.evidence} evidence marks)`);
  const link = await p2.$('a.dlink');
  if (link) {
    const href = await link.getAttribute('href');
    await link.click();
    const targeted = await p2.evaluate((h) => {
      const el = document.querySelector(':target');
      return el ? '#' + el.id === h && getComputedStyle(el).outlineStyle !== 'none' : false;
    }, href);
    check(targeted, 'without script, a delta link jumps to its marked evidence');
  }
  await off.close();
}

for (const p of opt.pages) {
  if (!fs.existsSync(p)) { check(false, `page exists: ${p}`); continue; }
  await checkPage(p);
}
await browser.close();
console.log(failures.length ? `${failures.length} check(s) failed` : 'all browser checks passed');
process.exit(failures.length ? 1 : 0);
