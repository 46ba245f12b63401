// Integrations (runs after the compliance journey, which starts from untouched modules).
// API keys and webhooks: an administrator creates a key, an integrator uses it, revoking it
// stops it; a webhook reaches a receiver, signed, and the delivery log shows it.
import { createServer } from 'node:http';
import { createHmac } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';

test.describe.serial('API keys', () => {
  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
  });

  test('create a key with a scope, use it as Bearer, revoke it', async ({ page, playwright, baseURL }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'API keys' }).click();
    await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Create API key' }).click();
    await expect(page.locator('#field-name-error')).toHaveText('Fill in this field.');
    await page.getByLabel('What is it for?').fill('Webshop');
    await page.getByLabel(/records:read/).check();
    await page.getByRole('button', { name: 'Create API key' }).click();
    const secret = (await page.locator('#new-key-secret').textContent())!;
    expect(secret).toMatch(/^ck_[\w-]{43}$/);
    await expect(page.locator('#api-keys tr', { hasText: 'Webshop' })).toContainText('records:read');
    await expectAccessible(page);

    const integrator = await playwright.request.newContext({ baseURL });
    const auth = { Authorization: `Bearer ${secret}` };
    expect((await integrator.get('/api/v1/records', { headers: auth })).status()).toBe(200);
    expect((await integrator.get('/api/v1/compliance/settings', { headers: auth })).status()).toBe(403);

    await page.getByRole('button', { name: 'Revoke · Webshop' }).click();
    const revoke = page.getByRole('dialog', { name: 'Revoke: Webshop' });
    await expect(revoke).toContainText('Systems using it stop working at once.');
    await revoke.getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The key is revoked' })).toBeVisible();
    await expect(page.locator('#api-keys tr', { hasText: 'Webshop' })).toContainText('Revoked');
    expect((await integrator.get('/api/v1/records', { headers: auth })).status()).toBe(401);
    await integrator.dispose();

    // The reference an integrator reads, from the same OpenAPI document.
    await page.getByRole('link', { name: /API reference/ }).click();
    await expect(page.getByRole('heading', { name: 'Consentry API reference' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'GET /api/v1/records', exact: true })).toBeVisible();
    await expectAccessible(page);
  });

  test('a webhook posts a signed event to a receiver and the log shows it delivered', async ({ page }) => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;

    await signIn(page);
    await page.goto('/admin/setup/api-keys');
    await page.getByLabel('Address (https://)').fill(`http://127.0.0.1:${port}/hook`);
    await page.getByLabel(/record\.basis_changed/).check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = (await page.locator('#new-webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    // The secret is one click from the clipboard, and the page says it is there.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy · Signing secret' }).click();
    await expect(page.locator('#new-webhook .copy-state')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await expect(page.locator('#webhooks')).toContainText(`http://127.0.0.1:${port}/hook`);
    await expectAccessible(page);

    const headers = { 'x-requested-with': 'consentry' };
    const modules = await (await page.request.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    await page.request.put(`/api/v1/modules/${leads.id}/compliance`, { headers, data: { compliance_enabled: true } });
    const record = await (await page.request.post('/api/v1/records', {
      headers, data: { module_id: leads.id, fields: { last_name: 'Hook' } },
    })).json();
    await page.request.put(`/api/v1/records/${record.id}/basis`, { headers, data: { basis: 'contract' } });

    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(0);
    const { headers: got, body } = received[0];
    expect(got['consentry-event']).toBe('record.basis_changed');
    // Standard Webhooks: base64 HMAC-SHA256 of "<id>.<timestamp>.<body>" under the key the
    // whsec_ secret encodes.
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const signed = `${got['webhook-id']}.${got['webhook-timestamp']}.${body}`;
    expect(String(got['webhook-signature']))
      .toBe(`v1,${createHmac('sha256', key).update(signed).digest('base64')}`);
    expect(Math.abs(Date.now() / 1000 - Number(got['webhook-timestamp']))).toBeLessThan(300);
    const payload = JSON.parse(body);
    expect(payload.type).toBe('record.basis_changed');
    expect(payload.data.event_id).toBe(got['webhook-id']);
    expect(payload.data.record_id).toBe(record.id);
    expect(payload.data.after.basis).toBe('contract');
    receiver.close();

    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.locator('#webhook-deliveries tr', { hasText: 'record.basis_changed' }).first())
      .toContainText('Delivered');
  });
});
