// Opens rekey's HTML reports in Debian's chromium (headless, driven by playwright-core), works their
// filters, sorting and keyboard moves, and prints what it saw as one JSON document for
// HtmlReportBrowserIT to assert on. It also records every network request, dialog, console message
// and Content-Security-Policy violation, and takes screenshots.
// usage: node check-report.mjs CONFIG.json
//   CONFIG: {"chromium": PATH, "playwright": DIR, "shots": DIR,
//            "pages": [{"name", "file", "dark": true to screenshot it dark too,
//                       "control": true for a page that misbehaves on purpose}]}
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { chromium } = createRequire(join(config.playwright, 'package.json'))('playwright-core');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Recorded in the page before its own script runs (not subject to its policy).
function watch() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
}

async function open(browser, file, options) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const seen = { requests: [], dialogs: [], console: [], errors: [] };
  const url = pathToFileURL(file).href;
  context.on('request', (r) => { if (r.url() !== url) { seen.requests.push(r.url()); } });
  page.on('dialog', (d) => { seen.dialogs.push(d.type() + ': ' + d.message()); d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') { seen.console.push(m.text()); } });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  await page.addInitScript(watch);
  await page.goto(url, { waitUntil: 'load' });
  return { context, page, seen };
}

function structure() {
  const text = (e) => (e ? e.textContent.trim() : null);
  const elements = Array.from(document.querySelectorAll('*'));
  return {
    title: document.title,
    sections: Array.from(document.querySelectorAll('main > section')).map((s) => s.id),
    rows: Array.from(document.querySelectorAll('#findings-table tbody tr')).map((r) => ({
      id: r.id.replace(/^row-/, ''), severity: r.dataset.severity, exposure: r.dataset.exposure,
      provider: r.dataset.provider, command: text(r.querySelector('code.cmd')),
    })),
    articles: document.querySelectorAll('article.finding').length,
    timelineRows: document.querySelectorAll('svg.timeline a').length,
    leftBars: document.querySelectorAll('svg.timeline line.left[y1][y2]').length,
    scripts: document.scripts.length,
    injected: {
      elements: elements.filter((e) => /^(IMG|IFRAME|OBJECT|EMBED|B|I|TEXTAREA|BASE)$/.test(e.tagName)).length,
      handlers: elements.filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on'))).length,
      scriptUrls: Array.from(document.querySelectorAll('[href], [src]'))
        .filter((e) => /^\s*(javascript|data:text)/i.test(e.getAttribute('href') || e.getAttribute('src'))).length,
    },
    filtersShown: document.getElementById('filters') ? !document.getElementById('filters').hidden : false,
    status: text(document.getElementById('filter-status')),
    body: document.body.innerText,
    violations: window.__violations || [],
  };
}

const visible = (page) => page.$$eval('#findings-table tbody tr:not([hidden])', (rows) => rows.map((r) => r.id.replace(/^row-/, '')));

// In the page, for each value of each filter: only that value kept (checkboxes clicked the way a
// user does, so their change events run the page's script), the rows left visible; then reset.
function filterAll() {
  const form = document.getElementById('filters');
  const visible = () => Array.from(document.querySelectorAll('#findings-table tbody tr:not([hidden])')).map((r) => r.id.replace(/^row-/, ''));
  const result = {};
  for (const name of ['severity', 'exposure']) {
    const inputs = Array.from(form.querySelectorAll(`input[name="${name}"]`));
    result[name] = {};
    for (const input of inputs) {
      inputs.forEach((other) => { if (other.checked !== (other === input)) { other.click(); } });
      result[name][input.value] = visible();
      inputs.forEach((other) => { if (!other.checked) { other.click(); } });
    }
  }
  const select = form.elements.provider;
  result.provider = {};
  for (const option of Array.from(select.options).filter((o) => o.value !== '')) {
    select.value = option.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    result.provider[option.value] = visible();
  }
  select.value = '';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return result;
}

async function interact(page) {
  const filters = await page.evaluate(filterAll);
  // One filter and the reset through real mouse clicks and a real select.
  await page.uncheck('input[name="severity"][value="critical"]');
  const withoutCritical = await visible(page);
  await page.click('button[type="reset"]');
  const afterReset = await visible(page);
  await page.click('#findings-table thead th:nth-child(8) button'); // Places: ascending
  await page.click('#findings-table thead th:nth-child(8) button'); // then descending
  const byPlaces = await page.$$eval('#findings-table tbody tr', (rows) => rows.map((r) => Number(r.cells[7].dataset.key)));
  await page.click('#findings-table thead th:nth-child(1) button'); // back to priority order
  await page.focus('body');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const focused = await page.evaluate(() => document.activeElement.closest('tr')?.id.replace(/^row-/, '') ?? null);
  return { ...filters, withoutCritical, afterReset, byPlaces, focused };
}

async function media(page) {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  // Printed from a dark system: still dark text on white, rotate commands included.
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  const printFilters = await page.evaluate(() => getComputedStyle(document.getElementById('filters')).display);
  const printed = await page.evaluate(() => {
    const style = (e) => (e ? getComputedStyle(e) : null);
    const cmd = style(document.querySelector('#findings-table td.rotate code.cmd')); // a rotate command
    return { body: style(document.body).backgroundColor, text: style(document.body).color, cmd: cmd ? cmd.color : null };
  });
  await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
  return { dark, light, printFilters, printed };
}

async function withoutScript(browser, file) {
  const { context, page } = await open(browser, file, { javaScriptEnabled: false });
  const facts = await page.evaluate(structure);
  await context.close();
  return { rows: facts.rows.length, filtersShown: facts.filtersShown, sections: facts.sections };
}

// A page that requests and alerts on purpose: proves that the watch above sees both.
async function control(browser, spec) {
  const { context, page, seen } = await open(browser, spec.file, {});
  await page.waitForTimeout(200);
  await context.close();
  return { name: spec.name, seen };
}

async function check(browser, spec) {
  if (spec.control) {
    return control(browser, spec);
  }
  const { context, page, seen } = await open(browser, spec.file, { colorScheme: 'light' });
  const facts = await page.evaluate(structure);
  await page.screenshot({ path: join(config.shots, spec.name + '.png'), fullPage: true });
  const interactions = await interact(page);
  const looks = await media(page);
  if (spec.dark) {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(config.shots, spec.name + '-dark.png') });
  }
  facts.violations = await page.evaluate(() => window.__violations);
  await context.close();
  const noScript = await withoutScript(browser, spec.file);
  return { name: spec.name, ...facts, interactions, seen, media: looks, noScript };
}

const browser = await chromium.launch({ executablePath: config.chromium, headless: true, args: FLAGS });
try {
  const results = [];
  for (const spec of config.pages) {
    results.push(await check(browser, spec));
  }
  process.stdout.write(JSON.stringify(results));
} finally {
  await browser.close();
}
