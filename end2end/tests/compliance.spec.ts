// The compliance core as a privacy officer uses it: pick the modules that hold data subjects,
// work with records, change legal bases one by one and in bulk, read the Overview and verify
// the audit trail.
import { test, expect, expectAccessible, ensureSetUp, signIn } from './fixtures';

test.describe.serial('compliance core', () => {
  test.beforeAll(async ({ request }) => {
    await ensureSetUp(request);
  });

  test('enable compliance for Leads and Contacts', async ({ page }) => {
    await signIn(page);
    const leads = page.getByRole('checkbox', { name: 'Leads' });
    await leads.check();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Contacts' }).check();
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Leads' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Contacts' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Vendors' })).not.toBeChecked();
  });

  test('an administrator adds a custom module and switches compliance on for it', async ({ page }) => {
    await signIn(page);
    await page.getByLabel('New module').fill('Members');
    await page.getByRole('button', { name: 'Add module' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Module added.' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Members' }).check();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.getByLabel('New module').fill('members');
    await page.getByRole('button', { name: 'Add module' }).click();
    await expect(page.getByText('A module with this name exists already.')).toBeVisible();
  });

  test('a record created in the browser starts as Not Applicable', async ({ page }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Records' }).click();
    await expect(page.getByRole('heading', { name: 'Records', exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'New record' }).click();
    await expect(page.getByRole('heading', { name: 'New record' })).toBeVisible();
    await page.getByLabel('Module', { exact: true }).selectOption({ label: 'Leads' });
    await page.getByLabel('First name').fill('Jan');
    await page.getByLabel('Last name').fill('Jansen');
    await page.getByLabel('E-mail address').fill('jan@example.nl');
    await page.getByRole('button', { name: 'Create record' }).click();
    await expect(page.getByRole('heading', { name: 'Jan Jansen' })).toBeVisible();
    await expect(page.locator('dd.basis')).toHaveText('Not Applicable');
    await expect(page.getByText('Manual · Ada Admin').first()).toBeVisible();
    await expectAccessible(page);
  });

  test('the basis of a filtered set changes in bulk after confirming the count', async ({ page }) => {
    await signIn(page);
    // Two more leads, created over the API as an integration would.
    for (const [first, last] of [['Piet', 'Pietersen'], ['Klaas', 'Klaassen']]) {
      const modules = await (await page.request.get('/api/v1/modules')).json();
      const leads = modules.find((m: { key: string }) => m.key === 'leads');
      const created = await page.request.post('/api/v1/records', {
        headers: { 'x-requested-with': 'consentry' },
        data: { module_id: leads.id, fields: { first_name: first, last_name: last } },
      });
      expect(created.status()).toBe(201);
    }
    await page.goto('/admin/records');
    await page.getByLabel('Module', { exact: true }).first().selectOption({ label: 'Leads' });
    await page.getByLabel('Data Processing Basis').selectOption({ label: 'Not Applicable' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/basis=not_applicable/);
    await expect(page.locator('table.data tbody tr')).toHaveCount(3);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Change basis', exact: true }).click();
    await page.getByLabel('New basis').selectOption({ label: 'Legitimate Interests' });
    await page.getByLabel('Lawful reason').fill('Existing business relationship');
    await page.getByRole('button', { name: 'Review the change' }).click();
    const question = page.getByRole('dialog', { name: '3 records will get the new legal basis. Change them?' });
    await expect(question).toContainText('Existing business relationship');
    await question.getByRole('button', { name: 'Yes, change the basis' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Records changed: 3' })).toBeVisible();
    await expect(page.locator('table.data tbody tr')).toHaveCount(0);
    // The empty list says what to do next.
    await expect(page.locator('#records-empty')).toContainText('Show every record');
  });

  test('consent entered by hand is Obtained and appears in the history', async ({ page }) => {
    await signIn(page);
    await page.goto('/admin/records?q=jan@example.nl');
    await page.getByRole('link', { name: 'Jan Jansen' }).click();
    await page.getByLabel('New basis').selectOption({ label: 'Consent' });
    await page.getByLabel('Consent was obtained outside Consentry').check();
    await page.getByLabel('Consent through').selectOption({ label: 'In person' });
    await page.getByRole('checkbox', { name: 'Phone', exact: true }).check();
    await page.getByRole('button', { name: 'Change basis', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Change the legal basis of this record?' })
      .getByRole('button', { name: 'Yes, change the basis' })
      .click();
    await expect(page.locator('dd.consent-status')).toHaveText('Obtained');
    await expect(page.locator('ol.history li')).toHaveCount(2);
    await expect(page.locator('ol.history li').first()).toContainText('Legitimate Interests → Consent');
  });

  test('the Overview shows the numbers and draws the charts', async ({ page }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Overview' }).click();
    await expect(page.locator('#count-with-basis')).toHaveText('3');
    await expect(page.locator('#count-not-applicable')).toHaveText('0');
    await expect(page.locator('#consent-chart-desc')).toContainText('Obtained: 1');
    await expect(page.locator('#basis-chart-desc')).toContainText('Legitimate Interests: 2');
    await expect(page.locator('svg#changes-chart, #changes-chart-title')).toHaveCount(1);
    // The trend is a line: a day's value shows on hover, and every day is in a table too.
    const today = page.locator('svg.trend .trend-day').last();
    await expect(today.locator('.trend-value')).toBeHidden();
    await today.locator('.trend-hit').hover();
    await expect(today.locator('.trend-value')).toBeVisible();
    await page.getByText('Show the numbers').click();
    await expect(page.locator('#changes-chart-table tbody tr')).toHaveCount(30);
    await expect(page.locator('#deadlines-heading')).toHaveText('Nearest deadlines');
    await expectAccessible(page);
    // A number links to the filtered list.
    await page.getByRole('link', { name: 'Legitimate Interests: 2' }).click();
    await expect(page).toHaveURL(/basis=legitimate_interests/);
    await expect(page.locator('table.data tbody tr')).toHaveCount(2);
  });

  test('the audit trail lists the changes and its chain verifies', async ({ page }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await expect(page.getByRole('cell', { name: 'Legal basis changed in bulk' })).toBeVisible();
    await page.getByLabel('Action').selectOption({ label: 'Signed in' });
    await expect(page.locator('table.data tbody tr').first()).toContainText('Signed in');
    await expect(page.getByRole('cell', { name: 'Legal basis changed in bulk' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The chain is intact.' })).toBeVisible();
  });

  test('a CSV import maps the columns, shows its progress and reports refused rows', async ({ page }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Records', exact: true }).click();
    await page.getByRole('link', { name: 'Import records from CSV' }).click();
    await page.getByLabel('Module', { exact: true }).selectOption({ label: 'Contacts' });
    const rows = ['Voornaam;Achternaam;E-mail;Kleur'];
    for (let i = 0; i < 40; i++) rows.push(`Naam${i};Achter${i};persoon${i}@example.nl;${i === 0 ? '"blauw; ""licht"""' : 'blauw'}`);
    rows.push('Fout;Adres;geen-adres;rood');
    rows.push('Dubbel;Naam;PERSOON3@example.nl;groen');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'beurs.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n') + '\n'),
    });
    // Columns are mapped from their Dutch headers; the unknown one is left out.
    await expect(page.getByLabel('Voornaam')).toHaveValue('first_name');
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('email');
    await expect(page.getByLabel('Kleur')).toHaveValue('');
    // Beside each column, its first values as the file has them (quotes read as CSV reads them);
    // under the mapping, the formats dates, yes/no and numbers are read in.
    const mapping = page.locator('table.data').first();
    await expect(mapping.locator('tr', { hasText: 'Voornaam' }).locator('td.sample')).toHaveText('Naam0 · Naam1 · Naam2');
    await expect(mapping.locator('tr', { hasText: 'Kleur' }).locator('td.sample')).toHaveText('blauw; "licht" · blauw · blauw');
    await expect(page.locator('#import-formats')).toContainText('YYYY-MM-DD (2026-05-25) or DD-MM-YYYY');
    await page.getByRole('button', { name: 'Start import' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Import finished.' })).toBeVisible();
    await expect(page.locator('#import-progress')).toHaveAttribute('value', '42');
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAccessibleDescription('42 / 42 · 100 %');
    await expect(page.locator('#import-imported')).toHaveText('40');
    await expect(page.locator('#import-refused')).toHaveText('2');
    await expect(page.getByRole('cell', { name: '42', exact: true })).toBeVisible();
    // A repeated address names the row it repeats (persoon3 is on row 5, the header row 1).
    await expect(page.getByRole('row', { name: /^43 / })).toContainText('Row 5 of this file has this e-mail address already');
    await expectAccessible(page);

    // The report links to exactly what this import made, and the list says so.
    // The import page's address names the import, so its report is there again after Back.
    await expect(page).toHaveURL(/\/admin\/records\/import\?job=[0-9a-f-]{36}$/);
    await page.locator('#import-records').click();
    await expect(page).toHaveURL(/\?import=[0-9a-f-]{36}$/);
    await expect(page.locator('table.data tbody tr')).toHaveCount(40);
    await expect(page.locator('#import-filter')).toContainText(/Only the records imported from beurs\.csv \(\d+ \w+ \d{4}, \d\d:\d\d \S+, ada@acme\.example\) · Imported: 40\./);
    await expect(page.locator('#record-scope')).toContainText('40');
    await expectAccessible(page);
    await page.goBack();
    await expect(page.locator('#import-imported')).toHaveText('40');
    await expect(page.locator('#import-refused')).toHaveText('2');
    await page.locator('#import-records').click();
    await expect(page.locator('table.data tbody tr')).toHaveCount(40);
    // The Name heading sorts by last name, and the filter bar narrows, within the import.
    await page.locator('#records th', { hasText: 'Name' }).first().getByRole('button').click();
    await expect(page).toHaveURL(/import=.*sort=last_name/);
    await expect(page.locator('table.data tbody tr').first()).toContainText('Naam0 Achter0');
    await page.locator('#filter-q').fill('Naam1');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/import=.*q=Naam1/);
    await expect(page.locator('table.data tbody tr')).toHaveCount(11);
    // Removing it leaves the other filters and the order.
    await page.locator('#remove-import-filter').click();
    await expect(page).not.toHaveURL(/import=/);
    await expect(page).toHaveURL(/q=Naam1.*sort=last_name/);
    await expect(page.locator('#import-filter')).toHaveCount(0);
    // An import link cut short shows no record, never every record.
    await page.goto('/admin/records?import=0b1f');
    await expect(page.locator('#import-filter')).toContainText('No import has this id');
    await expect(page.getByText('No records match')).toBeVisible();
    await page.goto('/admin/records/import?job=0b1f');
    await expect(page.getByText('This item does not exist')).toBeVisible();
  });

  test('custom fields of a module appear, checked, on its records', async ({ page }) => {
    await signIn(page);
    await page.getByRole('link', { name: 'Fields · Members' }).click();
    await expect(page.getByRole('heading', { name: 'Modules and fields · Members' })).toBeVisible();
    await expect(page.getByRole('rowheader', { name: /E-mail address/ })).toBeVisible();
    await page.getByLabel('Label', { exact: true }).fill('Level');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Picklist' });
    await page.getByLabel('Options').fill('Gold\nSilver');
    await page.getByLabel('Personal data', { exact: true }).selectOption({ label: 'Personal' });
    await page.getByLabel('Required').check();
    await page.getByRole('button', { name: 'Add field' }).click();
    await expect(page.getByRole('rowheader', { name: /Level/ })).toBeVisible();
    await page.getByLabel('Label', { exact: true }).fill('Member since');
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Date' });
    await page.getByRole('button', { name: 'Add field' }).click();
    await expect(page.getByRole('rowheader', { name: /Member since/ })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Records' }).click();
    await page.getByRole('link', { name: 'New record' }).click();
    await page.getByLabel('Module', { exact: true }).selectOption({ label: 'Members' });
    await page.getByLabel('Last name').fill('Visser');
    await expect(page.getByLabel('Level')).toBeVisible();
    await page.getByRole('button', { name: 'Create record' }).click();
    await expect(page.getByText('Fill in this field.')).toBeVisible();
    await page.getByLabel('Level').selectOption('Gold');
    await page.getByLabel('Member since').fill('2018-05-25');
    await page.getByRole('button', { name: 'Create record' }).click();
    await expect(page.getByRole('heading', { name: 'Visser' })).toBeVisible();
    await expect(page.getByLabel('Level')).toHaveValue('Gold');
    await expect(page.getByLabel('Member since')).toHaveValue('2018-05-25');
    await expect(page.locator('#personal-field-counts')).toHaveText('5 normal · 0 sensitive');

    // The record's data-subject requests: none yet, then one filed by hand.
    await expect(page.getByText('No data subject requests for this record.')).toBeVisible();
    await page.getByLabel('Request', { exact: true }).selectOption({ label: 'Erasure' });
    await page.getByLabel('Received through').selectOption({ label: 'Phone' });
    await page.getByLabel('Received on').fill('2026-01-31');
    await page.getByRole('button', { name: 'File request' }).click();
    await expect(page.locator('#record-requests tbody tr')).toHaveCount(1);
    await expect(page.locator('#record-requests tbody tr')).toContainText('Erasure');
    await expect(page.locator('#record-requests tbody tr')).toContainText('28 Feb 2026');
    await expectAccessible(page);
  });
});
