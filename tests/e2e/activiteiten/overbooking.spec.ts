/**
 * No overbooking under load, against the built server (PGlite, or PostgreSQL when CI sets
 * DATABASE_URL): the regisseur plans an activity with 5 places, then 50 people sign up at the
 * same moment (each a client of its own, each with its own form token, posted after the
 * minimum fill-in time). Exactly 5 get a place, 45 land on the waiting list (first in, first
 * out: positions 1..45 each once), and the back office shows "5 van 5 bezet · 45 op de wachtlijst".
 */
import { expect, test } from '@playwright/test';
import { clientHeader } from '../fixtures/client';
import { errorSummary, postForm } from '../fixtures/forms';
import { loginAs } from '../fixtures/login';
import { planActivity, placesLine, signupFrom, signupToken, validSignup } from '../pages/activiteiten';

const PEOPLE = 50;
const PLACES = 5;

test('50 aanmeldingen tegelijk voor 5 plekken: precies 5 bevestigd, 45 op de wachtlijst', async ({ browser, playwright, baseURL }) => {
	test.setTimeout(120_000);
	const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
	const regisseur = await loginAs(browser, 'aRegisseur2');
	const id = await planActivity(regisseur, baseURL!, 'demo', { titel: `Drukte-test ${run}`, plekken: String(PLACES), maxPerAanmelding: '1' });
	expect(await placesLine(regisseur, 'demo', id)).toBe(`0 van ${PLACES} bezet · 0 op de wachtlijst`);

	// One request context per person: own cookies, own client address (per-client rate limit).
	const people = await Promise.all(
		Array.from({ length: PEOPLE }, async (_, i) => {
			const headers = clientHeader(`drukte-${i}`);
			const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
			return { i, request, token: await signupToken(request, 'demo', id) };
		})
	);
	const answers = await Promise.all(
		people.map(async ({ i, request, token }) => {
			const response = await postForm(
				request,
				baseURL!,
				`/demo/activiteiten/${id}`,
				validSignup(token, { naam: `Drukte ${i} ${run}`, email: `drukte-${i}-${run}@e2e.test`, telefoon: '' })
			);
			const location = response.headers()['location'] ?? '';
			const signup = signupFrom(location, 'demo');
			return { i, status: response.status(), signup, detail: response.status() === 303 ? location : errorSummary(await response.text()) };
		})
	);
	const wrong = answers.filter((a) => a.status !== 303 || !a.signup).map((a) => `${a.i}: ${a.status} ${a.detail}`);
	expect(wrong, wrong.join('\n')).toEqual([]);
	const confirmed = answers.filter((a) => a.signup!.status === 'bevestigd');
	const waiting = answers.filter((a) => a.signup!.status === 'wachtlijst');
	expect(confirmed).toHaveLength(PLACES);
	expect(waiting).toHaveLength(PEOPLE - PLACES);
	expect(new Set(answers.map((a) => a.signup!.token)).size).toBe(PEOPLE);

	// The waiting list is one queue: positions 1..45, each exactly once.
	const positions = await Promise.all(
		waiting.map(async ({ i, signup }) => {
			const html = await (await people[i].request.get(`/demo/aanmelding/${signup!.token}`)).text();
			return Number(/plek (\d+) op de wachtlijst/.exec(html)?.[1]);
		})
	);
	expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: PEOPLE - PLACES }, (_, k) => k + 1));

	expect(await placesLine(regisseur, 'demo', id)).toBe(`${PLACES} van ${PLACES} bezet · ${PEOPLE - PLACES} op de wachtlijst`);
	await expect(regisseur.getByRole('region', { name: 'Deelnemers' }).locator('tbody tr')).toHaveCount(PLACES);
	await expect(regisseur.locator('#wachtlijst + ol > li')).toHaveCount(PEOPLE - PLACES);
	// The public page says it is full and offers the waiting list.
	const page = await (await people[0].request.get(`/demo/activiteiten/${id}`)).text();
	// (The template wraps the sentence: whitespace in HTML text is one space.)
	expect(page.replace(/\s+/g, ' ')).toContain('Vol. Meld je aan voor de wachtlijst');

	for (const p of people) await p.request.dispose();
	await regisseur.context().close();
});
