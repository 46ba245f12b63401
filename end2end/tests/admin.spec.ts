// The admin's first journey: first run, sign out, sign in, switch to Dutch, manage users and
// compliance settings. One server and database for the whole file, so the steps run in order.
import { test, expect, expectAccessible, admin, signIn } from './fixtures';

test.describe.serial('admin app', () => {
  test('a fresh installation opens the first-run page, which is accessible', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/admin\/welcome$/);
    await expect(page.getByRole('heading', { name: 'Welcome to Consentry' })).toBeVisible();
    await expectAccessible(page);
  });

  test('first run refuses bad input beside the field, then creates the organisation', async ({ page }) => {
    await page.goto('/admin/welcome');
    await page.getByLabel('Organisation name').fill(admin.organisation);
    // The short name is suggested from the organisation's name.
    await expect(page.getByLabel('Short name')).toHaveValue('acme-b-v');
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('E-mail address').fill('not-an-address');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await expect(page.getByRole('alert').first()).toContainText('Check the marked fields');
    await expect(page.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Use at least 10 characters.')).toBeVisible();

    await page.getByLabel('E-mail address').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await expect(page).toHaveURL(/\/admin\/setup\/compliance$/);
    await expect(page.getByRole('heading', { name: 'Compliance Settings' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  });

  test('sign out, then a wrong password is refused and the right one signs in', async ({ page }) => {
    await signIn(page);
    await page.getByText('User menu: Ada Admin').click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
    // Signed out for real: app routes send us back to sign in.
    await page.goto('/admin/users');
    await expect(page).toHaveURL(/\/admin\/sign-in$/);
    await expectAccessible(page);

    await page.getByLabel('E-mail address').fill(admin.email);
    await page.getByLabel('Password').fill('wrong password, sorry');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong e-mail address or password.');

    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/setup\/compliance$/);
  });

  test('switching to Dutch changes the visible UI and is remembered', async ({ page }) => {
    await signIn(page);
    await page.getByLabel('Language', { exact: true }).selectOption('nl');
    await expect(page.getByRole('heading', { name: 'Nalevingsinstellingen' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Gebruikers' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Nalevingsinstellingen' })).toBeVisible();
    await page.getByLabel('Taal', { exact: true }).selectOption('en');
    await expect(page.getByRole('heading', { name: 'Compliance Settings' })).toBeVisible();
  });

  test('compliance settings are saved and survive a reload', async ({ page }) => {
    await signIn(page);
    await page.getByLabel('Enable GDPR compliance').check();
    await page.getByLabel('Waiting period for consent replies').fill('0');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Choose a number from 1 to 365.')).toBeVisible();
    await page.getByLabel('Waiting period for consent replies').fill('14');
    await page.getByLabel('Restrict processing until consent is obtained').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Enable GDPR compliance')).toBeChecked();
    await expect(page.getByLabel('Waiting period for consent replies')).toHaveValue('14');
    await expect(page.getByLabel('Restrict processing until consent is obtained')).toBeChecked();
    await expectAccessible(page);
  });

  test('an administrator adds a Standard user, who cannot reach the settings', async ({ page, browser }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill('Sam Staff');
    await page.getByLabel('E-mail address').fill('sam@acme.example');
    await page.getByLabel('Initial password').fill('another long password');
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'User added.' })).toBeVisible();
    await expect(page.getByRole('cell', { name: 'sam@acme.example' })).toBeVisible();
    await expectAccessible(page);

    const staff = await browser.newPage();
    await staff.goto('/admin/sign-in');
    await staff.getByLabel('E-mail address').fill('sam@acme.example');
    await staff.getByLabel('Password').fill('another long password');
    await staff.getByRole('button', { name: 'Sign in' }).click();
    // Standard users work with records: that is where they land.
    await expect(staff).toHaveURL(/\/admin\/records$/);
    await staff.goto('/admin/account');
    await expect(staff.getByText('Standard', { exact: true })).toBeVisible();
    await expect(staff.getByRole('link', { name: 'Compliance Settings' })).toHaveCount(0);
    await staff.goto('/admin/setup/compliance');
    await expect(staff.getByRole('alert')).toContainText('Your profile does not allow this.');
    await staff.close();
  });
});
