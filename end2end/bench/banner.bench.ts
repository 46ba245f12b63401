// Banner time-to-visible in headless Chromium: Consentry's widget next to
// vanilla-cookieconsent on an identical page (same host page, same CSS, same three
// categories), each loaded cold in a fresh browser context, alternating. Prints medians and
// their ratio.
import { Browser, expect, test } from '@playwright/test';
import { admin, ensureSetUp } from '../tests/fixtures';
import { cookieDraft } from '../tests/cookie-form';

const hostPort = Number(process.env.E2E_HOST_PORT ?? 18081);
const site = `http://localhost:${hostPort}`;
const runs = Number(process.env.BENCH_RUNS ?? 21);
const headers = { 'x-requested-with': 'consentry' };

/** Records the first animation frame in which the banner has a box and is not transparent. */
function watchForBanner() {
  const banner = (): Element | null | undefined =>
    document.querySelector('[data-consentry-banner]')?.shadowRoot?.querySelector('.cw-banner') ??
    document.querySelector('#cc-main .cm');
  const check = () => {
    const el = banner();
    if (el) {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0) {
        (window as any).bannerVisibleAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function timeToVisible(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  await context.addInitScript(watchForBanner);
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction(() => (window as any).bannerVisibleAt, null, { timeout: 10_000 });
  const ms = (await handle.jsonValue()) as number;
  await context.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('banner time-to-visible: Consentry next to vanilla-cookieconsent', async ({ browser, request }) => {
  await ensureSetUp(request);
  const signedIn = await request.post('/api/v1/session', {
    headers,
    data: { email: admin.email, password: admin.password },
  });
  expect(signedIn.ok()).toBe(true);
  const form = await (await request.post('/api/v1/forms', { headers, data: { name: 'Cookies' } })).json();
  expect((await request.put(`/api/v1/forms/${form.id}/draft`, { headers, data: cookieDraft(form.draft, 'advertising') })).ok()).toBe(true);
  expect((await request.post(`/api/v1/forms/${form.id}/publish`, { headers, data: {} })).ok()).toBe(true);
  expect((await request.put(`/api/v1/forms/${form.id}/widget`, { headers, data: { allowed_origins: [site] } })).ok()).toBe(true);

  const ours = `${site}/page.html?mode=banner&form=cookies`;
  const peer = `${site}/page.html?mode=peer`;
  // One warm-up each (server caches, Chromium's first start).
  await timeToVisible(browser, ours);
  await timeToVisible(browser, peer);
  const consentry: number[] = [];
  const vanilla: number[] = [];
  for (let i = 0; i < runs; i++) {
    consentry.push(await timeToVisible(browser, ours));
    vanilla.push(await timeToVisible(browser, peer));
  }
  const [a, b] = [median(consentry), median(vanilla)];
  console.log(`Banner time-to-visible, headless Chromium, median of ${runs} cold loads:`);
  console.log(`  Consentry widget          ${a.toFixed(1)} ms`);
  console.log(`  vanilla-cookieconsent     ${b.toFixed(1)} ms`);
  console.log(`  ratio                     ${(a / b).toFixed(2)}x`);
});

/** Milliseconds from the click on *Accept all* to the first marked tag running. */
async function acceptToFirstTag(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    document.addEventListener('click', () => ((window as any).clickedAt ??= performance.now()), true);
    // The first marked tag (/tag.js) to run notes itself in window.tags.
    const watch = () => {
      if ((window as any).tags?.length) (window as any).firstTagAt = performance.now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('dialog').getByRole('button', { name: 'Accept all' }).click();
  const handle = await page.waitForFunction(() => (window as any).firstTagAt, null, { timeout: 10_000 });
  const ran = (await handle.jsonValue()) as number;
  const clicked = (await page.evaluate(() => (window as any).clickedAt)) as number;
  await context.close();
  return ran - clicked;
}

test('time from Accept to the first activated script', async ({ browser, request }) => {
  await ensureSetUp(request);
  const signedIn = await request.post('/api/v1/session', {
    headers,
    data: { email: admin.email, password: admin.password },
  });
  expect(signedIn.ok()).toBe(true);
  const form = await (await request.post('/api/v1/forms', { headers, data: { name: 'Governed' } })).json();
  expect((await request.put(`/api/v1/forms/${form.id}/draft`, { headers, data: cookieDraft(form.draft, 'advertising') })).ok()).toBe(true);
  expect((await request.post(`/api/v1/forms/${form.id}/publish`, { headers, data: {} })).ok()).toBe(true);
  expect((await request.put(`/api/v1/forms/${form.id}/widget`, { headers, data: { allowed_origins: [site] } })).ok()).toBe(true);
  const url = `${site}/govern.html?form=governed`;
  await acceptToFirstTag(browser, url);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await acceptToFirstTag(browser, url));
  console.log(`Banner Accept to the first activated script, headless Chromium, median of ${runs}:`);
  console.log(`  Consentry widget          ${median(times).toFixed(1)} ms`);
});
