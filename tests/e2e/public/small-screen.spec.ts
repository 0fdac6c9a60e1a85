/**
 * Every public page on a 360 px phone: no horizontal scrolling (document.scrollingElement
 * .scrollWidth <= 360) and no axe violations. Includes every question page of every phase, because
 * the texts are content that editors change. Public pages ship no JavaScript (security.spec.ts and
 * the parent walk check that), so a normal context renders what a parent without JavaScript sees.
 */
import { expect, test } from '@playwright/test';
import { PHASES, SUBJECTS } from '../../../src/lib/taxonomy';
import { visit } from '../fixtures/axe';
import { PHONE, expectNoHorizontalScroll } from '../pages/public-pages';

test.use({ viewport: PHONE });

const PAGES: { path: string; status?: number }[] = [
	{ path: '/' },
	{ path: '/?q=' },
	{ path: '/?q=1811' },
	{ path: '/?q=Amsterdam' },
	{ path: '/?q=Regenboog' },
	{ path: '/?q=xqzzyq' },
	{ path: '/demo' },
	{ path: '/demo/zoeken' },
	{ path: '/demo/zoeken?q=weggestuurd' },
	{ path: '/demo/zoeken?q=xqzzyq' },
	{ path: `/demo/zoeken?q=${'a'.repeat(501)}`, status: 400 },
	{ path: '/demo/routekaart' },
	{ path: '/demo/begrippen' },
	...SUBJECTS.map((s) => ({ path: `/demo/onderwerp/${s.slug}` })),
	{ path: '/demo/vraag/bezwaar-maken-tegen-een-besluit' },
	{ path: '/demo/vraag/wat-doet-het-samenwerkingsverband' },
	{ path: '/ander' },
	{ path: '/bestaat-niet', status: 404 }
];

for (const { path, status = 200 } of PAGES) {
	test(`${path.length > 60 ? `${path.slice(0, 40)}…` : path} on a 360 px phone`, async ({ page }) => {
		await visit(page, path, status);
		await expectNoHorizontalScroll(page);
	});
}

for (const phase of PHASES) {
	test(`phase ${phase.slug} and each of its questions on a 360 px phone`, async ({ page }) => {
		test.setTimeout(90_000);
		await visit(page, `/demo/fase/${phase.slug}`);
		await expectNoHorizontalScroll(page);
		const links = await page.locator('main .result-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
		expect(links.length, `questions in phase ${phase.slug}`).toBeGreaterThan(0);
		// Every question, also after a failing one: collect the problems, then report them all.
		const problems: string[] = [];
		for (const href of links) {
			try {
				expect(href).toMatch(/^\/demo\/vraag\/[a-z0-9-]+$/);
				await visit(page, href);
				await expect(page.getByRole('heading', { level: 1 })).not.toBeEmpty();
				await expectNoHorizontalScroll(page);
			} catch (error) {
				problems.push(`${href}: ${error instanceof Error ? error.message : String(error)}`);
			}
		}
		expect(problems, problems.join('\n\n')).toEqual([]);
	});
}
