/**
 * The buddy programme, end to end: the regisseur keeps two buddy profiles, a parent without
 * JavaScript asks for a buddy, the regisseur sees the ranked buddies (Anna first, with her
 * reasons) and proposes Anna, Anna gets the proposal by mail (real SMTP), accepts in her own
 * screen, the regisseur activates the match, Anna logs a contact moment, the regisseur ends the
 * match, the parent answers the survey from the mail (once), Anna writes her reflection, and the
 * figures show small numbers only as "minder dan 5". Every page in every context is checked with axe.
 */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, markScriptsDisabled, visit } from '../fixtures/axe';
import { clientHeader } from '../fixtures/client';
import { loginAs } from '../fixtures/login';
import { linksIn, readMails, waitForMail, type ReceivedMail } from '../fixtures/mail';
import { today } from '../pages/contacten';
import { ANNA, BRAM, BuddyBackoffice, BuddyRequestPage, BuddySurveyPage, DEMO_GEMEENTE } from '../pages/buddies';

test.describe.configure({ mode: 'serial' });

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const MARKER = `e2e-buddy-${run}`;
const PARENT_EMAIL = `ouder-buddy-${run}@e2e.test`;
const PARENT_NAME = `Fatima ${run}`;
const NEED = `Mijn dochter zit al twee maanden thuis en ik weet niet hoe ik met school moet praten. (${MARKER})`;

