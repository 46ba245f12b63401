// Every data subject in their own language: the hosted consent page and the privacy centre in
// Polish and Greek (a non-Latin script), chosen by the browser's languages, by the page's
// switch (remembered) and by the link; the widget's banner in German on a customer's site;
// the admin app in German, whose form editor adds any of the 26 languages as an untranslated
// copy and asks before publishing it. The expected words are the server's own catalogues
// (words/locales/, compiled), so a new translation is checked without touching this test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APIRequestContext, Page } from '@playwright/test';
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';
import { mailTo } from './mailbox';
import { expectAccessibleOnSite, settled } from './on-site';
import { cookieDraft } from './cookie-form';

const root = join(__dirname, '..', '..');
const headers = { 'x-requested-with': 'consentry' };
const hostPort = Number(process.env.E2E_HOST_PORT ?? 18081);
const site = `http://localhost:${hostPort}`;

/** The message keys of a catalogue file, in its order (English is the source). */
function keys(file: string): string[] {
  return readFileSync(join(root, `words/locales/en/${file}.ftl`), 'utf8')
    .split('\n')
    .map((line) => line.match(/^([a-z][a-z0-9-]*) =/)?.[1])
    .filter((key): key is string => !!key);
}

/** A language's page words as the server serves them (glossary terms put in), by key. */
async function pageWords(request: APIRequestContext, lang: string): Promise<Record<string, string>> {
  const texts: string[] = await (await request.get(`/api/public/words/${lang}`)).json();
  const names = keys('pages');
  expect(texts.length).toBe(names.length);
  return Object.fromEntries(names.map((key, i) => [key, texts[i]]));
}

