// Consent forms as a privacy officer designs them: texts per language, purposes, a live
// preview drawn by the data subject's own component, and immutable published versions.
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';
import { mailTo } from './mailbox';

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

  test('a consent request reaches the subject, who grants two purposes with the keyboard only', async ({ page, browser }) => {
    await signIn(page);
    const api = page.request;
    const headers = { 'x-requested-with': 'consentry' };
    const modules = await (await api.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    await api.put(`/api/v1/modules/${leads.id}/compliance`, { headers, data: { compliance_enabled: true } });
    const created = await api.post('/api/v1/records', {
      headers,
      data: {
        module_id: leads.id,
        fields: { first_name: 'Lotte', last_name: 'de Vries', email: 'lotte@example.nl' },
        basis: { basis: 'consent' },
      },
    });
    expect(created.status()).toBe(201);
    const record = await created.json();
    const obtainedBefore = (await (await api.get('/api/v1/compliance/overview')).json()).per_status
      ?.find((s: { status: string }) => s.status === 'obtained')?.count ?? 0;

    // The privacy officer sends the request from the record page.
    await page.goto(`/admin/records/${record.id}`);
    await expect(page.locator('dd.consent-status')).toHaveText('Pending');
    await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Nieuwsbrief' });
    await page.getByRole('button', { name: 'Send consent request' }).click();
    // Queued first; Waiting only once the mail server accepted the message.
    await expect(page.getByRole('status').filter({ hasText: 'Consent request delivered' })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.locator('dd.consent-status')).toHaveText('Waiting');
    await expect(page.locator('#consent-request-delivery')).toContainText('Delivered');

    // The outbox shows the message delivered; the mail the SMTP server received carries the
    // personal link.
    await page.getByRole('link', { name: 'Outbox' }).click();
    await expect(page.locator('#outbox-delivery')).toContainText('delivered through the configured SMTP server');
    await expect(page.locator('#outbox tbody tr', { hasText: 'lotte@example.nl' }).first()).toContainText('Sent');
    const link = (await mailTo('lotte@example.nl', /https?:\/\/\S+\/c\/\S+/))[0];

    // The data subject, in a browser of their own that prefers Dutch, answers by keyboard.
    const subjectContext = await browser.newContext({ locale: 'nl-NL' });
    const subject = await subjectContext.newPage();
    await subject.goto(link!);
    await expect(subject.getByRole('heading', { name: 'Blijf op de hoogte' })).toBeVisible();
    await expect(subject.getByLabel(/Evenementen \(verplicht\)/)).toBeChecked();
    await expectAccessible(subject);
    const tabTo = async (id: string) => {
      for (let i = 0; i < 25; i++) {
        if (await subject.evaluate((want) => document.activeElement?.id === want, id)) return;
        await subject.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached #${id}`);
    };
    await tabTo('consent-purpose-newsletter');
    await subject.keyboard.press('Space');
    await tabTo('consent-channel-email');
    await subject.keyboard.press('Space');
    await subject.keyboard.press('Tab');
    await subject.keyboard.press('Tab');
    await expect(subject.locator(':focus')).toHaveText('Opslaan');
    await subject.keyboard.press('Enter');
    await expect(subject.locator('#answer-done')).toContainText('Dank u wel. Uw keuzes zijn opgeslagen.');
    await expect(subject.getByRole('link', { name: 'Download uw ondertekende bewijs van toestemming' }))
      .toHaveAttribute('href', /^data:application\/jose;charset=utf-8,[\w-]+\.[\w-]+\.[\w-]+$/);
    await expectAccessible(subject);
    // The receipt checks out on the verification page; one changed character does not.
    const href = await subject
      .getByRole('link', { name: 'Download uw ondertekende bewijs van toestemming' })
      .getAttribute('href');
    const receipt = decodeURIComponent(href!.split(',')[1]);
    await subject.getByRole('link', { name: 'Een bewijs controleren' }).click();
    await subject.getByLabel('Bewijs').fill(receipt);
    await subject.getByRole('button', { name: 'Controleren' }).click();
    await expect(subject.locator('#receipt-result')).toContainText('Geldig: ondertekend door Acme B.V.');
    await expectAccessible(subject);
    const tampered = receipt.slice(0, 40) + (receipt[40] === 'A' ? 'B' : 'A') + receipt.slice(41);
    await subject.getByLabel('Bewijs').fill(tampered);
    await subject.getByRole('button', { name: 'Controleren' }).click();
    await expect(subject.locator('#receipt-result')).toContainText('Niet geldig');
    await subjectContext.close();

    // Back in the admin app: Obtained, and the Overview counts one more.
    await page.goto(`/admin/records/${record.id}`);
    await expect(page.locator('dd.consent-status')).toHaveText('Obtained');
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.locator('#consent-chart-desc')).toContainText(`Obtained: ${obtainedBefore + 1}`);
  });

  test('every record of a filtered list is asked at once, with progress and the skipped counted', async ({ page }) => {
    await signIn(page);
    // One record on basis Consent that can be asked.
    const api = page.request;
    const modules = await (await api.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    const created = await api.post('/api/v1/records', {
      headers: { 'x-requested-with': 'consentry' },
      data: { module_id: leads.id, basis: { basis: 'consent' }, fields: { last_name: 'Rest', email: 'rest@example.nl' } },
    });
    expect(created.status()).toBe(201);
    await page.goto('/admin/records?basis=consent');
    let nativeDialog = false;
    page.on('dialog', async (d) => {
      nativeDialog = true;
      await d.dismiss();
    });
    await page.locator('#action-ask-consent').click();
    await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Nieuwsbrief' });
    const send = page.locator('#bulk-consent-title ~ .inline-form button');
    await send.click();
    // Asked in the page, naming how many records; Escape cancels and nothing is sent.
    const confirm = page.getByRole('dialog', { name: /^\d+ records will be asked for consent\. Continue\?$/ });
    await expect(confirm).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(send).toBeFocused();
    await expect(page.locator('#bulk-consent-result')).toHaveCount(0);
    await send.click();
    await confirm.getByRole('button', { name: /^Send consent requests \(\d+\)$/ }).click();
    await expect(page.locator('#bulk-consent-result')).toContainText('Requests made:');
    const progress = page.locator('#bulk-consent-progress');
    await expect(progress).toHaveAttribute('value', await progress.getAttribute('max') ?? '');
    await expect(progress).toHaveAccessibleDescription(/^(\d+) \/ \1 · 100 %$/);
    await expect(page.locator('#bulk-consent-result')).toContainText('answered already');
    await expect(page.locator('#bulk-consent-result')).not.toContainText('Requests made: 0');
    await expectAccessible(page);

    // Asking the rest of the list: whoever was sent a request since the time given is skipped.
    const since = new Date(Date.now() - 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Skip records sent a consent request since (UTC, optional)').fill(since);
    await send.click();
    await expect(confirm).toBeVisible();
    // Shown as every moment is: day, month, year and time in the organisation's zone (UTC).
    const sinceDate = new Date(`${since}Z`);
    const sinceMonth = sinceDate.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
    await expect(confirm.locator('#bulk-consent-skipping')).toContainText(
      `Records sent a consent request since then are skipped: ${sinceDate.getUTCDate()} ${sinceMonth} ${sinceDate.getUTCFullYear()}, ${since.slice(11)} UTC`,
    );
    await confirm.getByRole('button', { name: /^Send consent requests \(\d+\)$/ }).click();
    await expect(page.locator('#bulk-consent-result')).toContainText(/asked since then [1-9]/);
    expect(nativeDialog, 'no window.confirm').toBe(false);
  });

  test('a record is deleted only after an in-page confirmation naming it', async ({ page }) => {
    await signIn(page);
    const api = page.request;
    const modules = await (await api.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    const created = await api.post('/api/v1/records', {
      headers: { 'x-requested-with': 'consentry' },
      data: { module_id: leads.id, fields: { last_name: 'Weg', email: 'weg@example.nl' } },
    });
    expect(created.status()).toBe(201);
    const id = (await created.json()).id;
    let nativeDialog = false;
    page.on('dialog', async (d) => {
      nativeDialog = true;
      await d.dismiss();
    });
    await page.goto(`/admin/records/${id}`);
    const remove = page.getByRole('button', { name: 'Delete record' });
    await remove.click();
    const confirm = page.getByRole('dialog', { name: 'Delete 1 record?' });
    await expect(confirm).toContainText('Its consent history is kept as evidence.');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    expect((await api.get(`/api/v1/records/${id}`)).status()).toBe(200);
    await remove.click();
    await confirm.getByRole('button', { name: 'Delete 1 record' }).click();
    await expect(page).toHaveURL(/\/admin\/records$/);
    expect((await api.get(`/api/v1/records/${id}`)).status()).toBe(404);
    expect(nativeDialog, 'no window.confirm').toBe(false);
  });

  test('an e-mail template: an unknown merge field is refused, the preview shows a record, the request goes out in Dutch', async ({ page, browser }) => {
    await signIn(page);
    const headers = { 'x-requested-with': 'consentry' };
    const modules = await (await page.request.get('/api/v1/modules')).json();
    const leads = modules.find((m: { key: string }) => m.key === 'leads');
    const created = await page.request.post('/api/v1/records', {
      headers,
      data: {
        module_id: leads.id,
        fields: { first_name: 'Anne', last_name: 'Bakker', email: 'anne@example.nl' },
        basis: { basis: 'consent' },
      },
    });
    const record = await created.json();

    await page.getByRole('link', { name: 'E-mail templates' }).click();
    await page.getByRole('link', { name: 'New template' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Nieuwsbrief NL');
    await page.getByLabel('Subject', { exact: true }).fill('{{org.name}} vraagt uw toestemming');
    const text = page.getByLabel('Plain-text message');
    await text.fill('Beste {{record.frist_name}},\n\nKies hier: ');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(page.locator('#template-body_text-error')).toContainText('{{record.frist_name}}');

    // The palette inserts where the cursor is.
    await text.fill('Beste ,\n\nKies hier: ');
    await text.evaluate((e: HTMLTextAreaElement) => e.setSelectionRange(6, 6));
    await page.getByRole('button', { name: '{{record.first_name}}' }).click();
    await text.evaluate((e: HTMLTextAreaElement) => e.setSelectionRange(e.value.length, e.value.length));
    await page.getByRole('button', { name: '{{consent_link.nl}}' }).click();
    await expect(text).toHaveValue('Beste {{record.first_name}},\n\nKies hier: {{consent_link.nl}}');
    await page.getByRole('button', { name: 'Save template' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Template saved.' })).toBeVisible();

    await page.getByLabel(/Find a record/).fill('anne@example.nl');
    await expect(page.getByLabel('Record', { exact: true })).toContainText('Anne Bakker');
    await page.getByRole('button', { name: 'Show preview' }).click();
    await expect(page.locator('#template-preview')).toContainText('Acme B.V. vraagt uw toestemming');
    await expect(page.locator('#template-preview .message-body')).toContainText('Beste Anne,');
    await expectAccessible(page);

    // Sent with the template, the message greets Anne and its link opens the Dutch page.
    await page.goto(`/admin/records/${record.id}`);
    await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Nieuwsbrief' });
    await page.getByLabel('Message', { exact: true }).selectOption({ label: 'Nieuwsbrief NL' });
    await page.getByRole('button', { name: 'Send consent request' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Consent request delivered' })).toBeVisible({
      timeout: 20_000,
    });
    const link = (await mailTo('anne@example.nl', /Beste Anne,\s+Kies hier: (https?:\/\/\S+\/c\/\S+\?lang=nl)/))[1];
    const context = await browser.newContext({ locale: 'en-GB' });
    const subject = await context.newPage();
    await subject.goto(link!);
    await expect(subject.getByRole('heading', { name: 'Blijf op de hoogte' })).toBeVisible();
    await context.close();

    // The next request starts from the form and message sent last.
    await page.goto('/admin/records?basis=consent');
    await page.locator('#action-ask-consent').click();
    await expect(page.locator('#bulk-consent-form option:checked')).toHaveText('Nieuwsbrief');
    await expect(page.locator('#bulk-consent-template option:checked')).toHaveText('Nieuwsbrief NL');
  });

  test('a public sign-up with double opt-in: the subject confirms by e-mail and the record says Obtained', async ({ page, browser }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Consent forms' }).click();
    await page.getByRole('link', { name: 'Nieuwsbrief' }).click();
    await page.getByLabel('Sign-ups become records of').selectOption({ label: 'Leads' });
    await expect(page.getByLabel('Confirmation by e-mail (double opt-in)')).toHaveValue('default');
    await page.getByRole('button', { name: 'Save sign-up settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Sign-up settings saved.' })).toBeVisible();
    const address = await page.locator('#sign-up-address a').textContent();
    expect(address).toMatch(/\/f\/acme-b-v\/nieuwsbrief$/);
    await expectAccessible(page);

    // A visitor whose browser prefers Dutch signs up.
    const visitorContext = await browser.newContext({ locale: 'nl-NL' });
    const visitor = await visitorContext.newPage();
    await visitor.goto(address!);
    // Sign-up wording: what one signs up for, not the consent page's title.
    await expect(visitor.getByRole('heading', { name: /^Aanmelden: / })).toBeVisible();
    await expect(visitor.getByRole('button', { name: 'Stop met het verwerken van mijn gegevens' })).toHaveCount(0);
    await expectAccessible(visitor);
    await visitor.getByLabel('Voornaam (optioneel)').fill('Sanne');
    await visitor.getByLabel('Achternaam (optioneel)').fill('Visser');
    await visitor.getByLabel('E-mailadres').fill('sanne@example');
    await visitor.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(visitor.locator('#signup-email-error')).toHaveText('Vul een e-mailadres in, zoals naam@voorbeeld.nl.');
    await expect(visitor.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
    await visitor.getByLabel('E-mailadres').fill('sanne@example.nl');
    await visitor.getByRole('checkbox', { name: /Nieuwsbrief/ }).check();
    await visitor.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await expect(visitor.getByRole('status')).toContainText('Bijna klaar');
    await expectAccessible(visitor);

    // The confirmation mail is delivered; from then on the record waits.
    const found = await (await page.request.get('/api/v1/records?q=sanne@example.nl')).json();
    expect(found.records).toHaveLength(1);
    const record = found.records[0];
    const link = (await mailTo('sanne@example.nl', /https?:\/\/\S+\/confirm\/\S+/))[0];
    await expect
      .poll(async () => (await (await page.request.get(`/api/v1/records/${record.id}`)).json()).privacy.consent.status)
      .toBe('waiting');
    await page.goto(`/admin/records/${record.id}`);
    await expect(page.locator('dd.consent-status')).toHaveText('Waiting');

    await visitor.goto(link!);
    await expect(visitor.getByRole('heading', { name: 'Bevestig uw aanmelding' })).toBeVisible();
    await expectAccessible(visitor);
    await visitor.getByRole('button', { name: 'Ja, bevestig mijn aanmelding' }).click();
    await expect(visitor.getByRole('status')).toHaveText('Dank u wel: uw aanmelding is bevestigd.');
    await expect(visitor.getByRole('link', { name: 'Download uw ondertekende bewijs van toestemming' })).toBeVisible();
    await visitorContext.close();

    await page.goto(`/admin/records/${record.id}`);
    await expect(page.locator('dd.consent-status')).toHaveText('Obtained');
  });

  test('an unknown or expired link explains itself and offers a new one without revealing anything', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const subject = await context.newPage();
    await subject.goto('/c/this-link-does-not-exist');
    await expect(subject.getByRole('alert')).toHaveText('This link is not valid. Check that you copied it completely.');
    await expectAccessible(subject);
    await subject.getByRole('button', { name: 'Send me a new link' }).click();
    await expect(subject.getByRole('status')).toHaveText(
      'If this link was ours, a new one is on its way to the address it was sent to.',
    );
    await context.close();
  });
});
