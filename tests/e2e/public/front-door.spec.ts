/** The national front door: find your steunpunt by postcode, school, gemeente. */
import { expect, test } from '@playwright/test';
import { visit } from '../fixtures/axe';

const finder = (q: string) => `/?q=${encodeURIComponent(q)}`;

test('postcode 1811: po en vo horen bij het demo-steunpunt', async ({ page }) => {
	await visit(page, finder('1811'));
	const result = page.locator('section[aria-labelledby=uitkomst]');
	await expect(result.getByRole('heading', { name: /^Postcode 1811/ })).toBeVisible();
	await expect(result.getByText('Basisonderwijs (po)')).toBeVisible();
	await expect(result.getByText('Voortgezet onderwijs (vo)')).toBeVisible();
	await expect(result.getByText('Ouder- en Jeugdsteunpunt Demo')).toHaveCount(2);
	await expect(result).toContainText('PO2703');
	await expect(result).toContainText('VO2703');
});

test('via het formulier op de voordeur', async ({ page }) => {
	await visit(page, '/');
	await page.locator('#q').fill('1811');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/\?q=1811$/);
	await expect(page.getByRole('heading', { name: /^Postcode 1811/ })).toBeVisible();
});

test('een schoolnaam geeft een tabel met scholen', async ({ page }) => {
	await visit(page, finder('De Regenboog'));
	const table = page.getByRole('table', { name: 'Gevonden scholen' });
	await expect(table).toBeVisible();
	await expect(table.getByRole('columnheader')).toHaveText(['School', 'Plaats', 'Steunpunt']);
	expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
	await expect(table.locator('tbody tr').first()).toContainText('De Regenboog');
});

test('een gesplitste gemeente vraagt om de postcode', async ({ page }) => {
	await visit(page, finder('Amsterdam'));
	await expect(page.getByRole('heading', { name: 'Gemeente Amsterdam' })).toBeVisible();
	await expect(page.getByText(/meer dan één samenwerkingsverband\. Vul je postcode in/)).toBeVisible();
});

test('een regio zonder steunpunt zegt dat er nog geen steunpunt is', async ({ page }) => {
	await visit(page, finder('Maastricht'));
	await expect(page.getByRole('heading', { name: 'Gemeente Maastricht' })).toBeVisible();
	await expect(page.getByText(/nog geen steunpunt/).first()).toBeVisible();
	await expect(page.getByText('Ouder- en Jeugdsteunpunt Demo')).toHaveCount(0);
});

test('onzin geeft "Niets gevonden"', async ({ page }) => {
	await visit(page, finder('xqzzyv'));
	await expect(page.getByRole('heading', { name: 'Niets gevonden' })).toBeVisible();
});
