// Personal fields: the privacy officer marks the e-mail address Sensitive and encrypts it;
// the record stays findable by its exact address, and a Standard user sees it masked.
import { readFileSync } from 'node:fs';
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';

test.describe.serial('encryption at rest and masking', () => {
  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
  });

  test('encrypt the e-mail field, watch the progress finish, find the record, see it masked as Standard', async ({ page, browser }) => {
    await signIn(page);
    const headers = { 'x-requested-with': 'consentry' };
    const modules = await (await page.request.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    await page.request.put(`/api/v1/modules/${leads.id}/compliance`, { headers, data: { compliance_enabled: true } });
    const record = await (await page.request.post('/api/v1/records', {
      headers,
      data: { module_id: leads.id, fields: { first_name: 'Zwaan', last_name: 'Quist', email: 'zwaan@example.nl' } },
    })).json();

    // Setup › Modules and Fields › Leads: Sensitive, then encrypted.
    await page.goto(`/admin/setup/modules/${leads.id}/fields`);
    await page.locator('#personal-email').selectOption('sensitive');
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.getByLabel('Encrypt · E-mail').check();
    const job = page.locator('#encryption-jobs li', { hasText: 'E-mail' }).first();
    await expect(job).toContainText('Done');
    await expect(job.locator('progress')).toHaveAttribute('value', /[1-9]\d*/);
    await expect(job.locator('.progress-figures')).toHaveText(/^([1-9]\d*) \/ \1 · 100 %$/);
    const row = page.locator('tr', { hasText: 'email' }).first();
    await expect(row.locator('td.encryption')).toContainText('Encrypted');
    await expect(page.getByLabel('Encrypt · E-mail')).toBeChecked();
    await expect(page.getByLabel('Encrypt · E-mail')).toBeEnabled();
    await expectAccessible(page);

    // Found by its exact address, whatever the capitals; names are searched as before.
    await page.goto('/admin/records?q=ZWAAN%40example.nl');
    await expect(page.getByRole('link', { name: 'Zwaan Quist' })).toBeVisible();

    // A Standard user sees the address masked, and may reveal it (which is audited).
    await page.request.post('/api/v1/users', {
      headers,
      data: { name: 'Stan Dard', email: 'stan@acme.example', profile: 'standard', password: 'another long password' },
    });
    const context = await browser.newContext();
    const staff = await context.newPage();
    await staff.goto('/admin/sign-in');
    await staff.getByLabel('E-mail address').fill('stan@acme.example');
    await staff.getByLabel('Password').fill('another long password');
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await expect(staff).toHaveURL(/\/admin\/records$/);
    await expect(staff.locator('tr', { hasText: 'Zwaan Quist' })).toContainText('z•••@example.nl');
    // Their export shows it masked too.
    await staff.locator('#action-export').click();
    const exported = staff.waitForEvent('download');
    await staff.getByRole('link', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await exported).path(), 'utf8');
    expect(csv).toContain('z•••@example.nl');
    expect(csv).not.toContain('zwaan@example.nl');
    expect(csv.startsWith('\uFEFF"record_id","module_id"')).toBe(true);
    // The semicolon a Dutch Excel reads, chosen once and offered again on the next visit.
    await staff.getByLabel('CSV separator').selectOption('semicolon');
    const semicolons = staff.waitForEvent('download');
    await staff.getByRole('link', { name: 'Export CSV' }).click();
    const dutch = readFileSync(await (await semicolons).path(), 'utf8');
    expect(dutch.startsWith('\uFEFF"record_id";"module_id"')).toBe(true);
    await staff.reload();
    await staff.locator('#action-export').click();
    await expect(staff.getByLabel('CSV separator')).toHaveValue('semicolon');
    await staff.goto(`/admin/records/${record.id}`);
    await expect(staff.locator('#masked-values')).toContainText('z•••@example.nl');
    await expect(staff.locator('#field-email')).toHaveCount(0);
    await expectAccessible(staff);
    await staff.getByRole('button', { name: 'Reveal · E-mail' }).click();
    await expect(staff.locator('#masked-values')).toContainText('zwaan@example.nl');
    await context.close();

    // Personal data handling: exports leave out every personal field.
    await page.goto('/admin/setup/compliance');
    await page.getByLabel('CSV and JSON exports by staff').selectOption('all_personal');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await expectAccessible(page);
    const own = await page.request.get('/api/v1/records/export?format=json');
    const rows = await own.json();
    const zwaan = rows.find((r: { id: string }) => r.id === record.id);
    expect(zwaan.fields.email ?? null).toBeNull();
    expect(zwaan.fields.first_name ?? null).toBeNull();
    await page.getByLabel('CSV and JSON exports by staff').selectOption('none');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

    await page.goto('/admin/setup/compliance/audit');
    await expect(page.locator('table').getByText('Sensitive value revealed').first()).toBeVisible();
    await expect(page.locator('table tr', { hasText: 'Sensitive value revealed' }).first()).toContainText('stan@acme.example');
  });
});
