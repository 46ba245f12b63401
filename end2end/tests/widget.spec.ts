// The embeddable widget on a customer's site: another origin than Consentry, with a strict
// Content-Security-Policy (no inline script or style, connections only to Consentry). The
// site is end2end/host-site.mjs; its CSS tries to restyle every button, which the widget's
// shadow root must keep out.
import { BrowserContext, Page } from '@playwright/test';
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';
import { mailTo } from './mailbox';
import { expectAccessibleOnSite, settled } from './on-site';
import { cookieDraft } from './cookie-form';

const hostPort = Number(process.env.E2E_HOST_PORT ?? 18081);
const site = `http://localhost:${hostPort}`;
const bannerPage = (extra = '') => `${site}/page.html?mode=banner&form=cookies${extra}`;
const inlinePage = `${site}/page.html?mode=inline&form=cookies`;
const headers = { 'x-requested-with': 'consentry' };
const allDenied = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
};

declare global {
  interface Window {
    consentry: { get(p: string): boolean | null; on(e: string, f: (d: unknown) => void): void; open(): void };
    gtagCalls: unknown[][];
    changes: { granted: string[]; receipt: string | null }[];
  }
}

/** The banner dialog (Playwright's role queries reach into the open shadow root). */
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Cookies on this shop' });

/** The form's draft with a wording change or more purposes, saved and published. */
async function republish(page: Page, formId: string, change: (draft: any) => void) {
  const form = await (await page.request.get(`/api/v1/forms/${formId}`)).json();
  change(form.draft);
  const saved = await page.request.put(`/api/v1/forms/${formId}/draft`, { headers, data: form.draft });
  expect(saved.status()).toBe(200);
  const published = await page.request.post(`/api/v1/forms/${formId}/publish`, { headers, data: {} });
  expect(published.ok()).toBe(true);
}

