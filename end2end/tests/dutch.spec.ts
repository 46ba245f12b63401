// The Dutch privacy officer and the Dutch data subject see no English: every visible text of
// the admin app's main pages and of the receipt check page is compared with the English
// catalogue, and no English text that differs from its Dutch one may appear. The catalogues
// are read from their source (words/src/, and the public pages' catalogues as the server
// compiled them from words/locales/), so a text added there
// is checked without touching this test.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** English and Dutch texts of a catalogue. */
interface Texts {
  /** English texts that differ from their Dutch ones: these must not appear. */
  english: string[];
  /** Every Dutch text (a Dutch text may hold an English name, such as Standard Webhooks). */
  dutch: string[];
}

/** The texts of `source`, paired by the keys `pair` reads. */
function catalogue(source: string, pair: RegExp): Texts {
  const texts = new Map<string, { en?: string; nl?: string }>();
  for (const m of source.matchAll(pair)) {
    const { key, lang, text } = m.groups!;
    const entry = texts.get(key) ?? {};
    entry[lang === 'en' ? 'en' : 'nl'] = literal(text);
    texts.set(key, entry);
  }
  const all = [...texts.values()];
  return {
    // A text with a placeholder is only checked up to it.
    english: all
      .filter((t) => t.en !== undefined && t.nl !== undefined && t.en.trim() !== t.nl.trim())
      .map((t) => t.en!.split('{')[0].trim())
      .filter((t) => t.length >= 3),
    dutch: all.flatMap((t) => (t.nl ?? '').split(/\{[^}]*\}/)).map((t) => t.trim()).filter((t) => t.length >= 3),
  };
}

function merge(...parts: Texts[]): Texts {
  return {
    english: [...new Set(parts.flatMap((p) => p.english))],
    dutch: [...new Set(parts.flatMap((p) => p.dutch))],
  };
}

/** The admin catalogue: `fn en` and `fn nl` (one Msg per arm), and the `(Lang::En, X)` tables. */
function adminTexts(): Texts {
  const source = ['catalogue', 'names', 'detail_keys']
    .map((file) => readFileSync(join(root, `words/src/${file}.rs`), 'utf8'))
    .join('\n');
  const section = (name: string) => {
    const start = source.search(new RegExp(`\\n(pub )?fn ${name}\\(msg: Msg\\)`));
    const end = source.indexOf('\n}\n', start);
    return source.slice(start, end);
  };
  const arms = (lang: string) =>
    section(lang).replace(new RegExp(`(\\w+) => \\{?\\s*${STRING}`, 'g'), `§${lang}§$1§$2§`);
  const parts = [catalogue(arms('en') + arms('nl'), /§(?<lang>en|nl)§(?<key>\w+)§(?<text>(?:[^§])*)§/g)];
  // Tables such as basis_name: (Lang::En, Consent) => "Consent"; keyed by function and variant.
  for (const fn of source.split('\npub fn ').slice(1)) {
    const name = fn.slice(0, fn.indexOf('('));
    const keyed = fn.replace(
      new RegExp(`\\(Lang::(En|Nl), ([\\w:]+)\\) => \\{?\\s*${STRING}`, 'g'),
      (_, lang, key, text) => `§${lang.toLowerCase()}§${name}.${key}§${text}§`,
    );
    parts.push(catalogue(keyed, /§(?<lang>en|nl)§(?<key>[\w.:]+)§(?<text>(?:[^§])*)§/g));
  }
  return merge(...parts);
}

/** What the server writes in English for the app to say in the reader's language: the notes
 * of a record's history (model/src/notes.rs) and the names of actors (model/src/audit.rs). */
