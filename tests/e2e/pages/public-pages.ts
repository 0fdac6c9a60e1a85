/**
 * Page objects for the public site. Every method that lands on a new page checks it with axe
 * (and so does `visit`), so specs built on these check every page they see.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, visit, withScripts } from '../fixtures/axe';

/** Viewport of a small phone. */
export const PHONE = { width: 360, height: 740 } as const;

/** document.scrollingElement.scrollWidth, measured on the page (or its JavaScript-enabled copy). */
export async function scrollWidth(page: Page): Promise<number> {
	return withScripts(page, (p) => p.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth));
}

export async function expectNoHorizontalScroll(page: Page, width: number = PHONE.width): Promise<void> {
	expect(await scrollWidth(page), `horizontal scrolling on ${page.url()} at ${width} px`).toBeLessThanOrEqual(width);
}

/** The national front door (`/`). */
export class FinderPage {
	readonly result: Locator;
	constructor(readonly page: Page) {
		this.result = page.locator('section[aria-labelledby=uitkomst]');
	}
	async goto(q?: string): Promise<void> {
		await visit(this.page, q === undefined ? '/' : `/?q=${encodeURIComponent(q)}`);
	}
	/** Types in the form and submits it, like a parent. */
	async search(q: string): Promise<void> {
		await this.page.locator('#q').fill(q);
		await this.page.locator('main form[role=search]').getByRole('button', { name: 'Zoeken' }).click();
		await expect(this.page).toHaveURL(/\/\?q=/);
		await expectNoAxeViolations(this.page);
	}
	get schools(): Locator {
		return this.page.getByRole('table', { name: 'Gevonden scholen' });
	}
}

/** A steunpunt's home page, "Waar sta je nu?". */
export class SteunpuntHome {
	constructor(
		readonly page: Page,
		readonly slug = 'demo'
	) {}
	async goto(): Promise<void> {
		await visit(this.page, `/${this.slug}`);
		await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Waar sta je nu?');
	}
	phaseLink(label: string | RegExp): Locator {
		return this.page.locator('main ul.cards').getByRole('link', { name: label });
	}
}

/** /{slug}/zoeken */
export class SearchPage {
	readonly results: Locator;
	constructor(
		readonly page: Page,
		readonly slug = 'demo'
	) {
		this.results = page.locator('main .result-list a');
	}
	async goto(q?: string): Promise<void> {
		await visit(this.page, `/${this.slug}/zoeken${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`);
	}
	async search(q: string): Promise<void> {
		await this.page.locator('#q').fill(q);
		await this.page.locator('main form[role=search]').getByRole('button', { name: 'Zoeken' }).click();
		await expect(this.page).toHaveURL(new RegExp(`/${this.slug}/zoeken\\?q=`));
		await expectNoAxeViolations(this.page);
	}
}

/** /{slug}/vraag/{vraag}: answer, "Wat kun je nu doen?", terms, related questions, feedback. */
export class QuestionPage {
	readonly feedback: Locator;
	readonly errorSummary: Locator;
	constructor(readonly page: Page) {
		this.feedback = page.locator('#feedback');
		this.errorSummary = page.locator('.error-summary');
	}
	async goto(slug: string, steunpunt = 'demo'): Promise<void> {
		await visit(this.page, `/${steunpunt}/vraag/${slug}`);
	}
	get answer(): Locator {
		return this.page.locator('article .answer');
	}
	get whatNow(): Locator {
		return this.page.getByRole('region', { name: 'Wat kun je nu doen?' });
	}
	get termLinks(): Locator {
		return this.page.locator('main a[href*="/begrippen#"]');
	}
	get relatedLinks(): Locator {
		return this.page.getByRole('region', { name: 'Andere ouders vroegen ook' }).getByRole('link');
	}
	/** Submits the feedback form; `helped` undefined leaves the radio buttons alone. */
	async sendFeedback(helped?: 'Ja' | 'Nee', comment?: string): Promise<void> {
		if (helped) await this.feedback.getByLabel(helped, { exact: true }).check();
		if (comment !== undefined) await this.page.locator('#comment').fill(comment);
		await this.feedback.getByRole('button', { name: 'Verstuur' }).click();
		await expect(this.page).toHaveURL(/\?\/feedback$/);
		await expectNoAxeViolations(this.page);
	}
}
