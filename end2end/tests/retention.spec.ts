// Storage limitation: a legal hold placed on the record page keeps a record; the Retention
// review lists what lapsed past the retention period (here: contracts that ended long ago),
// per reason, and erases it in bulk after an in-page confirmation naming how many.
import { APIRequestContext } from '@playwright/test';
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';

const headers = { 'x-requested-with': 'consentry' };

/** Sets the retention period with compliance on; answers the settings as they were. */
async function setRetention(request: APIRequestContext, days: number | null) {
  const before = await (await request.get('/api/v1/compliance/settings')).json();
  const saved = await request.put('/api/v1/compliance/settings', {
    headers,
    data: { ...before, enabled: true, retention_days: days },
  });
  expect(saved.status()).toBe(200);
  return before;
}

test.describe.serial('the Retention review erases what lapsed, and a legal hold keeps a record', () => {
  const records: string[] = [];
  let settingsBefore: object = {};

  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
    const created = await request.post('/api/v1/modules', { headers, data: { name: 'Retention suppliers' } });
    expect(created.status()).toBe(201);
    const module = (await created.json()).id;
    const on = await request.put(`/api/v1/modules/${module}/compliance`, {
      headers,
      data: { compliance_enabled: true },
    });
    expect(on.status()).toBe(200);
    for (const last of ['Heldervoort', 'Lapsinga', 'Verstreken']) {
      const record = await request.post('/api/v1/records', {
        headers,
        data: {
          module_id: module,
          fields: { first_name: 'Rina', last_name: last, email: `${last.toLowerCase()}@suppliers.example` },
          basis: { basis: 'contract', lawful_reason: 'Supply contract 2019' },
        },
      });
      expect(record.status()).toBe(201);
      const id = (await record.json()).id as string;
      const ended = await request.put(`/api/v1/records/${id}/retention`, {
        headers,
        data: { contract_ended_on: '2025-01-15' },
      });
      expect(ended.status()).toBe(200);
      records.push(id);
    }
    settingsBefore = await setRetention(request, 30);
  });

  test.afterAll(async ({ request }) => {
    await ensureSetUp(request);
    const restored = await request.put('/api/v1/compliance/settings', { headers, data: settingsBefore });
    expect(restored.status()).toBe(200);
  });

  test('a legal hold is placed from the record page with its reason', async ({ page }) => {
    await signIn(page);
    await page.goto(`/admin/records/${records[0]}`);
    const section = page.locator('section[aria-labelledby="retention-title"]');
    await expect(section.getByLabel('Contract ended on')).toHaveValue('2025-01-15');
    await section.getByLabel('Legal hold').check();
    await section.getByLabel('Why it is kept').fill('Claim 2026-88 pending');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('#legal-hold-notice')).toContainText('Claim 2026-88 pending');
    await expect(page.locator('#legal-hold-notice')).toContainText('ada@acme.example');
    await expectAccessible(page);
  });

  test('the review lists the lapsed records per reason and erases them after a confirmation', async ({ page }) => {
    await signIn(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Retention review' }).click();
    await expect(page).toHaveURL(/\/admin\/setup\/compliance\/retention$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Retention review' })).toBeVisible();
    await expect(page.locator('#retention-period')).toContainText('30');
    await page.getByRole('button', { name: 'Review now' }).click();
    await expect(page.locator('#retention-done')).toHaveText('The records were reviewed just now.');
    await expect(page.locator('#retention-counts tr[data-reason="contract_ended"] td')).toHaveText('2');
    const rows = page.locator('#retention-records tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Lapsinga' })).toContainText('Contract ended');
    await expect(page.locator('#retention-records')).not.toContainText('Heldervoort');
    await page.getByLabel('Reason').selectOption('contract_ended');
    await expect(rows).toHaveCount(2);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Erase lapsed records (2)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erase these records for good?' });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Erase lapsed records (2)' }).click();
    await expect(page.locator('#retention-done')).toContainText('Records erased: 2');
    await expect(page.locator('#retention-empty')).toBeVisible();
    await expect(page.locator('#retention-counts tr[data-reason="contract_ended"] td')).toHaveText('0');

    const gone = await page.request.get(`/api/v1/records/${records[1]}`);
    expect(gone.status()).toBe(404);
    const held = await page.request.get(`/api/v1/records/${records[0]}`);
    expect(held.status()).toBe(200);
    const trail = await (await page.request.get('/api/v1/audit?action=records.retention_erased')).json();
    expect(trail[0].after.records).toBe(2);
  });
});
