// The admin app's first load (scripts/admin-load-figures.sh): the time from navigation to the
// sign-in page being usable (its e-mail field and Sign in button on screen, rendered by the
// WebAssembly), and the bytes that took over the wire, in headless Chromium, each of
// BENCH_RUNS (11) loads cold in a fresh browser context. Prints the median; gates nothing.
import { expect, test } from '@playwright/test';
import { ensureSetUp } from '../tests/fixtures';

const runs = Number(process.env.BENCH_RUNS ?? 11);
const label = process.env.BENCH_LABEL ?? 'this build';

/** Records the first animation frame in which the sign-in form can be used. */
function watchForSignIn() {
  const check = () => {
    const button = document.querySelector<HTMLButtonElement>('main form button[type="submit"]');
    const email = document.querySelector<HTMLInputElement>('main form input[type="email"]');
    if (button && email && !button.disabled && button.getBoundingClientRect().height > 0) {
      (window as any).signInReadyAt = performance.now();
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('admin sign-in: time to interactive and bytes on a cold load', async ({ browser, request, baseURL }) => {
  await ensureSetUp(request);
  const times: number[] = [];
  const bytes: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ extraHTTPHeaders: { 'accept-encoding': 'br, gzip' } });
    await context.addInitScript(watchForSignIn);
    const page = await context.newPage();
    await page.goto(`${baseURL}/admin/sign-in`);
    const ready = await page.waitForFunction(() => (window as any).signInReadyAt, null, { timeout: 20_000 });
    times.push((await ready.jsonValue()) as number);
    await page.waitForLoadState('networkidle');
    bytes.push(
      await page.evaluate(() =>
        (performance.getEntries() as PerformanceResourceTiming[])
          .filter((e) => 'transferSize' in e)
          .reduce((sum, e) => sum + e.transferSize, 0),
      ),
    );
    await context.close();
  }
  expect(times).toHaveLength(runs);
  const ms = median(times);
  const kib = median(bytes) / 1024;
  console.log(`Admin sign-in, ${label}: ${ms.toFixed(0)} ms to interactive (median of ${runs} cold loads), ${kib.toFixed(1)} KiB over the wire`);
  console.log(`  each load (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
});
