// Every removal in the admin app asks first, in the page: a modal dialog titled with what is
// removed (the user, the webhook's address, the template, the field), saying what follows.
// Escape keeps the thing and returns focus to the button; confirming removes it. The browser's
// own confirm() is never used.
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn } from './fixtures';

const headers = { 'x-requested-with': 'consentry' };

/** Presses `button`, checks the dialog it opens, cancels with Escape, then confirms. */
async function removeAfterAsking(page: Page, button: string, dialog: string, says: string) {
  const opener = page.getByRole('button', { name: button });
  await opener.click();
  const confirm = page.getByRole('dialog', { name: dialog });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(says);
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(opener).toBeFocused();
  await opener.click();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.locator('.dialog-confirm').click();
  await expect(confirm).toBeHidden();
}

test('removals ask in an in-page dialog naming what goes; Escape keeps it', async ({ page }) => {
  await signIn(page);
  let nativeDialog = false;
  page.on('dialog', async (d) => {
    nativeDialog = true;
    await d.dismiss();
  });
  const api = page.request;

  expect((await api.post('/api/v1/users', {
    headers,
    data: { name: 'Tijdelijk Lid', email: 'tijdelijk@acme.example', profile: 'standard', password: 'a long enough password' },
  })).status()).toBe(201);
  await page.goto('/admin/users');
  const member = page.locator('table.data tr', { hasText: 'tijdelijk@acme.example' });
  await expect(member).toBeVisible();
  await removeAfterAsking(
    page,
    'Remove Tijdelijk Lid',
    'Remove: Tijdelijk Lid (tijdelijk@acme.example)',
    'Their sessions end at once',
  );
  await expect(member).toHaveCount(0);

  expect((await api.post('/api/v1/webhooks', {
    headers,
    data: { url: 'https://crm.acme.example/consentry-hook', events: ['dsr.created'] },
  })).status()).toBe(201);
  await page.goto('/admin/setup/api-keys');
  await expect(page.locator('#webhooks')).toContainText('crm.acme.example');
  await removeAfterAsking(
    page,
    'Remove · https://crm.acme.example/consentry-hook',
    'Remove: https://crm.acme.example/consentry-hook',
    'Consentry stops sending events to this address at once.',
  );
  await expect(page.locator('#webhooks')).not.toContainText('crm.acme.example');

  const template = await api.post('/api/v1/email-templates', {
    headers,
    data: { name: 'Weggooisjabloon', subject: 'Toestemming', body_text: 'Geef toestemming: {{consent_link}}' },
  });
  expect(template.status()).toBe(201);
  await page.goto(`/admin/setup/email-templates/${(await template.json()).id}`);
  await removeAfterAsking(page, 'Delete template', 'Delete template: Weggooisjabloon', 'stay in the outbox');
  await expect(page).toHaveURL(/\/admin\/setup\/email-templates$/);
  await expect(page.locator('main')).not.toContainText('Weggooisjabloon');

  const modules = await (await api.get('/api/v1/modules')).json();
  const leads = modules.find((m: { key: string }) => m.key === 'leads');
  expect((await api.post(`/api/v1/modules/${leads.id}/fields`, {
    headers,
    data: { label: 'Klantnummer oud', kind: 'text' },
  })).status()).toBe(201);
  await page.goto(`/admin/setup/modules/${leads.id}/fields`);
  const field = page.locator('table.data tr', { hasText: 'Klantnummer oud' });
  await expect(field).toBeVisible();
  await removeAfterAsking(page, 'Remove Klantnummer oud', 'Remove: Klantnummer oud', 'from every record of the module');
  await expect(field).toHaveCount(0);

  expect(nativeDialog, 'the browser confirm() was used').toBe(false);
});
