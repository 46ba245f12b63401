// The widget governing a customer's page (end2end/host-site.mjs, /govern.html, another origin
// with a strict CSP): marked tags, an inline script, a template snippet and a video frame run
// only once their purpose is granted, in document order, without a reload; blocked frames
// show a placeholder; withdrawal deletes the purpose's cookies; one decision is shared across
// subdomains through the consent domain; the region decides between the opt-in banner and the
// opt-out notice; decisions expire; and the form's page counts what the banner did.
import { readFileSync } from 'node:fs';
import { BrowserContext, Page, chromium } from '@playwright/test';
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';
import { cookieDraft } from './cookie-form';
import { expectAccessibleOnSite, settled } from './on-site';

const hostPort = Number(process.env.E2E_HOST_PORT ?? 18081);
const site = `http://localhost:${hostPort}`;
const www = `http://www.site.test:${hostPort}`;
const shop = `http://shop.site.test:${hostPort}`;
const governed = (origin = site, extra = '') => `${origin}/govern.html?form=governed${extra}`;
const headers = { 'x-requested-with': 'consentry' };
const cookieName = 'consentry_acme-b-v_governed';

declare global {
  interface Window {
    consentry: { get(p: string): boolean | null; open(): void };
    tags?: string[];
    gtagCalls: unknown[][];
  }
}

const banner = (page: Page) => page.getByRole('dialog', { name: 'Cookies on this shop' });
const notice = (page: Page) => page.getByRole('region', { name: 'Cookies on this shop' });
const placeholder = (page: Page) => page.getByRole('group', { name: 'YouTube' });
const tags = (page: Page) => page.evaluate(() => window.tags ?? []);

async function hits(page: Page): Promise<Record<string, number>> {
  return (await page.request.get(`${site}/hits`)).json();
}

/** Adds a marked analytics tag to the page, as a tag manager would. */
async function addTag(page: Page, name: string) {
  await page.evaluate((name) => {
    const tag = document.createElement('script');
    tag.type = 'text/plain';
    tag.dataset.consentry = 'analytics';
    tag.src = `/tag.js?name=${name}`;
    document.body.append(tag);
  }, name);
}

/** The tag cookies (`_ga_…`) the browser holds for a host. */
async function tagCookies(context: BrowserContext, url: string) {
  return (await context.cookies(url)).map((c) => c.name).filter((n) => n.startsWith('_ga_')).sort();
}

/** Moves the stored decision's time back by `days` (as if it had been made then). */
async function age(context: BrowserContext, url: string, days: number) {
  // The widget writes the decision again once its receipt id arrives: wait for that first.
  const decision = async () => (await context.cookies(url)).find((c) => c.name === cookieName);
  await expect.poll(async () => JSON.parse(decodeURIComponent((await decision())?.value ?? 'null'))?.r ?? null).not.toBeNull();
  const stored = (await decision())!;
  const value = JSON.parse(decodeURIComponent(stored.value));
  value.t -= days * 86_400_000;
  // By address, so it stays the host's own cookie (as the widget set it).
  await context.addCookies([
    { name: stored.name, value: encodeURIComponent(JSON.stringify(value)), url, expires: stored.expires, sameSite: stored.sameSite },
  ]);
}

