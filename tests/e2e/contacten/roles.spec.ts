/**
 * Role × route matrix of the back office of Vragen en contacten: every page and form action, for
 * one account per role of the demo, staff of another steunpunt, and an anonymous visitor. The
 * expected answers are written out by hand below (what the rules say, not read from the code).
 *
 * Rules: regisseur and beheerder handle every case; a consulent sees only the cases referred to
 * them (another case: 404, as if it did not exist) and may note, change the status of and register
 * contacts in those, but not refer, mail the parent or see the anonymous registrations, buddy
 * requests, organisations, privacy requests or the outbox (403). Redacteur, meelezer, buddy and
 * beleid: 403 on every case route (the dashboard itself is theirs: 200). Privacy requests and the
 * retention round: only the beheerder. Staff of another steunpunt: 404 everywhere in the demo —
 * also its dashboard: to them the demo's back office does not exist, so they learn nothing about
 * it (isStaffOf in auth/policy.ts: "another steunpunt's staff is a stranger: 404, not 403").
 * Anonymous: 303 to /beheer/inloggen, for pages and for posts.
 *
 * Activiteiten (its back office shares these accounts): only regisseur and beheerder plan and
 * manage activities, participants, the presence list and the CSV (everyone else 403); the
 * anonymous figures are also for beleid. tests/e2e/activiteiten/tenancy-roles.spec.ts adds the
 * cross-tenant cases with forged ids.
 *
 * Form actions are posted as a browser does (accept text/html): SvelteKit answers with the
 * failure status (400/403/404) itself; a success is 200, or 303 when it ends on another page.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { AccountName } from '../fixtures/accounts';
import { createCase, errorSummary, optionValue, postForm, type FormBody } from '../fixtures/forms';
import { loginAs } from '../fixtures/login';
import { dayFromNow, planActivity, soonSlot, validActivity } from '../pages/activiteiten';

test.describe.configure({ mode: 'serial' });

const WHO = ['mBeheerder', 'mRegisseur', 'mConsulent', 'mRedacteur', 'mMeelezer', 'mBuddy', 'mBeleid', 'mAnderRegisseur', 'anoniem'] as const;
type Who = (typeof WHO)[number];

/**
 * A = a demo case not referred to mConsulent, B = one referred to mConsulent.
 * Columns: beheerder regisseur consulent redacteur meelezer buddy beleid ander-steunpunt anoniem.
 */
const MATRIX = `
GET  /beheer/demo                               200 200 200 200 200 200 200 404 303
GET  /beheer/demo/vragen                        200 200 200 403 403 403 403 404 303
GET  /beheer/demo/vragen/A                      200 200 404 403 403 403 403 404 303
GET  /beheer/demo/vragen/B                      200 200 200 403 403 403 403 404 303
GET  /beheer/demo/contact                       200 200 200 403 403 403 403 404 303
GET  /beheer/demo/opvolgen                      200 200 200 403 403 403 403 404 303
GET  /beheer/demo/registraties                  200 200 403 403 403 403 403 404 303
GET  /beheer/demo/buddy-aanvragen               200 200 403 403 403 403 403 404 303
GET  /beheer/demo/organisaties                  200 200 403 403 403 403 403 404 303
GET  /beheer/demo/privacy                       200 403 403 403 403 403 403 404 303
GET  /beheer/demo/uitgaande-mail                200 200 403 403 403 403 403 404 303
GET  /beheer/demo/instellingen                  200 403 403 403 403 403 403 404 303
GET  /beheer/demo/audit                         200 403 403 403 403 403 403 404 303
POST /beheer/demo/contact?/registreren#nieuw    303 303 400 403 403 403 403 404 303
POST /beheer/demo/contact?/registreren#A        303 303 404 403 403 403 403 404 303
POST /beheer/demo/contact?/registreren#B        303 303 303 403 403 403 403 404 303
POST /beheer/demo/vragen/A?/behandeling         200 200 404 403 403 403 403 404 303
POST /beheer/demo/vragen/B?/behandeling         200 200 200 403 403 403 403 404 303
POST /beheer/demo/vragen/A?/notitie             200 200 404 403 403 403 403 404 303
POST /beheer/demo/vragen/B?/notitie             200 200 200 403 403 403 403 404 303
POST /beheer/demo/vragen/A?/doorverwijzen       200 200 404 403 403 403 403 404 303
POST /beheer/demo/vragen/B?/doorverwijzen       200 200 403 403 403 403 403 404 303
POST /beheer/demo/vragen/A?/onderwerpen         200 200 404 403 403 403 403 404 303
POST /beheer/demo/vragen/B?/onderwerpen         200 200 200 403 403 403 403 404 303
POST /beheer/demo/vragen/A?/opvolgmail          200 200 404 403 403 403 403 404 303
POST /beheer/demo/vragen/B?/opvolgmail          200 200 403 403 403 403 403 404 303
POST /beheer/demo/organisaties?/toevoegen       200 200 403 403 403 403 403 404 303
POST /beheer/demo/privacy?/uitvoeren            404 403 403 403 403 403 403 404 303
POST /beheer/demo/privacy?/opruimen             200 403 403 403 403 403 403 404 303
GET  /beheer/demo/activiteiten                  200 200 403 403 403 403 403 404 303
GET  /beheer/demo/activiteiten/nieuw            200 200 403 403 403 403 403 404 303
GET  /beheer/demo/activiteiten/X                200 200 403 403 403 403 403 404 303
GET  /beheer/demo/activiteiten/X/bewerken       200 200 403 403 403 403 403 404 303
GET  /beheer/demo/activiteiten/X/presentielijst 200 200 403 403 403 403 403 404 303
GET  /beheer/demo/activiteiten/X/deelnemers.csv 200 200 403 403 403 403 403 404 303
GET  /beheer/demo/activiteit-cijfers            200 200 403 403 403 403 200 404 303
POST /beheer/demo/activiteiten/nieuw            303 303 403 403 403 403 403 404 303
POST /beheer/demo/activiteiten/X/bewerken       303 303 403 403 403 403 403 404 303
POST /beheer/demo/activiteiten/X?/toevoegen     200 200 403 403 403 403 403 404 303
POST /beheer/demo/activiteiten/X?/aftekenen     200 200 403 403 403 403 403 404 303
POST /beheer/demo/activiteiten/X?/onderwerpen   200 200 403 403 403 403 403 404 303
POST /beheer/demo/activiteiten/X?/kopieren      303 303 403 403 403 403 403 404 303
POST /beheer/demo/activiteiten/Z?/afmelden      404 404 403 403 403 403 403 404 303
POST /beheer/demo/activiteiten/Z?/feedback      404 404 403 403 403 403 403 404 303
POST /beheer/demo/activiteiten/Z?/afgelasten    404 404 403 403 403 403 403 404 303
`;
// privacy?/uitvoeren posts the id of a request that does not exist: the beheerder, who may carry
// out requests, gets 404 for it; everyone else is refused before the id is looked at. The same
// for the activity actions on Z, an activity that does not exist (they would otherwise change X
// for the next person in the matrix). X is an activity today, so the door list is open.