test('een buddy van aanvraag tot vragenlijst', async ({ browser }) => {
	test.setTimeout(240_000);

	const parentContext = markScriptsDisabled(await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: clientHeader('buddy-ouder') }));
	const parent = await parentContext.newPage();
	const regisseur = new BuddyBackoffice(await loginAs(browser, 'bRegisseur'));

	let reference = '';
	let matchId = '';
	let surveyLink = '';

	await test.step('a. de regisseur legt de profielen van Anna en Bram vast', async () => {
		await regisseur.ensureBuddy(ANNA);
		await expect(regisseur.page.locator('main')).toContainText('Klaar om te koppelen.');
		await expect(regisseur.page.locator('main')).toContainText('Logt in met een eigen account.');
		// The saved values come back in the form.
		await expect(regisseur.page.locator('#ervaring-thuiszitten')).toBeChecked();
		await expect(regisseur.page.locator('#ervaring-overstap-po-vo')).toBeChecked();
		await expect(regisseur.page.locator(`input[name=gemeenten][value="${DEMO_GEMEENTE.code}"]`)).toBeChecked();
		await expect(regisseur.page.locator('#talen-ar')).toBeChecked();
		await expect(regisseur.page.locator('#capaciteit')).toHaveValue('2');
		await expect(regisseur.page.locator('#vog')).toHaveValue(ANNA.vog!);

		await regisseur.ensureBuddy(BRAM);
		await expect(regisseur.page.locator('main')).toContainText('Klaar om te koppelen.');

		await regisseur.buddies();
		const anna = regisseur.page
			.getByRole('region', { name: 'Buddies' })
			.locator('tbody tr', { has: regisseur.page.getByRole('link', { name: ANNA.naam, exact: true }) });
		await expect(anna).toHaveCount(1);
		await expect(anna.locator('td').nth(1)).toHaveText('Ja');
		await expect(anna).toContainText('van 2 bezet');
	});

	await test.step('b. een ouder vraagt zonder JavaScript een buddy aan', async () => {
		const form = new BuddyRequestPage(parent);
		await form.goto();
		await form.fill({
			behoefte: NEED,
			onderwerpen: ['thuiszitten-verzuim'],
			gemeente: DEMO_GEMEENTE.code,
			taal: 'ar',
			steunwijzen: ['afspreken', 'meegaan'],
			naam: PARENT_NAME,
			email: PARENT_EMAIL,
			toestemming: true
		});
		expect(await form.submit()).toBe(303);
		await expect(parent).toHaveURL(/\/demo\/verstuurd\?soort=buddy&nummer=B-[A-Z0-9]{6}$/);
		reference = form.reference();
		await expect(parent.getByRole('heading', { level: 1 })).toHaveText('We zoeken een buddy voor je');
	});

	await test.step('c. de regisseur ziet de buddies op volgorde, Anna eerst, en stelt haar voor', async () => {
		await regisseur.openRequestFromList(reference);
		await expect(regisseur.page.locator('main')).toContainText(PARENT_NAME);
		await expect(regisseur.page.locator('main')).toContainText(PARENT_EMAIL);
		await expect(regisseur.ranked.first()).toContainText(`1. ${ANNA.naam}`);
		await expect(regisseur.rankedBuddy(BRAM.naam)).toHaveCount(1);
		const reasons = regisseur.ranked.first().locator('p');
		await expect(reasons).toContainText(/thuiszitten/i);
		await expect(reasons).toContainText('woont in dezelfde gemeente');
		await expect(reasons).toContainText('spreekt Arabisch');
		await expect(reasons).toContainText(/plekken/);

		const isProposal = (m: ReceivedMail) => m.to.includes(ANNA.email!) && m.subject.startsWith('Wil je een ouder steunen?');
		const proposalsBefore = readMails().filter(isProposal).length;
		matchId = await regisseur.propose(ANNA.naam);
		await expect(regisseur.h1).toHaveText(`Koppeling ${reference}`);
		await expect(regisseur.matchSummary).toContainText(`Buddy: ${ANNA.naam}`);
		await expect(regisseur.matchSummary).toContainText('Voorgesteld aan de buddy');

		// The proposal mail reaches Anna's address.
		await expect.poll(() => readMails().filter(isProposal).length, { message: 'proposal mail to Anna' }).toBe(proposalsBefore + 1);
		const mail = readMails().filter(isProposal).at(-1)!;
		expect(mail.subject).toMatch(/^Wil je een ouder steunen\? – \S/);
		expect(mail.text).toContain(`Beste ${ANNA.naam},`);
		const link = linksIn(mail).find((l) => /\/demo\/buddy-voorstel\/[a-z2-7]{20,64}$/.test(l)) ?? '';
		expect(link, `proposal link in:\n${mail.text}`).not.toBe('');
		// The link shows the proposal without the parent's details.
		await visit(parent, link);
		await expect(parent.getByRole('heading', { level: 1 })).toHaveText('Wil je een ouder steunen?');
		await expect(parent.locator('main')).not.toContainText(PARENT_NAME);
	});

	const anna = new BuddyBackoffice(await loginAs(browser, 'bBuddy'));

	await test.step('d. Anna ziet het voorstel in haar eigen scherm en zegt ja', async () => {
		await anna.myMatches();
		await expect(anna.page.locator('main')).toContainText(`Hallo ${ANNA.naam}.`);
		const link = anna.myMatchLink(reference);
		await expect(link).toHaveCount(1);
		await expect(anna.page.locator('main ul.result-list li', { has: anna.page.getByRole('link', { name: reference, exact: true }) })).toContainText(
			'Voorgesteld aan de buddy'
		);
		await link.click();
		await expect(anna.page).toHaveURL(new RegExp(`/beheer/demo/koppelingen/${matchId}$`));
		await expect(anna.h1).toHaveText(`Koppeling ${reference}`);
		await expectNoAxeViolations(anna.page);
		// Before the parent agreed, the buddy does not see who the parent is.
		await expect(anna.page.locator('main')).not.toContainText(PARENT_NAME);
		await expect(anna.page.locator('main')).not.toContainText(PARENT_EMAIL);
		await expect(anna.page.locator('main')).toContainText(MARKER);
		await anna.respond(true, 'Ik herken dit, graag.');
		await expect(anna.matchSummary).toContainText('Geaccepteerd door de buddy');
	});

	await test.step('e. de regisseur maakt de koppeling actief (de ouder is akkoord)', async () => {
		await regisseur.openMatch(matchId);
		await expect(regisseur.matchSummary).toContainText('Geaccepteerd door de buddy');
		await regisseur.activate();
		await expect(regisseur.matchSummary).toContainText('Actief');
	});

	await test.step('f. Anna legt een contactmoment vast: mee naar school', async () => {
		await anna.openMatch(matchId);
		// Now the parent agreed, Anna sees how to reach her.
		await expect(anna.page.locator('main')).toContainText(PARENT_NAME);
		await expect(anna.page.locator('main')).toContainText(PARENT_EMAIL);
		await anna.logMoment({
			datum: today(),
			vorm: 'mee-naar-school',
			minuten: 90,
			onderwerpen: ['thuiszitten-verzuim'],
			notitie: `Samen naar het gesprek met de mentor. ${MARKER}`
		});
		const moments = anna.page.locator('ul.history');
		await expect(moments).toContainText('Mee naar school');
		await expect(moments).toContainText('90 min');
		await expect(moments).toContainText('Samen naar het gesprek met de mentor.');
	});

	await test.step('g. de regisseur beëindigt de koppeling (afgerond)', async () => {
		await regisseur.openMatch(matchId);
		await expect(regisseur.page.locator('ul.history')).toContainText('Mee naar school');
		await regisseur.end('afgerond', `Dochter gaat weer naar school. ${MARKER}`);
		await expect(regisseur.matchSummary).toContainText('Afgerond');
		await expect(regisseur.history.locator('li').first()).toContainText('Afgerond');
		await expect(regisseur.history.locator('li').first()).toContainText('Dochter gaat weer naar school.');
	});

	await test.step('h. de ouder vult de vragenlijst uit de mail in, één keer', async () => {
		const mail = await waitForMail((m) => m.to.includes(PARENT_EMAIL) && m.subject.startsWith('Hoe was je buddy?'));
		expect(mail.text).toContain(`Beste ${PARENT_NAME},`);
		surveyLink = linksIn(mail).find((l) => /\/demo\/buddy-vragenlijst\/[a-z2-7]{20,64}$/.test(l)) ?? '';
		expect(surveyLink, `survey link in:\n${mail.text}`).not.toBe('');

		const survey = new BuddySurveyPage(parent);
		await survey.goto(surveyLink);
		await expect(survey.thanks).toHaveCount(0);
		expect(await survey.answer({ gesteund: 5, hielp: 'Dat ze meeging naar school.', beter: 'Eerder beginnen.' })).toBe(200);
		await expect(survey.thanks).toBeVisible();

		// Answered once: the link shows the thanks again, without the form.
		await survey.goto(surveyLink);
		await expect(survey.thanks).toBeVisible();
		await expect(parent.locator('main form')).toHaveCount(0);
	});

	await test.step('i. Anna schrijft haar reflectie', async () => {
		await anna.openMatch(matchId);
		await expect(anna.matchSummary).toContainText('Afgerond');
		await anna.reflect(4, 'Mooi om te zien dat het weer lukt.');
		await expect(anna.page.locator('form[action="?/reflectie"]')).toHaveCount(0);
		// The regisseur reads it.
		await regisseur.openMatch(matchId);
		await expect(regisseur.page.locator('main')).toContainText('Mooi om te zien dat het weer lukt.');
	});

	await test.step('j. de cijfers tonen kleine aantallen niet precies', async () => {
		await regisseur.figures();
		await expect(regisseur.figure('Koppelingen gemaakt')).toHaveText('minder dan 5');
		await expect(regisseur.figure('Voelden ouders zich gesteund?')).toHaveText('te weinig (minder dan 5)');
		await expect(regisseur.figure('Aantal antwoorden op die vraag')).toHaveText('minder dan 5');
	});

	await anna.page.context().close();
	await regisseur.page.context().close();
	await parentContext.close();
});
