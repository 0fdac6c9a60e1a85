/**
 * Page objects for the buddy programme: the public request form ("Ik wil graag een buddy"), the
 * parent's survey, and the back office (buddy profiles, requests with the ranked buddies, one
 * match with its actions, the buddy's own list, the figures). Every method that lands on a new
 * page checks it with axe.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, visit } from '../fixtures/axe';
import { errorSummary } from './contacten';

/** A day `n` days before today, as YYYY-MM-DD in the Netherlands. */
export function daysAgo(n: number): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() - n * 86_400_000));
}

/** Alkmaar: a gemeente of the demo region. */
export const DEMO_GEMEENTE = { code: 'GM0361', naam: 'Alkmaar' };

export interface BuddyProfile {
	naam: string;
	email?: string;
	ervaring?: string[];
	schooltypes?: string[];
	gemeenten?: string[];
	talen?: string[];
	steunwijzen?: string[];
	capaciteit: number;
	pauze?: boolean;
	training?: string;
	intake?: string;
	vog?: string;
	over?: string;
}

/**
 * The two demo buddies with an account (fixtures/accounts.ts: bBuddy, bBuddy2). Shared by the
 * specs, which may run side by side: `ensureBuddy` saves the same values whichever spec comes first.
 */
export const ANNA: BuddyProfile = {
	naam: 'Buddy Anna',
	email: 'b-buddy@e2e.test',
	ervaring: ['thuiszitten', 'overstap-po-vo'],
	schooltypes: ['vo'],
	gemeenten: [DEMO_GEMEENTE.code],
	talen: ['nl', 'ar'],
	steunwijzen: ['telefonisch', 'afspreken', 'meegaan'],
	capaciteit: 2,
	training: daysAgo(200),
	intake: daysAgo(150),
	vog: daysAgo(100),
	over: 'Moeder van twee. Haar zoon zat een jaar thuis.'
};

export const BRAM: BuddyProfile = {
	naam: 'Buddy Bram',
	email: 'b-buddy2@e2e.test',
	ervaring: ['dyslexie'],
	schooltypes: ['po'],
	gemeenten: ['GM0399'],
	talen: ['nl'],
	steunwijzen: ['telefonisch'],
	capaciteit: 1,
	training: daysAgo(300),
	intake: daysAgo(250),
	vog: daysAgo(200),
	over: 'Vader van drie.'
};

/** Clicks a submit button (works without JavaScript); returns the status of the POST (before any redirect). */
export async function submitNatively(page: Page, button: Locator): Promise<number> {
	const [post] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()), button.click()]);
	await page.waitForLoadState('load');
	return post.status();
}

/** Ticks exactly `values` among the checkboxes `name` (the others are cleared). */
async function checkExactly(scope: Locator, name: string, values: string[]): Promise<void> {
	const boxes = scope.locator(`input[type=checkbox][name="${name}"]`);
	const count = await boxes.count();
	for (let i = 0; i < count; i++) {
		const box = boxes.nth(i);
		await box.setChecked(values.includes((await box.getAttribute('value')) ?? ''));
	}
}

export interface BuddyRequestInput {
	behoefte: string;
	onderwerpen?: string[];
	schooltype?: string;
	gemeente?: string;
	taal?: string;
	steunwijzen?: string[];
	naam?: string;
	email?: string;
	telefoon?: string;
	toestemming?: boolean;
}

