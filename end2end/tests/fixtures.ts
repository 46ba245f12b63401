// Every test fails on an uncaught page error or a console error: that is what catches a
// broken WebAssembly build (a blank page with an error in the console).
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend<{ errors: string[] }>({
  errors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        // Refusals the tests provoke (401 wrong password, 409 duplicate, ...) are shown by the
        // app and logged by the browser as failed resources; server errors (5xx) still fail.
        if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) {
          errors.push(`console: ${m.text()}`);
        }
      });
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Runs axe-core (WCAG 2.x A and AA rules) and expects no violations. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** The administrator every spec signs in as. */
export const admin = {
  organisation: 'Acme B.V.',
  name: 'Ada Admin',
  email: 'ada@acme.example',
  password: 'correct horse battery staple',
};

/** Creates the organisation through the first-run API unless a spec before did. */
export async function ensureSetUp(request: import('@playwright/test').APIRequestContext) {
  const status = await (await request.get('/api/v1/setup')).json();
  if (status.needs_setup) {
    const created = await request.post('/api/v1/setup', {
      headers: { 'x-requested-with': 'consentry' },
      data: {
        organisation_name: admin.organisation,
        organisation_slug: 'acme-b-v',
        admin_name: admin.name,
        admin_email: admin.email,
        admin_password: admin.password,
      },
    });
    expect(created.status()).toBe(201);
  } else {
    const signedIn = await request.post('/api/v1/session', {
      headers: { 'x-requested-with': 'consentry' },
      data: { email: admin.email, password: admin.password },
    });
    expect(signedIn.status()).toBe(200);
  }
  // Every receipt carries the controller's details: no form is published without them (the
  // first-run page of admin.spec.ts leaves them empty).
  const current = await (await request.get('/api/v1/compliance/controller')).json();
  if (!current.contact) {
    const profile = await request.put('/api/v1/compliance/controller', {
      headers: { 'x-requested-with': 'consentry' },
      data: controller,
    });
    expect(profile.status()).toBe(200);
  }
}

/** The controller's details (GDPR art. 13(1)(a)) the specs' organisation fills in. */
export const controller = {
  contact: 'Privacy officer',
  street_address: 'Herengracht 1',
  postal_code: '1015 BA',
  locality: 'Amsterdam',
  country: 'NL',
  email: 'privacy@acme.example',
  phone: '+31 20 123 4567',
  url: 'https://acme.example',
};

/** Signs in through the sign-in page. */
export async function signIn(page: Page) {
  await page.goto('/admin/sign-in');
  await page.getByLabel('E-mail address').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/admin\/setup\/compliance$/);
}

/** A custom module with compliance on, so a spec's records are its own. */
export async function moduleWithCompliance(
  request: import('@playwright/test').APIRequestContext,
  name: string,
): Promise<string> {
  const headers = { 'x-requested-with': 'consentry' };
  const created = await request.post('/api/v1/modules', { headers, data: { name } });
  expect(created.status()).toBe(201);
  const module = await created.json();
  const on = await request.put(`/api/v1/modules/${module.id}/compliance`, {
    headers,
    data: { compliance_enabled: true },
  });
  expect(on.status()).toBe(200);
  return module.id;
}

/** A consent form with one required purpose ("Service", in English and Dutch) offered by
 * e-mail, published; returns its id. */
export async function publishedForm(
  request: import('@playwright/test').APIRequestContext,
  name: string,
): Promise<string> {
  const headers = { 'x-requested-with': 'consentry' };
  const form = await (await request.post('/api/v1/forms', { headers, data: { name } })).json();
  const draft = form.draft;
  draft.purposes = [{ key: 'service', required: true }];
  for (const lang of ['en', 'nl']) {
    draft.texts[lang].purposes = { service: { title: 'Service', description: 'Messages about your membership' } };
  }
  draft.channels = ['email'];
  expect((await request.put(`/api/v1/forms/${form.id}/draft`, { headers, data: draft })).status()).toBe(200);
  expect((await request.post(`/api/v1/forms/${form.id}/publish`, { headers, data: {} })).status()).toBe(200);
  return form.id;
}
