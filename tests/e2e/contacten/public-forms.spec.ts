/**
 * The public contact forms without JavaScript on a small phone: the call-back form (errors,
 * success), the honeypot, no horizontal scrolling, the personal link (unknown → 404, real → ask
 * for inzage), and the beheerder carrying out the inzage request by mail. Axe on every page.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, markScriptsDisabled, visit } from '../fixtures/axe';
import { clientHeader } from '../fixtures/client';
import { loginAs } from '../fixtures/login';
import { linksIn, waitForMail } from '../fixtures/mail';
import { expectNoHorizontalScroll, PHONE } from '../pages/public-pages';
import { AskQuestionPage, Backoffice, CallBackPage, errorSummary } from '../pages/contacten';

const PARENT = { javaScriptEnabled: false, viewport: PHONE, extraHTTPHeaders: clientHeader('publieke-formulieren') } as const;

const run = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe('zonder JavaScript', () => {
	test.use(PARENT);

	test.beforeEach(async ({ page }) => {
		markScriptsDisabled(page.context());
	});

	test('bel mij terug: foutmelding zonder telefoonnummer, daarna de bevestiging', async ({ page }) => {
		const form = new CallBackPage(page);
		await form.goto();
		await expectNoHorizontalScroll(page);

		await form.fill({ naam: 'Ahmed', momenten: ['middag'], toestemming: true });
		expect(await form.submit()).toBe(400);
		const summary = errorSummary(page);
		await expect(summary.getByRole('heading', { name: 'Er is een probleem' })).toBeVisible();
		await expect(summary.locator('a[href="#telefoon"]')).toBeVisible();
		await expect(page.locator('#telefoon')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('#telefoon-fout')).toBeVisible();
		await expect(page.locator('#naam'), 'the form keeps what was typed').toHaveValue('Ahmed');
		await expectNoHorizontalScroll(page);

		await form.fill({ telefoon: '06 12345678', toestemming: true });
		expect(await form.submit()).toBe(303);
		await expect(page).toHaveURL(/\/demo\/verstuurd\?soort=terugbellen&nummer=[A-Z]-[A-Z0-9]{6}$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('We bellen je terug');
		await expectNoHorizontalScroll(page);
	});

	test('vraag stellen past op 360 px, ook met foutmeldingen', async ({ page }) => {
		const form = new AskQuestionPage(page);
		await form.goto();
		await expectNoHorizontalScroll(page);
		expect(await form.submit()).toBe(400);
		await expect(errorSummary(page)).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	test('het honeypot-veld ziet of bereikt niemand, en een ingevuld honeypot wordt geweigerd', async ({ page }) => {
		const form = new CallBackPage(page);
		await form.goto();
		const honeypot = page.locator('#website');
		await expect(honeypot).toHaveAttribute('tabindex', '-1');
		await expect(page.locator('.hp-field')).toHaveAttribute('aria-hidden', 'true');
		const box = await honeypot.boundingBox();
		expect(box, 'the honeypot is laid out off-screen').not.toBeNull();
		expect(box!.x + box!.width, 'the honeypot is left of the viewport').toBeLessThanOrEqual(0);

		await form.fill({ telefoon: '06 87654321', toestemming: true, honeypot: 'https://spam.example' });
		expect(await form.submit()).toBe(400);
		await expect(errorSummary(page)).toContainText('Je bericht kon niet worden verstuurd. Laat het veld "Laat dit veld leeg" leeg en probeer het opnieuw.');
		await expect(page).toHaveURL(/\/demo\/bel-mij-terug$/);
	});

	test('een onbekende persoonlijke link geeft 404 met een Nederlandse uitleg', async ({ page }) => {
		await visit(page, '/demo/mijn-gegevens/dit-is-geen-geldige-link-123', 404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina is er niet');
		await expect(page.locator('main')).toContainText('Deze link werkt niet (meer).');
		await expectNoHorizontalScroll(page);
	});
});

test('inzage via de persoonlijke link; de beheerder mailt de gegevens', async ({ browser }) => {
	test.setTimeout(120_000);
	// The parent without JavaScript; the beheerder (loginAs) with.
	const parentContext = markScriptsDisabled(await browser.newContext(PARENT));
	const page = await parentContext.newPage();
	const marker = `e2e-inzage-${run()}`;
	const email = `inzage-${run()}@e2e.test`;

	const form = new AskQuestionPage(page);
	await form.goto();
	await form.fill({ vraag: `Mag school mijn dochter zomaar schorsen? (${marker})`, antwoord: 'mailen', email, toestemming: true });
	expect(await form.submit()).toBe(303);
	const reference = new URL(page.url()).searchParams.get('nummer')!;
	expect(reference).toMatch(/^V-[A-Z0-9]{6}$/);

	const confirmation = await waitForMail((m) => m.to.includes(email) && m.subject.includes(reference));
	const personalLink = linksIn(confirmation).find((l) => /\/demo\/mijn-gegevens\/[A-Za-z0-9_-]{20,}$/.test(l));
	expect(personalLink, confirmation.text).toBeTruthy();

	await visit(page, personalLink!);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jouw gegevens');
	await expect(page.locator('main')).toContainText(reference);
	await expectNoHorizontalScroll(page);
	// Everything about this person, not only this question (keyboard-reachable radio in the form).
	await page
		.getByRole('radio', { name: /^Alles wat jullie over mij bewaren/ })
		.first()
		.check();
	await page.getByRole('button', { name: 'Stuur mij mijn gegevens' }).click();
	await expect(page.getByRole('status')).toContainText('We hebben je verzoek ontvangen. Je krijgt binnen een maand een mail');
	await expectNoAxeViolations(page);
	await visit(page, personalLink!);
	await expect(page.getByRole('button', { name: 'Stuur mij mijn gegevens' })).toHaveCount(0);
	await expect(page.locator('main')).toContainText('Dit heb je al gevraagd.');

	const beheerder = new Backoffice(await loginAs(browser, 'beheerderInzage'));
	await beheerder.privacy();
	const row = beheerder.privacyRow(reference);
	await expect(row).toHaveCount(1);
	await expect(row).toContainText(/inzage/i);
	await expect(row).toContainText('alles over deze persoon');
	await row.getByRole('button', { name: `Gegevens mailen (${reference})` }).click();
	await expect(beheerder.status.first()).toContainText('Het verzoek is uitgevoerd. De mail aan de ouder staat klaar');
	await expect(errorSummary(beheerder.page)).toHaveCount(0);
	await expectNoAxeViolations(beheerder.page);
	await expect(beheerder.privacyRow(reference).getByRole('button')).toHaveCount(0);

	const exported = await waitForMail((m) => m.to.includes(email) && m.subject.includes(`(${reference})`) && m.subject.startsWith('Jouw gegevens bij'));
	expect(exported.text).toContain(marker);
	expect(exported.html).toContain(marker);
	expect(linksIn(exported)).toContain(personalLink);
	await beheerder.page.context().close();
	await parentContext.close();
});
