// The admin app's lists are one data table: rows selected by keyboard alone, a bulk change
// confirmed in a dialog naming count, basis and reason, its outcome read out from a live
// region; the Outbox and the Audit trail paged through hundreds of rows with none missed or
// repeated; columns hidden and remembered; headings that sort.
import { Page } from '@playwright/test';
import { test, expect, expectAccessible, ensureSetUp, moduleWithCompliance, signIn } from './fixtures';

const headers = { 'x-requested-with': 'consentry' };
const MEMBERS = 250;

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails when it
 * is not reached within `most` presses: it is then not reachable by keyboard. */
async function tabTo(page: Page, selector: string, backwards = false, most = 80) {
  for (let i = 0; i < most; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} is not reached by keyboard`);
}

/** Every row key of a table, page after page, following its Next button. */
async function everyKey(page: Page, table: string, pager: string): Promise<string[]> {
  const keys: string[] = [];
  const next = page.locator(`${pager} .pager-next`);
  for (;;) {
    await expect(page.locator(`${table} tbody tr`).first()).toBeVisible();
    keys.push(...(await page.locator(`${table} tbody tr`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''))));
    if (await next.isDisabled()) return keys;
    const first = await page.locator(`${table} tbody tr`).first().getAttribute('data-key');
    await next.click();
    await expect(page.locator(`${table} tbody tr`).first()).not.toHaveAttribute('data-key', first ?? '');
  }
}

/** The total a pager states ("101–200 of 1,234"). */
async function statedTotal(page: Page, pager: string): Promise<number> {
  const text = await page.locator(`${pager} .pager-range`).innerText();
  const match = text.match(/of ([\d,]+)$/);
  expect(match, text).not.toBeNull();
  return Number(match![1].replace(/,/g, ''));
}

test.describe.serial('one data table for every list', () => {
  let module = '';
  let records: string[] = [];

  test.beforeAll(async ({ request }) => {
    test.setTimeout(180_000);
    await ensureSetUp(request);
    module = await moduleWithCompliance(request, 'Table members');
    // 250 members with consent to ask: 250 record.created entries and, once asked, 250
    // messages in the outbox.
    for (let start = 0; start < MEMBERS; start += 25) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(25, MEMBERS - start) }, async (_, j) => {
          const i = start + j;
          const created = await request.post('/api/v1/records', {
            headers,
            data: {
              module_id: module,
              basis: { basis: 'consent' },
              fields: { first_name: 'Lid', last_name: `Tabel ${String(i).padStart(3, '0')}`, email: `lid${i}@tables.example` },
            },
          });
          expect(created.status()).toBe(201);
          return (await created.json()).id as string;
        }),
      );
      records.push(...batch);
    }
    const form = await (await request.post('/api/v1/forms', { headers, data: { name: 'Tabelleden' } })).json();
    expect((await request.post(`/api/v1/forms/${form.id}/publish`, { headers, data: {} })).status()).toBe(200);
    const sent = await request.post('/api/v1/consent-requests/bulk', {
      headers,
      data: { filter: { module }, form_id: form.id },
    });
    expect(sent.status()).toBeLessThan(300);
    const job = await sent.json();
    await expect
      .poll(async () => (await (await request.get(`/api/v1/consent-requests/bulk/${job.id}`)).json()).state, { timeout: 120_000 })
      .toBe('finished');
  });

  test('keyboard only: select two rows, open the bulk change, confirm, hear the outcome', async ({ page }) => {
    await signIn(page);
    await page.goto(`/admin/records?module=${module}&sort=last_name`);
    const rows = page.locator('#records tbody tr');
    await expect(rows).toHaveCount(50);
    await expect(page.locator('#records-pages .pager-range')).toHaveText(`1–50 of ${MEMBERS}`);
    // The filter bar shows the module the list is filtered by, also after a reload.
    await expect(page.locator('#filter-module')).toHaveValue(module);
    await page.reload();
    await expect(rows).toHaveCount(50);
    await expect(page.locator('#filter-module')).toHaveValue(module);
    // Back and Forward move the filter bar with the list.
    await page.locator('#filter-basis').selectOption('contract');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/basis=contract/);
    await page.goBack();
    await expect(page).not.toHaveURL(/basis=contract/);
    await expect(page.locator('#filter-basis')).toHaveValue('');
    await expect(page.locator('#filter-module')).toHaveValue(module);
    await expect(rows).toHaveCount(50);
    await page.goForward();
    await expect(page.locator('#filter-basis')).toHaveValue('contract');
    await page.goBack();
    await expect(rows).toHaveCount(50);
    // A module the address names that does not exist (an old bookmark) is said, not hidden.
    await page.goto('/admin/records?module=00000000-0000-0000-0000-000000000000');
    await expect(page.locator('#filter-module option:checked')).toHaveText('A module that does not exist');
    await page.goto(`/admin/records?module=${module}&sort=last_name`);
    await expect(rows).toHaveCount(50);
    await page.locator('main h1').focus();

    // Space ticks the first two rows' checkboxes, reached with Tab alone.
    await tabTo(page, '#records tbody tr:nth-child(1) input[type=checkbox]');
    await page.keyboard.press('Space');
    await tabTo(page, '#records tbody tr:nth-child(2) input[type=checkbox]');
    await page.keyboard.press('Space');
    await expect(rows.nth(0)).toHaveClass(/selected/);
    await expect(rows.nth(1)).toHaveClass(/selected/);
    await expect(page.locator('#record-scope')).toContainText('2 selected: actions apply to these records only');

    // Back up to the toolbar, open the change, choose the basis and type the reason.
    await tabTo(page, '#action-change-basis', true);
    await page.keyboard.press('Enter');
    await expect(page.locator('#record-action')).toBeFocused();
    await expect(page.locator('#record-action')).toContainText('the selected ones, or every record matching the filters when none is selected');
    await tabTo(page, '#bulk-basis');
    await page.keyboard.type('Legitimate');
    await expect(page.locator('#bulk-basis')).toHaveValue('legitimate_interests');
    const reason = 'Members expect the yearly newsletter (balancing test 2026-12)';
    await tabTo(page, '#field-lawful_reason');
    await page.keyboard.type(reason);
    await tabTo(page, '#record-action button[type=submit]');
    await page.keyboard.press('Enter');

    // The dialog names the count, the basis and the reason; Tab, Enter confirms.
    const dialog = page.getByRole('dialog', { name: '2 records will get the new legal basis. Change them?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('.confirm-basis')).toHaveText('Legitimate Interests');
    await expect(dialog.locator('.confirm-reason')).toHaveText(reason);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // The outcome is a toast in a polite live region, read out wherever focus is.
    const region = page.locator('#toasts');
    await expect(region).toHaveAttribute('aria-live', 'polite');
    await expect(region).toHaveAttribute('role', 'status');
    await expect(region).toContainText('Records changed: 2');
    await expect(page.locator('#action-change-basis')).toBeFocused();
    await expectAccessible(page);

    // Exactly the two selected records changed.
    const changed = await (await page.request.get(`/api/v1/records/count?module=${module}&basis=legitimate_interests`)).json();
    expect(changed.count).toBe(2);
    const first = await rows.nth(0).getAttribute('data-key');
    const record = await (await page.request.get(`/api/v1/records/${first}`)).json();
    expect(record.privacy.basis).toBe('legitimate_interests');
  });

  test('the export acts on the selection, or on every match without one', async ({ page }) => {
    await signIn(page);
    await page.goto(`/admin/records?module=${module}&sort=last_name`);
    await page.locator('#action-export').click();
    const csv = page.getByRole('link', { name: 'Export CSV' });
    await expect(csv).not.toHaveAttribute('href', /ids=/);
    await page.getByRole('checkbox', { name: 'Select Lid Tabel 003' }).check();
    await expect(csv).toHaveAttribute('href', /ids=[0-9a-f-]{36}(&|$)/);
    const file = await (await page.request.get((await csv.getAttribute('href'))!)).text();
    expect(file.trim().split('\n')).toHaveLength(2);
    expect(file).toContain('Tabel 003');
    await page.locator('#clear-selection').click();
    await expect(csv).not.toHaveAttribute('href', /ids=/);
  });

  test('the outbox pages through every message, none missed or repeated; bodies open on a click', async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/setup/outbox');
    await page.getByLabel('Rows per page').first().selectOption('100');
    await expect(page.locator('#outbox tbody tr')).toHaveCount(100);
    const total = await statedTotal(page, '#outbox-pages');
    expect(total).toBeGreaterThanOrEqual(MEMBERS);
    const keys = await everyKey(page, '#outbox', '#outbox-pages');
    expect(keys).toHaveLength(total);
    expect(new Set(keys).size).toBe(total);
    // Back a page: the rows before.
    const shownFirst = await page.locator('#outbox tbody tr').first().getAttribute('data-key');
    await page.locator('#outbox-pages .pager-previous').click();
    await expect(page.locator('#outbox tbody tr').first()).not.toHaveAttribute('data-key', shownFirst ?? '');
    // A message's body stays folded until asked for.
    const message = page.locator('#outbox tbody tr', { hasText: 'lid0@tables.example' }).or(page.locator('#outbox tbody tr').first()).first();
    const body = message.locator('pre.message-body');
    await expect(body).toBeHidden();
    await message.locator('details.message summary').click();
    await expect(body).toBeVisible();
    await expectAccessible(page);
  });

  test('the request queue pages through every request once, by deadline, with its total', async ({ page }) => {
    await signIn(page);
    const request = page.request;
    // Sixty requests filed by hand on the members, received over the last thirty days.
    const today = new Date();
    for (let start = 0; start < 60; start += 20) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, j) => {
          const i = start + j;
          const on = new Date(today.getTime() - (i % 30) * 86_400_000).toISOString().slice(0, 10);
          const filed = await request.post(`/api/v1/records/${records[i]}/requests`, {
            headers,
            data: { kind: i % 2 ? 'access' : 'erasure', source: 'email', requested_by: `Lid ${i}`, requested_on: on },
          });
          expect(filed.status(), await filed.text()).toBe(201);
        }),
      );
    }
    await page.goto('/admin/setup/requests');
    await page.getByLabel('Rows per page').first().selectOption('25');
    await expect(page.locator('#request-queue tbody tr')).toHaveCount(25);
    const total = await statedTotal(page, '#request-pages');
    expect(total).toBeGreaterThanOrEqual(60);
    const keys = await everyKey(page, '#request-queue', '#request-pages');
    expect(keys).toHaveLength(total);
    expect(new Set(keys).size).toBe(total);
    // The API's order is the table's: deadlines never go back from one page to the next.
    let after = '';
    const deadlines: string[] = [];
    for (;;) {
      const page = await (await request.get(`/api/v1/requests?limit=25${after}`)).json();
      deadlines.push(...page.requests.map((r: { extended_due_on?: string; due_on: string }) => r.extended_due_on ?? r.due_on));
      if (!page.next) break;
      after = `&after=${page.next}`;
    }
    expect(deadlines).toHaveLength(total);
    expect([...deadlines].sort()).toEqual(deadlines);
    // A filter starts again at its first page.
    await page.locator('#queue-kind').selectOption('access');
    await expect.poll(() => statedTotal(page, '#request-pages')).toBeLessThan(total);
    expect(await statedTotal(page, '#request-pages')).toBeGreaterThanOrEqual(30);
    await expect(page.locator('#request-pages .pager-previous')).toBeDisabled();
    await expectAccessible(page);
  });

  test('the audit trail filters, pages through hundreds of entries once each, and exports them', async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/setup/compliance/audit');
    await page.getByLabel('Action').selectOption({ label: 'Record created' });
    await page.getByLabel('Rows per page').first().selectOption('100');
    await expect(page.locator('#audit tbody tr')).toHaveCount(100);
    const total = await statedTotal(page, '#audit-pages');
    expect(total).toBeGreaterThanOrEqual(MEMBERS);
    const keys = await everyKey(page, '#audit', '#audit-pages');
    expect(keys).toHaveLength(total);
    expect(new Set(keys).size).toBe(total);
    const seqs = keys.map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    // The subject of a record entry links to the record.
    await expect(page.locator('#audit tbody tr').first().locator('td[data-column=subject] a')).toHaveAttribute('href', /^\/admin\/records\/[0-9a-f-]{36}$/);

    // The CSV file holds exactly the filtered entries, oldest first.
    const href = await page.locator('#audit-export').getAttribute('href');
    expect(href).toContain('action=record.created');
    const csv = await (await page.request.get(href!)).text();
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(total + 1);
    expect(lines[0]).toContain('"seq"');

    // By the administrator: the same entries; until yesterday: none, and the page says why.
    await page.getByLabel('Who').selectOption({ label: 'ada@acme.example' });
    await expect(page.locator('#audit tbody tr').first()).toBeVisible();
    const byAdmin = await statedTotal(page, '#audit-pages');
    expect(byAdmin).toBeGreaterThanOrEqual(MEMBERS);
    expect(byAdmin).toBeLessThanOrEqual(total);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Until (inclusive)').fill(yesterday);
    await expect(page.locator('#audit-empty')).toContainText('No entries match these filters');
    // A period that ends before it starts says so instead of an empty list.
    await page.getByLabel('From', { exact: true }).fill(new Date().toISOString().slice(0, 10));
    await expect(page.locator('#audit-backwards')).toContainText('Until is before From');
    await expectAccessible(page);
  });

  test('a hidden column stays hidden after a reload; headings sort both ways', async ({ page }) => {
    await signIn(page);
    await page.goto(`/admin/records?module=${module}`);
    const email = page.locator('#records th', { hasText: 'E-mail address' });
    await expect(email).toBeVisible();
    await page.locator('.column-chooser summary').click();
    await page.locator('.column-chooser').getByLabel('E-mail address').uncheck();
    await expect(email).toBeHidden();
    await page.reload();
    await expect(page.locator('#records tbody tr').first()).toBeVisible();
    await expect(page.locator('#records th', { hasText: 'E-mail address' })).toBeHidden();
    await page.locator('.column-chooser summary').click();
    await page.locator('.column-chooser').getByLabel('E-mail address').check();
    await expect(page.locator('#records th', { hasText: 'E-mail address' })).toBeVisible();
    // Escape folds the chooser away and leaves focus on it.
    await page.keyboard.press('Escape');
    await expect(page.locator('.column-chooser')).not.toHaveAttribute('open', '');
    await expect(page.locator('.column-chooser summary')).toBeFocused();

    // Newest first by default; the heading turns it round, and the name heading sorts by name.
    const created = page.locator('#records th', { hasText: 'Created' }).first();
    await expect(created).toHaveAttribute('aria-sort', 'descending');
    await created.getByRole('button').click();
    await expect(page).toHaveURL(/sort=oldest/);
    await expect(page.locator('#records th', { hasText: 'Created' }).first()).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.locator('#records tbody tr').first()).toContainText('Tabel 000');
    await page.locator('#records th', { hasText: 'Name' }).first().getByRole('button').click();
    await expect(page).toHaveURL(/sort=last_name/);
    await expect(page.locator('#records th', { hasText: 'Name' }).first()).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.locator('#records tbody tr').first()).toContainText('Tabel 000');
    // And round: Z to A.
    await page.locator('#records th', { hasText: 'Name' }).first().getByRole('button').click();
    await expect(page).toHaveURL(/sort=last_name_desc/);
    await expect(page.locator('#records th', { hasText: 'Name' }).first()).toHaveAttribute('aria-sort', 'descending');
    await expect(page.locator('#records tbody tr').first()).toContainText(`Tabel ${MEMBERS - 1}`);
  });

  test('an order the server refuses (a last name encrypted) leaves a way back to the newest first', async ({ page }) => {
    await signIn(page);
    const sealed = await moduleWithCompliance(page.request, 'Sealed names');
    const fields = await (await page.request.get(`/api/v1/modules/${sealed}/fields`)).json();
    const lastName = fields.find((f: { key: string }) => f.key === 'last_name');
    const encryption = `/api/v1/modules/${sealed}/fields/${lastName.id}/encryption`;
    expect((await page.request.put(encryption, { headers, data: { encrypted: true } })).status()).toBe(202);
    try {
      await page.goto('/admin/records?sort=last_name');
      await expect(page.locator('main')).toContainText('encrypted');
      await expectAccessible(page);
      await page.locator('#sort-newest').click();
      await expect(page).toHaveURL(/sort=newest/);
      await expect(page.locator('#records tbody tr').first()).toBeVisible();
      await expect(page.locator('#records th', { hasText: 'Created' }).first()).toHaveAttribute('aria-sort', 'descending');
    } finally {
      // Back as it was for the specs after this one (once the encryption job is done).
      await expect
        .poll(async () => (await page.request.put(encryption, { headers, data: { encrypted: false } })).status())
        .toBe(202);
    }
  });
  test('a stored number that reads as ambiguous goes back untouched when another field is saved; typed, it is refused', async ({ page }) => {
    await signIn(page);
    const api = page.request;
    const amounts = await moduleWithCompliance(api, 'Amounts');
    const field = await api.post(`/api/v1/modules/${amounts}/fields`, { headers, data: { label: 'Amount', kind: 'number' } });
    expect(field.status()).toBe(201);
    const key = (await field.json()).key;
    const created = await api.post('/api/v1/records', {
      headers,
      data: { module_id: amounts, fields: { last_name: 'Bedrag', company: 'Oud BV', custom: { [key]: 1.125 } } },
    });
    expect(created.status(), await created.text()).toBe(201);
    const record = (await created.json()).id;
    await page.goto(`/admin/records/${record}`);
    const amount = page.locator(`#field-custom-${key}`);
    await expect(amount).toHaveValue('1.125');
    await page.locator('#field-company').fill('Nieuw BV');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await (await api.get(`/api/v1/records/${record}`)).json()).fields.company).toBe('Nieuw BV');
    expect((await (await api.get(`/api/v1/records/${record}`)).json()).fields.custom[key]).toBe(1.125);
    // Typed, "1.000" could be a thousand or one: refused beside the field, nothing saved.
    await amount.fill('1.000');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.locator(`#field-custom-${key}-error`)).toContainText('thousands separator');
    expect((await (await api.get(`/api/v1/records/${record}`)).json()).fields.custom[key]).toBe(1.125);
  });
});