/** `/<slug>/buddy`: "Ik wil graag een buddy". */
export class BuddyRequestPage {
	constructor(
		readonly page: Page,
		readonly slug = 'demo'
	) {}
	async goto(): Promise<void> {
		await visit(this.page, `/${this.slug}/buddy`);
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Ik wil graag een buddy');
	}
	async fill(input: BuddyRequestInput): Promise<void> {
		const p = this.page;
		await p.locator('#behoefte').fill(input.behoefte);
		for (const t of input.onderwerpen ?? []) await p.locator(`input[name=onderwerpen][value="${t}"]`).check();
		if (input.schooltype !== undefined) await p.locator('#schooltype').selectOption(input.schooltype);
		if (input.gemeente !== undefined) await p.locator('#gemeente').selectOption(input.gemeente);
		if (input.taal !== undefined) await p.locator('#taal').selectOption(input.taal);
		for (const w of input.steunwijzen ?? []) await p.locator(`input[name=steunwijzen][value="${w}"]`).check();
		if (input.naam !== undefined) await p.locator('#naam').fill(input.naam);
		if (input.email !== undefined) await p.locator('#email').fill(input.email);
		if (input.telefoon !== undefined) await p.locator('#telefoon').fill(input.telefoon);
		if (input.toestemming) await p.locator('#toestemming').check();
	}
	/** Submits (the forms' test clock lets it go at once); returns the status of the POST answer. */
	async submit(): Promise<number> {
		const status = await submitNatively(this.page, this.page.getByRole('button', { name: 'Vraag een buddy aan' }));
		await expectNoAxeViolations(this.page);
		return status;
	}
	/** The reference (B-…) from the confirmation URL. */
	reference(): string {
		const reference = new URL(this.page.url()).searchParams.get('nummer') ?? '';
		expect(reference, `reference in ${this.page.url()}`).toMatch(/^B-[A-Z0-9]{6}$/);
		return reference;
	}
}

/** `/<slug>/buddy-vragenlijst/<token>`: the parent's survey when the match ended. */
export class BuddySurveyPage {
	constructor(readonly page: Page) {}
	get thanks(): Locator {
		return this.page.getByRole('status').filter({ hasText: 'Dank je wel!' });
	}
	async goto(link: string): Promise<void> {
		await visit(this.page, link);
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Hoe was je buddy?');
	}
	async answer(input: { gesteund: 1 | 2 | 3 | 4 | 5; hielp?: string; beter?: string }): Promise<number> {
		const p = this.page;
		await p.locator(input.gesteund === 1 ? '#gesteund' : `#gesteund-${input.gesteund}`).check();
		if (input.hielp !== undefined) await p.locator('#hielp').fill(input.hielp);
		if (input.beter !== undefined) await p.locator('#beter').fill(input.beter);
		const status = await submitNatively(p, p.getByRole('button', { name: 'Verstuur' }));
		await expectNoAxeViolations(p);
		return status;
	}
}

/** The buddy programme in the back office of one steunpunt. */
export class BuddyBackoffice {
	constructor(
		readonly page: Page,
		readonly slug = 'demo'
	) {}
	get base(): string {
		return `/beheer/${this.slug}`;
	}
	get h1(): Locator {
		return this.page.getByRole('heading', { level: 1 });
	}
	/** The status message (role=status) after a form action. */
	get status(): Locator {
		return this.page.locator('main [role=status]');
	}

