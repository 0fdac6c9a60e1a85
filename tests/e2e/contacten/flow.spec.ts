/**
 * Vragen en contacten, end to end: a parent without JavaScript asks a question on a small phone,
 * gets a confirmation mail (real SMTP), the regisseur handles the case (a call registered with the
 * keyboard only, a referral to the consulent, a follow-up date), the parent answers "Hoe gaat het
 * nu?", the case is closed, and the retention round wipes the personal data while the anonymous
 * registrations stay. Every page in every context is checked with axe.
 */
import { expect, test, type Locator } from '@playwright/test';
import { expectNoAxeViolations, markScriptsDisabled, visit } from '../fixtures/axe';
import { clientHeader } from '../fixtures/client';
import { loginAs } from '../fixtures/login';
import { linksIn, waitForMail, type ReceivedMail } from '../fixtures/mail';
import { expectNoHorizontalScroll, PHONE } from '../pages/public-pages';
import { AskQuestionPage, Backoffice, errorSummary, today } from '../pages/contacten';
import { topicBySlug } from '../../../src/lib/taxonomy';

test.describe.configure({ mode: 'serial' });

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const MARKER = `e2e-flow-${run}`;
const EMAIL = `ouder-${run}@e2e.test`;
const NAME = `Sanne ${run}`;
const QUESTION = `Mijn zoon zit al drie weken thuis omdat school zegt dat ze hem niet kunnen helpen. Wat kan ik doen? (${MARKER})`;
/** The call's duration: rare enough to find its anonymous registration again. */
const CALL_MINUTES = '37';

