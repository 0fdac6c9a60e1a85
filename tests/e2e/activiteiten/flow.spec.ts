/**
 * Activiteiten, end to end: the regisseur plans an oudercafé with one place (today, a few hours
 * from now, so the door list is open), parent A signs up without JavaScript and gets the
 * confirmation over real SMTP with the activity as .ics, parent B lands on the waiting list, A
 * cancels through the personal link, B is offered the place by mail and takes it, A's old link
 * and a forged link answer clearly, the regisseur checks B in, prints the presence list,
 * downloads the CSV, sends the feedback mail, B answers once, the topics are saved, and the
 * figures show them with small counts as "minder dan 5". The public agenda, the national agenda
 * and the iCal feed list the activity. Every page is checked with axe; parent A's at 360 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { TOPICS } from '../../../src/lib/taxonomy';
import { expectNoAxeViolations, markScriptsDisabled, visit } from '../fixtures/axe';
import { clientHeader } from '../fixtures/client';
import { postForm } from '../fixtures/forms';
import { loginAs } from '../fixtures/login';
import { attachment, icsLines, linksIn, readMails, waitForMail, type ReceivedMail } from '../fixtures/mail';
import { icsTime, soonSlot } from '../pages/activiteiten';

test.describe.configure({ mode: 'serial' });

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const TITLE = `Oudercafé e2e ${run}`;
const A = { naam: `Ouder Anna ${run}`, email: `act-a-${run}@e2e.test` };
const B = { naam: `Ouder Bas ${run}`, email: `act-b-${run}@e2e.test` };
const TOPIC_SLUGS = ['leerlingenvervoer', 'hoogbegaafdheid'];
const TOPIC_LABELS = TOPIC_SLUGS.map((slug) => TOPICS.find((t) => t.slug === slug)!.label);
const SUGGESTION = `Volgende keer over de overstap ${run}`;
const TOKEN = '[0-9a-f]{32}[A-Za-z0-9_-]{32}';

/** Signs a parent up on the activity page, without JavaScript; returns the personal-link token. */
async function signUp(page: Page, id: string, who: { naam: string; email: string }, expected: 'bevestigd' | 'wachtlijst'): Promise<string> {
	await visit(page, `/demo/activiteiten/${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	// The form carries a signed fill-in time: a post within 3 s counts as a robot.
	await page.locator('#naam').fill(who.naam);
	await page.locator('#email').fill(who.email);
	await page.locator('#aantal').fill('1');
	await page.locator('input[name=wie][value=ouder]').check();
	await page.locator('input[name=toestemming][value=ja]').check();
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(new RegExp(`/demo/aanmelding/(${TOKEN})\\?nieuw=${expected}$`));
	const token = new RegExp(`/demo/aanmelding/(${TOKEN})`).exec(page.url())![1];
	await expectNoAxeViolations(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je aanmelding');
	return token;
}

/** The .ics attachment of a confirmation: one event at the planned time, with the title. */
function expectCalendar(mail: ReceivedMail, id: string, startsAt: Date, origin: string) {
	const ics = attachment(mail, 'activiteit.ics');
	expect(ics.contentType).toMatch(/^text\/calendar/);
	const lines = icsLines(ics.content);
	expect(lines[0]).toBe('BEGIN:VCALENDAR');
	expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
	expect(lines).toContain(`DTSTART:${icsTime(startsAt)}`);
	expect(lines).toContain(`DTEND:${icsTime(new Date(startsAt.getTime() + 3_600_000))}`);
	expect(lines).toContain(`UID:${id}@${new URL(origin).hostname}`);
	expect(lines.find((l) => l.startsWith('SUMMARY:'))).toMatch(new RegExp(`^SUMMARY:${TITLE} – `));
	expect(lines).toContain(`URL:${origin}/demo/activiteiten/${id}`);
}

const mailTo = (to: string, subject: string) => (m: ReceivedMail) => m.to.includes(to) && m.subject === `${subject}: ${TITLE}`;

test('een oudercafé van plannen tot cijfers', async ({ browser, baseURL }) => {
	test.setTimeout(240_000);
	const origin = baseURL!;
	const slot = soonSlot();

	const contextA = markScriptsDisabled(
		await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 }, extraHTTPHeaders: clientHeader('act-ouder-a') })
	);
	const contextB = markScriptsDisabled(await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: clientHeader('act-ouder-b') }));
	const parentA = await contextA.newPage();
	const parentB = await contextB.newPage();
	const regisseur = await loginAs(browser, 'aRegisseur');

	let id = '';
	let tokenA = '';
	let tokenB = '';
	let feedbackLink = '';

	await test.step('a. de regisseur plant een oudercafé met één plek', async () => {
		await visit(regisseur, '/beheer/demo/activiteiten');
		await regisseur.getByRole('link', { name: 'Nieuwe activiteit plannen' }).click();
		await expect(regisseur).toHaveURL(/\/beheer\/demo\/activiteiten\/nieuw$/);
		await expectNoAxeViolations(regisseur);
		await regisseur.locator('#soort').selectOption('oudercafe');
		await regisseur.locator('#titel').fill(TITLE);
		await regisseur.locator('#thema').fill('Het Ouderschapsspel');
		await regisseur.locator('#voorWie').selectOption('ouders');
		await regisseur.locator('#beschrijving').fill('Een avond met andere ouders.');
		await regisseur.locator('#datum').fill(slot.day);
		await regisseur.locator('#begintijd').fill(slot.start);
		await regisseur.locator('#eindtijd').fill(slot.end);
		await regisseur.locator('#locatie').fill('Ouderkamer De Brug');
		await regisseur.locator('#adres').fill('Brugstraat 1');
		await regisseur.locator('#plaats').fill('Alkmaar');
		await regisseur.locator('#plekken').fill('1');
		await regisseur.locator('#maxPerAanmelding').fill('1');
		await regisseur.locator('#bedenktijd').fill('24');
		await regisseur.getByRole('button', { name: 'Plannen' }).click();
		await expect(regisseur).toHaveURL(/\/beheer\/demo\/activiteiten\/[0-9a-f-]{36}\?gepland=1$/);
		id = /activiteiten\/([0-9a-f-]{36})/.exec(regisseur.url())![1];
		await expectNoAxeViolations(regisseur);
		await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText(TITLE);
		await expect(regisseur.getByRole('status')).toContainText('De activiteit staat in de agenda.');
		await expect(regisseur.locator('dl.terms')).toContainText('0 van 1 bezet · 0 op de wachtlijst');
	});

	await test.step('b. de agenda van het steunpunt, de landelijke agenda en de agenda-link tonen het', async () => {
		await visit(parentA, '/demo/activiteiten');
		const item = parentA.locator('main li', { has: parentA.getByRole('link', { name: TITLE, exact: true }) });
		await expect(item).toHaveCount(1);
		await expect(item).toContainText('nog 1 plek');
		await visit(parentA, '/activiteiten');
		const national = parentA.locator('main li', { has: parentA.getByRole('link', { name: TITLE, exact: true }) });
		await expect(national).toHaveCount(1);
		await expect(national.getByRole('link', { name: TITLE })).toHaveAttribute('href', `/demo/activiteiten/${id}`);
		// The feed is cached for a minute per instance: a feed fetched just before may not have it yet.
		await expect
			.poll(
				async () => {
					const feed = await parentA.request.get('/demo/activiteiten.ics');
					expect(feed.status()).toBe(200);
					expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
					return icsLines(await feed.text()).includes(`UID:${id}@${new URL(origin).hostname}`);
				},
				{ timeout: 70_000, intervals: [1_000, 5_000] }
			)
			.toBe(true);
	});

	await test.step('c. ouder A meldt zich zonder JavaScript aan en krijgt de bevestiging met .ics', async () => {
		tokenA = await signUp(parentA, id, A, 'bevestigd');
		await expect(parentA.getByRole('status')).toContainText('Je bent aangemeld. Fijn dat je komt!');
		await expect(parentA.locator('dl.terms')).toContainText('Aangemeld');
		const mail = await waitForMail(mailTo(A.email, 'Je bent aangemeld'));
		expect(mail.text).toContain(`Beste ${A.naam},`);
		expect(linksIn(mail)).toContain(`${origin}/demo/aanmelding/${tokenA}`);
		expectCalendar(mail, id, slot.startsAt, origin);
	});

	await test.step('d. ouder B komt op de wachtlijst', async () => {
		tokenB = await signUp(parentB, id, B, 'wachtlijst');
		await expect(parentB.getByRole('status')).toContainText('Je staat op de wachtlijst.');
		await expect(parentB.locator('dl.terms')).toContainText(/Op de wachtlijst\s*\(plek 1 op de wachtlijst\)/);
		const mail = await waitForMail(mailTo(B.email, 'Je staat op de wachtlijst'));
		expect(mail.text).toContain('wachtlijst, op plek 1');
		expect(linksIn(mail)).toContain(`${origin}/demo/aanmelding/${tokenB}`);
		expect(mail.attachments).toEqual([]);
	});

	await test.step('e. A meldt zich af via de eigen link; B krijgt de plek aangeboden en neemt hem', async () => {
		const link = linksIn(await waitForMail(mailTo(A.email, 'Je bent aangemeld'))).find((l) => l.includes('/demo/aanmelding/'))!;
		await visit(parentA, link);
		await parentA.getByRole('button', { name: 'Ik meld me af' }).click();
		await expectNoAxeViolations(parentA);
		await expect(parentA.getByRole('status')).toContainText('Je bent afgemeld.');

		const offer = await waitForMail(mailTo(B.email, 'Er is een plek vrij'));
		const offerLink = linksIn(offer).find((l) => l.includes('/demo/aanmelding/'))!;
		expect(offerLink).toBe(`${origin}/demo/aanmelding/${tokenB}`);
		await visit(parentB, offerLink);
		await expect(parentB.getByRole('heading', { name: 'Er is een plek voor je vrij' })).toBeVisible();
		await parentB.getByRole('button', { name: 'Ik neem de plek' }).click();
		await expectNoAxeViolations(parentB);
		await expect(parentB.getByRole('status')).toContainText('Je hebt de plek genomen. Je bent aangemeld!');
		await expect(parentB.locator('dl.terms')).toContainText('Aangemeld');

		const confirmation = await waitForMail(mailTo(B.email, 'Je bent aangemeld'));
		expect(linksIn(confirmation)).toContain(`${origin}/demo/aanmelding/${tokenB}`);
		expectCalendar(confirmation, id, slot.startsAt, origin);
	});

	await test.step('f. de oude link van A en een vervalste link', async () => {
		await visit(parentA, `/demo/aanmelding/${tokenA}`);
		await expect(parentA.locator('main')).toContainText('Je bent afgemeld voor deze activiteit.');
		await expect(parentA.getByRole('button', { name: 'Ik meld me af' })).toHaveCount(0);
		// A post to the old link (a second click in an old tab): gone, with a clear message.
		const again = await postForm(parentA.request, origin, `/demo/aanmelding/${tokenA}?/afmelden`, {});
		expect(again.status()).toBe(410);
		expect(await again.text()).toContain('Je hebt je al afgemeld.');
		const change = await postForm(parentA.request, origin, `/demo/aanmelding/${tokenA}?/wijzigen`, { aantal: '1' });
		expect(change.status()).toBe(410);
		// A forged link (A's id with another signature, and a made-up one): not found.
		const forged = `${tokenA.slice(0, 32)}${'A'.repeat(32)}`;
		await visit(parentA, `/demo/aanmelding/${forged}`, 404);
		await expect(parentA.locator('main')).toContainText('Deze link klopt niet.');
		await visit(parentA, `/demo/aanmelding/${'0'.repeat(32)}${'x'.repeat(32)}`, 404);
		// B's real link, on the other steunpunt: not found.
		await visit(parentA, `/ander/aanmelding/${tokenB}`, 404);
	});

	await test.step('g. de regisseur ziet B, tekent B af, print de lijst en exporteert de CSV', async () => {
		await visit(regisseur, `/beheer/demo/activiteiten/${id}`);
		await expect(regisseur.locator('dl.terms')).toContainText('1 van 1 bezet · 0 op de wachtlijst');
		const rowB = regisseur.getByRole('region', { name: 'Deelnemers' }).locator('tbody tr', { hasText: B.naam });
		await expect(rowB).toHaveCount(1);
		await expect(rowB).toContainText(B.email);
		await expect(rowB).toContainText('Aangemeld');
		await expect(regisseur.locator('details')).toContainText(`${A.naam} – Afgemeld`);
		const checkIn = rowB.locator('form[action="?/aftekenen"] button');
		await expect(checkIn).toHaveText(`Aanwezig: ${B.naam}`);
		await checkIn.click({ timeout: 10_000 });
		await expectNoAxeViolations(regisseur);
		await expect(regisseur.getByRole('status')).toContainText('De aanwezigheid is bijgewerkt.');
		await expect(regisseur.locator('dl.terms')).toContainText('1 van 1 personen afgetekend');
		const rowAfter = regisseur.getByRole('region', { name: 'Deelnemers' }).locator('tbody tr', { hasText: B.naam });
		await expect(rowAfter).toContainText('aanwezig');
		await expect(rowAfter.locator('form[action="?/aftekenen"] button')).toHaveText(`Niet aanwezig: ${B.naam}`);

		await regisseur.getByRole('link', { name: 'Presentielijst (printen)' }).click();
		await expect(regisseur).toHaveURL(new RegExp(`/beheer/demo/activiteiten/${id}/presentielijst$`));
		await expectNoAxeViolations(regisseur);
		const listed = regisseur.locator('table tbody tr', { hasText: B.naam });
		await expect(listed).toHaveCount(1);
		await expect(listed.locator('td').last()).toHaveText('ja');
		await expect(regisseur.locator('table')).not.toContainText(A.naam);

		await regisseur.getByRole('link', { name: 'Terug naar de activiteit' }).click();
		await expectNoAxeViolations(regisseur);
		const [download] = await Promise.all([regisseur.waitForEvent('download'), regisseur.getByRole('link', { name: 'Deelnemers exporteren (CSV)' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^deelnemers-\d{4}-\d{2}-\d{2}\.csv$/);
		const { readFileSync } = await import('node:fs');
		const csv = readFileSync(await download.path(), 'utf8');
		const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(rows[0]).toBe('"Status";"Naam";"E-mail";"Telefoon";"Personen";"Wie";"Wensen";"Toelichting";"Aanwezig"');
		expect(rows.find((r) => r.includes(B.naam))).toMatch(new RegExp(`^"Aangemeld";"${B.naam}";"${B.email}";.*;"ja"$`));
		expect(rows.find((r) => r.includes(A.naam))).toMatch(/^"Afgemeld";/);
	});

	await test.step('h. de feedbackmail; B antwoordt één keer', async () => {
		await regisseur.getByRole('button', { name: 'Stuur de feedbackmail nu' }).click();
		await expectNoAxeViolations(regisseur);
		await expect(regisseur.getByRole('status')).toContainText('De feedbackmail is verstuurd naar 1 deelnemer.');
		await expect(regisseur.getByRole('button', { name: 'Stuur de feedbackmail nu' })).toHaveCount(0);

		const mail = await waitForMail((m) => m.to.includes(B.email) && m.subject === `Hoe was het? ${TITLE}`);
		feedbackLink = linksIn(mail).find((l) => l.includes('/demo/activiteit-feedback/'))!;
		expect(feedbackLink).toMatch(new RegExp(`^${origin}/demo/activiteit-feedback/${TOKEN}$`));
		await visit(parentB, feedbackLink);
		await expect(parentB.getByRole('heading', { level: 1 })).toHaveText('Hoe was het?');
		await parentB.locator('input[name=nuttig][value="4"]').check();
		await parentB.locator('#volgendeKeer').fill(SUGGESTION);
		await parentB.getByRole('button', { name: 'Verstuur' }).click();
		await expectNoAxeViolations(parentB);
		await expect(parentB.getByRole('status')).toContainText('Dank je wel voor je antwoord!');

		await visit(parentB, feedbackLink, 410);
		await expect(parentB.locator('main')).toContainText('Je hebt je antwoord al gegeven.');
		const twice = await postForm(parentB.request, origin, new URL(feedbackLink).pathname, { nuttig: '1' });
		expect(twice.status()).toBe(410);
	});

	await test.step('i. de besproken onderwerpen, en de cijfers', async () => {
		await visit(regisseur, `/beheer/demo/activiteiten/${id}`);
		for (const slug of TOPIC_SLUGS) await regisseur.locator(`input[name=onderwerpen][value="${slug}"]`).check();
		await regisseur.getByRole('button', { name: 'Onderwerpen opslaan' }).click();
		await expectNoAxeViolations(regisseur);
		await expect(regisseur.getByRole('status')).toContainText('De besproken onderwerpen zijn opgeslagen');
		for (const slug of TOPIC_SLUGS) await expect(regisseur.locator(`input[name=onderwerpen][value="${slug}"]`)).toBeChecked();

		await visit(regisseur, '/beheer/demo/activiteit-cijfers');
		const topics = regisseur.locator('main h2:text-is("Besproken onderwerpen") ~ ul').first();
		for (const label of TOPIC_LABELS) await expect(topics.locator('li', { hasText: label })).toHaveText(`${label}: minder dan 5`);
		const feedback = regisseur.locator('dl.terms dt:text-is("Feedback") + dd');
		await expect(feedback).toContainText('minder dan 5 antwoorden');
		await expect(feedback).toContainText('te weinig antwoorden (minder dan 5)');
		// A single answer is never shown on its own.
		await expect(regisseur.locator('main')).not.toContainText(SUGGESTION);
	});

	await test.step('j. elke mail van dit verhaal kwam één keer aan (ook met twee instanties)', async () => {
		const story = readMails().filter((m) => m.to.includes(A.email) || m.to.includes(B.email));
		const kinds = story.map((m) => `${m.to.join(', ')}: ${m.subject}`);
		expect(kinds.length).toBeGreaterThanOrEqual(5);
		expect(kinds, 'dezelfde mail twee keer').toEqual([...new Set(kinds)]);
	});

	await contextA.close();
	await contextB.close();
	await regisseur.context().close();
});
