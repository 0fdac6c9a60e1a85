/**
 * Page objects for Vragen en contacten: the public forms (ask a question, call me back, the
 * personal page, "Hoe gaat het nu?") and the back office (inbox, case, contact form, follow-up,
 * privacy, settings, registrations). Every method that lands on a new page checks it with axe.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, visit } from '../fixtures/axe';

/** Today as YYYY-MM-DD in the Netherlands. */
export function today(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

/** The GOV.UK error summary ("Er is een probleem") of any page. */
export function errorSummary(page: Page): Locator {
	return page.locator('[data-error-summary]');
}

/** Clicks a submit button of a form without JavaScript; returns the status of the POST (before any redirect). */
async function submitNatively(page: Page, button: Locator): Promise<number> {
	const [post] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()), button.click()]);
	await page.waitForLoadState('load');
	return post.status();
}

export interface QuestionInput {
	vraag?: string;
	fase?: string;
	schooltype?: string;
	leeftijd?: string;
	gemeente?: string;
	antwoord?: 'bellen' | 'mailen' | 'geen';
	naam?: string;
	telefoon?: string;
	email?: string;
	opvolgen?: boolean;
	toestemming?: boolean;
}

/** `/<slug>/vraag-stellen`. */
export class AskQuestionPage {
	constructor(
		readonly page: Page,
		readonly slug = 'demo'
	) {}
	async goto(): Promise<void> {
		await visit(this.page, `/${this.slug}/vraag-stellen`);
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Stel je vraag');
	}
	async fill(input: QuestionInput): Promise<void> {
		const p = this.page;
		if (input.vraag !== undefined) await p.locator('#vraag').fill(input.vraag);
		if (input.fase !== undefined) await p.locator('#fase').selectOption(input.fase);
		if (input.schooltype !== undefined) await p.locator('#schooltype').selectOption(input.schooltype);
		if (input.leeftijd !== undefined) await p.locator('#leeftijd').selectOption(input.leeftijd);
		if (input.gemeente !== undefined) await p.locator('#gemeente').selectOption(input.gemeente);
		if (input.antwoord) await p.locator(input.antwoord === 'bellen' ? '#antwoord' : `#antwoord-${input.antwoord}`).check();
		if (input.naam !== undefined) await p.locator('#naam').fill(input.naam);
		if (input.telefoon !== undefined) await p.locator('#telefoon').fill(input.telefoon);
		if (input.email !== undefined) await p.locator('#email').fill(input.email);
		if (input.opvolgen) await p.locator('#opvolgen').check();
		if (input.toestemming) await p.locator('#toestemming').check();
	}
	/** Submits (the forms' test clock lets it go at once); returns the status of the POST answer. */
	async submit(): Promise<number> {
		const status = await submitNatively(this.page, this.page.getByRole('button', { name: 'Verstuur je vraag' }));
		await expectNoAxeViolations(this.page);
		return status;
	}
}

/** `/<slug>/bel-mij-terug`. */
export class CallBackPage {
	constructor(
		readonly page: Page,
		readonly slug = 'demo'
	) {}
	async goto(): Promise<void> {
		await visit(this.page, `/${this.slug}/bel-mij-terug`);
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Bel mij terug');
	}
	async fill(input: {
		naam?: string;
		telefoon?: string;
		momenten?: string[];
		onderwerp?: string;
		email?: string;
		toestemming?: boolean;
		honeypot?: string;
	}): Promise<void> {
		const p = this.page;
		if (input.naam !== undefined) await p.locator('#naam').fill(input.naam);
		if (input.telefoon !== undefined) await p.locator('#telefoon').fill(input.telefoon);
		for (const m of input.momenten ?? []) await p.locator(`input[name=momenten][value="${m}"]`).check();
		if (input.onderwerp !== undefined) await p.locator('#onderwerp').fill(input.onderwerp);
		if (input.email !== undefined) await p.locator('#email').fill(input.email);
		if (input.toestemming) await p.locator('#toestemming').check();
		// A bot fills the field people never see (force: it is off-screen).
		if (input.honeypot !== undefined) await p.locator('#website').fill(input.honeypot, { force: true });
	}
	async submit(): Promise<number> {
		const status = await submitNatively(this.page, this.page.getByRole('button', { name: 'Bel mij terug' }));
		await expectNoAxeViolations(this.page);
		return status;
	}
}

/** The back office of one steunpunt. */
export class Backoffice {
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