function serverTexts(): Texts {
  const english: string[] = [];
  const notes = readFileSync(join(root, 'model/src/notes.rs'), 'utf8');
  for (const m of notes.matchAll(new RegExp(`const \\w+: &str =\\s*${STRING};`, 'g'))) {
    english.push(literal(m[1]).replace(/^ · /, '').trim());
  }
  for (const m of notes.matchAll(new RegExp(`MessageNoun::\\w+ => ${STRING}`, 'g'))) {
    english.push(literal(m[1]));
  }
  const audit = readFileSync(join(root, 'model/src/audit.rs'), 'utf8');
  for (const m of audit.matchAll(new RegExp(`(?:Actor|WrittenReason)::\\w+ => ${STRING}`, 'g'))) {
    english.push(literal(m[1]));
  }
  return { english: english.filter((t) => t.length >= 3 && t !== 'Consentry'), dutch: [] };
}

/** The public pages' words as the server compiled them from words/locales/ (each language's
 * catalogue, its glossary terms put in): English and Dutch, paired by position. */
async function publicTexts(request: import('@playwright/test').APIRequestContext): Promise<Texts> {
  const [en, nl] = await Promise.all(
    ['en', 'nl'].map(async (lang) => (await (await request.get(`/api/public/words/${lang}`)).json()) as string[]),
  );
  const keyed = en.map((text, i) => `§en§${i}§${text}§§nl§${i}§${nl[i]}§`).join('');
  return catalogue(keyed, /§(?<lang>en|nl)§(?<key>\d+)§(?<text>(?:[^§])*)§/g);
}

/** The visible text of the page, once nothing is loading any more. A message's body is what
 * its recipient reads, in their language, not the app's: it is left out. */
async function visibleText(page: Page, leftOut = '.message-body'): Promise<string> {
  // The page itself first (its area's code may still be arriving), then its data.
  await expect(page.locator('main h1').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('main')).not.toContainText(/Bezig met laden|Loading…/, { timeout: 15_000 });
  return page.evaluate((leftOut) => {
    // Left out: message bodies (in the recipient's language), and what the caller names.
    const hidden = [...document.querySelectorAll<HTMLElement>(leftOut)];
    hidden.forEach((e) => (e.style.display = 'none'));
    const text = document.body.innerText;
    hidden.forEach((e) => (e.style.display = ''));
    return text;
  }, leftOut);
}

/** The English texts that appear in `text` as whole words, once every Dutch text is taken
 * out (longest first). */