/** A widget label as its catalogue file writes it (labels use no glossary term). */
function widgetLabel(lang: string, key: string): string {
  const line = readFileSync(join(root, `words/locales/${lang}/widget.ftl`), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${key} = `));
  return line!.slice(key.length + 3).trim();
}

/** The words before a `{placeholder}`. */
const before = (text: string) => text.split('{')[0].trim();

async function expectLang(page: Page, lang: string) {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test.describe.serial('every data subject in their own language', () => {
  let formId = '';
  let link = '';

  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
  });

  test('a form in Polish and Greek reaches its subject by a consent link', async ({ page }) => {
    await signIn(page);
    const api = page.request;
    const modules = await (await api.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    await api.put(`/api/v1/modules/${leads.id}/compliance`, { headers, data: { compliance_enabled: true } });
    const created = await api.post('/api/v1/records', {
      headers,
      data: {
        module_id: leads.id,
        fields: { first_name: 'Zofia', last_name: 'Nowak', email: 'zofia@example.pl' },
        basis: { basis: 'consent' },
      },
    });
    expect(created.status()).toBe(201);
    const record = (await created.json()).id;
    const form = await (await api.post('/api/v1/forms', { headers, data: { name: 'Sprachen' } })).json();
    formId = form.id;
    cookieDraft(form.draft);
    form.draft.texts.pl = { ...form.draft.texts.en, title: 'Pliki cookie w tym sklepie' };
    form.draft.texts.el = { ...form.draft.texts.en, title: 'Cookies σε αυτό το κατάστημα' };
    form.draft.texts.de = { ...form.draft.texts.en, title: 'Cookies in diesem Shop' };
    expect((await api.put(`/api/v1/forms/${formId}/draft`, { headers, data: form.draft })).status()).toBe(200);
    expect((await api.post(`/api/v1/forms/${formId}/publish`, { headers, data: {} })).status()).toBe(200);
    const sent = await api.post(`/api/v1/records/${record}/consent-requests`, { headers, data: { form_id: formId } });
    expect(sent.status()).toBe(201);
    link = (await mailTo('zofia@example.pl', /https?:\/\/\S+\/c\/[\w-]+/))[0];
  });

  test('the hosted consent page speaks Polish to a Polish browser, Greek after the switch, and remembers it', async ({
    browser,
    request,
  }) => {
    const [pl, el] = [await pageWords(request, 'pl'), await pageWords(request, 'el')];
    const context = await browser.newContext({ locale: 'pl-PL' });
    const subject = await context.newPage();
    await subject.goto(link);
    await expectLang(subject, 'pl');
    await expect(subject.getByRole('heading', { level: 2, name: 'Pliki cookie w tym sklepie' })).toBeVisible();
    await expect(subject.locator('#whose-link')).toContainText(before(pl['whose-link']));
    await expect(subject.locator('#site-language')).toHaveValue('pl');
    // The switch names each language in itself.
    await expect(subject.locator('#site-language option[value="el"]')).toHaveText('Ελληνικά');
    await expectAccessible(subject);

    await subject.locator('#site-language').selectOption('el');
    await expectLang(subject, 'el');
    await expect(subject.getByRole('heading', { level: 2, name: 'Cookies σε αυτό το κατάστημα' })).toBeVisible();
    await expect(subject.locator('#whose-link')).toContainText(before(el['whose-link']));
    await expectAccessible(subject);
    // Chosen once, kept: the next visit opens in Greek although the browser says Polish.
    await subject.reload();
    await expectLang(subject, 'el');
    await expect(subject.locator('#whose-link')).toContainText(before(el['whose-link']));
    await context.close();
  });

  test('the privacy centre in Polish and Greek, and the code mail in the language asked in', async ({
    browser,
    request,
  }) => {
    const [pl, el] = [await pageWords(request, 'pl'), await pageWords(request, 'el')];
    const context = await browser.newContext({ locale: 'pl-PL' });
    const subject = await context.newPage();
    await subject.goto('/privacy/acme-b-v');
    await expectLang(subject, 'pl');
    await expect(subject.getByRole('heading', { level: 1 })).toHaveText(pl['privacy-title']);
    await expect(subject).toHaveTitle(pl['privacy-title']);
    await expect(subject.getByText(pl['right-erasure-law'])).toBeVisible();
    expect(pl['right-erasure-law']).toContain('RODO');
    await expectAccessible(subject);

    // The link asks for Greek.
    await subject.goto('/privacy/acme-b-v?lang=el');
    await expectLang(subject, 'el');
    await expect(subject.getByRole('heading', { level: 1 })).toHaveText(el['privacy-title']);
    await expect(subject).toHaveTitle(el['privacy-title']);
    await expect(subject.getByText(el['right-erasure-law'])).toBeVisible();
    expect(el['right-erasure-law']).toContain('ΓΚΠΔ');
    await subject.getByLabel(el['right-erasure-title']).check();
    await subject.getByLabel(el['privacy-email']).fill('eleni@example.gr');
    await subject.getByRole('button', { name: el['privacy-send-code'] }).click();
    await expect(subject.getByText(el['privacy-code-sent'])).toBeVisible();
    await expectAccessible(subject);
    // The mail speaks Greek and names the right as the Greek text of the law does.
    await mailTo('eleni@example.gr', /ΓΚΠΔ/);
    await context.close();
  });

  test('the widget banner on a German site shows its own labels in German', async ({ page, browser }) => {
    await signIn(page);
    const saved = await page.request.put(`/api/v1/forms/${formId}/widget`, {
      headers,
      data: { allowed_origins: [site] },
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const german = `${site}/page.html?mode=banner&form=sprachen&lang=de`;
    await page.goto(german);
    const banner = page.getByRole('dialog', { name: 'Cookies in diesem Shop' });
    await expect(banner).toBeVisible();
    await expect(banner.getByRole('button', { name: widgetLabel('de', 'widget-accept-all') })).toBeVisible();
    await expect(banner.getByRole('button', { name: widgetLabel('de', 'widget-reject-all') })).toBeVisible();
    await expect(banner.getByRole('button', { name: widgetLabel('de', 'widget-customise') })).toBeVisible();
    // Its own words are marked as German, whatever the page says.
    await expect(page.locator('.cw-root').first()).toHaveAttribute('lang', 'de');
    await settled(page);
    await expectAccessibleOnSite(browser, german, (p) =>
      expect(p.getByRole('dialog', { name: 'Cookies in diesem Shop' })).toBeVisible(),
    );
  });

  test('the admin app in German; a new language starts untranslated and publishing it asks first', async ({
    page,
  }) => {
    await signIn(page);
    await page.locator('#language').selectOption('de');
    await expectLang(page, 'de');
    await expect(page.getByRole('navigation').first()).toContainText('Datensätze');
    await expectAccessible(page);

    await page.goto(`/admin/setup/forms/${formId}`);
    // Every language of the EU and EEA the form does not have yet, each in its own name.
    const addable = page.locator('#new-language option:not([value=""])');
    await expect(addable).toHaveCount(26 - 5);
    await page.locator('#new-language').selectOption('sv');
    await page.getByRole('button', { name: 'Sprache hinzufügen' }).click();
    await expect(page.locator('#edited-language')).toHaveValue('sv');
    await expect(page.locator('#untranslated-note')).toBeVisible();
    await expect(page.locator('#edited-language option[value="sv"]')).toContainText('nicht übersetzt');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Mit nicht übersetzten Texten veröffentlichen?' });
    await expect(ask).toBeVisible();
    await expect(ask).toContainText('svenska (sv)');
    await ask.getByRole('button', { name: 'Trotzdem veröffentlichen' }).click();
    await expect(page.locator('#form-status')).toContainText('2');
    const published = await (await page.request.get(`/api/v1/forms/${formId}`)).json();
    expect(published.draft.untranslated).toEqual(['sv']);

    // A Swedish reader gets Consentry's words in Swedish and a note about the form's own.
    const sv = await pageWords(page.request, 'sv');
    const reader = await page.context().browser()!.newContext({ locale: 'sv-SE' });
    const subject = await reader.newPage();
    await subject.goto(link);
    await expectLang(subject, 'sv');
    await expect(subject.locator('#untranslated')).toHaveText(sv['untranslated']);
    // The form's own words are the English copy and are marked as English (WCAG 3.1.2).
    await expect(subject.locator('section.consent-form')).toHaveAttribute('lang', 'en');
    await reader.close();
  });
});
