/**
 * Activiteiten across steunpunten. The role × route matrix of the demo's activity back office
 * (every role, anonymous, staff of another steunpunt, the CSV route) is in
 * tests/e2e/contacten/roles.spec.ts, which logs in one account per role. This spec adds what a
 * regisseur of another steunpunt could try with a demo activity's id: the demo's pages and
 * actions (404), the id forged into the URLs of their own steunpunt (404), and the public pages
 * and feed of their steunpunt with the demo's activity (404, not listed). The demo activity
 * stays as it was.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import { clientHeader } from '../fixtures/client';
import { errorSummary, postForm, type FormBody } from '../fixtures/forms';
import { loginAs } from '../fixtures/login';
import { dayFromNow, planActivity, signupToken, validActivity, validSignup } from '../pages/activiteiten';

test.describe.configure({ mode: 'serial' });

let ander: Page;
/** A demo activity with participants (seeded by the demo) and one of its sign-up ids. */
let demoActivity = '';
let anderActivity = '';
let demoBefore = '';

test.beforeAll(async ({ browser, request, baseURL }) => {
	test.setTimeout(90_000);
	ander = await loginAs(browser, 'aAnderRegisseur');
	anderActivity = await planActivity(ander, baseURL!, 'ander', { titel: 'Oudercafé van Ander' });
	// The demo's activities are public: any visitor (or a regisseur elsewhere) learns their ids.
	const agenda = await (await request.get('/demo/activiteiten')).text();
	const ids = [...agenda.matchAll(/href="\/demo\/activiteiten\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
	expect(ids.length, 'activiteiten in de demo-agenda').toBeGreaterThan(0);
	demoActivity = ids[0];
	demoBefore = await publicPlaces(request, demoActivity);
});

test.afterAll(async () => {
	await ander?.context().close();
});

async function publicPlaces(request: Page['request'], id: string): Promise<string> {
	const html = await (await request.get(`/demo/activiteiten/${id}`)).text();
	return /<dt>Plekken<\/dt>\s*<dd>([\s\S]*?)<\/dd>/.exec(html)?.[1].trim() ?? '';
}

test('een regisseur van een ander steunpunt krijgt 404 op de activiteiten van de demo', async ({ baseURL }) => {
	const origin = baseURL!;
	const wrong: string[] = [];
	const get = async (path: string, expected: number) => {
		const response = await ander.request.get(path, { maxRedirects: 0 });
		if (response.status() !== expected) wrong.push(`GET ${path}: ${response.status()}, verwacht ${expected}`);
	};
	const post = async (path: string, body: FormBody, expected: number) => {
		const response = await postForm(ander.request, origin, path, body);
		if (response.status() !== expected) wrong.push(`POST ${path}: ${response.status()}, verwacht ${expected} ${errorSummary(await response.text())}`);
	};
	const D = demoActivity;
	const someone = '6f1c2b8e-93a4-4d7e-9c2a-0b5e8f7d1a23';
	const actions: [string, FormBody][] = [
		['aftekenen', { aanmelding: someone, aanwezig: 'ja' }],
		['afmelden', { aanmelding: someone }],
		['toevoegen', { naam: 'Indringer', telefoon: '06 12345678', aantal: '1', wie: 'ouder', toestemming: 'ja' }],
		['plek', { aanmelding: someone }],
		['feedback', {}],
		['onderwerpen', { onderwerpen: ['opp'] }],
		['afgelasten', { reden: 'Indringer' }],
		['kopieren', { datum: dayFromNow(20) }]
	];
	for (const slug of ['demo', 'ander']) {
		// In the demo's back office: the demo does not exist for them. In their own: the demo's
		// activity is not theirs.
		for (const suffix of ['', '/bewerken', '/presentielijst', '/deelnemers.csv']) await get(`/beheer/${slug}/activiteiten/${D}${suffix}`, 404);
		for (const [action, body] of actions) await post(`/beheer/${slug}/activiteiten/${D}?/${action}`, body, 404);
		await post(`/beheer/${slug}/activiteiten/${D}/bewerken`, validActivity({ titel: 'Overgenomen' }), 404);
	}
	for (const path of ['/beheer/demo/activiteiten', '/beheer/demo/activiteiten/nieuw', '/beheer/demo/activiteit-cijfers']) await get(path, 404);
	await post('/beheer/demo/activiteiten/nieuw', validActivity({ titel: 'Ingeschoven' }), 404);
	expect(wrong, wrong.join('\n')).toEqual([]);

	// Their own back office works, and does not list the demo's activity.
	const own = await ander.goto('/beheer/ander/activiteiten');
	expect(own?.status()).toBe(200);
	await expectNoAxeViolations(ander);
	await expect(ander.getByRole('link', { name: 'Oudercafé van Ander' }).first()).toBeVisible();
	expect(await ander.content()).not.toContain(D);
	// The demo's activity is unchanged (no sign-up added, not cancelled).
	expect(await publicPlaces(ander.request, D)).toBe(demoBefore);
	const publicPage = await (await ander.request.get(`/demo/activiteiten/${D}`)).text();
	expect(publicPage).not.toContain('Deze activiteit gaat niet door');
});

test('de publieke pagina’s van ander kennen de activiteit en links van de demo niet', async ({ playwright, baseURL }) => {
	const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: clientHeader('act-tenancy') });
	const D = demoActivity;
	expect((await request.get(`/ander/activiteiten/${D}`)).status()).toBe(404);
	expect((await request.get(`/demo/activiteiten/${anderActivity}`)).status()).toBe(404);
	expect((await request.get(`/ander/activiteiten/${anderActivity}`)).status()).toBe(200);
	// A sign-up posted to ander with the demo's activity (and a valid form token of that activity).
	const token = await signupToken(request, 'demo', D);
	const forged = await postForm(request, baseURL!, `/ander/activiteiten/${D}`, validSignup(token, { naam: 'Verkeerd steunpunt' }), {
		headers: clientHeader('act-tenancy')
	});
	expect(forged.status()).toBe(404);
	expect(await publicPlaces(request, D)).toBe(demoBefore);
	// The ander feed does not carry the demo's activity.
	const feed = await (await request.get('/ander/activiteiten.ics')).text();
	expect(feed).toContain('BEGIN:VCALENDAR');
	expect(feed).not.toContain(D);
	await request.dispose();
});