	// ---- Inbox -------------------------------------------------------------------------------
	async inbox(query = ''): Promise<void> {
		await visit(this.page, `${this.base}/vragen${query}`);
	}
	/** The inbox row of a case, by its reference. */
	inboxRow(reference: string): Locator {
		return this.page.getByRole('region', { name: 'Dossiers' }).locator('tbody tr', { has: this.page.getByRole('link', { name: reference, exact: true }) });
	}
	/** The case id behind the reference link in the inbox. */
	async caseIdFromInbox(reference: string): Promise<string> {
		const href = await this.inboxRow(reference).getByRole('link', { name: reference, exact: true }).getAttribute('href');
		const id = /\/vragen\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1];
		expect(id, `case link of ${reference}: ${href}`).toBeTruthy();
		return id!;
	}

	// ---- Case --------------------------------------------------------------------------------
	async openCase(id: string, status = 200): Promise<void> {
		await visit(this.page, `${this.base}/vragen/${id}`, status);
	}
	/** A value in the "De vraag" list (Naam, E-mail, In eigen woorden, Toestemming…). */
	term(name: string): Locator {
		return this.page.locator('section[aria-labelledby=wie] dl dt', { hasText: name }).locator('xpath=following-sibling::dd[1]');
	}
	get caseSummary(): Locator {
		return this.page.locator('main h1 + p');
	}
	get history(): Locator {
		return this.page.locator('ol.history');
	}
	historyItem(label: string): Locator {
		return this.history.locator('li', { has: this.page.locator('strong', { hasText: label }) });
	}
	private form(action: string): Locator {
		return this.page.locator(`main form[action="?/${action}"]`);
	}
	/** "Behandeling": status, assignee and follow-up date; Opslaan. */
	async treat(input: { status?: string; toegewezen?: string; opvolgdatum?: string }): Promise<void> {
		const form = this.form('behandeling');
		if (input.status) await form.locator('#status').selectOption(input.status);
		if (input.toegewezen !== undefined) await form.locator('#toegewezen').selectOption(input.toegewezen ? { label: input.toegewezen } : '');
		if (input.opvolgdatum !== undefined) await form.locator('#opvolgdatum').fill(input.opvolgdatum);
		await form.getByRole('button', { name: 'Opslaan' }).click();
		await expect(this.status).toContainText('De behandeling is opgeslagen.');
		await expect(errorSummary(this.page)).toHaveCount(0);
		await expectNoAxeViolations(this.page);
	}
	/** "Doorverwijzen" to a consulent of the samenwerkingsverband. */
	async referToConsulent(consulent: string, handedOver: string, parentAgreed = true): Promise<void> {
		const form = this.form('doorverwijzen');
		await form.locator('#soort').check();
		await form.locator('#consulent').selectOption({ label: consulent });
		await form.locator('#overgedragen').fill(handedOver);
		await form.locator(parentAgreed ? '#akkoord' : '#akkoord-nee').check();
		await form.getByRole('button', { name: 'Doorverwijzen' }).click();
		await expect(this.status).toContainText('De doorverwijzing is vastgelegd.');
		await expect(errorSummary(this.page)).toHaveCount(0);
		await expectNoAxeViolations(this.page);
	}
	async mailFollowUpFromCase(): Promise<void> {
		await this.page.getByRole('button', { name: 'Mail "Hoe gaat het nu?"' }).click();
		await expect(this.status).toContainText('De mail "Hoe gaat het nu?" is verstuurd.');
		await expectNoAxeViolations(this.page);
	}

	// ---- Contact form ------------------------------------------------------------------------
	async contactForm(caseId?: string): Promise<void> {
		await visit(this.page, `${this.base}/contact${caseId ? `?dossier=${caseId}` : ''}`);
		await expect(this.h1).toHaveText('Contact registreren');
	}
	/**
	 * Presses Tab until `selector` has focus (keyboard only: the focus is only read, never set).
	 * Fails after `max` presses.
	 */
	async tabTo(selector: string, max = 40): Promise<void> {
		for (let i = 0; i < max; i++) {
			if (await this.page.locator(selector).evaluate((el) => el === document.activeElement)) return;
			await this.page.keyboard.press('Tab');
		}
		throw new Error(`Tab did not reach ${selector} within ${max} presses`);
	}
	async focused(): Promise<string> {
		return this.page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.textContent?.trim() ? ` "${el.textContent.trim().slice(0, 40)}"` : ''}` : '';
		});
	}

	// ---- Follow-up ---------------------------------------------------------------------------
	async followUpList(): Promise<void> {
		await visit(this.page, `${this.base}/opvolgen`);
		await expect(this.h1).toHaveText('Op te volgen');
	}
	followUpRow(reference: string): Locator {
		return this.page.getByRole('region', { name: 'Op te volgen' }).locator('tbody tr', { has: this.page.getByRole('link', { name: reference, exact: true }) });
	}
	async mailFollowUpFromList(reference: string): Promise<void> {
		await this.followUpRow(reference)
			.getByRole('button', { name: /^Mail "Hoe gaat het nu\?"/ })
			.click();
		await expect(this.status).toContainText('De mail "Hoe gaat het nu?" is verstuurd.');
		await expect(errorSummary(this.page)).toHaveCount(0);
		await expectNoAxeViolations(this.page);
	}

	// ---- Settings, privacy, registrations ----------------------------------------------------
	async setRetentionMonths(months: number): Promise<void> {
		await visit(this.page, `${this.base}/instellingen`);
		await this.page.locator('#retentionMonths').fill(String(months));
		await this.page.locator('main form[method=post]').getByRole('button', { name: 'Opslaan' }).click();
		await expect(this.status).toContainText('De instellingen zijn opgeslagen.');
		await expect(errorSummary(this.page)).toHaveCount(0);
		await expect(this.page.locator('#retentionMonths')).toHaveValue(String(months));
		await expectNoAxeViolations(this.page);
	}
	async privacy(): Promise<void> {
		await visit(this.page, `${this.base}/privacy`);
		await expect(this.h1).toHaveText('Privacyverzoeken');
	}
	/** "Opruimronde nu uitvoeren"; returns the number of cases deleted. */
	async purgeNow(): Promise<number> {
		await this.page.getByRole('button', { name: 'Opruimronde nu uitvoeren' }).click();
		const message = this.page.locator('main [role=status]', { hasText: 'Opruimronde klaar' });
		await expect(message).toHaveText(/Opruimronde klaar: \d+ dossiers? gewist\./);
		await expectNoAxeViolations(this.page);
		return Number(/(\d+)/.exec(await message.innerText())![1]);
	}
	privacyRow(reference: string): Locator {
		return this.page
			.getByRole('region', { name: 'Privacyverzoeken' })
			.locator('tbody tr', { has: this.page.getByRole('cell', { name: reference, exact: true }) });
	}
	async registrations(): Promise<Locator> {
		await visit(this.page, `${this.base}/registraties`);
		await expect(this.h1).toHaveText('Registraties');
		return this.page.locator('tr[data-registration]');
	}
}
