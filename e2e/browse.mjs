// Browse Storyline as a person would, in Debian's Chromium (headless), and
// save a screenshot of each page. Usage: node browse.mjs BASE_URL SHOT_DIR
// Exits non-zero (with the reason) when a page does not show what it should.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, shots] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
const shot = (name) => page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });

try {
  // 1. The story list, largest first, then filtered by an entity.
  await page.goto(`${base}/?order=largest`);
  assert.equal(await page.locator('h1').innerText(), 'Stories');
  const stories = page.locator('ul.stories > li');
  assert.ok((await stories.count()) >= 10, 'the list shows stories');
  await shot('stories');
  await page.fill('input[name=entity]', 'Tara Reid');
  await page.click('button[type=submit]');
  await page.waitForURL(/entity=Tara/);
  const first = page.locator('ul.stories > li a').first();
  assert.match(await first.innerText(), /Reid|rehab|Promises/i, 'the filter finds the Tara Reid story');

  // 2. A story: headline, key entities, timeline.
  await first.click();
  await page.waitForURL(/\/stories\/\d+/);
  assert.ok((await page.locator('table tbody tr').count()) >= 3, 'the timeline lists articles');
  const chips = await page.locator('ul.chips').first().innerText();
  assert.match(chips, /Reid/, 'key entities name Tara Reid');
  await shot('story');

  // 3. An article and its related coverage.
  await page.locator('table tbody tr td a').first().click();
  await page.waitForURL(/\/articles\//);
  assert.equal(await page.locator('h2').first().innerText(), 'Related coverage');
  const related = page.locator('table tbody tr');
  assert.ok((await related.count()) >= 1, 'related coverage is listed');
  await shot('article');

  // 4. Compare it with its most related article.
  await page.locator('a', { hasText: 'compare' }).first().click();
  await page.waitForURL(/\/compare\?a=/);
  const scores = await page.locator('table[aria-label=Scores] tbody tr').count();
  assert.equal(scores, 7, 'seven scores');
  assert.ok((await page.locator('mark').count()) > 0, 'shared words are highlighted');
  await shot('compare');

  // 5. The example pair: same places, different events.
  await page.goto(`${base}/compare?a=${encodeURIComponent(process.env.EXAMPLE_A)}&b=${encodeURIComponent(process.env.EXAMPLE_B)}`);
  const shared = await page.locator('ul.chips').first().innerText();
  for (const place of ['Idlib', 'Moscow']) assert.match(shared, new RegExp(place), `${place} is shared`);
  await shot('compare-examples');

  // 6. Readable on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, 'no horizontal scrolling on a phone');
  await shot('stories-phone');
  console.log('e2e: all pages show what they should');
} finally {
  await browser.close();
}
