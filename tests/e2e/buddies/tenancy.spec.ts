/**
 * Who may see what in the buddy programme: a buddy sees only their own matches (another buddy of
 * the same steunpunt and a buddy of another steunpunt get 404), a buddy gets 403 on the
 * regisseur's screens, policy staff see the figures only, and a regisseur of another steunpunt
 * cannot open a demo request. The match is made in this spec: its own buddy (without account)
 * and its own request, so it does not depend on the flow spec running alongside.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { clientHeader } from '../fixtures/client';
import { loginAs } from '../fixtures/login';
import { BRAM, BuddyBackoffice, BuddyRequestPage, daysAgo, DEMO_GEMEENTE } from '../pages/buddies';

test.describe.configure({ mode: 'serial' });

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const TESSA = {
	naam: `Tessa ${run}`,
	email: `tessa-${run}@e2e.test`,
	ervaring: ['pesten'],
	gemeenten: [DEMO_GEMEENTE.code],
	talen: ['nl'],
	steunwijzen: ['telefonisch'],
	capaciteit: 1,
	training: daysAgo(100),
	intake: daysAgo(90),
	vog: daysAgo(80)
};

/** Opens `path`, expects `status`, and checks the page (error pages too) with axe. */
async function expectStatus(page: Page, path: string, status: number): Promise<void> {
	const response = await page.goto(path);
	expect(response?.status(), `${path} for this account`).toBe(status);
	await expectNoAxeViolations(page);
}

test('buddies zien alleen hun eigen koppelingen, en elk steunpunt alleen het zijne', async ({ browser }) => {
	test.setTimeout(240_000);

	let requestId = '';
	let matchId = '';

	// ---- Setup: a buddy, a request and a proposal in demo ------------------------------------
	const regisseur = new BuddyBackoffice(await loginAs(browser, 'bRegisseur2'));
	await test.step('de regisseur maakt een koppeling in demo', async () => {
		// Bram has an account (bBuddy2) and a profile, but not this match.
		await regisseur.ensureBuddy(BRAM);
		await regisseur.createBuddy(TESSA);

		const parentContext = await browser.newContext({ extraHTTPHeaders: clientHeader('buddy-tenancy') });
		const form = new BuddyRequestPage(await parentContext.newPage());
		await form.goto();
		await form.fill({
			behoefte: `Mijn zoon wordt gepest en wil niet meer naar school. (${run})`,
			onderwerpen: ['pesten-veiligheid'],
			gemeente: DEMO_GEMEENTE.code,
			naam: `Ouder ${run}`,
			email: `ouder-tenancy-${run}@e2e.test`,
			toestemming: true
		});
		expect(await form.submit()).toBe(303);
		const reference = form.reference();
		await parentContext.close();

		requestId = await regisseur.openRequestFromList(reference);
		matchId = await regisseur.propose(TESSA.naam);
		await expect(regisseur.matchSummary).toContainText(`Buddy: ${TESSA.naam}`);
	});

	await test.step('een buddy van een ander steunpunt komt er niet bij (404)', async () => {
		const page = await loginAs(browser, 'bAnderBuddy');
		await expectStatus(page, '/beheer/demo/mijn-koppelingen', 404);
		await expectStatus(page, `/beheer/demo/koppelingen/${matchId}`, 404);
		await expectStatus(page, `/beheer/demo/buddy-aanvragen/${requestId}`, 404);
		// A form post does not get through either.
		const post = await page.request.post(`/beheer/demo/koppelingen/${matchId}?/reageren`, {
			form: { antwoord: 'ja' },
			headers: { origin: new URL(page.url()).origin },
			maxRedirects: 0
		});
		expect(post.status(), 'POST reageren by a buddy of another steunpunt').toBe(404);
		await page.context().close();
	});

	const bram = await loginAs(browser, 'bBuddy2');
	await test.step('een andere buddy van demo ziet de koppeling niet (404), wel zijn eigen lijst', async () => {
		await expectStatus(bram, '/beheer/demo/mijn-koppelingen', 200);
		await expect(bram.locator('main')).not.toContainText(TESSA.naam);
		await expectStatus(bram, `/beheer/demo/koppelingen/${matchId}`, 404);
		await expect(bram.locator('main')).not.toContainText(`Ouder ${run}`);
	});

	await test.step('een buddy mag niet bij de schermen van de regisseur (403)', async () => {
		await expectStatus(bram, '/beheer/demo/buddies', 403);
		await expectStatus(bram, '/beheer/demo/buddy-aanvragen', 403);
		await expectStatus(bram, `/beheer/demo/buddy-aanvragen/${requestId}`, 403);
		await expectStatus(bram, '/beheer/demo/vragen', 403);
		await bram.context().close();
	});

	await test.step('beleid ziet de cijfers, niet de buddies', async () => {
		const page = await loginAs(browser, 'bBeleid');
		await expectStatus(page, '/beheer/demo/buddy-cijfers', 200);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cijfers van het buddyprogramma');
		await expectStatus(page, '/beheer/demo/buddies', 403);
		await expectStatus(page, `/beheer/demo/koppelingen/${matchId}`, 403);
		await page.context().close();
	});

	await test.step('een regisseur van een ander steunpunt komt niet bij de aanvraag van demo (404)', async () => {
		const page = await loginAs(browser, 'bAnderRegisseur');
		await expectStatus(page, `/beheer/demo/buddy-aanvragen/${requestId}`, 404);
		await expectStatus(page, `/beheer/demo/koppelingen/${matchId}`, 404);
		// Nor through its own steunpunt: the id is not one of ander's requests.
		await expectStatus(page, `/beheer/ander/buddy-aanvragen/${requestId}`, 404);
		await expectStatus(page, `/beheer/ander/koppelingen/${matchId}`, 404);
		await page.context().close();
	});

	// The regisseur of demo still sees it all.
	await regisseur.openMatch(matchId);
	await expect(regisseur.page.locator('main')).toContainText(`Ouder ${run}`);
	await regisseur.page.context().close();
});