test.describe.serial('the widget governs the page', () => {
  let formId = '';

  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
  });

  test('the privacy officer publishes a form and lists the cookies of its purposes', async ({ page }) => {
    await signIn(page);
    const created = await page.request.post('/api/v1/forms', { headers, data: { name: 'Governed' } });
    expect(created.status()).toBe(201);
    const form = await created.json();
    formId = form.id;
    cookieDraft(form.draft, 'advertising');
    expect((await page.request.put(`/api/v1/forms/${formId}/draft`, { headers, data: form.draft })).status()).toBe(200);
    expect((await page.request.post(`/api/v1/forms/${formId}/publish`, { headers, data: {} })).ok()).toBe(true);

    await page.goto(`/admin/setup/forms/${formId}`);
    await page.getByLabel(/Sites that may embed the form/).fill([site, www, shop].join('\n'));
    await page.getByLabel('Cookies of “Statistics”').fill('_ga*');
    await page.getByLabel('Cookies of “Advertising”').fill('_fbp, _gcl*');
    await page.getByLabel(/Days a refusal of everything stands/).fill('30');
    await page.getByRole('button', { name: 'Save widget settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Widget settings saved.' })).toBeVisible();
    const saved = await (await page.request.get(`/api/v1/forms/${formId}`)).json();
    expect(saved.widget.cookies).toEqual({ analytics: ['_ga*'], ads: ['_fbp', '_gcl*'] });
    expect(saved.widget.lifetime).toEqual({ days: 365, refusal_days: 30 });
    await expect(page.locator('#widget-markup-snippet')).toContainText('data-consentry="analytics"');
    await expectAccessible(page);
  });

  test('nothing marked runs before consent; Accept runs it in order without a reload; withdrawal deletes its cookies', async ({ page, context, browser }) => {
    const before = await hits(page);
    await page.goto(governed());
    await expect(banner(page)).toBeVisible();
    // A script added later, as a tag manager would.
    await addTag(page, 'dynamic');
    await page.waitForTimeout(500);
    expect(await tags(page)).toEqual([]);
    expect(await hits(page)).toEqual(before);
    expect(await tagCookies(context, site)).toEqual([]);
    await expect(page.locator('#from-template')).toHaveCount(0);
    expect(await page.locator('iframe').getAttribute('src')).toBeNull();

    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(banner(page)).toBeHidden();
    // In document order: the head's external and inline scripts, the template, the late one.
    await expect.poll(() => tags(page)).toEqual(['external', 'inline', 'template', 'dynamic']);
    await expect(page.locator('#from-template')).toBeVisible();
    await expect(page.frameLocator('iframe').locator('#video')).toBeVisible();
    await expect(placeholder(page)).toHaveCount(0);
    await expect.poll(async () => (await hits(page)).external ?? 0).toBe((before.external ?? 0) + 1);
    expect(await tagCookies(context, site)).toEqual(['_ga_dynamic', '_ga_external', '_ga_template']);
    // Granted now: a script added from here on runs at once.
    await addTag(page, 'later');
    await expect.poll(() => tags(page)).toContain('later');

    // Withdrawing Statistics deletes its cookies and says a reload stops what already runs.
    await page.evaluate(() => window.consentry.open());
    await banner(page).getByRole('button', { name: 'Customise' }).click();
    await banner(page).getByRole('checkbox', { name: 'Statistics' }).uncheck();
    await banner(page).getByRole('button', { name: 'Save choices' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'What already runs stops only when you reload the page.' })).toBeVisible();
    expect(await tagCookies(context, site)).toEqual([]);
    expect(await page.evaluate(() => window.consentry.get('analytics'))).toBe(false);
    await page.getByRole('button', { name: 'Reload the page' }).click();
    await settled(page);
    await page.waitForTimeout(300);
    expect(await tags(page)).toEqual([]);
    // The advertising frame stays granted and loads.
    await expect(page.frameLocator('iframe').locator('#video')).toBeVisible();
    await expectAccessibleOnSite(browser, governed(), (p) => expect(banner(p)).toBeVisible());
  });

  test('if widget.js cannot load, nothing marked ever runs', async ({ browser, page }) => {
    const before = await hits(page);
    const context = await browser.newContext();
    await context.route('**/widget.js', (route) => route.abort());
    const blocked = await context.newPage();
    await blocked.goto(governed());
    await blocked.waitForTimeout(1_500);
    expect(await tags(blocked)).toEqual([]);
    expect(await blocked.locator('iframe').getAttribute('src')).toBeNull();
    await expect(blocked.locator('#from-template')).toHaveCount(0);
    expect(await hits(page)).toEqual(before);
    expect(await tagCookies(context, site)).toEqual([]);
    await context.close();
  });

  test('a blocked video shows a placeholder that loads it or grants its purpose, by keyboard', async ({ browser }) => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(governed());
    await banner(visitor).getByRole('button', { name: 'Reject all' }).click();
    const held = placeholder(visitor);
    await expect(held).toBeVisible();
    await expect(held).toContainText('This content is from YouTube and stays blocked until you give consent to “Advertising”.');
    // Keyboard only: the first stops on the page are the placeholder's buttons.
    await visitor.locator('h1').click();
    await visitor.keyboard.press('Tab');
    await expect(held.getByRole('button', { name: 'Load it' })).toBeFocused();
    await visitor.keyboard.press('Enter');
    await expect(visitor.frameLocator('iframe').locator('#video')).toBeVisible();
    await expect(held).toHaveCount(0);
    expect(await visitor.evaluate(() => window.consentry.get('ads'))).toBe(false);

    // Next visit: blocked again; Always allow grants Advertising and loads it.
    await visitor.reload();
    await settled(visitor);
    await expect(held).toBeVisible();
    await visitor.locator('h1').click();
    await visitor.keyboard.press('Tab');
    await visitor.keyboard.press('Tab');
    await expect(held.getByRole('button', { name: 'Always allow' })).toBeFocused();
    await visitor.keyboard.press('Enter');
    await expect(visitor.frameLocator('iframe').locator('#video')).toBeVisible();
    expect(await visitor.evaluate(() => window.consentry.get('ads'))).toBe(true);
    expect(await visitor.evaluate(() => window.consentry.get('analytics'))).toBe(false);
    await visitor.reload();
    await settled(visitor);
    await expect(visitor.frameLocator('iframe').locator('#video')).toBeVisible();
    await context.close();

    await expectAccessibleOnSite(browser, governed(), async (p) => {
      await banner(p).getByRole('button', { name: 'Reject all' }).click();
      await expect(placeholder(p)).toBeVisible();
    });
  });

  test('the region decides: opt-in banner in the EU, opt-out notice in California, Consent Mode defaults per region', async ({ browser, page }) => {
    await signIn(page);
    const settings = (await (await page.request.get(`/api/v1/forms/${formId}`)).json()).widget;
    settings.consent_mode = true;
    // The page's ?consentry_region= counts only while the form allows it for testing.
    const us = await browser.newContext();
    const notYet = await us.newPage();
    await notYet.goto(governed(site, '&consentry_region=US-CA'));
    await expect(banner(notYet)).toBeVisible();
    await notYet.close();
    settings.region_testing = true;
    expect((await page.request.put(`/api/v1/forms/${formId}/widget`, { headers, data: settings })).status()).toBe(200);

    const eu = await browser.newContext();
    const german = await eu.newPage();
    await german.goto(governed(site, '&consent-mode=1&consentry_region=DE'));
    await expect(banner(german)).toBeVisible();
    await expect(banner(german)).toHaveAttribute('aria-modal', 'true');
    await expect.poll(() => german.evaluate(() => window.gtagCalls)).toContainEqual([
      'consent',
      'default',
      { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', region: ['DE'] },
    ]);
    expect(await tags(german)).toEqual([]);
    await eu.close();

    const californian = await us.newPage();
    await californian.goto(governed(site, '&consent-mode=1&consentry_region=US-CA'));
    await expect(notice(californian)).toBeVisible();
    await expect(banner(californian)).toHaveCount(0);
    // Opt-out: the tags run until the visitor opts out.
    await expect.poll(() => tags(californian)).toContain('external');
    await expect.poll(() => californian.evaluate(() => window.gtagCalls)).toContainEqual([
      'consent',
      'default',
      { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted', region: ['US-CA'] },
    ]);
    await notice(californian).getByRole('button', { name: 'Do not sell or share my personal information' }).click();
    await expect(notice(californian)).toBeHidden();
    expect(await californian.evaluate(() => window.consentry.get('ads'))).toBe(false);
    expect(await californian.evaluate(() => window.consentry.get('analytics'))).toBe(true);
    expect((await californian.evaluate(() => window.gtagCalls)).at(-1)).toEqual([
      'consent',
      'update',
      { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'granted' },
    ]);
    await us.close();
    // The decision names the rule it was given under.
    const log = await (await page.request.get(`/api/v1/forms/${formId}/visitor-consents?limit=1`)).json();
    expect(log.consents[0].rule).toBe('opt_out');
    expect(log.consents[0].granted).toEqual(['analytics', 'necessary']);

    await expectAccessibleOnSite(browser, governed(site, '&consentry_region=US-CA'), (p) => expect(notice(p)).toBeVisible());
  });

  test('an expired decision is asked again; a refusal expires sooner', async ({ browser }) => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(governed());
    await banner(visitor).getByRole('button', { name: 'Reject all' }).click();
    await expect(banner(visitor)).toBeHidden();
    // Refusals stand 30 days here.
    await age(context, site, 29);
    await visitor.reload();
    await settled(visitor);
    await expect(banner(visitor)).toBeHidden();
    await age(context, site, 2);
    await visitor.reload();
    await expect(banner(visitor)).toBeVisible();
    // Accepting stands a year.
    await banner(visitor).getByRole('button', { name: 'Accept all' }).click();
    await age(context, site, 300);
    await visitor.reload();
    await settled(visitor);
    await expect(banner(visitor)).toBeHidden();
    await expect.poll(() => tags(visitor)).toContain('external');
    await age(context, site, 70);
    await visitor.reload();
    await expect(banner(visitor)).toBeVisible();
    expect(await tags(visitor)).toEqual([]);
    await context.close();
  });

  test('the form page counts the banners shown and the decisions of the run', async ({ page, browser }) => {
    await signIn(page);
    const figures = async () => {
      const report = await (await page.request.get(`/api/v1/forms/${formId}/widget/figures`)).json();
      return report.figures.find((f: { rule: string; version: number }) => f.rule === 'opt_in' && f.version === 1);
    };
    const before = await figures();
    expect(before.shown).toBeGreaterThanOrEqual(5);
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(governed());
    await banner(visitor).getByRole('button', { name: 'Accept all' }).click();
    await expect(banner(visitor)).toBeHidden();
    await context.close();
    await expect.poll(async () => (await figures()).shown).toBe(before.shown + 1);
    const after = await figures();
    expect(after.decisions).toBe(before.decisions + 1);
    expect(after.accepted_all).toBe(before.accepted_all + 1);

    await page.goto(`/admin/setup/forms/${formId}`);
    const body = page.locator('#widget-figures-body');
    await expect(body).toContainText(`Banner shown${after.shown}`);
    await expect(body.getByRole('img', { name: /Opt-in rate per purpose/ }).first()).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the figures (CSV)' }).click();
    const csv = readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('opt_in_percent_analytics');
    expect(csv).toContain(`1,opt_in,${after.shown},${after.decisions},${after.accepted_all},`);
    await expectAccessible(page);
  });


  test('Consent Mode in basic and advanced mode, with its switches, and Microsoft UET beside it', async ({ browser, page }) => {
    await signIn(page);
    const settings = (await (await page.request.get(`/api/v1/forms/${formId}`)).json()).widget;
    const save = async (change: Record<string, unknown>) => {
      const saved = await page.request.put(`/api/v1/forms/${formId}/widget`, { headers, data: { ...settings, ...change } });
      expect(saved.status()).toBe(200);
    };
    const uet = (p: Page) => p.evaluate(() => (window as any).uetq ?? []);
    // Basic mode: Google's tags wait for a granted signal.
    await save({ consent_mode: true, microsoft_uet: true, google: { advanced: false, wait_for_update_ms: 750, ads_data_redaction: true, url_passthrough: true } });
    const basic = await browser.newContext();
    const first = await basic.newPage();
    await first.goto(governed(site, '&consent-mode=1&google=1'));
    await expect(banner(first)).toBeVisible();
    await first.waitForTimeout(300);
    expect(await tags(first)).toEqual([]);
    const calls = await first.evaluate(() => window.gtagCalls);
    expect(calls).toContainEqual(['set', 'ads_data_redaction', true]);
    expect(calls).toContainEqual(['set', 'url_passthrough', true]);
    expect(await uet(first)).toEqual(['consent', 'default', { ad_storage: 'denied' }]);
    await banner(first).getByRole('button', { name: 'Customise' }).click();
    await banner(first).getByRole('checkbox', { name: 'Advertising' }).check();
    await banner(first).getByRole('button', { name: 'Save choices' }).click();
    await expect.poll(() => tags(first)).toEqual(['google']);
    expect((await uet(first)).slice(-3)).toEqual(['consent', 'update', { ad_storage: 'granted' }]);
    await basic.close();

    // Advanced mode: they load at once, with everything denied, and the wait is the form's.
    await save({ consent_mode: true, google: { advanced: true, wait_for_update_ms: 750, ads_data_redaction: false, url_passthrough: false } });
    const advanced = await browser.newContext();
    const second = await advanced.newPage();
    await second.goto(governed(site, '&gtag=1&google=1'));
    await expect(banner(second)).toBeVisible();
    await expect.poll(() => tags(second)).toEqual(['google']);
    expect((await second.evaluate(() => window.gtagCalls))[0]).toEqual([
      'consent',
      'default',
      { wait_for_update: 750, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied' },
    ]);
    await advanced.close();
    await save({});
  });

  test('a tag that never loads, one inside a template and a general one hold nothing up; one banner when included twice', async ({ browser }) => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(governed(site, '&extra=1&twice=1'));
    await expect(banner(visitor)).toBeVisible();
    await expect(visitor.locator('[data-consentry-banner]')).toHaveCount(1);
    // "general" names the category of the required purpose: it runs at once.
    await expect.poll(() => tags(visitor)).toEqual(['general']);
    await banner(visitor).getByRole('button', { name: 'Accept all' }).click();
    // The nomodule tag is skipped by the browser; everything after it still runs, in order,
    // and the marked script inside the template is governed when the template is added.
    await expect.poll(() => tags(visitor)).toEqual(['general', 'external', 'inline', 'template', 'nested']);
    await context.close();
  });

  test('no page broke its CSP', async ({ page }) => {
    const reports = await (await page.request.get(`${site}/csp-reports`)).json();
    expect(reports).toEqual([]);
  });
});

