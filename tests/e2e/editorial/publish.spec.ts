/**
 * The editorial flow: a redacteur adapts a national text, offers it to the meelezende ouders,
 * both say it supports them, the redacteur publishes, and parents see the new title.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, visit } from '../fixtures/axe';
import { loginAs } from '../fixtures/login';

const SLUG = 'mijn-kind-zit-thuis-wat-nu';

test('aanpassen, meelezen en publiceren', async ({ browser }) => {
	test.setTimeout(120_000);
	const title = `Mijn kind zit thuis. Wat nu? (e2e ${Date.now()})`;

	const editor = await loginAs(browser, 'redacteur');
	await visit(editor, `/beheer/demo/teksten/${SLUG}`);
	await editor.locator('#title').fill(title);
	await editor.getByRole('button', { name: 'Opslaan als concept' }).click();
	await expect(editor.getByRole('status').filter({ hasText: 'Opgeslagen als concept' })).toBeVisible();
	await expect(editor.locator('.error-summary')).toHaveCount(0);
	await expect(editor.getByRole('heading', { level: 1 })).toHaveText(title);
	await expectNoAxeViolations(editor);

	await editor.locator('form[action="?/submit"] button').click();
	await expect(editor.getByRole('status').filter({ hasText: 'Aangeboden aan de meelezende ouders' })).toBeVisible();
	await expect(editor.locator('.error-summary')).toHaveCount(0);
	await expectNoAxeViolations(editor);

	// Not yet public.
	const before = await browser.newContext();
	const beforePage = await before.newPage();
	await visit(beforePage, `/demo/vraag/${SLUG}`);
	await expect(beforePage.getByRole('heading', { level: 1 })).not.toHaveText(title);
	await before.close();

	for (const name of ['meelezer1', 'meelezer2'] as const) {
		const reader = await loginAs(browser, name);
		await visit(reader, '/beheer/demo/meelezen');
		const item = reader.locator('.result-list a', { hasText: title });
		await expect(item).toHaveCount(1);
		await item.click();
		await expect(reader).toHaveURL(/\/beheer\/demo\/meelezen\/[^/]+$/);
		await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
		await expectNoAxeViolations(reader);
		await reader.locator('input[name=supported][value=ja]').check();
		await reader.locator('#comment').fill(`Fijn geschreven (${name})`);
		await reader.getByRole('button', { name: 'Verstuur' }).click();
		await expect(reader.getByRole('status')).toContainText('Je antwoord is opgeslagen');
		await expectNoAxeViolations(reader);
		await reader.context().close();
	}

	await visit(editor, `/beheer/demo/teksten/${SLUG}`);
	await editor.locator('form[action="?/publish"] button').click();
	await expect(editor.getByRole('status').filter({ hasText: 'Gepubliceerd' })).toBeVisible();
	await expect(editor.locator('.error-summary')).toHaveCount(0);
	await expectNoAxeViolations(editor);
	await editor.context().close();

	const parent = await browser.newContext({ javaScriptEnabled: false });
	const page = await parent.newPage();
	// Published through one instance; with several (the PostgreSQL pass), another one shows it
	// within a few seconds (src/lib/server/platform/staleness.ts).
	await expect(async () => {
		await visit(page, `/demo/vraag/${SLUG}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 1_000 });
		await expect(page).toHaveTitle(new RegExp(title.replace(/[.?()]/g, '\\$&')), { timeout: 1_000 });
	}).toPass({ timeout: 15_000 });
	await parent.close();
});
