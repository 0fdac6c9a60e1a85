/** Tenants are separate: another steunpunt's staff cannot read or change the demo's texts. */
import { expect, test } from '@playwright/test';
import { ACCOUNTS, OTHER_NAME } from '../fixtures/accounts';
import { expectNoAxeViolations, visit } from '../fixtures/axe';
import { loginAs } from '../fixtures/login';

test('het tweede steunpunt heeft een eigen site', async ({ page }) => {
	await visit(page, '/ander');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waar sta je nu?');
	await expect(page.locator('header .brand')).toHaveText(OTHER_NAME);
	await expect(page.getByText('Ouder- en Jeugdsteunpunt Demo')).toHaveCount(0);
});

test('onbekend steunpunt: 404-pagina en 404 in de API', async ({ page, request }) => {
	await visit(page, '/bestaat-niet', 404);
	await expect(page.getByText('Deze pagina bestaat niet (meer).')).toBeVisible();
	await visit(page, '/bestaat-niet/vraag/mijn-kind-zit-thuis-wat-nu', 404);
	expect((await request.get('/api/v1/steunpunten/bestaat-niet/zoeken?q=thuis')).status()).toBe(404);
});

test('redacteur van ander steunpunt komt niet bij de teksten van demo', async ({ browser, baseURL }) => {
	const page = await loginAs(browser, 'anderRedacteur');
	// Their own back office works.
	await visit(page, '/beheer/ander/teksten');
	await visit(page, '/beheer/demo/teksten', 404);
	await visit(page, '/beheer/demo/teksten/mijn-kind-zit-thuis-wat-nu', 404);
	await visit(page, '/beheer/demo/meelezen', 404);

	const title = `Overgenomen door ander ${Date.now()}`;
	const response = await page.request.post('/beheer/demo/teksten/mijn-kind-zit-thuis-wat-nu?/save', {
		headers: { origin: baseURL! },
		form: { title, summary: 'x', body: 'x\n\n## Wat kun je nu doen?\n- x', phase: 'thuiszitten' },
		maxRedirects: 0
	});
	expect(response.status(), `POST als ${ACCOUNTS.anderRedacteur.email}`).toBe(404);
	// Nothing changed on the public page.
	const check = await page.request.get('/demo/vraag/mijn-kind-zit-thuis-wat-nu');
	expect(await check.text()).not.toContain(title);
	await page.context().close();
});

test('uitgelogd: /beheer/demo/teksten stuurt naar inloggen', async ({ page, request }) => {
	const direct = await request.get('/beheer/demo/teksten', { maxRedirects: 0 });
	expect([302, 303, 307]).toContain(direct.status());
	expect(direct.headers()['location']).toMatch(/\/beheer\/inloggen$/);
	await page.goto('/beheer/demo/teksten');
	await expect(page).toHaveURL(/\/beheer\/inloggen$/);
	await expect(page.locator('#email')).toBeVisible();
	await expectNoAxeViolations(page);
});