test.describe.serial('the embeddable widget', () => {
  let formId = '';

  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
  });

  test('the privacy officer allows one site, turns on Consent Mode and copies the snippet', async ({ page }) => {
    await signIn(page);
    const created = await page.request.post('/api/v1/forms', { headers, data: { name: 'Cookies' } });
    expect(created.status()).toBe(201);
    const form = await created.json();
    formId = form.id;
    cookieDraft(form.draft);
    expect((await page.request.put(`/api/v1/forms/${formId}/draft`, { headers, data: form.draft })).status()).toBe(200);

    await page.goto(`/admin/setup/forms/${formId}`);
    await page.locator('#purpose-ads-category').selectOption('advertising');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.locator('#form-status')).toContainText('Published version 1');
    await expect(page.getByText('Add at least one site to embed the form')).toBeVisible();

    const origins = page.getByLabel(/Sites that may embed the form/);
    await origins.fill('shop.example.org/products');
    await page.getByRole('button', { name: 'Save widget settings' }).click();
    await expect(page.locator('.notice.error')).toContainText("is not a site's origin");
    await origins.fill(`${site}/`);
    await page.getByLabel(/Google Consent Mode v2/).check();
    await page.getByRole('button', { name: 'Save widget settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Widget settings saved.' })).toBeVisible();
    await expect(origins).toHaveValue(site);
    const snippet = page.locator('#widget-banner-snippet');
    await expect(snippet).toContainText('data-form="cookies"');
    await expect(snippet).toContainText('data-consent-mode');
    await expect(page.locator('#widget-inline-snippet')).toContainText('<div data-consentry-form="cookies"></div>');
    await expectAccessible(page);
  });

  test('banner: equal choices, axe-clean, Consent Mode, rejection remembered across reloads, then customised', async ({ page, browser }) => {
    await page.goto(bannerPage('&consent-mode=1'));
    const banner = dialog(page);
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('aria-modal', 'true');
    const reject = banner.getByRole('button', { name: 'Reject all' });
    const customise = banner.getByRole('button', { name: 'Customise' });
    const accept = banner.getByRole('button', { name: 'Accept all' });
    await expect(reject).toBeFocused();
    // Refusing is as easy and as prominent as accepting; the host's CSS does not reach in.
    const [r, a] = [await reject.boundingBox(), await accept.boundingBox()];
    expect(Math.abs(r!.width - a!.width)).toBeLessThan(1);
    expect(Math.abs(r!.height - a!.height)).toBeLessThan(1);
    expect(await reject.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      await accept.evaluate((el) => getComputedStyle(el).backgroundColor),
    );
    expect(await accept.evaluate((el) => getComputedStyle(el).fontSize)).not.toBe('40px');
    await expectAccessibleOnSite(browser, bannerPage(), (p) => expect(dialog(p)).toBeVisible());
    // Consent Mode: everything denied before any tag, until the visitor answers.
    expect((await page.evaluate(() => window.gtagCalls))[0]).toEqual([
      'consent',
      'default',
      { wait_for_update: 500, ...allDenied },
    ]);

    await page.evaluate(() => {
      window.changes = [];
      window.consentry.on('change', (d) => window.changes.push(d as never));
    });
    await reject.click();
    await expect(banner).toBeHidden();
    expect((await page.evaluate(() => window.gtagCalls)).at(-1)).toEqual(['consent', 'update', allDenied]);
    expect(await page.evaluate(() => window.consentry.get('analytics'))).toBe(false);
    expect(await page.evaluate(() => window.consentry.get('necessary'))).toBe(true);
    await expect.poll(() => page.evaluate(() => window.changes.length)).toBe(1);
    const change = (await page.evaluate(() => window.changes))[0];
    expect(change.granted).toEqual(['necessary']);
    expect(change.receipt).toMatch(/^[0-9a-f-]{36}$/);

    // Remembered: the next page load asks nothing and tells the tags at once.
    await page.reload();
    await settled(page);
    await expect(banner).toBeHidden();
    expect((await page.evaluate(() => window.gtagCalls))[0]).toEqual([
      'consent',
      'default',
      { wait_for_update: 500, ...allDenied },
    ]);

    // The visitor changes their mind through the site's own link to consentry.open().
    await page.evaluate(() => window.consentry.open());
    await expect(banner).toBeVisible();
    await customise.click();
    await expect(banner.getByRole('checkbox', { name: /Necessary/ })).toBeDisabled();
    await expect(banner.getByRole('checkbox', { name: /Necessary/ })).toBeChecked();
    await banner.getByRole('checkbox', { name: 'Statistics' }).check();
    await banner.getByRole('button', { name: 'Save choices' }).click();
    await expect(banner).toBeHidden();
    expect(await page.evaluate(() => window.consentry.get('analytics'))).toBe(true);
    expect(await page.evaluate(() => window.consentry.get('ads'))).toBe(false);
    expect((await page.evaluate(() => window.gtagCalls)).at(-1)).toEqual([
      'consent',
      'update',
      { ...allDenied, analytics_storage: 'granted' },
    ]);
  });

  test('a wording change asks nothing again; an added purpose does', async ({ page }) => {
    await signIn(page);
    await page.goto(bannerPage());
    await dialog(page).getByRole('button', { name: 'Accept all' }).click();
    await expect(dialog(page)).toBeHidden();
    expect(await page.evaluate(() => window.consentry.get('ads'))).toBe(true);

    await republish(page, formId, (draft) => {
      draft.texts.en.intro = 'We use cookies. This sentence was reworded.';
    });
    await page.reload();
    await settled(page);
    await expect(dialog(page)).toBeHidden();

    await republish(page, formId, (draft) => {
      draft.purposes.push({ key: 'videos', required: false });
      for (const lang of ['en', 'nl']) {
        draft.texts[lang].purposes.videos = { title: 'Videos', description: 'Embedded videos from a video site.' };
      }
    });
    await page.reload();
    await expect(dialog(page)).toBeVisible();
    await dialog(page).getByRole('button', { name: 'Customise' }).click();
    // The earlier choices stand; only the new purpose waits for an answer.
    await expect(dialog(page).getByRole('checkbox', { name: 'Statistics' })).toBeChecked();
    await expect(dialog(page).getByRole('checkbox', { name: 'Videos' })).not.toBeChecked();
  });

  test('with Global Privacy Control, advertising stays refused unless ticked, and the event says so', async ({ browser }) => {
    const context = await browser.newContext();
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    const visitor = await context.newPage();
    await visitor.goto(bannerPage());
    const banner = dialog(visitor);
    await banner.getByRole('button', { name: 'Customise' }).click();
    await expect(banner.getByText('Off because your browser sends Global Privacy Control.')).toBeVisible();
    await expect(banner.getByRole('checkbox', { name: 'Advertising' })).not.toBeChecked();
    await banner.getByRole('button', { name: 'Accept all' }).click();
    await expect(banner).toBeHidden();
    expect(await visitor.evaluate(() => window.consentry.get('analytics'))).toBe(true);
    expect(await visitor.evaluate(() => window.consentry.get('ads'))).toBe(false);
    await context.close();

    // A browser that only sends the header: the server tells the widget.
    const headerOnly = await browser.newContext({ extraHTTPHeaders: { 'Sec-GPC': '1' } });
    const second = await headerOnly.newPage();
    await second.goto(bannerPage());
    await dialog(second).getByRole('button', { name: 'Customise' }).click();
    await expect(dialog(second).getByText('Off because your browser sends Global Privacy Control.')).toBeVisible();
    await headerOnly.close();
  });

  test('keyboard only: focus moves in, is trapped, shows, operates every control and comes back', async ({ page }) => {
    await page.goto(bannerPage());
    const banner = dialog(page);
    const reject = banner.getByRole('button', { name: 'Reject all' });
    const accept = banner.getByRole('button', { name: 'Accept all' });
    await expect(reject).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(banner).toBeVisible(); // a first answer is needed: Escape does not dismiss
    await page.keyboard.press('Shift+Tab');
    await expect(accept).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(reject).toBeFocused();
    expect(await reject.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    expect(await reject.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Customise
    const statistics = banner.getByRole('checkbox', { name: 'Statistics' });
    await expect(statistics).toBeFocused();
    await page.keyboard.press('Space');
    await expect(statistics).toBeChecked();
    // Statistics → Advertising → Videos → Reject all → Save choices
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    await expect(banner.getByRole('button', { name: 'Save choices' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(banner).toBeHidden();
    expect(await page.evaluate(() => window.consentry.get('analytics'))).toBe(true);
    expect(await page.evaluate(() => window.consentry.get('ads'))).toBe(false);

    // Reopened from a focused link, closed with Escape: focus returns to the link.
    const link = page.getByRole('link', { name: 'Products' });
    await link.focus();
    await page.evaluate(() => window.consentry.open());
    await expect(reject).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(banner).toBeHidden();
    await expect(link).toBeFocused();
  });

  test('inline sign-up with double opt-in: the confirmation arrives by e-mail and the record says Obtained', async ({ page, browser }) => {
    await signIn(page);
    const modules = await (await page.request.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    const opened = await page.request.put(`/api/v1/forms/${formId}/sign-up`, {
      headers,
      data: { module_id: leads.id, double_opt_in: true },
    });
    expect(opened.status()).toBe(200);

    const context: BrowserContext = await browser.newContext();
    const visitor = await context.newPage();
    await visitor.goto(inlinePage);
    await expect(visitor.getByRole('heading', { name: 'Cookies on this shop' })).toBeVisible();
    // What is kept until when, as the hosted sign-up page says it (the organisation's waiting
    // period from today).
    const settings = await (await page.request.get('/api/v1/compliance/settings')).json();
    const until = new Date(Date.now() + settings.waiting_period_days * 86_400_000).toISOString().slice(0, 10);
    await expect(
      visitor.getByText(`We keep your sign-up (your name, e-mail address and choices) until ${until}; without confirmation it is deleted then.`),
    ).toBeVisible();
    await expectAccessibleOnSite(browser, inlinePage, (p) =>
      expect(p.getByRole('heading', { name: 'Cookies on this shop' })).toBeVisible(),
    );
    await visitor.getByLabel('First name').fill('Noor');
    await visitor.getByLabel('Last name').fill('Jansen');
    await visitor.getByLabel('E-mail address').fill('noor@example');
    await visitor.getByRole('button', { name: 'Save my choices' }).click();
    await expect(visitor.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true');
    await visitor.getByLabel('E-mail address').fill('noor@example.nl');
    await visitor.getByLabel('Statistics').check();
    await visitor.getByLabel('E-mail', { exact: true }).check();
    await visitor.getByRole('button', { name: 'Save my choices' }).click();
    await expect(visitor.getByRole('status').filter({ hasText: 'Almost done' })).toBeVisible();
    await context.close();

    const link = (await mailTo('noor@example.nl', /https?:\/\/\S+\/confirm\/\S+/))[0];
    const confirmer = await browser.newContext();
    const confirm = await confirmer.newPage();
    await confirm.goto(link!);
    await confirm.getByRole('button', { name: 'Yes, confirm my sign-up' }).click();
    await expect(confirm.getByRole('status')).toContainText('confirmed');
    await confirmer.close();

    const found = await (await page.request.get('/api/v1/records?q=noor@example.nl')).json();
    expect(found.records).toHaveLength(1);
    expect(found.records[0].privacy.consent.status).toBe('obtained');
    // The form's page counts the banner decisions of the tests before.
    await page.goto(`/admin/setup/forms/${formId}`);
    await expect(page.locator('#widget-decisions')).toContainText(/Banner decisions: [1-9]/);
    // The consent log lists them with their receipt ids, and finds one by its id.
    const rows = page.locator('#widget-log tbody tr');
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(1);
    const receipt = (await rows.nth(1).locator('td[data-column=receipt]').textContent())!;
    await page.getByLabel('Receipt id').fill('not-a-receipt');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(page.getByLabel('Receipt id')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Receipt id').fill(receipt);
    await page.getByRole('button', { name: 'Find' }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator('td[data-column=receipt]')).toHaveText(receipt);
    await expect(rows.first()).toContainText(site);
    await expectAccessible(page);
  });

  test('a site that is not allowed gets nothing, and no page broke its CSP', async ({ browser, page }) => {
    // The same page from 127.0.0.1 is another origin than the allowed localhost.
    const context = await browser.newContext();
    const stranger = await context.newPage();
    const refused: string[] = [];
    stranger.on('console', (m) => refused.push(m.text()));
    await stranger.goto(`http://127.0.0.1:${hostPort}/page.html?mode=banner&form=cookies`);
    // The browser blocks the answer (no CORS grant); the widget says so and shows nothing.
    await expect.poll(() => refused.join('\n')).toContain('Consentry widget');
    await expect(dialog(stranger)).toHaveCount(0);
    expect(await stranger.evaluate(() => window.consentry.get('analytics'))).toBeNull();
    await context.close();
    const answer = await page.request.get('/api/public/widget/acme-b-v/cookies', {
      headers: { origin: `http://127.0.0.1:${hostPort}` },
    });
    expect(answer.status()).toBe(403);
    expect((await answer.json()).error).toBe('origin_not_allowed');
    expect(answer.headers()['access-control-allow-origin']).toBeUndefined();

    const reports = await (await page.request.get(`${site}/csp-reports`)).json();
    expect(reports).toEqual([]);
  });
});