	// ---- Buddy profiles ----------------------------------------------------------------------
	async buddies(): Promise<void> {
		await visit(this.page, `${this.base}/buddies`);
		await expect(this.h1).toHaveText('Buddies');
	}
	buddyLink(name: string): Locator {
		return this.page.getByRole('region', { name: 'Buddies' }).getByRole('link', { name, exact: true });
	}
	/** Fills the open profile form and saves; returns the profile id (expects success). */
	async saveProfile(input: BuddyProfile): Promise<string> {
		const form = this.page.locator('main form[method=post]');
		await form.locator('#naam').fill(input.naam);
		await form.locator('#email').fill(input.email ?? '');
		await checkExactly(form, 'ervaring', input.ervaring ?? []);
		await checkExactly(form, 'schooltypes', input.schooltypes ?? []);
		await checkExactly(form, 'gemeenten', input.gemeenten ?? []);
		await checkExactly(form, 'talen', input.talen ?? ['nl']);
		await checkExactly(form, 'steunwijzen', input.steunwijzen ?? []);
		await form.locator('#capaciteit').fill(String(input.capaciteit));
		await checkExactly(form, 'pauze', input.pauze ? ['ja'] : []);
		await form.locator('#training').fill(input.training ?? '');
		await form.locator('#intake').fill(input.intake ?? '');
		await form.locator('#vog').fill(input.vog ?? '');
		await form.locator('#over').fill(input.over ?? '');
		await form.getByRole('button', { name: 'Opslaan' }).click();
		await this.page.waitForLoadState('load');
		await expectNoAxeViolations(this.page);
		return this.page.url();
	}
	/** Creates a profile on /buddies/nieuw; returns its id. */
	async createBuddy(input: BuddyProfile): Promise<string> {
		await visit(this.page, `${this.base}/buddies/nieuw`);
		await expect(this.h1).toHaveText('Buddy toevoegen');
		const url = await this.saveProfile(input);
		return this.expectSaved(url, input.naam);
	}
	private expectSaved(url: string, name: string): string {
		const id = new RegExp(`${this.base}/buddies/([0-9a-f-]{36})\\?opgeslagen=1$`).exec(url)?.[1];
		expect(id, `saved profile of ${name}: ${url}`).toBeTruthy();
		return id!;
	}
	/**
	 * The profile with this name, created or brought up to date (another spec may be creating the
	 * same account-linked buddy at the same moment: its e-mail can belong to one profile only).
	 */
	async ensureBuddy(input: BuddyProfile): Promise<string> {
		for (let attempt = 0; attempt < 2; attempt++) {
			await this.buddies();
			const link = this.buddyLink(input.naam);
			if ((await link.count()) > 0) {
				await link.first().click();
				await expect(this.h1).toHaveText(input.naam);
				const id = this.expectSaved(await this.saveProfile(input), input.naam);
				await expect(this.status).toContainText('Het profiel is opgeslagen.');
				return id;
			}
			await visit(this.page, `${this.base}/buddies/nieuw`);
			const url = await this.saveProfile(input);
			if (/\?opgeslagen=1$/.test(url)) {
				await expect(this.status).toContainText('Het profiel is opgeslagen.');
				return this.expectSaved(url, input.naam);
			}
			// The other spec was first: find its profile and update that one.
			await expect(errorSummary(this.page)).toContainText('hoort al bij een andere buddy');
		}
		throw new Error(`ensureBuddy(${input.naam}) failed`);
	}

	// ---- Requests ----------------------------------------------------------------------------
	async requests(): Promise<void> {
		await visit(this.page, `${this.base}/buddy-aanvragen`);
		await expect(this.h1).toHaveText('Buddy-aanvragen');
	}
	requestRow(reference: string): Locator {
		return this.page
			.getByRole('region', { name: 'Buddy-aanvragen' })
			.locator('tbody tr', { has: this.page.getByRole('link', { name: reference, exact: true }) });
	}
	/** Opens the request from the list by its reference; returns its id. */
	async openRequestFromList(reference: string): Promise<string> {
		await this.requests();
		const row = this.requestRow(reference);
		await expect(row).toHaveCount(1);
		await row.getByRole('link', { name: reference, exact: true }).click();
		await expect(this.h1).toHaveText(`Buddy-aanvraag ${reference}`);
		await expectNoAxeViolations(this.page);
		const id = /\/buddy-aanvragen\/([0-9a-f-]{36})$/.exec(this.page.url())?.[1];
		expect(id, `request URL ${this.page.url()}`).toBeTruthy();
		return id!;
	}
	/** The ranked buddies on a request page (best first). */
	get ranked(): Locator {
		return this.page.locator('ol.ranked > li');
	}
	rankedBuddy(name: string): Locator {
		return this.ranked.filter({ has: this.page.getByRole('button', { name: `Voorstellen aan ${name}`, exact: true }) });
	}
	/** "Voorstellen aan <name>" on the open request; returns the new match id. */
	async propose(name: string): Promise<string> {
		await this.page.getByRole('button', { name: `Voorstellen aan ${name}`, exact: true }).click();
		await expect(this.page).toHaveURL(new RegExp(`${this.base}/koppelingen/[0-9a-f-]{36}$`));
		await expectNoAxeViolations(this.page);
		return /\/koppelingen\/([0-9a-f-]{36})$/.exec(this.page.url())![1];
	}

