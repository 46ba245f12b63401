// The admin app's frame on the screens privacy officers use: every page at 1024×768,
// 1366×900 and an 820×1180 tablet, in English and Dutch, without a horizontal scrollbar and
// with no axe-core violations; a screenshot of each page at 1366×900 is kept with the test's
// results so a change to the layout can be looked at. The side navigation is grouped by area
// and collapses.
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, ensureSetUp, signIn, admin } from './fixtures';

const screens = [
  { width: 1024, height: 768 },
  { width: 1366, height: 900 },
  { width: 820, height: 1180 },
];

/** Every admin page: list pages by path, detail pages through the first link of their list. */
async function adminPages(page: Page): Promise<string[]> {
  const paths = [
    '/admin/setup/compliance/overview',
    '/admin/records',
    '/admin/records/import',
    '/admin/records/new',
    '/admin/setup/requests',
    '/admin/setup/forms',
    '/admin/setup/email-templates',
    '/admin/setup/outbox',
    '/admin/setup/compliance',
    '/admin/setup/compliance/retention',
    '/admin/setup/compliance/audit',
    '/admin/users',
    '/admin/setup/api-keys',
    '/admin/account',
  ];
  const details: [string, RegExp][] = [
    ['/admin/records', /^\/admin\/records\/[0-9a-f-]{36}$/],
    ['/admin/setup/requests', /^\/admin\/setup\/requests\/[0-9a-f-]{36}$/],
    ['/admin/setup/forms', /^\/admin\/setup\/forms\/[0-9a-f-]{36}$/],
    ['/admin/setup/email-templates', /^\/admin\/setup\/email-templates\/[0-9a-f-]{36}$/],
    ['/admin/setup/compliance', /^\/admin\/setup\/modules\/[^/]+\/fields$/],
  ];
  for (const [list, detail] of details) {
    await page.goto(list);
    await expect(page.locator('main h1')).toBeVisible();
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const found = hrefs.find((href) => detail.test(href));
    expect(found, `a link to a page like ${detail} on ${list}`).toBeTruthy();
    paths.push(found!);
  }
  return paths;
}

