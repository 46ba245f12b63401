// API keys: an administrator creates one, an integrator uses it, and revoking it stops it.
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

    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Revoke · Webshop' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The key is revoked' })).toBeVisible();
    await expect(page.locator('#api-keys tr', { hasText: 'Webshop' })).toContainText('Revoked');
    expect((await integrator.get('/api/v1/records', { headers: auth })).status()).toBe(401);
    await integrator.dispose();
  });
});
