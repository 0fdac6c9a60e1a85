/**
 * A parent on a small phone without JavaScript: from "Waar sta je nu?" to an answer, search,
 * feedback (and its error summary), and the same walk with the keyboard only.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, markScriptsDisabled, visit, withScripts } from '../fixtures/axe';
import { clientHeader } from '../fixtures/client';

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, extraHTTPHeaders: clientHeader('ouder') });

async function expectNoHorizontalScroll(page: Page): Promise<void> {
	// Measured in a JavaScript-enabled copy of the same DOM and viewport (evaluate cannot run here).
	const { scrollWidth, clientWidth } = await withScripts(page, (p) =>
		p.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }))
	);
	expect(clientWidth).toBe(360);
	expect(scrollWidth, `horizontaal scrollen op ${page.url()}`).toBeLessThanOrEqual(clientWidth);
}

async function check(page: Page): Promise<void> {
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
}

test.beforeEach(async ({ page }) => {
	markScriptsDisabled(page.context());
});

test('van "Waar sta je nu?" naar een antwoord, zoeken en feedback geven', async ({ page }) => {
	// Eight pages, each with an axe check: on a loaded 2-core runner that needs more than 60 s.
	test.setTimeout(150_000);
	await visit(page, '/demo');
	await expectNoHorizontalScroll(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waar sta je nu?');

	await page.getByRole('link', { name: /^Mijn kind zit thuis/ }).click();
	await expect(page).toHaveURL(/\/demo\/fase\/thuiszitten$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn kind zit thuis');
	await check(page);

	const first = page.locator('main .result-list a').first();
	const firstTitle = (await first.innerText()).trim();
	await first.click();
	await expect(page).toHaveURL(/\/demo\/vraag\/[a-z0-9-]+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstTitle);
	await check(page);
	await expect(page.locator('.answer')).not.toBeEmpty();
	await expect(page.getByRole('heading', { name: 'Wat kun je nu doen?' })).toBeVisible();
	await expect(page.locator('a.begrip').first()).toHaveAttribute('href', /^\/demo\/begrippen#[a-z0-9-]+$/);
	const related = page.getByRole('region', { name: 'Andere ouders vroegen ook' }).getByRole('link');
	expect(await related.count()).toBeGreaterThan(0);

	// Search from the main menu.
	await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/\/demo\/zoeken$/);
	await check(page);
	await page.locator('#q').fill('weggestuurd');
	await page.locator('main form[role=search]').getByRole('button', { name: 'Zoeken' }).click();
	await expect(page).toHaveURL(/\/demo\/zoeken\?q=weggestuurd$/);
	await expect(page.getByRole('heading', { name: /antwoorden gevonden$/ })).toBeVisible();
	await check(page);
	const hit = page.locator('main .result-list a').first();
	const hitTitle = (await hit.innerText()).trim();
	await hit.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(hitTitle);
	await check(page);

	// Feedback: yes, with a comment.
	const feedback = page.locator('#feedback');
	await feedback.getByLabel('Ja').check();
	await page.locator('#comment').fill('Duidelijk uitgelegd, dank jullie wel.');
	await feedback.getByRole('button', { name: 'Verstuur' }).click();
	await expect(page.getByRole('heading', { name: 'Dank je wel' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('Je antwoord is opgeslagen');
	await check(page);
});

test('feedback zonder keuze geeft een foutmelding die naar het veld wijst', async ({ page }) => {
	await visit(page, '/demo/vraag/mijn-kind-zit-thuis-wat-nu');
	await page.locator('#feedback').getByRole('button', { name: 'Verstuur' }).click();
	const summary = page.locator('.error-summary');
	await expect(summary).toBeVisible();
	await expect(summary.getByRole('heading')).toHaveText('Er is een probleem');
	await expect(summary.locator('a[href="#helped"]')).toHaveCount(1);
	await expect(page.locator('#helped')).toHaveCount(1);
	await expect(page.getByRole('heading', { name: 'Dank je wel' })).toHaveCount(0);
	await check(page);
});

test('met alleen het toetsenbord: skiplink en fasen', async ({ page }) => {
	await visit(page, '/demo');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/demo#inhoud$/);
	// The next Tab starts inside the main content: the first phase card.
	await page.keyboard.press('Tab');
	const focused = page.locator(':focus');
	await expect(focused).toHaveCount(1);
	await expect(page.locator('main#inhoud :focus')).toHaveCount(1);
	await expect(focused).toHaveText(/^Ik maak me zorgen over mijn kind/);
	for (let i = 0; i < 10 && !/^Mijn kind zit thuis/.test(await focused.innerText()); i++) await page.keyboard.press('Tab');
	await expect(focused).toHaveText(/^Mijn kind zit thuis/);
	await expect(focused).toHaveAttribute('href', '/demo/fase/thuiszitten');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/demo\/fase\/thuiszitten$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn kind zit thuis');
	await check(page);
});
