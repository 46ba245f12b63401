// The organisation's language and time zone: set once on Compliance settings, every page shows
// moments in that zone (in the reader's language), a new template starts in that language, and
// asking a record for consent starts at the template written in it.
import { test, expect, expectAccessible, ensureSetUp, moduleWithCompliance, publishedForm, signIn } from './fixtures';

const headers = { 'x-requested-with': 'consentry' };

test.describe.serial('the organisation language and time zone', () => {
  let record = '';
  let createdAt = '';
  let dutchTemplate = '';

  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
    const module = await moduleWithCompliance(request, `Zone members ${Date.now()}`);
    await publishedForm(request, `Zone ${Date.now()}`);
    const created = await request.post('/api/v1/records', {
      headers,
      data: {
        module_id: module,
        basis: { basis: 'consent' },
        fields: { first_name: 'Zoë', last_name: 'Tijdzone', email: 'zoe@zone.example' },
      },
    });
    expect(created.status()).toBe(201);
    const body = await created.json();
    record = body.id;
    createdAt = body.created.at;
    // Two templates: the picker must choose by language, not by name or age.
    for (const [name, language] of [[`A English ${Date.now()}`, 'en'], [`B Nederlands ${Date.now()}`, 'nl']]) {
      const template = await request.post('/api/v1/email-templates', {
        headers,
        data: { name, language, subject: '{{org.name}}', body_text: 'Kies: {{consent_link}}' },
      });
      expect(template.status()).toBe(201);
      if (language === 'nl') dutchTemplate = (await template.json()).id;
    }
  });

  test.afterAll(async ({ request }) => {
    await ensureSetUp(request);
    const reset = await request.put('/api/v1/organisation/locale', {
      headers,
      data: { language: 'en', time_zone: 'UTC' },
    });
    expect(reset.status()).toBe(200);
  });

  test('set on Compliance settings, shown on every page', async ({ page }) => {
    await signIn(page);
    const section = page.locator('section[aria-labelledby="locale-title"]');
    await expect(section.getByRole('heading', { name: 'Language and time zone' })).toBeVisible();
    await section.getByLabel('Language of your e-mails').selectOption('nl');
    await section.getByLabel('Time zone').selectOption('Europe/Amsterdam');
    await section.getByRole('button', { name: 'Save language and time zone' }).click();
    await expect(section.getByText('Saved')).toBeVisible();
    await expectAccessible(page);

    // The record was created at `createdAt` (UTC): in December Amsterdam is an hour ahead.
    const utc = new Date(createdAt);
    const local = new Date(utc.getTime() + 3_600_000);
    const hhmm = local.toISOString().slice(11, 16);
    const day = local.getUTCDate();
    const month = local.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
    await page.goto(`/admin/records/${record}`);
    await expect(page.locator('main')).toContainText(`${day} ${month} ${local.getUTCFullYear()}, ${hhmm} CET`);

    // In Dutch, the same moment in Dutch words.
    await page.evaluate(() => localStorage.setItem('consentry.lang', 'nl'));
    await page.reload();
    const dutchMonth = local.toLocaleString('nl-NL', { month: 'short', timeZone: 'UTC' });
    await expect(page.locator('main')).toContainText(`${day} ${dutchMonth} ${local.getUTCFullYear()}, ${hhmm} CET`);
    await page.evaluate(() => localStorage.setItem('consentry.lang', 'en'));
  });

  test("the audit trail's days run from midnight to midnight in the organisation's zone", async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/setup/compliance/audit');
    await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
    await expect(page.getByText('Days run from midnight to midnight')).toContainText("the organisation's time zone");
    // A summer day (CEST, two hours ahead of UTC), two winter days (CET, one) and the day the
    // clocks go forward (it starts at CET and ends at CEST).
    for (const [from, until, start, end] of [
      ['2026-07-01', '2026-07-01', '2026-06-30T22:00:00Z', '2026-07-01T22:00:00Z'],
      ['2026-01-15', '2026-01-16', '2026-01-14T23:00:00Z', '2026-01-16T23:00:00Z'],
      ['2026-03-29', '2026-03-29', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z'],
    ]) {
      const asked = page.waitForRequest((r) => {
        const url = new URL(r.url());
        return url.pathname === '/api/v1/audit'
          && url.searchParams.get('from') === start
          && url.searchParams.get('until') === end;
      });
      await page.locator('#audit-from').fill(from);
      await page.locator('#audit-until').fill(until);
      await asked;
    }

    // Where the clocks skip midnight (Santiago goes from 00:00 to 01:00 on 6 September 2026),
    // the day starts at 01:00 there.
    const zone = async (time_zone: string) => {
      const saved = await page.request.put('/api/v1/organisation/locale', {
        headers,
        data: { language: 'nl', time_zone },
      });
      expect(saved.status()).toBe(200);
    };
    await zone('America/Santiago');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible();
    const asked = page.waitForRequest((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/v1/audit'
        && url.searchParams.get('from') === '2026-09-06T04:00:00Z'
        && url.searchParams.get('until') === '2026-09-07T03:00:00Z';
    });
    await page.locator('#audit-from').fill('2026-09-06');
    await page.locator('#audit-until').fill('2026-09-06');
    await asked;
    await zone('Europe/Amsterdam');
  });

  test('asking for consent starts at the template in the organisation language', async ({ page }) => {
    await signIn(page);
    await page.goto(`/admin/records/${record}`);
    await expect(page.locator('#consent-request-template')).toHaveValue(dutchTemplate);
    await page.goto('/admin/setup/email-templates/new');
    await expect(page.getByLabel('Written in')).toHaveValue('nl');
  });
  test('a request filed by hand is received on the organisation\'s day, also where that is not UTC\'s', async ({ page }) => {
    // A zone whose date differs from UTC's right now: far east late in UTC's day, far west
    // early in it.
    const zone = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const theirDay = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    expect(theirDay).not.toBe(new Date().toISOString().slice(0, 10));
    await signIn(page);
    const set = await page.request.put('/api/v1/organisation/locale', { headers, data: { language: 'en', time_zone: zone } });
    expect(set.status()).toBe(200);
    await page.goto(`/admin/records/${record}`);
    const received = page.locator('#field-requested_on');
    await expect(received).toHaveValue(theirDay);
    await page.getByRole('button', { name: 'File request' }).click();
    await expect(page.locator('#record-requests tbody tr').first()).toBeVisible();
    const requests = await (await page.request.get(`/api/v1/records/${record}/requests`)).json();
    expect(requests.map((r: { requested_on: string }) => r.requested_on)).toContain(theirDay);
  });
});