test('een vraag van de website tot de bewaartermijn', async ({ browser }) => {
	// About 40 pages, each checked with axe: 1.6–2.4 min measured on 2 cores with another spec beside it.
	test.setTimeout(300_000);

	// A parent on a small phone, without JavaScript.
	const parentContext = markScriptsDisabled(
		await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, extraHTTPHeaders: clientHeader('flow-ouder') })
	);
	const parent = await parentContext.newPage();

	let reference = '';
	let personalLink = '';
	let caseId = '';
	let followUpLinks: Record<'beter' | 'hetzelfde' | 'slechter', string>;

	await test.step('a. de ouder stelt een vraag zonder JavaScript', async () => {
		const form = new AskQuestionPage(parent);
		await form.goto();
		await expectNoHorizontalScroll(parent);

		// Empty: the error summary, with links to the fields.
		expect(await form.submit()).toBe(400);
		const summary = errorSummary(parent);
		await expect(summary.getByRole('heading', { name: 'Er is een probleem' })).toBeVisible();
		await expect(summary.locator('a[href="#vraag"]')).toBeVisible();
		await expect(summary.locator('a[href="#toestemming"]')).toBeVisible();
		await expectNoHorizontalScroll(parent);

		await form.fill({
			vraag: QUESTION,
			fase: 'thuiszitten',
			schooltype: 'vso',
			leeftijd: '12-16',
			gemeente: 'GM0399',
			antwoord: 'mailen',
			naam: NAME,
			email: EMAIL,
			opvolgen: true,
			toestemming: true
		});
		expect(await form.submit()).toBe(303);
		await expect(parent).toHaveURL(/\/demo\/verstuurd\?soort=vraag&nummer=V-[A-Z0-9]{6}&mail=1$/);
		reference = new URL(parent.url()).searchParams.get('nummer')!;
		await expect(parent.getByRole('heading', { level: 1 })).toHaveText('We hebben je vraag ontvangen');
		await expect(parent.getByRole('status')).toContainText(reference);
		await expectNoHorizontalScroll(parent);
	});

	await test.step('b. de bevestiging komt per mail', async () => {
		const mail = await waitForMail((m) => m.to.includes(EMAIL) && m.subject.includes(reference));
		expect(mail.subject).toBe(`We hebben je vraag ontvangen (${reference})`);
		expect(mail.text).toContain(`Beste ${NAME},`);
		personalLink = linksIn(mail).find((l) => /\/demo\/mijn-gegevens\/[A-Za-z0-9_-]{20,}$/.test(l)) ?? '';
		expect(personalLink, `personal link in:\n${mail.text}`).not.toBe('');
		expect(mail.html).toContain(`href="${personalLink}"`);
	});

	const regisseur = new Backoffice(await loginAs(browser, 'regisseur'));

	await test.step('c. de regisseur ziet de vraag in de inbox en opent het dossier', async () => {
		// Other specs (and the burst on PostgreSQL) fill the demo inbox: find it as a regisseur would, by its number.
		await regisseur.inbox(`?zoek=${reference}`);
		await expect(regisseur.h1).toHaveText('Vragen en contacten');
		const row = regisseur.inboxRow(reference);
		await expect(row).toHaveCount(1);
		await expect(row).toContainText(NAME);
		await expect(row).toContainText('Mijn zoon zit al drie weken thuis');
		await expect(row).toContainText('Nieuw');
		caseId = await regisseur.caseIdFromInbox(reference);

		await row.getByRole('link', { name: reference, exact: true }).click();
		await expect(regisseur.page).toHaveURL(new RegExp(`/beheer/demo/vragen/${caseId}$`));
		await expect(regisseur.h1).toHaveText(`Dossier ${reference}`);
		await expectNoAxeViolations(regisseur.page);
		await expect(regisseur.term('Naam')).toHaveText(NAME);
		await expect(regisseur.term('E-mail')).toHaveText(EMAIL);
		await expect(regisseur.term('Wil antwoord via')).toContainText('mag later gemaild worden');
		await expect(regisseur.term('In eigen woorden')).toHaveText(QUESTION);
		await expect(regisseur.term('Toestemming')).toHaveText(/^Ja, .+ \(privacyverklaring .+\)$/);
		// Topics are suggested from the question (not yet confirmed).
		await expect(regisseur.page.locator('section[aria-labelledby=wie]')).toContainText(/Onderwerpen \(voorgesteld, nog niet bevestigd\): \S/);
	});

	await test.step('d. de regisseur registreert een telefoongesprek met alleen het toetsenbord', async () => {
		await regisseur.page.getByRole('link', { name: 'Contact registreren bij dit dossier' }).click();
		await expect(regisseur.page).toHaveURL(new RegExp(`/beheer/demo/contact\\?dossier=${caseId}$`));
		await expect(regisseur.h1).toHaveText('Contact registreren');
		await expectNoAxeViolations(regisseur.page);
		await expect(regisseur.page.getByText('Dit contact komt in het dossier.')).toBeVisible();

		const page = regisseur.page;
		const kb = page.keyboard;
		await regisseur.tabTo('#kanaal', 80);
		await expect(page.locator('#kanaal')).toHaveValue('telefoon');
		await kb.press('Tab');
		await expect(page.locator('#duur')).toBeFocused();
		await kb.type(CALL_MINUTES);
		await kb.press('Tab');
		await expect(page.locator('#wie')).toBeFocused();
		await kb.type('Ouder');
		await kb.press('Tab');
		await expect(page.locator('#uitkomst')).toBeFocused();
		await kb.type('Terugleiding');
		await kb.press('Tab');
		await expect(page.locator('#samenvatting')).toBeFocused();
		// Wait for the answer to the whole text: answers to earlier keystrokes may come in between.
		const suggestion = page.waitForResponse(
			(r) => r.url().endsWith('/api/v1/onderwerpen/suggestie') && r.ok() && (r.request().postData() ?? '').includes(MARKER)
		);
		await kb.type(`Moeder belde: zoon zit thuis, school weigert hem, zorgen over leerplicht en thuiszitten. ${MARKER}`);
		const [best] = ((await (await suggestion).json()) as { topics: { slug: string }[] }).topics;
		const buttons = page.locator('.suggestions button[aria-pressed]');
		await expect(buttons.first()).toContainText(topicBySlug.get(best!.slug)!.label);
		await kb.press('Tab');
		await expect(buttons.first()).toBeFocused();
		await kb.press('Enter');
		await expect(buttons.first()).toHaveAttribute('aria-pressed', 'true');
		await regisseur.tabTo('#fase', 5);
		await kb.type('Thuis');
		await expect(page.locator('#fase')).toHaveValue('thuiszitten');
		await kb.press('Tab');
		await expect(page.locator('#schooltype')).toBeFocused();
		await kb.type('Voortgezet');
		await expect(page.locator('#schooltype')).toHaveValue('vso');
		await kb.press('Tab');
		await expect(page.locator('#gemeente')).toBeFocused();
		await kb.type('Heiloo');
		await expect(page.locator('#gemeente')).toHaveValue('GM0399');
		await kb.press('Tab');
		await expect(page.locator('#verwijzing')).toBeFocused();
		await kb.press('Tab');
		// The first topic checkbox: tick it with Space too (a second topic), then on to the button.
		await expect(page.locator('#onderwerpen')).toBeFocused();
		const firstTopicWasChosen = await page.locator('#onderwerpen').isChecked();
		if (!firstTopicWasChosen) await kb.press('Space');
		await expect(page.locator('#onderwerpen')).toBeChecked();
		await expect(page.locator('input[name=onderwerpen]:checked')).not.toHaveCount(0);
		await regisseur.tabTo('main form button[type=submit]:text-is("Registreren")', 30);
		await kb.press('Enter');

		await expect(page).toHaveURL(new RegExp(`/beheer/demo/vragen/${caseId}(\\?.*)?$`));
		await expect(regisseur.h1).toHaveText(`Dossier ${reference}`);
		await expectNoAxeViolations(page);
		await expect(regisseur.historyItem('Contact geregistreerd')).not.toHaveCount(0);
	});

	await test.step('e. de regisseur verwijst door naar de consulent', async () => {
		await regisseur.referToConsulent('E2E Consulent', `Ouder zoekt passend onderwijs voor haar zoon (${MARKER}).`);
		await expect(regisseur.caseSummary).toContainText('Doorverwezen');
		await expect(regisseur.page.getByRole('region', { name: 'Doorverwijzingen' })).toContainText('E2E Consulent');
		await expect(regisseur.historyItem('Doorverwezen')).not.toHaveCount(0);
	});

	await test.step('f. de consulent ziet het dossier', async () => {
		const consulent = new Backoffice(await loginAs(browser, 'consulent'));
		await consulent.inbox(`?zoek=${reference}`);
		await expect(consulent.h1).toHaveText('Naar jou doorverwezen');
		await expect(consulent.inboxRow(reference)).toHaveCount(1);
		await consulent.inboxRow(reference).getByRole('link', { name: reference, exact: true }).click();
		await expect(consulent.page).toHaveURL(new RegExp(`/beheer/demo/vragen/${caseId}$`));
		await expect(consulent.h1).toHaveText(`Dossier ${reference}`);
		await expectNoAxeViolations(consulent.page);
		await expect(consulent.term('In eigen woorden')).toHaveText(QUESTION);
		await consulent.page.context().close();
	});

	await test.step('g. de regisseur zet een opvolgdatum en mailt "Hoe gaat het nu?"', async () => {
		await regisseur.openCase(caseId);
		await regisseur.treat({ opvolgdatum: today() });
		await expect(regisseur.page.locator('#opvolgdatum')).toHaveValue(today());
		await regisseur.followUpList();
		const row = regisseur.followUpRow(reference);
		await expect(row).toHaveCount(1);
		await expect(row).toContainText(NAME);
		await regisseur.mailFollowUpFromList(reference);
	});

	await test.step('h. de ouder antwoordt via de link in de mail', async () => {
		const mail: ReceivedMail = await waitForMail((m) => m.to.includes(EMAIL) && m.subject.startsWith('Hoe gaat het nu? – '));
		const links = linksIn(mail);
		const find = (trend: string) => links.find((l) => new RegExp(`/demo/hoe-gaat-het/[A-Za-z0-9_-]{20,}\\?trend=${trend}$`).test(l)) ?? '';
		followUpLinks = { beter: find('beter'), hetzelfde: find('hetzelfde'), slechter: find('slechter') };
		for (const [trend, link] of Object.entries(followUpLinks)) expect(link, `link "${trend}" in:\n${mail.text}`).not.toBe('');
		expect(new URL(followUpLinks.beter).pathname).toBe(new URL(followUpLinks.slechter).pathname);
		expect(links, 'the personal link is in every mail').toContain(personalLink);

		await visit(parent, followUpLinks.beter);
		await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Hoe gaat het nu?');
		await expectNoHorizontalScroll(parent);
		await expect(parent.locator('input[name=trend][value=beter]')).toBeChecked();
		await parent.locator('#gesteund-4').check();
		await parent.locator('#toelichting').fill(`Het gesprek met school hielp. ${MARKER}`);
		await parent.getByRole('button', { name: 'Verstuur' }).click();
		await expect(parent.getByRole('status')).toContainText('Dank je wel voor je antwoord');
		await expectNoAxeViolations(parent);

		// Answered once: the link shows the thanks again, without the form.
		await visit(parent, followUpLinks.slechter);
		await expect(parent.getByRole('status')).toContainText('Dank je wel voor je antwoord');
		await expect(parent.locator('form')).toHaveCount(0);
	});

	await test.step('i. de regisseur ziet het antwoord en sluit het dossier', async () => {
		await regisseur.openCase(caseId);
		const answer = regisseur.historyItem('Antwoord van de ouder');
		await expect(answer).toHaveCount(1);
		await expect(answer).toContainText('Het gesprek met school hielp.');
		await regisseur.treat({ status: 'afgesloten' });
		await expect(regisseur.caseSummary).toContainText('Afgesloten');
	});

	await test.step('j. de bewaartermijn: persoonsgegevens weg, de telling blijft', async () => {
		const beheerder = new Backoffice(await loginAs(browser, 'beheerder'));
		// The anonymous registrations of this case: the web question and the call.
		const ours = (rows: Locator) => ({
			web: rows.filter({ hasText: 'Vraag via de website' }).filter({ hasText: 'Heiloo' }).filter({ hasText: 'Voortgezet speciaal onderwijs' }),
			call: rows.filter({ hasText: `${CALL_MINUTES} min` }).filter({ hasText: 'Heiloo' })
		});
		let rows = await beheerder.registrations();
		const before = { total: await rows.count(), web: await ours(rows).web.count(), call: await ours(rows).call.count() };
		expect(before.web).toBeGreaterThanOrEqual(1);
		expect(before.call).toBeGreaterThanOrEqual(1);

		try {
			await beheerder.setRetentionMonths(0);
			await beheerder.privacy();
			expect(await beheerder.purgeNow()).toBeGreaterThanOrEqual(1);
		} finally {
			await beheerder.setRetentionMonths(12);
		}

		// The case is gone for the regisseur …
		await regisseur.openCase(caseId, 404);
		await regisseur.inbox(`?status=alle&zoek=${reference}`);
		await expect(regisseur.inboxRow(reference)).toHaveCount(0);
		// … the parent's personal link and follow-up link are dead …
		await visit(parent, personalLink, 404);
		await visit(parent, followUpLinks.beter, 404);
		// … and the anonymous registrations remain (other specs may add rows meanwhile, never remove).
		rows = await beheerder.registrations();
		expect(await ours(rows).web.count()).toBe(before.web);
		expect(await ours(rows).call.count()).toBe(before.call);
		expect(await rows.count()).toBeGreaterThanOrEqual(before.total);
		await beheerder.page.context().close();
	});

	await regisseur.page.context().close();
	await parentContext.close();
});