test.describe.serial('one decision across subdomains', () => {
  test('a public suffix is refused as consent domain; subdomains of the one set share the decision', async ({ page }) => {
    await signIn(page);
    const forms = await (await page.request.get('/api/v1/forms')).json();
    const formId = forms.find((f: { name: string }) => f.name === 'Governed').id;
    await page.goto(`/admin/setup/forms/${formId}`);
    const domain = page.getByLabel('Consent domain (optional)');
    await domain.fill('co.uk');
    await page.getByRole('button', { name: 'Save widget settings' }).click();
    await expect(page.locator('.notice.error')).toContainText('co.uk is a public suffix');
    await domain.fill('test');
    await page.getByRole('button', { name: 'Save widget settings' }).click();
    await expect(page.locator('.notice.error')).toContainText('test is a public suffix');
    await domain.fill('site.test');
    await page.getByRole('button', { name: 'Save widget settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Widget settings saved.' })).toBeVisible();

    // www.site.test and shop.site.test reach the host site on this machine.
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--host-resolver-rules=MAP *.site.test 127.0.0.1',
      ],
    });
    const context = await browser.newContext();
    const onWww = await context.newPage();
    await onWww.goto(governed(www));
    await banner(onWww).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => tags(onWww)).toContain('external');
    const shared = (await context.cookies(www)).find((c) => c.name === cookieName)!;
    expect(shared.domain).toBe('.site.test');

    // The shop asks nothing: the decision made on www stands, and its tags run.
    const onShop = await context.newPage();
    await onShop.goto(governed(shop));
    await settled(onShop);
    await expect(banner(onShop)).toBeHidden();
    await expect.poll(() => tags(onShop)).toContain('external');
    // Withdrawn on the shop: www sees it when the visitor comes back to it.
    await onShop.evaluate(() => window.consentry.open());
    await banner(onShop).getByRole('button', { name: 'Reject all' }).click();
    await expect(banner(onShop)).toBeHidden();
    expect(await onWww.evaluate(() => window.consentry.get('analytics'))).toBe(true);
    await onWww.bringToFront();
    await onWww.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => onWww.evaluate(() => window.consentry.get('analytics'))).toBe(false);
    // The tag cookies were deleted on both hosts.
    expect(await tagCookies(context, www)).toEqual([]);
    // An older decision kept by www alone (from before the consent domain) does not win
    // over the shared one, and the next decision leaves one copy.
    const older = { ...JSON.parse(decodeURIComponent(shared.value)), t: Date.now() - 86_400_000, e: Date.now() + 86_400_000 };
    await context.addCookies([{ name: cookieName, value: encodeURIComponent(JSON.stringify(older)), url: www }]);
    await onWww.reload();
    await settled(onWww);
    expect(await onWww.evaluate(() => window.consentry.get('analytics'))).toBe(false);
    await onWww.evaluate(() => window.consentry.open());
    await banner(onWww).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(async () => (await context.cookies(www)).filter((c) => c.name === cookieName).length).toBe(1);
    await browser.close();
  });
});
