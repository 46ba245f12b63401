// Consent that ages: with a consent lifetime set, the Overview counts consent due for renewal,
// the record list filters by it, and a bulk consent request asks exactly those records again.
import { test, expect, expectAccessible, ensureSetUp, publishedForm, signIn } from './fixtures';
import { mailTo } from './mailbox';

const headers = { 'x-requested-with': 'consentry' };
const addresses = ['vernieuw1@members.example', 'vernieuw2@members.example'];

async function consentLifetime(request: import('@playwright/test').APIRequestContext, days: number | null) {
  const settings = await (await request.get('/api/v1/compliance/settings')).json();
  settings.consent_lifetime_days = days;
  const saved = await request.put('/api/v1/compliance/settings', { headers, data: settings });
  expect(saved.status()).toBe(200);
}

test.describe.serial('consent due for renewal is found and asked again', () => {
  let module = '';

  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
    const created = await request.post('/api/v1/modules', { headers, data: { name: 'Renewal members' } });
    expect(created.status()).toBe(201);
    module = (await created.json()).id;
    await request.put(`/api/v1/modules/${module}/compliance`, { headers, data: { compliance_enabled: true } });
    await publishedForm(request, 'Lidmaatschap');
    const given = ['2024-06-01', '2024-09-15', new Date().toISOString().slice(0, 10)];
    for (const [i, date] of given.entries()) {
      const record = await request.post('/api/v1/records', {
        headers,
        data: {
          module_id: module,
          fields: { first_name: `Lid ${i + 1}`, last_name: 'Vernieuwing', email: addresses[i] ?? 'vers@members.example' },
        },
      });
      expect(record.status()).toBe(201);
      const id = (await record.json()).id;
      const recorded = await request.post(`/api/v1/records/${id}/consent`, {
        headers,
        data: { decision: 'granted', date, through: 'web_form', contact_through: ['email'], evidence: 'Membership form' },
      });
      expect(recorded.status()).toBe(200);
    }
    await consentLifetime(request, 365);
  });

  test.afterAll(async ({ request }) => {
    await ensureSetUp(request);
    await consentLifetime(request, null);
  });

  test('the Overview counts it, the list filters by it, and a bulk request asks those records', async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/setup/compliance/overview');
    const tile = page.locator('#count-renewal-due');
    await expect(tile).toBeVisible();
    expect(Number(await tile.textContent())).toBeGreaterThanOrEqual(2);

    await page.goto(`/admin/records?module=${module}`);
    await expect(page.locator('table.data tbody tr')).toHaveCount(3);
    await page.getByLabel('Consent status').selectOption({ label: 'Renewal due' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/renewal_due=true/);
    await expect(page.locator('table.data tbody tr')).toHaveCount(2);
    await expect(page.locator('table.data')).not.toContainText('vers@members.example');
    await expectAccessible(page);

    await page.locator('#action-ask-consent').click();
    await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Lidmaatschap' });
    await page.locator('#bulk-consent-title ~ .inline-form button').click();
    const confirm = page.getByRole('dialog', { name: '2 records will be asked for consent. Continue?' });
    await confirm.getByRole('button', { name: 'Send consent requests (2)' }).click();
    await expect(page.locator('#bulk-consent-result')).toContainText('Requests made: 2');
    for (const address of addresses) {
      expect((await mailTo(address, /https?:\/\/\S+\/c\/\S+/))[0]).toContain('/c/');
    }
  });
});