/** How wide the page is against the window, and the innermost elements that stick out. */
async function sideways(page: Page) {
  return page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const out = Array.from(document.querySelectorAll('body *')).filter(
      (el) => el.getBoundingClientRect().right > client + 0.5,
    );
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}` +
      ` (${Math.round(el.getBoundingClientRect().right)} px)`;
    return {
      widest: document.documentElement.scrollWidth,
      client,
      culprits: innermost.slice(0, 5).map(name).join(', '),
    };
  });
}

test.describe.serial('admin layout', () => {
  let pages: string[] = [];

  test.beforeAll(async ({ browser, request }) => {
    await ensureSetUp(request);
    const page = await browser.newPage();
    await signIn(page);
    pages = await adminPages(page);
    await page.close();
  });

  for (const lang of ['en', 'nl']) {
    for (const screen of screens) {
      test(`every page fits ${screen.width}×${screen.height} in ${lang}, accessible`, async ({ page }, info) => {
        test.setTimeout(180_000);
        await page.setViewportSize(screen);
        await signIn(page);
        await page.evaluate((l) => localStorage.setItem('consentry.lang', l), lang);
        for (const path of pages) {
          await page.goto(path);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(page.locator('main h1').first()).toBeVisible();
          await page.waitForLoadState('networkidle');
          const overflow = await sideways(page);
          expect.soft(overflow.widest, `${path} scrolls sideways at ${screen.width} px in ${lang}: ${overflow.culprits}`)
            .toBeLessThanOrEqual(overflow.client);
          await expectAccessible(page);
          if (screen.width === 1366) {
            const name = `${lang}${path.replace(/[0-9a-f-]{36}/g, 'one').replaceAll('/', '-')}.png`;
            await page.screenshot({ path: info.outputPath(name), fullPage: true });
            await info.attach(name, { path: info.outputPath(name), contentType: 'image/png' });
          }
        }
      });
    }
  }

  test('every page has a title of its own in the reader\'s language, never a record\'s name', async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page);
    const titles = new Map<string, string>();
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expect(page).toHaveTitle(/^.+ · Consentry$/);
      titles.set(path, await page.title());
    }
    const record = pages.find((p) => /^\/admin\/records\/[0-9a-f-]{36}$/.test(p))!;
    expect(titles.get(record)).toBe('Record · Consentry');
    expect(titles.get('/admin/records')).toBe('Records · Consentry');
    // One title per kind of page: no two pages read the same.
    expect(new Set(titles.values()).size, [...titles.values()].join('\n')).toBe(pages.length);
    await page.evaluate(() => localStorage.setItem('consentry.lang', 'nl'));
    await page.goto('/admin/setup/requests');
    await expect(page).toHaveTitle('Verzoeken · Consentry');
    await page.evaluate(() => localStorage.setItem('consentry.lang', 'en'));
  });

  test('the side navigation groups the areas and collapses, remembered', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('list', { name: 'Consent' }).getByRole('link')).toHaveText([
      'Consent forms',
      'E-mail templates',
      'Outbox',
    ]);
    await expect(nav.getByRole('list', { name: 'Compliance' }).getByRole('link')).toHaveText([
      'Compliance Settings',
      'Retention review',
    ]);
    await expect(nav.getByRole('list', { name: 'Organisation' }).getByRole('link')).toHaveText([
      'Users',
      'API keys and webhooks',
    ]);
    await expect(nav.getByRole('link', { name: 'Compliance Settings' })).toHaveAttribute('aria-current', 'page');
    const toggle = page.getByRole('button', { name: 'Main navigation' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(nav).toBeHidden();
    await page.reload();
    await expect(page.getByRole('button', { name: 'Main navigation' })).toHaveAttribute('aria-expanded', 'false');
    await page.getByRole('button', { name: 'Main navigation' }).click();
    await expect(nav).toBeVisible();
  });

  test('a tablet starts with the navigation folded away, one tap from it', async ({ page }) => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await signIn(page);
    await page.evaluate(() => localStorage.removeItem('consentry.navigation'));
    await page.reload();
    const toggle = page.getByRole('button', { name: 'Main navigation' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Records' }).click();
    await expect(page.getByRole('heading', { name: 'Records', exact: true })).toBeVisible();
  });

  test('the user menu folds away on Escape, focus back on it, and when focus leaves it', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);
    const menu = page.locator('details.user-menu');
    const summary = menu.locator('summary');
    await summary.click();
    await expect(menu).toHaveAttribute('open', '');
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).not.toHaveAttribute('open', '');
    await expect(summary).toBeFocused();

    // Open from the keyboard, then Tab through its two items and out of it.
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('open', '');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'Your account' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('button', { name: 'Sign out' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(menu).not.toHaveAttribute('open', '');
  });

  test('an area opened first arrives in one pack with the words in another, and no module is fetched twice', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);
    const fetched: string[] = [];
    page.on('request', (request) => {
      const file = new URL(request.url()).pathname.match(/^\/assets\/areas-[0-9a-f]{16}\/((pack|split|chunk)_[^/]+)$/);
      if (file) fetched.push(file[1]);
    });
    // A fresh page: nothing of any area loaded yet. The audit trail's pack brings its code and
    // the chunks it shares in one request, the English words theirs in another.
    await page.goto('/admin/setup/compliance/audit');
    await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
    expect([...fetched].sort()).toEqual(['pack_audit.bin', 'pack_english.bin']);

    // Further areas fetch only what they lack, never a module twice.
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const [link, heading] of [['Outbox', 'Outbox'], ['Records', 'Records'], ['Consent forms', 'Consent forms'], ['Overview', 'Overview']]) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    }
    const modules = fetched.filter((f) => !f.startsWith('pack_'));
    expect(new Set(modules).size, fetched.join('\n')).toBe(modules.length);
    expect(new Set(fetched).size, fetched.join('\n')).toBe(fetched.length);
  });

  test('a Dutch reader fetches the frame in Dutch before signing in, and the rest of Dutch with the first area', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.addInitScript(() => localStorage.setItem('consentry.lang', 'nl'));
    const fetched: string[] = [];
    page.on('request', (request) => {
      const file = new URL(request.url()).pathname.match(/^\/assets\/areas-[0-9a-f]{16}\/((pack|split|chunk)_[^/]+)$/);
      if (file) fetched.push(file[1]);
    });
    await page.goto('/admin/sign-in');
    await expect(page.getByRole('heading', { name: 'Inloggen bij Consentry', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    expect(fetched).toEqual(['pack_dutch_frame.bin']);
    await page.getByLabel('E-mailadres').fill(admin.email);
    await page.getByLabel('Wachtwoord').fill(admin.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('heading', { name: 'Nalevingsinstellingen', level: 1 })).toBeVisible();
    // The first area brings the rest of Dutch (its pack, or its modules the frame's did not
    // bring when those weigh less), each module once; English is never fetched.
    expect(fetched.some((f) => f === 'pack_dutch.bin' || f === 'split_dutch.wasm'), fetched.join('\n')).toBe(true);
    expect(new Set(fetched).size, fetched.join('\n')).toBe(fetched.length);
    expect(fetched.filter((f) => /english/.test(f))).toEqual([]);
    await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
    await expectAccessible(page);
  });

  test('when a reader\'s language cannot be fetched with the first area, the area opens in English and says so', async ({ page, errors }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.addInitScript(() => localStorage.setItem('consentry.lang', 'de'));
    await page.goto('/admin/sign-in');
    await expect(page.getByRole('heading', { name: 'Bei Consentry anmelden', level: 1 })).toBeVisible();
    // The frame's German came; the rest of German will not.
    await page.route(/\/assets\/areas-[0-9a-f]{16}\/(pack_german\.bin|split_german\.wasm)$/, (route) => route.abort('failed'));
    await page.getByLabel('E-Mail-Adresse').fill(admin.email);
    await page.getByLabel('Passwort').fill(admin.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect(page.getByRole('heading', { name: 'Compliance Settings', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#language-failed')).toHaveText('This language could not be loaded. Check the connection and choose it again.');
    // Still the reader's choice: the next visit tries German again.
    expect(await page.evaluate(() => localStorage.getItem('consentry.lang'))).toBe('de');
    expect(errors.every((e) => /Failed to fetch|ERR_FAILED/.test(e)), errors.join('\n')).toBe(true);
    errors.splice(0);
  });

  test('a reader whose language cannot be fetched at the start gets the frame in English', async ({ page, errors }) => {
    await page.addInitScript(() => localStorage.setItem('consentry.lang', 'fr'));
    await page.route(/\/assets\/areas-[0-9a-f]{16}\/(pack|split)_french_frame\.(bin|wasm)$/, (route) => route.abort('failed'));
    await page.goto('/admin/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in to Consentry', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The switch says why the page is in English; the choice stays for the next visit.
    await expect(page.locator('#language-failed')).toHaveText('This language could not be loaded. Check the connection and choose it again.');
    expect(await page.evaluate(() => localStorage.getItem('consentry.lang'))).toBe('fr');
    expect(errors.every((e) => /Failed to fetch|ERR_FAILED/.test(e)), errors.join('\n')).toBe(true);
    errors.splice(0);
  });

  test('a frame in the reader\'s language that never arrives gives the sign-in page in English after ten seconds', async ({ page, errors }) => {
    test.setTimeout(60_000);
    await page.addInitScript(() => localStorage.setItem('consentry.lang', 'fr'));
    // The connection stalls: the request is never answered.
    const stalled = /\/assets\/areas-[0-9a-f]{16}\/(pack|split)_french_frame\.(bin|wasm)$/;
    await page.route(stalled, () => {});
    await page.goto('/admin/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in to Consentry', level: 1 })).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('#language-failed')).toHaveText('This language could not be loaded. Check the connection and choose it again.');
    expect(errors.every((e) => /Failed to fetch|ERR_FAILED|ERR_ABORTED|TimeoutError|timed out/.test(e)), errors.join('\n')).toBe(true);
    errors.splice(0);
    // The connection is back: French, chosen again, is fetched again.
    await page.unroute(stalled);
    await page.getByLabel('Language', { exact: true }).selectOption('fr');
    await expect(page.getByRole('heading', { name: 'Connexion à Consentry', level: 1 })).toBeVisible();
    await expect(page.locator('#language-failed')).toBeEmpty();
  });

  test('code and words that never arrive are given up after thirty seconds, and fetched again when asked for again', async ({ page, errors }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const main = page.locator('main');
    // The connection stalls for the Outbox's code and for Dutch: those requests are never answered.
    const stalled = /\/assets\/areas-[0-9a-f]{16}\/(pack_outbox\.bin|split_outbox\.wasm|pack_dutch\.bin|split_dutch\.wasm)$/;
    await page.route(stalled, () => {});
    await page.getByLabel('Language', { exact: true }).selectOption('nl');
    await nav.getByRole('link', { name: 'Outbox' }).click();
    await expect(main).toHaveAttribute('aria-busy', 'true');
    // After a moment the page says in words that it is loading.
    await expect
      .poll(() => main.evaluate((m) => getComputedStyle(m, '::before').opacity))
      .toBe('1');
    expect(await main.evaluate((m) => getComputedStyle(m, '::before').content)).toBe('"Loading…"');
    await expect(page.getByRole('heading', { name: 'This page could not be opened', level: 1 })).toBeVisible({ timeout: 45_000 });
    await expect(main).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('#language-failed')).toHaveText('This language could not be loaded. Check the connection and choose it again.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(errors.every((e) => /Failed to fetch|ERR_FAILED|ERR_ABORTED|TimeoutError|timed out/.test(e)), errors.join('\n')).toBe(true);
    errors.splice(0);

    // The connection is back: asked for again, both are fetched again and arrive.
    await page.unroute(stalled);
    await nav.getByRole('link', { name: 'Records' }).click();
    await expect(page.getByRole('heading', { name: 'Records', exact: true })).toBeVisible();
    await nav.getByRole('link', { name: 'Outbox' }).click();
    await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
    await page.getByLabel('Language', { exact: true }).selectOption('nl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.locator('#language-failed')).toBeEmpty();
    await page.getByLabel('Taal', { exact: true }).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('a second click while an area is still arriving keeps the page left hidden until the new one is there', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);
    await page.goto('/admin/setup/compliance/overview');
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    // Every area's code now takes three seconds to arrive.
    await page.route(/\/assets\/areas-[0-9a-f]{16}\//, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const main = page.locator('main');
    await nav.getByRole('link', { name: 'Records', exact: true }).click();
    await expect(main).toHaveAttribute('aria-busy', 'true');
    await nav.getByRole('link', { name: 'Outbox', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/setup\/outbox$/);
    // Half a second and a second later: the Overview is still hidden, the page still busy.
    for (const wait of [500, 500]) {
      await page.waitForTimeout(wait);
      await expect(main).toHaveAttribute('aria-busy', 'true');
      await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeHidden();
    }
    await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible({ timeout: 15_000 });
    await expect(main).toHaveAttribute('aria-busy', 'false');
    await page.unroute(/\/assets\/areas-[0-9a-f]{16}\//);
  });

  test('an area whose code cannot be fetched says so, keeps the app alive, and is retried when opened again', async ({ page, errors }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    // Its pack, or its own module when the rest is already here.
    const outbox = /\/assets\/areas-[0-9a-f]{16}\/(pack_outbox\.bin|split_outbox\.wasm)$/;
    await page.route(outbox, (route) => route.abort('failed'));
    await nav.getByRole('link', { name: 'Outbox' }).click();
    await expect(page.getByRole('heading', { name: 'This page could not be opened', level: 1 })).toBeVisible();
    await expect(page.locator('#not-loaded')).toContainText('Reload to continue');
    await expect(page.locator('main')).toHaveAttribute('aria-busy', 'false');
    await expectAccessible(page);
    // The browser logged the failed fetch; nothing else went wrong.
    expect(errors.every((e) => /Failed to fetch|ERR_FAILED/.test(e)), errors.join('\n')).toBe(true);
    errors.splice(0);

    await page.unroute(outbox);
    await nav.getByRole('link', { name: 'Records' }).click();
    await expect(page.getByRole('heading', { name: 'Records', exact: true })).toBeVisible();
    await nav.getByRole('link', { name: 'Outbox' }).click();
    await expect(page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  });

  test('a language whose words cannot be fetched leaves the page as it was, and says so', async ({ page, errors }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);
    const german = /\/assets\/areas-[0-9a-f]{16}\/(pack_german\.bin|split_german\.wasm)$/;
    await page.route(german, (route) => route.abort('failed'));
    await page.getByLabel('Language', { exact: true }).selectOption('de');
    await expect(page.locator('#language-failed')).toHaveText('This language could not be loaded. Check the connection and choose it again.');
    await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await page.evaluate(() => localStorage.getItem('consentry.lang'))).not.toBe('de');
    expect(errors.every((e) => /Failed to fetch|ERR_FAILED/.test(e)), errors.join('\n')).toBe(true);
    errors.splice(0);

    await page.unroute(german);
    await page.getByLabel('Sprache', { exact: true }).or(page.getByLabel('Language', { exact: true })).selectOption('de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('#language-failed')).toBeEmpty();
    await page.getByLabel('Sprache', { exact: true }).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('the language chosen last stands, even when one chosen before arrives after it', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page);
    // German takes three seconds to arrive; English is chosen again meanwhile.
    const german = /\/assets\/areas-[0-9a-f]{16}\/(pack_german\.bin|split_german\.wasm)$/;
    await page.route(german, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    const requested = page.waitForRequest(german);
    await page.getByLabel('Language', { exact: true }).selectOption('de');
    await requested;
    await page.getByLabel('Language', { exact: true }).selectOption('en');
    await page.waitForResponse(german);
    await page.waitForTimeout(500);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');
    expect(await page.evaluate(() => localStorage.getItem('consentry.lang'))).toBe('en');
    await page.unroute(german);
  });

  test('an address under /admin that is no page says so in the frame', async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/setup/no-such-page');
    await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Go to your start page' }).click();
    await expect(page).toHaveURL(/\/admin\/(setup\/compliance|records)$/);
  });
});

