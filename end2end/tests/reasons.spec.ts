// Every record tells the truth: each basis change carries its own reason, confirmed in an
// in-page dialog that names it; a data subject stopping processing is asked first and told
// what was recorded; the consent page shows whose link it is; the sign-up page speaks of
// signing up and says until when an unconfirmed sign-up is kept.
import { APIRequestContext, Page } from '@playwright/test';
import { test, expect, expectAccessible, ensureSetUp, moduleWithCompliance, signIn } from './fixtures';
import { mailTo } from './mailbox';

const headers = { 'x-requested-with': 'consentry' };

async function createRecord(request: APIRequestContext, module: string, fields: object, basis?: object) {
  const created = await request.post('/api/v1/records', {
    headers,
    data: { module_id: module, fields, ...(basis ? { basis } : {}) },
  });
  expect(created.status()).toBe(201);
  return (await created.json()).id as string;
}

/** A published consent form with one optional purpose ("Newsletter"). */
async function publishedForm(request: APIRequestContext, name: string) {
  const created = await request.post('/api/v1/forms', { headers, data: { name } });
  expect(created.status()).toBe(201);
  const form = await created.json();
  const published = await request.post(`/api/v1/forms/${form.id}/publish`, { headers, data: {} });
  expect(published.status()).toBeLessThan(300);
  return form as { id: string; slug: string };
}

/** Sends a consent request and returns the link from the delivered mail. */
async function consentLink(request: APIRequestContext, form: string, record: string, address: string) {
  const sent = await request.post(`/api/v1/records/${record}/consent-requests`, {
    headers,
    data: { form_id: form },
  });
  expect(sent.status()).toBe(201);
  return (await mailTo(address, /https?:\/\/\S+\/c\/\S+/))[0];
}