	// ---- One match ---------------------------------------------------------------------------
	async openMatch(id: string, status = 200): Promise<void> {
		await visit(this.page, `${this.base}/koppelingen/${id}`, status);
	}
	get matchSummary(): Locator {
		return this.page.locator('main h1 + p');
	}
	private form(action: string): Locator {
		return this.page.locator(`main form[action="?/${action}"]`);
	}
	private async expectSavedMessage(text: string): Promise<void> {
		await expect(this.status).toContainText(text);
		await expect(errorSummary(this.page)).toHaveCount(0);
		await expectNoAxeViolations(this.page);
	}
	/** The buddy answers a proposal in their own screen. */
	async respond(accept: boolean, toelichting?: string): Promise<void> {
		const form = this.form('reageren');
		await form.locator(accept ? '#antwoord' : '#antwoord-nee').check();
		if (toelichting !== undefined) await form.locator('#toelichting').fill(toelichting);
		await form.getByRole('button', { name: 'Verstuur' }).click();
		await this.expectSavedMessage('Je antwoord is opgeslagen.');
	}
	/** The regisseur makes an accepted match active (the parent agreed). */
	async activate(): Promise<void> {
		const form = this.form('activeren');
		await form.locator('#ouderAkkoord').check();
		await form.getByRole('button', { name: 'Koppeling actief maken' }).click();
		await this.expectSavedMessage('De koppeling is actief.');
	}
	async logMoment(input: {
		datum: string;
		vorm: 'telefoon' | 'afspraak' | 'mee-naar-school';
		minuten?: number;
		onderwerpen?: string[];
		notitie?: string;
	}): Promise<void> {
		const form = this.form('contactmoment');
		await form.locator('#datum').fill(input.datum);
		await form.locator(input.vorm === 'telefoon' ? '#vorm' : `#vorm-${input.vorm}`).check();
		if (input.minuten !== undefined) await form.locator('#minuten').fill(String(input.minuten));
		for (const t of input.onderwerpen ?? []) await form.locator(`input[name=onderwerpen][value="${t}"]`).check();
		if (input.notitie !== undefined) await form.locator('#notitie').fill(input.notitie);
		await form.getByRole('button', { name: 'Vastleggen' }).click();
		await this.expectSavedMessage('Het contactmoment is vastgelegd.');
	}
	async end(afloop: 'afgerond' | 'gestopt', reden: string): Promise<void> {
		const form = this.form('beeindigen');
		await form.locator(afloop === 'afgerond' ? '#afloop' : '#afloop-gestopt').check();
		await form.locator('#reden').fill(reden);
		await form.getByRole('button', { name: 'Beëindigen' }).click();
		await this.expectSavedMessage('De koppeling is beëindigd.');
	}
	async reflect(gesteund: 1 | 2 | 3 | 4 | 5, reflectie: string): Promise<void> {
		const form = this.form('reflectie');
		await form.locator(gesteund === 1 ? '#gesteund' : `#gesteund-${gesteund}`).check();
		await form.locator('#reflectie').fill(reflectie);
		await form.getByRole('button', { name: 'Verstuur' }).click();
		await this.expectSavedMessage('Dank je wel voor je reflectie.');
	}
	get history(): Locator {
		return this.page.locator('ol.history');
	}

	// ---- The buddy's own list, the figures ---------------------------------------------------
	async myMatches(): Promise<void> {
		await visit(this.page, `${this.base}/mijn-koppelingen`);
		await expect(this.h1).toHaveText('Mijn koppelingen');
	}
	myMatchLink(reference: string): Locator {
		return this.page.locator('main ul.result-list').getByRole('link', { name: reference, exact: true });
	}
	async figures(): Promise<void> {
		await visit(this.page, `${this.base}/buddy-cijfers`);
		await expect(this.h1).toHaveText('Cijfers van het buddyprogramma');
	}
	/** The value cell of a figures row, by (the start of) its label. */
	figure(label: string | RegExp): Locator {
		return this.page.locator('tr', { has: this.page.locator('th', { hasText: label }) }).locator('td[data-figure]');
	}
}
