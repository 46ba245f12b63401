// The Dutch privacy officer and the Dutch data subject see no English: every visible text of
// the admin app's main pages and of the receipt check page is compared with the English
// catalogue, and no English text that differs from its Dutch one may appear. The catalogues
// are read from their source (app/src/i18n.rs, ui/src/public/words.rs), so a text added there
// is checked without touching this test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from '@playwright/test';
import { test, expect, ensureSetUp, signIn } from './fixtures';
import { mailTo } from './mailbox';

const root = join(__dirname, '..', '..');
const headers = { 'x-requested-with': 'consentry' };

/** A Rust string literal's value: escapes undone, a backslash-newline eating the indent. */
function literal(body: string): string {
  return body
    .replace(/\\\r?\n\s*/g, '')
    .replace(/\\n/g, '\n')
    .replace(/\\"/g, '"')
    .replace(/\\'/g, "'")
    .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\\\/g, '\\');
}

const STRING = '"((?:[^"\\\\]|\\\\[\\s\\S])*)"';

/** The English texts of `source` whose Dutch differs, found by the keys `pair` reads. */
function englishOnly(source: string, pair: RegExp): string[] {
  const texts = new Map<string, { en?: string; nl?: string }>();
  for (const m of source.matchAll(pair)) {
    const { key, lang, text } = m.groups!;
    // A text with a placeholder is only checked up to it.
    const value = literal(text).split('{')[0];
    const entry = texts.get(key) ?? {};
    entry[lang === 'en' ? 'en' : 'nl'] = value;
    texts.set(key, entry);
  }
  return [...texts.values()]
    .filter((t) => t.en !== undefined && t.nl !== undefined && t.en.trim() !== t.nl.trim())
    .map((t) => t.en!.trim())
    .filter((t) => t.length >= 3);
}

/** The admin catalogue: `fn en` and `fn nl` (one Msg per arm), and the `(Lang::En, X)` tables. */
function adminEnglish(): string[] {
  const source = readFileSync(join(root, 'app/src/i18n.rs'), 'utf8');
  const section = (name: string) => {
    const start = source.indexOf(`\nfn ${name}(msg: Msg)`);
    const end = source.indexOf('\n}\n', start);
    return source.slice(start, end);
  };
  const arms = (lang: string) =>
    section(lang).replace(new RegExp(`(\\w+) => \\{?\\s*${STRING}`, 'g'), `§${lang}§$1§$2§`);
  const messages = englishOnly(
    arms('en') + arms('nl'),
    /§(?<lang>en|nl)§(?<key>\w+)§(?<text>(?:[^§])*)§/g,
  );
  // Tables such as basis_name: (Lang::En, Consent) => "Consent"; keyed by function and variant.
  const tables: string[] = [];
  for (const fn of source.split('\npub fn ').slice(1)) {
    const name = fn.slice(0, fn.indexOf('('));
    const keyed = fn.replace(
      new RegExp(`\\(Lang::(En|Nl), (\\w+)\\) => \\{?\\s*${STRING}`, 'g'),
      (_, lang, key, text) => `§${lang.toLowerCase()}§${name}.${key}§${text}§`,
    );
    tables.push(...englishOnly(keyed, /§(?<lang>en|nl)§(?<key>[\w.]+)§(?<text>(?:[^§])*)§/g));
  }
  return [...new Set([...messages, ...tables])];
}

/** The public pages' words: (Word::X, false) is English, (Word::X, true) Dutch. */
function publicEnglish(): string[] {
  const source = readFileSync(join(root, 'ui/src/public/words.rs'), 'utf8');
  const keyed = source.replace(
    new RegExp(`\\(Word::(\\w+), (false|true)\\) => \\{?\\s*${STRING}`, 'g'),
    (_, key, dutch, text) => `§${dutch === 'true' ? 'nl' : 'en'}§${key}§${text}§`,
  );
  return englishOnly(keyed, /§(?<lang>en|nl)§(?<key>\w+)§(?<text>(?:[^§])*)§/g);
}

/** The visible text of the page, once nothing is loading any more. A message's body is what
 * its recipient reads, in their language, not the app's: it is left out. */
async function visibleText(page: Page): Promise<string> {
  await expect(page.locator('main')).not.toContainText('Bezig met laden', { timeout: 15_000 });
  return page.evaluate(() => {
    const hidden = [...document.querySelectorAll<HTMLElement>('.message-body')];
    hidden.forEach((e) => (e.style.display = 'none'));
    const text = document.body.innerText;
    hidden.forEach((e) => (e.style.display = ''));
    return text;
  });
}

/** The English texts that appear in `text` as whole words. */
function englishIn(text: string, english: string[]): string[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return english.filter((e) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escape(e)}(?![\\p{L}\\p{N}])`, 'u').test(text),
  );
}

test.describe.serial('in Dutch', () => {
  let record = '';
  let request = '';
  let receipt = '';

  test.beforeAll(async ({ request: api }) => {
    await ensureSetUp(api);
  });

  test('the catalogues are read: English texts that differ from their Dutch ones', () => {
    const admin = adminEnglish();
    expect(admin).toContain('Compliance Settings');
    expect(admin).toContain('Legitimate Interests');
    expect(admin).not.toContain('Outbox');
    expect(publicEnglish()).toContain('Check a consent receipt');
  });

  test('a record with history, a handled request and a receipt to show', async ({ page, browser }) => {
    await signIn(page);
    const api = page.request;
    const modules = await (await api.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    await api.put(`/api/v1/modules/${leads.id}/compliance`, { headers, data: { compliance_enabled: true } });
    const created = await api.post('/api/v1/records', {
      headers,
      data: {
        module_id: leads.id,
        fields: { first_name: 'Joost', last_name: 'Bakker', email: 'joost@example.nl' },
        basis: { basis: 'consent' },
      },
    });
    expect(created.status()).toBe(201);
    record = (await created.json()).id;

    const form = await (await api.post('/api/v1/forms', { headers, data: { name: 'Koekjes' } })).json();
    expect((await api.post(`/api/v1/forms/${form.id}/publish`, { headers, data: {} })).status()).toBe(200);
    const sent = await api.post(`/api/v1/records/${record}/consent-requests`, {
      headers,
      data: { form_id: form.id },
    });
    expect(sent.status()).toBe(201);
    const link = (await mailTo('joost@example.nl', /https?:\/\/\S+\/c\/[\w-]+/))[0];

    // The subject answers in Dutch and takes the receipt.
    const context = await browser.newContext({ locale: 'nl-NL' });
    const subject = await context.newPage();
    await subject.goto(link);
    await subject.getByLabel(/Nieuwsbrief/).check();
    await subject.getByRole('button', { name: 'Mijn keuzes opslaan' }).click();
    const href = await subject
      .getByRole('link', { name: 'Download uw ondertekende toestemmingsbewijs' })
      .getAttribute('href');
    receipt = decodeURIComponent(href!.split(',')[1]);
    await context.close();

    // A request filed by hand, extended: its message to the requester is listed.
    const filed = await api.post(`/api/v1/records/${record}/requests`, {
      headers,
      data: {
        kind: 'access',
        source: 'email',
        requested_by: 'joost@example.nl',
        requested_on: new Date().toISOString().slice(0, 10),
      },
    });
    expect(filed.status()).toBe(201);
    request = (await filed.json()).id;
    await api.post(`/api/v1/requests/${request}/actions`, { headers, data: { action: 'verify' } });
  });

  test('the admin app in Dutch shows no English text', async ({ page }) => {
    await signIn(page);
    await page.evaluate(() => localStorage.setItem('consentry.lang', 'nl'));
    const english = adminEnglish();
    const pages = [
      '/admin/setup/compliance',
      '/admin/setup/compliance/overview',
      '/admin/records',
      `/admin/records/${record}`,
      '/admin/setup/requests',
      `/admin/setup/requests/${request}`,
      '/admin/setup/outbox',
      '/admin/setup/forms',
      '/admin/setup/email-templates',
      '/admin/setup/compliance/audit',
      '/admin/users',
      '/admin/setup/api-keys',
    ];
    const found: Record<string, string[]> = {};
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
      const words = englishIn(await visibleText(page), english);
      if (words.length > 0) found[path] = words;
    }
    expect(found).toEqual({});
  });

  test('the receipt check page in Dutch shows no English text', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto('/receipts/verify');
    await page.getByLabel('Bewijs').fill(receipt);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect(page.locator('#receipt-result')).toContainText('Geldig: ondertekend door');
    await expect(page.locator('#receipt-result')).toContainText('Toestemming gegeven');
    const text = await page.locator('body').innerText();
    expect(englishIn(text, [...publicEnglish(), ...adminEnglish()])).toEqual([]);
    await context.close();
  });
});