function englishIn(text: string, texts: Texts): string[] {
  let rest = text;
  for (const dutch of [...texts.dutch].sort((a, b) => b.length - a.length)) {
    rest = rest.split(dutch).join(' ¶ ');
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return texts.english.filter((e) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escape(e)}(?![\\p{L}\\p{N}])`, 'u').test(rest),
  );
}

test.describe.serial('in Dutch', () => {
  let record = '';
  let refused = '';
  let request = '';
  let receipt = '';

  test.beforeAll(async ({ request: api }) => {
    await ensureSetUp(api);
  });

  test('the catalogues are read: English texts that differ from their Dutch ones', async ({ request: api }) => {
    const admin = adminTexts();
    expect(admin.english).toContain('Compliance Settings');
    expect(admin.english).toContain('Legitimate Interests');
    expect(admin.english).not.toContain('Outbox');
    expect(admin.dutch).toContain('Nalevingsinstellingen');
    expect(admin.english).toContain('Data subject (e-mail address verified)');
    const server = serverTexts().english;
    expect(server).toContain(' delivered: the mail server accepted it'.trim());
    expect(server).toContain('data subject (verified e-mail)');
    expect((await publicTexts(api)).english).toContain('Check a consent receipt');
    // The check itself: English in a Dutch page is found, Dutch is not.
    expect(englishIn('Instellingen · Legitimate Interests', admin)).toEqual(['Legitimate Interests']);
    const named = admin.dutch.find((t) => t.includes('Standard Webhooks'))!;
    expect(englishIn(`Details · ${named}`, admin)).toEqual([]);
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
      .getByRole('link', { name: 'Download uw ondertekende bewijs van toestemming' })
      .getAttribute('href');
    receipt = decodeURIComponent(href!.split(',')[1]);
    await context.close();

    // A consent request the mail server refuses: the Outbox and the record's history say so.
    const refuse = join(process.env.E2E_DATA_DIR ?? '/tmp/consentry-e2e', 'refuse');
    writeFileSync(refuse, '550 5.1.1 No such mailbox here');
    try {
      const second = await api.post('/api/v1/records', {
        headers,
        data: {
          module_id: leads.id,
          fields: { first_name: 'Mila', last_name: 'Visser', email: 'mila@example.nl' },
          basis: { basis: 'consent' },
        },
      });
      refused = (await second.json()).id;
      await api.post(`/api/v1/records/${refused}/consent-requests`, { headers, data: { form_id: form.id } });
      await expect
        .poll(async () => (await (await api.get(`/api/v1/records/${refused}`)).json()).consent_request?.state, {
          timeout: 15_000,
        })
        .toBe('failed');
    } finally {
      rmSync(refuse, { force: true });
    }

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
    const extended = await api.post(`/api/v1/requests/${request}/actions`, {
      headers,
      data: { action: 'extend', months: 1, reason: 'Veel systemen' },
    });
    expect(extended.status()).toBe(200);
  });

  test('the admin app in Dutch shows no English text', async ({ page }) => {
    await signIn(page);
    await page.evaluate(() => localStorage.setItem('consentry.lang', 'nl'));
    const english = merge(adminTexts(), serverTexts());
    const pages = [
      '/admin/setup/compliance',
      '/admin/setup/compliance/overview',
      '/admin/records',
      `/admin/records/${record}`,
      `/admin/records/${refused}`,
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
      // The audit trail's details too: every entry the other tests left behind.
      const words = englishIn(await visibleText(page), english);
      if (words.length > 0) found[path] = words;
    }
    expect(found).toEqual({});
    // The evidence report downloaded from the Dutch request page is the regulator's document:
    // Dutch through and through, its steps' details as facts, never JSON.
    await page.goto(`/admin/setup/requests/${request}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Bewijsrapport downloaden' }).click(),
    ]);
    const report = readFileSync(await download.path(), 'utf8');
    expect(report).toContain('<html lang="nl">');
    const reportText = report
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<[^>]+>/g, ' \n ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(reportText).toContain('Bewijs van een verzoek van een betrokkene');
    expect(reportText).not.toMatch(/[{}"]/);
    expect(englishIn(reportText, english)).toEqual([]);
    // The audit trail's details are shown, as labelled facts in Dutch, never as JSON.
    await page.goto('/admin/setup/compliance/audit');
    const details = page.locator('dl.audit-detail');
    await expect(details.first()).toBeVisible();
    await expect(page.locator('dl.audit-detail dt', { hasText: 'Rechtsgrond' }).first()).toBeVisible();
    await expect(page.locator('dl.audit-detail dd', { hasText: 'Toestemming' }).first()).toBeVisible();
    expect(await page.locator('.audit-detail').allInnerTexts()).not.toContainEqual(expect.stringMatching(/[{}"]/));

    // The same check finds the English of the English app: it can fail.
    await page.evaluate(() => localStorage.setItem('consentry.lang', 'en'));
    await page.goto(`/admin/records/${record}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const inEnglish = englishIn(await visibleText(page), english);
    expect(inEnglish).toContain('Basis and consent history');
    expect(inEnglish).toContain('delivered: the mail server accepted it');
    await page.goto('/admin/setup/outbox');
    const outbox = englishIn(await visibleText(page), english);
    expect(outbox).toContain('Refused by the mail server, not retried:');
    await page.goto('/admin/setup/compliance/audit');
    expect(englishIn(await visibleText(page), english)).toContain('Legal basis');
  });

  test('the receipt check page in Dutch shows no English text', async ({ browser, request: api }) => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto('/receipts/verify');
    await page.getByLabel('Bewijs').fill(receipt);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await expect(page.locator('#receipt-result')).toContainText('Geldig: ondertekend door');
    await expect(page.locator('#receipt-result')).toContainText('Toestemming gegeven');
    // The language switch names every language in itself ("English" among them).
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    const text = await page.locator('main').innerText();
    expect(englishIn(text, merge(await publicTexts(api), adminTexts()))).toEqual([]);
    await context.close();
  });
});
