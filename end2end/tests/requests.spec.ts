// Data-subject requests: a subject asks in the privacy centre and proves their address with
// the mailed code; the privacy officer finds it in the queue and handles it.
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';
import { mailTo } from './mailbox';

test.describe.serial('data-subject requests', () => {
  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
  });

  test('an access request from the privacy centre, verified by code, handled in the queue', async ({ page, browser }) => {
    await signIn(page);
    const headers = { 'x-requested-with': 'consentry' };
    const modules = await (await page.request.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    await page.request.put(`/api/v1/modules/${leads.id}/compliance`, { headers, data: { compliance_enabled: true } });
    await page.request.post('/api/v1/records', {
      headers,
      data: { module_id: leads.id, fields: { last_name: 'Mulder', email: 'kees@example.nl' } },
    });

    // The data subject, in Dutch.
    const context = await browser.newContext({ locale: 'nl-NL' });
    const subject = await context.newPage();
    await subject.goto('/privacy/acme-b-v');
    await expect(subject.getByRole('heading', { name: 'Privacycentrum' })).toBeVisible();
    await expectAccessible(subject);
    await subject.getByLabel('Mijn gegevens inzien').check();
    await subject.getByLabel('Uw e-mailadres').fill('kees@example');
    await subject.getByRole('button', { name: 'Stuur mij een code' }).click();
    await expect(subject.locator('#privacy-email-error')).toHaveText('Vul een e-mailadres in, zoals naam@voorbeeld.nl.');
    await subject.getByLabel('Uw e-mailadres').fill('kees@example.nl');
    await subject.getByRole('button', { name: 'Stuur mij een code' }).click();
    await expect(subject.getByText('We sturen een code van zes cijfers')).toBeVisible();

    // The code, from the mail the SMTP server received.
    const code = (await mailTo('kees@example.nl', /\b\d{6}\b/))[0];
    await subject.getByLabel('Code uit de e-mail').fill(code === '000000' ? '111111' : '000000');
    await subject.getByRole('button', { name: 'Mijn verzoek bevestigen' }).click();
    await expect(subject.locator('#privacy-code-error')).toHaveText('Die code klopt niet. Kijk in de e-mail en probeer het opnieuw.');
    await subject.getByLabel('Code uit de e-mail').fill(code);
    await subject.getByRole('button', { name: 'Mijn verzoek bevestigen' }).click();
    await expect(subject.locator('#request-filed')).toContainText('Uw verzoek is ingediend.');
    await expectAccessible(subject);
    await context.close();

    // The privacy officer: the queue, then the request.
    await page.getByRole('link', { name: 'Requests' }).click();
    await expect(page.getByRole('heading', { name: 'Requests', level: 1 })).toBeVisible();
    const row = page.locator('#request-queue tr', { hasText: 'kees@example.nl' });
    await expect(row).toContainText('Verified');
    await expect(row).toContainText('Privacy centre');
    await expectAccessible(page);
    await row.getByRole('link', { name: 'Access' }).click();
    await expect(page.locator('#request-status')).toHaveText('Verified');
    await expect(page.locator('#request-facts')).toContainText('kees@example.nl');
    await page.getByLabel('Reason (the data subject is told)').fill('Data spread over many systems');
    await page.getByRole('button', { name: 'Extend the deadline' }).click();
    await expect(page.locator('#request-facts')).toContainText('Data spread over many systems');
    await expectAccessible(page);
    const review = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the export to review' }).click();
    expect((await review).suggestedFilename()).toBe('subject-export.zip');
    await page.getByRole('button', { name: 'Send the subject their download link' }).click();
    await expect(page.locator('#request-status')).toHaveText('Completed');
    await expect(page.locator('#request-facts')).toContainText('Ada Admin');

    // The subject downloads their data through the link in the mail, without signing in.
    const link = (await mailTo('kees@example.nl', /https?:\/\/\S+\/api\/public\/exports\/\S+/))[0];
    const reader = await browser.newContext();
    const download = await reader.request.get(link);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/zip');
    expect((await download.body()).subarray(0, 2).toString()).toBe('PK');
    await reader.close();
  });

  test('an erasure request from the privacy centre, carried out by the privacy officer', async ({ page, browser }) => {
    await signIn(page);
    const headers = { 'x-requested-with': 'consentry' };
    const modules = await (await page.request.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    const created = await page.request.post('/api/v1/records', {
      headers,
      data: { module_id: leads.id, fields: { first_name: 'Lies', last_name: 'Verbeek', email: 'lies@example.nl' } },
    });
    const record = await created.json();

    const context = await browser.newContext({ locale: 'en-GB' });
    const subject = await context.newPage();
    await subject.goto('/privacy/acme-b-v');
    await subject.getByLabel('Erase my data').check();
    await subject.getByLabel('Your e-mail address').fill('lies@example.nl');
    await subject.getByRole('button', { name: 'Send me a code' }).click();
    await expect(subject.getByText('We are sending a six-digit code')).toBeVisible();
    await subject.getByLabel('Code from the e-mail').fill((await mailTo('lies@example.nl', /\b\d{6}\b/))[0]);
    await subject.getByRole('button', { name: 'Confirm my request' }).click();
    await expect(subject.locator('#request-filed')).toContainText('Your request is filed.');
    await context.close();

    await page.goto('/admin/setup/requests');
    const row = page.locator('#request-queue tr', { hasText: 'lies@example.nl' });
    await row.getByRole('link', { name: 'Erasure' }).click();
    await expect(page.locator('#request-facts')).toContainText(record.id);
    // Asked in the page, naming the subject and how many records go; Escape leaves them.
    const erase = page.getByRole('button', { name: "Erase the subject's data" });
    const confirm = page.getByRole('dialog', { name: /^Erase the subject's data: / });
    await erase.click();
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText('Records: 1');
    await expect(confirm).toContainText('This cannot be undone.');
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(erase).toBeFocused();
    await expect(page.locator('#request-status')).not.toHaveText('Completed');
    await erase.click();
    await confirm.getByRole('button', { name: "Erase the subject's data" }).click();
    await expect(page.getByRole('status').filter({ hasText: "The data subject's personal data is erased. They were sent a confirmation" })).toBeVisible();
    await mailTo('lies@example.nl', /We erased your personal data\./);
    await expect(page.locator('#request-status')).toHaveText('Completed');
    await expect(page.locator('#request-facts')).toContainText('Erased (code ');
    await expect(page.locator('#request-facts')).not.toContainText('lies@example.nl');
    await expectAccessible(page);
    const gone = await page.request.get(`/api/v1/records/${record.id}`);
    expect(gone.status()).toBe(404);
  });

  test("a rectification: the subject's words beside the record, corrected and applied", async ({ page }) => {
    await signIn(page);
    const headers = { 'x-requested-with': 'consentry' };
    const modules = await (await page.request.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    const record = await (await page.request.post('/api/v1/records', {
      headers,
      data: { module_id: leads.id, fields: { first_name: 'Piet', last_name: 'Jansenn', email: 'piet@example.nl' } },
    })).json();
    const filed = await (await page.request.post(`/api/v1/records/${record.id}/requests`, {
      headers,
      data: { kind: 'rectification', source: 'email', requested_by: 'piet@example.nl',
              requested_on: new Date().toISOString().slice(0, 10), details: 'My last name is Jansen, with one n.' },
    })).json();
    await page.request.post(`/api/v1/requests/${filed.id}/actions`, { headers, data: { action: 'verify' } });

    await page.goto(`/admin/setup/requests/${filed.id}`);
    await expect(page.getByText('My last name is Jansen, with one n.').last()).toBeVisible();
    await page.locator(`#rectify-${record.id}-last_name`).fill('Jansen');
    await page.getByRole('button', { name: 'Apply the correction to this record' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Correction applied.' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Mark completed' }).click();
    await expect(page.locator('#request-status')).toHaveText('Completed');
    const fixed = await (await page.request.get(`/api/v1/records/${record.id}`)).json();
    expect(fixed.fields.last_name).toBe('Jansen');
    expect(fixed.updated.detail).toBe('Rectification request');
  });
});