interface Cell {
	method: 'GET' | 'POST';
	route: string;
	who: Who;
	expected: number;
}

const cells: Cell[] = MATRIX.trim()
	.split('\n')
	.flatMap((line) => {
		const [method, route, ...codes] = line.trim().split(/\s+/);
		expect(codes.length, line).toBe(WHO.length);
		return codes.map((code, i) => ({ method: method as Cell['method'], route, who: WHO[i], expected: Number(code) }));
	});

const pages = new Map<Who, Page>();
let caseA: string;
let caseB: string;
let regisseurId: string;
let activityX: string;
let signupX: string;
const ACTIVITY_Z = '0b7d3c1e-5a2f-4e8b-9d6c-1f2e3a4b5c6d';

test.beforeAll(async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	const accounts = WHO.filter((w): w is Exclude<Who, 'anoniem'> => w !== 'anoniem');
	const logged = await Promise.all(accounts.map((name) => loginAs(browser, name as AccountName)));
	accounts.forEach((name, i) => pages.set(name, logged[i]));
	const regisseur = pages.get('mRegisseur')!;
	// Two cases whose parent agreed to be mailed (so "Hoe gaat het nu?" can go); B to mConsulent.
	const person = (n: string): FormBody => ({
		naam: `Ouder ${n}`,
		email: `matrix-${n.toLowerCase()}-${Date.now()}@e2e.test`,
		opvolgen: 'ja',
		toestemming: 'ja'
	});
	caseA = await createCase(regisseur, baseURL!, 'demo', person('A'));
	caseB = await createCase(regisseur, baseURL!, 'demo', person('B'));
	const html = await (await regisseur.request.get(`/beheer/demo/vragen/${caseB}`)).text();
	const consulentId = optionValue(html, 'consulent', 'Matrix Consulent');
	regisseurId = optionValue(html, 'toegewezen', 'Matrix Regisseur');
	const referred = await postForm(regisseur.request, baseURL!, `/beheer/demo/vragen/${caseB}?/doorverwijzen`, {
		soort: 'consulent',
		consulent: consulentId,
		akkoord: 'ja',
		overgedragen: ''
	});
	expect(referred.status(), `doorverwijzen naar Matrix Consulent: ${errorSummary(await referred.text())}`).toBe(200);
	// Activity X, a few hours from now, with one participant to check in.
	activityX = await planActivity(regisseur, baseURL!, 'demo', activityBody());
	const added = await postForm(regisseur.request, baseURL!, `/beheer/demo/activiteiten/${activityX}?/toevoegen`, participant('Matrix deelnemer'));
	expect(added.status(), `deelnemer toevoegen: ${errorSummary(await added.text())}`).toBe(200);
	signupX = /name="aanmelding" value="([0-9a-f-]{36})"/.exec(await (await regisseur.request.get(`/beheer/demo/activiteiten/${activityX}`)).text())?.[1] ?? '';
	expect(signupX, 'de aanmelding in X').not.toBe('');
});