async function focusedText(page: Page) {
  return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

test.describe.serial('each change carries its own reason; subjects are told the truth', () => {
  let module = '';
  let records: string[] = [];

  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
    module = await moduleWithCompliance(request, 'Reasons suppliers');
    records = [];
    for (const last of ['Aalders', 'Bos', 'Claes']) {
      records.push(await createRecord(request, module, { first_name: 'Rik', last_name: last }));
    }
  });

  test('a bulk change is confirmed in an in-page dialog naming count, basis and reason; Escape cancels', async ({ page }) => {
    await signIn(page);
    await page.goto(`/admin/records?module=${module}`);
    await expect(page.locator('table.data tbody tr')).toHaveCount(3);
    let nativeDialog = false;
    page.on('dialog', async (d) => {
      nativeDialog = true;
      await d.dismiss();
    });

    // Nothing selected: the toolbar says the actions apply to every match.
    await expect(page.locator('#record-scope')).toContainText('Nothing selected: actions apply to every matching record, 3');
    const open = page.locator('#action-change-basis');
    await open.click();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    // Legitimate Interests needs its reason (the balancing test): refused before any dialog.
    await page.getByLabel('New basis').selectOption({ label: 'Legitimate Interests' });
    await expect(page.getByText(/balancing test/)).toBeVisible();
    const change = page.getByRole('button', { name: 'Review the change' });
    await change.click();
    await expect(page.getByText('Fill in this field.')).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    const reason = 'Balancing test 2026-11: existing suppliers expect our calls';
    await page.getByLabel(/Lawful reason/).fill(reason);
    await change.click();
    const dialog = page.getByRole('dialog', { name: '3 records will get the new legal basis. Change them?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.confirm-basis')).toHaveText('Legitimate Interests');
    await expect(dialog.locator('.confirm-reason')).toHaveText(reason);
    // Focus moved into the dialog (on Cancel: confirming is never one Enter away).
    expect(await focusedText(page)).toBe('Cancel');
    await expectAccessible(page);
    // Escape cancels: the dialog closes, focus returns, nothing changed.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(change).toBeFocused();
    const untouched = await (await page.request.get(`/api/v1/records/count?module=${module}&basis=not_applicable`)).json();
    expect(untouched.count).toBe(3);

    // Confirmed this time (by keyboard): a toast says so, the panel closes, focus is back on
    // the toolbar's button.
    await change.click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Yes, change the basis');
    await page.keyboard.press('Enter');
    await expect(page.locator('#toasts')).toContainText('Records changed: 3');
    await expect(open).toBeFocused();
    await expect(open).toHaveAttribute('aria-expanded', 'false');

    // The next change starts with an empty reason: Contract without one is saved with a warning.
    await open.click();
    await page.getByLabel('New basis').selectOption({ label: 'Contract' });
    await expect(page.getByLabel(/Lawful reason/)).toHaveValue('');
    await change.click();
    const contract = page.getByRole('dialog', { name: /3 records will get the new legal basis/ });
    await expect(contract.locator('.confirm-basis')).toHaveText('Contract');
    await expect(contract.locator('.confirm-reason')).toHaveText('None given');
    await expect(contract).toContainText('No contract is named');
    await contract.getByRole('button', { name: 'Yes, change the basis' }).click();
    await expect(page.locator('#toasts')).toContainText('No contract is named. The change is saved');
    expect(nativeDialog, 'no window.confirm').toBe(false);

    // Each record's history: the first change with its reason, the second without any.
    for (const id of records) {
      const events = await (await page.request.get(`/api/v1/records/${id}/events`)).json();
      expect(events.map((e: { after_basis: string }) => e.after_basis)).toEqual(['legitimate_interests', 'contract']);
      expect(events[0].lawful_reason).toBe(reason);
      expect(events[1].lawful_reason).toBeUndefined();
    }
  });

  test('a single change names basis and reason, and the history shows each change with its own', async ({ page }) => {
    await signIn(page);
    await page.goto(`/admin/records/${records[0]}`);
    await page.getByLabel('New basis').selectOption({ label: 'Legal Obligation' });
    await page.getByLabel(/Lawful reason/).fill('Art. 52 AWR (tax records, 7 years)');
    await page.getByRole('button', { name: 'Change basis', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the legal basis of this record?' });
    await expect(dialog.locator('.confirm-basis')).toHaveText('Legal Obligation');
    await expect(dialog.locator('.confirm-reason')).toHaveText('Art. 52 AWR (tax records, 7 years)');
    await dialog.getByRole('button', { name: 'Yes, change the basis' }).click();
    await expect(page.locator('dd.basis')).toHaveText('Legal Obligation');
    const history = page.locator('ol.history li');
    await expect(history).toHaveCount(3);
    await expect(history.nth(0)).toContainText('Lawful reason: Art. 52 AWR (tax records, 7 years)');
    await expect(history.nth(1)).toContainText('Legitimate Interests → Contract');
    await expect(history.nth(1)).not.toContainText('Lawful reason');
    await expect(history.nth(2)).toContainText('Lawful reason: Balancing test 2026-11');
    await expectAccessible(page);
  });

  test('stop processing on the consent page asks first, says what it means and what was recorded', async ({ page, browser }) => {
    await signIn(page);
    const form = await publishedForm(page.request, 'Reasons letter');
    const address = 'jip.janssen@example.nl';
    const id = await createRecord(page.request, module, { first_name: 'Jip', last_name: 'Janssen', email: address }, { basis: 'consent' });
    const link = await consentLink(page.request, form.id, id, address);

    const context = await browser.newContext({ locale: 'en-GB' });
    const subject = await context.newPage();
    await subject.goto(link);
    // Whose link it is, masked: a forwarded mail is noticed.
    await expect(subject.locator('#whose-link')).toContainText('This link was sent to j•••@example.nl');
    await expect(subject.locator('body')).not.toContainText('jip.janssen');
    await expectAccessible(subject);

    const stop = subject.getByRole('button', { name: 'Stop processing my data' });
    await stop.click();
    const dialog = subject.getByRole('dialog', { name: 'Stop the processing of your data?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('no more e-mails');
    await expect(dialog).toContainText('Your data is kept, not deleted');
    await expectAccessible(subject);
    await subject.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(stop).toBeFocused();
    const still = await (await page.request.get(`/api/v1/records/${id}`)).json();
    expect(still.privacy.stop_processing).toBe(false);

    await stop.click();
    await dialog.getByRole('button', { name: 'Yes, stop the processing of my data' }).click();
    const done = subject.locator('#answer-done');
    await expect(done).toContainText('Recorded: you asked to stop the processing of your data.');
    // Focus moves to what was recorded; the receipt link is next.
    await expect(done).toBeFocused();
    await subject.keyboard.press('Tab');
    await expect(subject.getByRole('link', { name: 'Download your signed consent receipt' })).toBeFocused();
    await expectAccessible(subject);
    const stopped = await (await page.request.get(`/api/v1/records/${id}`)).json();
    expect(stopped.privacy.stop_processing).toBe(true);
    expect(stopped.privacy.consent.status).toBe('denied');
    await context.close();
  });

  test('after saving choices, focus moves to what was recorded and the receipt link', async ({ page, browser }) => {
    await signIn(page);
    const forms = await (await page.request.get('/api/v1/forms')).json();
    const form = forms.find((f: { name: string }) => f.name === 'Reasons letter');
    const address = 'noor.r@example.nl';
    const id = await createRecord(page.request, module, { last_name: 'Noor', email: address }, { basis: 'consent' });
    const link = await consentLink(page.request, form.id, id, address);
    const context = await browser.newContext({ locale: 'en-GB' });
    const subject = await context.newPage();
    await subject.goto(link);
    await expect(subject.locator('#whose-link')).toContainText('n•••@example.nl');
    await subject.getByLabel(/Newsletter/).check();
    await subject.getByRole('button', { name: 'Save my choices' }).click();
    const done = subject.locator('#answer-done');
    await expect(done).toBeFocused();
    await expect(done).toContainText('Recorded: your consent for Newsletter.');
    await expect(done).toContainText('Thank you. Your choices are saved.');
    await subject.keyboard.press('Tab');
    await expect(subject.getByRole('link', { name: 'Download your signed consent receipt' })).toBeFocused();
    await context.close();
  });

  test('the sign-up page speaks of signing up and says what is kept until when', async ({ page, browser }) => {
    await signIn(page);
    const form = await publishedForm(page.request, 'Reasons sign-up');
    const opened = await page.request.put(`/api/v1/forms/${form.id}/sign-up`, {
      headers,
      data: { module_id: module, double_opt_in: true },
    });
    expect(opened.status()).toBe(200);
    const settings = await (await page.request.get('/api/v1/compliance/settings')).json();
    const until = new Date(Date.now() + settings.waiting_period_days * 86_400_000).toISOString().slice(0, 10);

    const context = await browser.newContext({ locale: 'en-GB' });
    const visitor = await context.newPage();
    await visitor.goto(`/f/acme-b-v/${form.slug}`);
    await expect(visitor.getByRole('heading', { name: 'Sign up: Newsletter' })).toBeVisible();
    await expect(visitor.getByText('Your privacy choices')).toHaveCount(0);
    await expect(visitor).toHaveTitle('Sign up: Newsletter');
    const kept = `We keep your sign-up until ${until}; without confirmation it is deleted then.`;
    await expect(visitor.locator('#signup-note')).toContainText('we store your name, your e-mail address and what you ticked');
    await expect(visitor.locator('#signup-note')).toContainText(kept);
    await expectAccessible(visitor);
    await visitor.getByLabel('E-mail address').fill('sign.up@example.nl');
    await visitor.getByRole('checkbox', { name: /Newsletter/ }).check();
    await visitor.getByRole('button', { name: 'Sign up', exact: true }).click();
    await expect(visitor.locator('#signup-sent')).toContainText('Almost done');
    await expect(visitor.locator('#signup-sent')).toContainText(kept);
    await expect(visitor.locator('#signup-sent')).not.toContainText('nothing is recorded');
    // The mail says the same.
    await mailTo('sign.up@example.nl', new RegExp(`We keep your\\s+sign-up \\(your name, e-mail address and choices\\) until ${until};`));
    await context.close();
  });
});
