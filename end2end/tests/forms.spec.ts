// Consent forms as a privacy officer designs them: texts per language, purposes, a live
// preview drawn by the data subject's own component, and immutable published versions.
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';

test.describe.serial('consent forms', () => {
  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
  });

  test('design a form in Dutch, see the preview follow, and publish it', async ({ page }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Consent forms' }).click();
    await page.getByLabel('Form name').fill('Nieuwsbrief');
    await page.getByRole('button', { name: 'Create form' }).click();
    await expect(page.getByRole('heading', { name: /Nieuwsbrief/, level: 1 })).toBeVisible();
    await expect(page.locator('#form-status')).toContainText('Not published yet');

    await page.getByLabel('Language you are editing').selectOption('nl');
    const preview = page.locator('.preview');
    await expect(preview.getByRole('heading', { name: 'Uw privacykeuzes' })).toBeVisible();
    await page.getByLabel('Title', { exact: true }).first().fill('Blijf op de hoogte');
    await expect(preview.getByRole('heading', { name: 'Blijf op de hoogte' })).toBeVisible();

    await page.getByLabel('Key').fill('evenementen');
    await page.getByRole('button', { name: 'Add purpose' }).click();
    await page.locator('#purpose-evenementen-title').fill('Evenementen');
    await page.locator('#purpose-evenementen-required').check();
    await expect(preview.getByLabel(/Evenementen \(verplicht\)/)).toBeChecked();
    await expect(preview.getByLabel(/Evenementen/)).toBeDisabled();
    await page.locator('#channel-phone').check();
    await expect(preview.getByLabel('Telefoon')).toBeVisible();

    // A text left empty is refused, naming it.
    await page.locator('#text-submit-label').fill('');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('alert')).toContainText('texts.nl.submit_label');
    await page.locator('#text-submit-label').fill('Opslaan');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.locator('#form-status')).toContainText('Published version 1');
    await expect(page.locator('#form-status')).not.toContainText('not published');
    await expectAccessible(page);

    // The list shows the published version; reopening shows the saved Dutch text.
    await page.getByRole('link', { name: '← Consent forms' }).click();
    await expect(page.getByRole('row', { name: /Nieuwsbrief/ })).toContainText('1');
    await page.getByRole('link', { name: 'Nieuwsbrief' }).click();
    await page.getByLabel('Language you are editing').selectOption('nl');
    await expect(page.locator('#text-title')).toHaveValue('Blijf op de hoogte');
  });
});