test.afterAll(async () => {
	for (const page of pages.values()) await page.context().close();
});

const slot = soonSlot();
const activityBody = () => validActivity({ titel: 'Matrix-activiteit', datum: slot.day, begintijd: slot.start, eindtijd: slot.end, plekken: '100' });
const participant = (naam: string): FormBody => ({ naam, email: '', telefoon: '06 12345678', aantal: '1', wie: 'ouder', toelichting: '', toestemming: 'ja' });

/** The body of a POST cell: a valid form, so only who posts decides the answer. */
function body(route: string, who: Who): FormBody {
	const [path, hash] = route.split('#');
	const action = path.split('?/')[1];
	if (path.includes('/activiteiten/')) {
		if (path.endsWith('/nieuw') || path.endsWith('/bewerken')) return activityBody();
		if (action === 'toevoegen') return participant(`Matrix ${who}`);
		if (action === 'aftekenen') return { aanmelding: signupX, aanwezig: 'ja' };
		if (action === 'onderwerpen') return { onderwerpen: ['opp', 'zorgplicht'] };
		if (action === 'kopieren') return { datum: dayFromNow(30) };
		if (action === 'afmelden') return { aanmelding: '6f1c2b8e-93a4-4d7e-9c2a-0b5e8f7d1a23' };
		return {};
	}
	switch (action) {
		case 'registreren':
			return {
				kanaal: 'telefoon',
				duur: '10',
				wie: 'ouder',
				onderwerpen: 'opp',
				uitkomst: 'informatie-advies',
				samenvatting: 'Matrix',
				dossier: hash === 'nieuw' ? 'nieuw' : hash === 'A' ? caseA : caseB
			};
		case 'behandeling':
			return { status: 'in-behandeling', toegewezen: regisseurId, opvolgdatum: '' };
		case 'notitie':
			return { notitie: `Notitie van ${who}` };
		case 'doorverwijzen':
			return { soort: 'buddy', akkoord: 'ja', overgedragen: '' };
		case 'onderwerpen':
			return { onderwerpen: ['opp', 'zorgplicht'] };
		case 'toevoegen':
			return { naam: `Matrix organisatie ${who} ${Date.now()}`, omschrijving: '', telefoon: '', website: '' };
		case 'uitvoeren':
			return { id: '6f1c2b8e-93a4-4d7e-9c2a-0b5e8f7d1a23' };
		default:
			return {};
	}
}

async function answer(request: APIRequestContext, origin: string, cell: Cell): Promise<{ status: number; location: string }> {
	const path = cell.route
		.split('#')[0]
		.replace('/vragen/A', `/vragen/${caseA}`)
		.replace('/vragen/B', `/vragen/${caseB}`)
		.replace('/activiteiten/X', `/activiteiten/${activityX}`)
		.replace('/activiteiten/Z', `/activiteiten/${ACTIVITY_Z}`);
	const response = cell.method === 'GET' ? await request.get(path, { maxRedirects: 0 }) : await postForm(request, origin, path, body(cell.route, cell.who));
	return { status: response.status(), location: response.headers()['location'] ?? '' };
}

test('rol × route', async ({ request, baseURL }) => {
	test.setTimeout(120_000);
	const wrong: string[] = [];
	// Per person in parallel; their own cells in order (GETs before the posts that change cases).
	await Promise.all(
		WHO.map(async (who) => {
			const req = who === 'anoniem' ? request : pages.get(who)!.request;
			for (const cell of cells.filter((c) => c.who === who)) {
				const { status, location } = await answer(req, baseURL!, cell);
				if (status !== cell.expected) wrong.push(`${cell.method} ${cell.route} als ${who}: ${status}, verwacht ${cell.expected}`);
				// Anonymous is sent to the login; a 303 of staff goes to the case (never to the login).
				else if (status === 303 && who === 'anoniem' && !/\/beheer\/inloggen$/.test(location)) wrong.push(`${cell.route} als anoniem: naar ${location}`);
				else if (
					status === 303 &&
					who !== 'anoniem' &&
					!location.includes(cell.route.includes('/activiteiten/') ? '/beheer/demo/activiteiten/' : '/beheer/demo/vragen/')
				)
					wrong.push(`${cell.route} als ${who}: naar ${location}`);
			}
		})
	);
	expect(wrong, wrong.join('\n')).toEqual([]);
	expect(cells.length).toBe((29 + 16) * 9);
});

test('de consulent ziet in de lijst alleen het dossier dat naar hem is doorverwezen', async () => {
	const html = await (await pages.get('mConsulent')!.request.get('/beheer/demo/vragen?status=alle')).text();
	expect(html).toContain(caseB);
	expect(html).not.toContain(caseA);
	const all = await (await pages.get('mRegisseur')!.request.get('/beheer/demo/vragen?status=alle')).text();
	const count = (page: string) => /(\d+)\s+dossiers?\./.exec(page)?.[1];
	expect(count(html), 'het aantal dossiers van de consulent').toBeDefined();
	expect(count(all), 'de regisseur ziet meer dossiers').not.toBe(count(html));
});
