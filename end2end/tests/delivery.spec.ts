// Every record tells the truth: a bulk consent request the mail server refuses leaves each
// record where it was, says so, and is delivered by *Retry failed* in the Outbox once the
// server takes mail again; only then do the records wait.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';
import { mailTo } from './mailbox';

const dataDir = process.env.E2E_DATA_DIR ?? '/tmp/consentry-e2e';
// While this file holds an SMTP reply, the tests' mail server answers every message with it.
const refuse = join(dataDir, 'refuse');
const headers = { 'x-requested-with': 'consentry' };
const addresses = ['onbereikbaar1@example.nl', 'onbereikbaar2@example.nl', 'onbereikbaar3@example.nl'];

test.describe.serial('delivery decides', () => {
  const records: string[] = [];

  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
    const modules = await (await request.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    await request.put(`/api/v1/modules/${leads.id}/compliance`, { headers, data: { compliance_enabled: true } });
    // A published form of its own.
    const form = await (await request.post('/api/v1/forms', { headers, data: { name: 'Bereikbaarheid' } })).json();
    const draft = form.draft;
    draft.purposes = [{ key: 'service', required: true }];
    for (const lang of ['en', 'nl']) {
      draft.texts[lang].purposes = { service: { title: 'Service', description: 'Messages about your account' } };
    }
    draft.channels = ['email'];
    expect((await request.put(`/api/v1/forms/${form.id}/draft`, { headers, data: draft })).status()).toBe(200);
    expect((await request.post(`/api/v1/forms/${form.id}/publish`, { headers, data: {} })).status()).toBe(200);
    for (const [i, email] of addresses.entries()) {
      const created = await request.post('/api/v1/records', {
        headers,
        data: {
          module_id: leads.id,
          fields: { first_name: `Lid ${i + 1}`, last_name: 'Onbereikbaar', email },
          basis: { basis: 'consent' },
        },
      });
      expect(created.status()).toBe(201);
      records.push((await created.json()).id);
    }
  });

  test.afterAll(() => {
    rmSync(refuse, { force: true });
  });

  test('a bulk request the mail server refuses leaves every record Pending and says so', async ({ page }) => {
    writeFileSync(refuse, '550 5.7.1 Relaying denied');
    await signIn(page);
    await page.goto('/admin/records?q=Onbereikbaar&basis=consent');
    await page.locator('#action-ask-consent').click();
    await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Bereikbaarheid' });
    await page.locator('#bulk-consent-title ~ .inline-form button').click();
    // Asked in the page, naming how many records and what happens to them.
    const confirm = page.getByRole('dialog', { name: '3 records will be asked for consent. Continue?' });
    await expect(confirm).toContainText('moves to Waiting only once its mail is delivered');
    await confirm.getByRole('button', { name: 'Send consent requests (3)' }).click();
    await expect(confirm).toBeHidden();
    // Counted as the mail server answers, also after the job's own pass.
    await expect(page.locator('#bulk-consent-result')).toContainText('Requests made: 3');
    await expect(page.locator('#bulk-consent-result')).toContainText('Not delivered: 3', { timeout: 20_000 });
    await expect(page.locator('#bulk-consent-result')).toContainText('Delivered: 0');
    await expect(page.locator('#bulk-consent-undelivered')).toContainText('stay as they were');
    await expectAccessible(page);

    // A record: still Pending, its request not delivered, and its history says so.
    await page.goto(`/admin/records/${records[0]}`);
    await expect(page.locator('dd.consent-status')).toHaveText('Pending');
    await expect(page.locator('#consent-request-delivery')).toContainText('Delivery failed');
    await expect(page.locator('ol.history')).toContainText('Consent request not delivered');
    await expect(page.locator('ol.history')).toContainText('Consent request queued for delivery');
    await expectAccessible(page);
  });

  test('Retry failed in the Outbox delivers each message once, and only then the records wait', async ({ page }) => {
    rmSync(refuse, { force: true });
    await signIn(page);
    await page.getByRole('link', { name: 'Outbox' }).click();
    const failed = page.locator('#outbox-failed');
    await expect(failed).toContainText('3 messages were not delivered.');
    // The stored message never shows the personal link.
    const mine = page.locator('#outbox tbody tr', { hasText: addresses[0] }).first();
    await expect(mine).toContainText('Failed');
    await expect(mine).toContainText('Relaying denied');
    await expect(mine.locator('pre.message-body')).toContainText('/c/••••••••');
    // Filtered by delivery status: only the failed ones, then every message again.
    const listed = page.locator('#outbox tbody tr');
    const filter = page.getByLabel('Delivery', { exact: true });
    await filter.selectOption({ label: 'Sent' });
    await expect(listed.locator('span.delivery.failed')).toHaveCount(0);
    await filter.selectOption({ label: 'Failed' });
    await expect(listed).toHaveCount(3);
    await expect(listed.locator('span.delivery:not(.failed)')).toHaveCount(0);
    await filter.selectOption({ label: 'Any status' });
    await expect(listed.locator('span.delivery.failed')).toHaveCount(3);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Retry failed' }).click();
    await expect(page.locator('#toasts')).toContainText('Messages queued again: 3');
    for (const address of addresses) {
      await mailTo(address, /https?:\/\/\S+\/c\/[\w-]{43}/);
    }
    await expect
      .poll(async () => {
        await page.reload();
        return page.locator('#outbox tbody tr', { hasText: addresses[2] }).first().locator('span.delivery').innerText();
      })
      .toContain('Sent');
    await expect(page.locator('#outbox-failed')).toHaveCount(0);

    for (const id of records) {
      await page.goto(`/admin/records/${id}`);
      await expect(page.locator('dd.consent-status')).toHaveText('Waiting');
      await expect(page.locator('#consent-request-delivery')).toContainText('Delivered');
    }
    await expect(page.locator('ol.history')).toContainText('Consent request delivered');
  });
});
