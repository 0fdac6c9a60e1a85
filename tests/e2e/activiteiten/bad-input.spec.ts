/**
 * Hostile and broken input on the forms of Activiteiten: the public sign-up, the personal-link
 * change form and the regisseur's plan, edit and copy forms. Never a server error; a field error
 * is 400 with a Dutch error summary (no English validation wording); an id of another
 * steunpunt's activity or an unknown link is 404; and nothing of a refused post is saved: the
 * places and participants of the activity stay as they were, the personal sign-up keeps its
 * values, and no activity with the marker title appears.
 */
import { expect, test, type Page } from '@playwright/test';
import { errorSummary, freshClient, inBatches, postForm, short, type FormBody } from '../fixtures/forms';
import { loginAs } from '../fixtures/login';
import { BadInputLog, LONG100K, RANDOM_UUID, badPayloads } from '../fixtures/bad-input';
import { dayFromNow, planActivity, placesLine, signupFrom, signupToken, validActivity, validSignup } from '../pages/activiteiten';

test.describe.configure({ mode: 'serial' });

const MARKER = `actkwaad${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PAYLOADS = badPayloads('activity_signup');
const MALFORMED_IDS = ['x', '1', '6f1c2b8e-93a4-4d7e-9c2a', "'; drop table activity; --", '%00', 'a'.repeat(300)];
/** Blank once control and invisible characters are dropped (a blank phone number is no phone number). */
const blank = (p: string) => p.replace(/[\u0000-\u001f\u200b\u202e\ufeff]/g, '').trim() === '';

let regisseur: Page;
let ander: Page;
/** The demo activity the bad posts aim at (3 places, at most 2 per sign-up), with one sign-up. */
let target = '';
let anderActivity = '';
let personal = '';
let placesBefore = '';

const log = new BadInputLog();
const check = log.check;

test.beforeAll(async ({ browser, request, baseURL }) => {
	test.setTimeout(120_000);
	[regisseur, ander] = await Promise.all([loginAs(browser, 'aRegisseur3'), loginAs(browser, 'aAnderRegisseur2')]);
	target = await planActivity(regisseur, baseURL!, 'demo', { titel: `Kwade invoer ${MARKER}`, plekken: '3', maxPerAanmelding: '2' });
	anderActivity = await planActivity(ander, baseURL!, 'ander', { titel: `Van ander ${MARKER}` });
	// One real sign-up, for the personal-link forms.
	const headers = freshClient('act-kwaad');
	const token = await signupToken(request, 'demo', target, headers);
	const response = await postForm(
		request,
		baseURL!,
		`/demo/activiteiten/${target}`,
		validSignup(token, { naam: 'Ouder Kwaad', email: `kwaad-${MARKER}@e2e.test`, telefoon: '06 12345678', toelichting: 'Oorspronkelijk' }),
		{ headers }
	);
	expect(response.status(), errorSummary(await response.text())).toBe(303);
	personal = signupFrom(response.headers()['location'] ?? '', 'demo')!.token;
	placesBefore = await placesLine(regisseur, 'demo', target);
	expect(placesBefore).toBe('1 van 3 bezet · 0 op de wachtlijst');
});

test.afterAll(async () => {
	await regisseur?.context().close();
	await ander?.context().close();
});

test('publieke aanmelding: kwade velden, spamwachters, vreemde ids', async ({ request, baseURL }) => {
	test.setTimeout(120_000);
	const [token, anderToken] = await Promise.all([signupToken(request, 'demo', target), signupToken(request, 'ander', anderActivity)]);
	const fresh = await signupToken(request, 'demo', target);
	const P = `/demo/activiteiten/${target}`;
	const jobs: (() => Promise<void>)[] = [];
	const sign = (o: FormBody = {}) => validSignup(token, { naam: `${MARKER} ouder`, email: `x-${MARKER}@e2e.test`, ...o });
	const without = (body: FormBody, ...keys: string[]) => Object.fromEntries(Object.entries(body).filter(([k]) => !keys.includes(k)));
	const post = (path: string, label: string, body: FormBody | string, expected: number | number[] = 400, contentType?: string) =>
		jobs.push(async () =>
			check(
				`${path} ${label}`,
				await postForm(request, baseURL!, path, body, { contentType, headers: freshClient('act-kwaad') }),
				expected,
				contentType === undefined
			)
		);

	for (const p of PAYLOADS) {
		for (const field of ['aantal', 'wie', 'behoeften', 'toestemming']) post(P, `${field}=${short(p)}`, sign({ [field]: p }));
		post(P, `email=${short(p)} zonder telefoon`, sign({ email: p, telefoon: '' }));
		post(P, `telefoon=${short(p)} zonder e-mail`, sign({ telefoon: p, email: '' }));
		// Free text may be fine in itself: the consent is missing as well.
		post(P, `naam=${short(p)} zonder toestemming`, without(sign({ naam: `${MARKER} ${p}` }), 'toestemming'));
		post(P, `toelichting=${short(p)} zonder toestemming`, without(sign({ toelichting: `${MARKER} ${p}` }), 'toestemming'));
	}
	for (const n of ['0', '-1', '11', '2.5', '3', '0x10', 'Infinity', 'NaN', '９', '1 2']) post(P, `aantal=${n}`, sign({ aantal: n }));
	post(P, 'professional bij een oudercafé', sign({ wie: 'professional' }));
	post(P, 'naam 101 tekens', sign({ naam: 'n'.repeat(101) }));
	post(P, 'naam alleen stuurtekens', sign({ naam: '\u0000\u0001\u0002' }));
	post(P, 'toelichting 501 tekens', sign({ toelichting: 't'.repeat(501) }));
	post(P, 'email 201 tekens', sign({ email: `${'e'.repeat(196)}@x.nl` }));
	post(P, '6 behoeften', sign({ behoeften: ['tolk', 'rolstoel', 'ringleiding', 'kinderopvang', 'anders', 'tolk'] }));
	post(P, 'onbekende behoefte', sign({ behoeften: ['tolk', 'helikopter'] }));
	post(P, 'geen e-mail en geen telefoon', sign({ email: '', telefoon: '' }));
	for (const field of ['naam', 'aantal', 'wie', 'toestemming', 'formtijd']) post(P, `zonder ${field}`, without(sign(), field));
	for (const field of ['naam', 'aantal', 'wie', 'email']) post(P, `${field} dubbel`, sign({ [field]: [`${MARKER} a`, `${MARKER} b`] }));
	// The spam guards.
	post(P, 'honeypot gevuld', sign({ website: 'https://spam.example' }));
	post(P, 'vervalste formtijd', sign({ formtijd: `${Date.now() - 10_000}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` }));
	post(P, 'formtijd van een andere activiteit', sign({ formtijd: anderToken }));
	post(P, 'formtijd te vers', sign({ formtijd: fresh.replace(/^\d+/, String(Date.now())) }));
	post(P, 'formtijd van 2 dagen oud', sign({ formtijd: `${Date.now() - 2 * 86_400_000}.${token.split('.')[1]}` }));
	for (const t of ['', 'x', '1.2.3', `${'9'.repeat(400)}.x`, '<script>alert(1)</script>']) post(P, `formtijd=${short(t)}`, sign({ formtijd: t }));
	// Not a form.
	post(P, 'JSON', JSON.stringify(sign()), [400, 415], 'application/json');
	post(P, 'text/plain', `naam=${MARKER}`, [400, 415], 'text/plain');
	post(P, 'kapotte multipart', '--xyz\r\nContent-Disposition: form-data; name="naam"\r\n\r\nx', [400, 415], 'multipart/form-data; boundary=xyz');
	post(P, 'lege body', '', 400);
	post(P, 'kapotte codering', `naam=%E0%A4%A&aantal=%&formtijd=${encodeURIComponent(token)}`, 400);
	// Another steunpunt's activity through the demo, with its own valid token; unknown and malformed ids.
	post(`/demo/activiteiten/${anderActivity}`, 'activiteit van ander', validSignup(anderToken, { naam: `${MARKER} ander`, email: `y-${MARKER}@e2e.test` }), 404);
	for (const id of [RANDOM_UUID, ...MALFORMED_IDS]) {
		post(`/demo/activiteiten/${encodeURIComponent(id)}`, `activiteit=${short(id)}`, sign(), 404);
		jobs.push(async () => check(`GET /demo/activiteiten/${short(id)}`, await request.get(`/demo/activiteiten/${encodeURIComponent(id)}`), 404, false));
	}
	await inBatches(jobs, 8, (job) => job());
	expect(log.failures, log.failures.join('\n')).toEqual([]);
	expect(log.count).toBeGreaterThanOrEqual(150);
	// Nothing was signed up.
	expect(await placesLine(regisseur, 'demo', target)).toBe(placesBefore);
	await expect(regisseur.getByRole('region', { name: 'Deelnemers' }).locator('tbody tr')).toHaveCount(1);
	await expect(regisseur.getByRole('region', { name: 'Deelnemers' })).not.toContainText(new RegExp(`${MARKER}\\s`));
	await expect(regisseur.locator('#wachtlijst + p')).toHaveText('Niemand op de wachtlijst.');
});

test('de eigen link: kwade wijzigingen en vervalste links', async ({ request, baseURL }) => {
	const jobs: (() => Promise<void>)[] = [];
	const mine = `/demo/aanmelding/${personal}`;
	const change = (o: FormBody = {}): FormBody => ({ aantal: '1', toelichting: `${MARKER} gewijzigd`, telefoon: '06 12345678', ...o });
	const post = (path: string, label: string, body: FormBody, expected: number | number[]) =>
		jobs.push(async () => check(`${path} ${label}`, await postForm(request, baseURL!, path, body, { headers: freshClient('act-kwaad') }), expected));
	for (const p of PAYLOADS) {
		post(`${mine}?/wijzigen`, `aantal=${short(p)}`, change({ aantal: p }), 400);
		post(`${mine}?/wijzigen`, `behoeften=${short(p)}`, change({ behoeften: p }), 400);
		if (!blank(p)) post(`${mine}?/wijzigen`, `telefoon=${short(p)}`, change({ telefoon: p }), 400);
		// Free text with a wrong number: refused as a whole.
		post(`${mine}?/wijzigen`, `toelichting=${short(p)} met aantal 0`, change({ toelichting: `${MARKER} ${p}`, aantal: '0' }), 400);
	}
	for (const n of ['0', '-1', '3', '11', '1.5', 'NaN']) post(`${mine}?/wijzigen`, `aantal=${n}`, change({ aantal: n }), 400);
	post(`${mine}?/wijzigen`, 'toelichting 501 tekens', change({ toelichting: 't'.repeat(501) }), 400);
	post(`${mine}?/wijzigen`, 'aantal dubbel', change({ aantal: ['1', '2'] }), 400);
	post(`${mine}?/wijzigen`, 'zonder aantal', { toelichting: MARKER }, 400);
	// Links that were never sent: 404 for every action, and for the page.
	const fakes = [
		`${personal.slice(0, 32)}${'A'.repeat(32)}`,
		`${RANDOM_UUID.replaceAll('-', '')}${'B'.repeat(32)}`,
		'kort',
		'x'.repeat(64),
		'%3Cscript%3E',
		`${'f'.repeat(32)}${'_'.repeat(32)}`,
		"'%20or%201=1"
	];
	for (const fake of fakes) {
		for (const action of ['wijzigen', 'afmelden', 'plek']) post(`/demo/aanmelding/${fake}?/${action}`, `onbekende link ${short(fake)}`, change(), 404);
		jobs.push(async () => check(`GET /demo/aanmelding/${short(fake)}`, await request.get(`/demo/aanmelding/${fake}`), 404, false));
	}
	// The demo link on the other steunpunt.
	for (const action of ['wijzigen', 'afmelden', 'plek']) post(`/ander/aanmelding/${personal}?/${action}`, 'link van de demo bij ander', change(), 404);
	// A confirmed sign-up has no offer to take.
	post(`${mine}?/plek`, 'plek nemen zonder aanbod', {}, [400, 409]);
	await inBatches(jobs, 8, (job) => job());
	expect(log.failures, log.failures.join('\n')).toEqual([]);
	expect(log.count).toBeGreaterThanOrEqual(100);
	// The sign-up kept its values.
	const page = await (await request.get(mine)).text();
	expect(page).toMatch(/<textarea[^>]*id="toelichting"[^>]*>Oorspronkelijk<\/textarea>/);
	expect(page).not.toContain(`${MARKER} gewijzigd`);
	expect(page).toMatch(/id="telefoon"[^>]*value="06 12345678"|value="06 12345678"[^>]*id="telefoon"/);
	expect(/<dt>Aantal personen<\/dt>\s*<dd>(\d+)<\/dd>/.exec(page)?.[1]).toBe('1');
	expect(await placesLine(regisseur, 'demo', target)).toBe(placesBefore);
});

test('plannen, bewerken en kopiëren: kwade velden en vreemde ids', async ({ baseURL }) => {
	test.setTimeout(90_000);
	const request = regisseur.request;
	const jobs: (() => Promise<void>)[] = [];
	const N = '/beheer/demo/activiteiten/nieuw';
	const E = `/beheer/demo/activiteiten/${target}`;
	const plan = (o: FormBody = {}) => validActivity({ titel: `${MARKER} plan`, ...o });
	const post = (path: string, label: string, body: FormBody, expected: number | number[] = 400) =>
		jobs.push(async () => check(`${path} ${label}`, await postForm(request, baseURL!, path, body), expected));
	for (const p of PAYLOADS) {
		for (const field of ['soort', 'voorWie', 'datum', 'begintijd', 'eindtijd', 'plekken', 'maxPerAanmelding', 'bedenktijd']) {
			post(N, `${field}=${short(p)}`, plan({ [field]: p }));
			post(`${E}/bewerken`, `${field}=${short(p)}`, plan({ [field]: p }));
		}
		post(N, `onlineLink=${short(p)} (online)`, plan({ soort: 'online', onlineLink: p }));
		post(N, `titel=${short(p)} met 0 plekken`, plan({ titel: `${MARKER} ${p}`, plekken: '0' }));
		post(N, `herhaling=${short(p)} (reeks)`, plan({ reeks: 'ja', herhaling: p, interval: '1', aantal: '3' }));
		post(N, `aantal=${short(p)} (reeks)`, plan({ reeks: 'ja', herhaling: 'weken', interval: '1', aantal: p }));
		post(`${E}?/kopieren`, `datum=${short(p)}`, { datum: p });
		post(`${E}?/onderwerpen`, `onderwerpen=${short(p)}`, { onderwerpen: p });
	}
	for (const n of ['0', '-1', '1001', '2.5', 'NaN', '９']) post(N, `plekken=${n}`, plan({ plekken: n }));
	for (const n of ['0', '11']) post(N, `maxPerAanmelding=${n}`, plan({ maxPerAanmelding: n }));
	for (const n of ['0', '337']) post(N, `bedenktijd=${n}`, plan({ bedenktijd: n }));
	post(N, 'eindtijd voor begintijd', plan({ begintijd: '21:00', eindtijd: '19:00' }));
	post(N, 'eindtijd gelijk aan begintijd', plan({ begintijd: '19:00', eindtijd: '19:00' }));
	post(N, 'datum 30 februari', plan({ datum: '2027-02-30' }));
	post(N, 'begintijd 24:00', plan({ begintijd: '24:00' }));
	post(N, 'datum als dd-mm-jjjj', plan({ datum: '31-12-2026' }));
	post(N, 'datum twee jaar terug', plan({ datum: '2024-11-01' }));
	post(N, 'datum in 2200', plan({ datum: '2200-01-01' }));
	post(N, 'titel 121 tekens', plan({ titel: `${MARKER}${'t'.repeat(121)}` }));
	post(N, 'titel 100.000 tekens', plan({ titel: LONG100K }));
	post(N, 'beschrijving 3001 tekens', plan({ beschrijving: 'b'.repeat(3_001) }));
	post(N, 'zonder adres', plan({ adres: '' }));
	post(N, 'zonder plaats', plan({ plaats: '' }));
	post(N, 'online zonder link', plan({ soort: 'online', onlineLink: '' }));
	for (const link of ['http://onveilig.example', 'javascript:alert(1)', 'https://a b', 'https://"><script>'])
		post(N, `onlineLink=${short(link)}`, plan({ soort: 'online', onlineLink: link }));
	post(N, 'reeks van 13', plan({ reeks: 'ja', herhaling: 'weken', interval: '1', aantal: '13' }));
	post(N, 'reeks interval 0', plan({ reeks: 'ja', herhaling: 'maanden', interval: '0', aantal: '4' }));
	for (const field of ['soort', 'titel', 'datum', 'begintijd', 'eindtijd', 'plekken']) {
		const body = plan();
		delete body[field];
		post(N, `zonder ${field}`, body);
	}
	for (const field of ['soort', 'titel', 'plekken']) post(N, `${field} dubbel`, plan({ [field]: [`${MARKER} a`, '12'] }));
	post(`${E}?/kopieren`, 'zonder datum', {});
	post(`${E}?/onderwerpen`, '9 onderwerpen', {
		onderwerpen: [
			'opp',
			'zorgplicht',
			'leerlingenvervoer',
			'hoogbegaafdheid',
			'klacht-geschil',
			'ziekte-onderwijs',
			'zorg-jeugdhulp',
			'leerplicht-vrijstelling',
			'dyslexie-dyscalculie'
		]
	});
	post(`${E}?/onderwerpen`, 'te vroeg (10 dagen van tevoren)', { onderwerpen: ['opp'] });
	post(`${E}?/aftekenen`, 'te vroeg', { aanmelding: RANDOM_UUID, aanwezig: 'ja' });
	for (const id of MALFORMED_IDS) post(`${E}?/aftekenen`, `aanmelding=${short(id)}`, { aanmelding: id, aanwezig: 'ja' });
	post(`${E}?/feedback`, 'feedback voor de activiteit', {});
	// Another steunpunt's activity and unknown ids: 404.
	for (const id of [anderActivity, RANDOM_UUID, '00000000-0000-0000-0000-000000000000', 'geen-uuid']) {
		const A = `/beheer/demo/activiteiten/${id}`;
		post(`${A}/bewerken`, 'vreemde activiteit', plan(), 404);
		post(`${A}?/kopieren`, 'vreemde activiteit', { datum: dayFromNow(30) }, 404);
		post(`${A}?/afgelasten`, 'vreemde activiteit', { reden: MARKER }, 404);
		post(`${A}?/toevoegen`, 'vreemde activiteit', { naam: `${MARKER} x`, telefoon: '06 12345678', aantal: '1', wie: 'ouder', toestemming: 'ja' }, 404);
		post(`${A}?/afmelden`, 'vreemde activiteit', { aanmelding: RANDOM_UUID }, 404);
		post(`${A}?/feedback`, 'vreemde activiteit', {}, 404);
		jobs.push(async () => check(`GET ${A}`, await request.get(A), 404, false));
		jobs.push(async () => check(`GET ${A}/deelnemers.csv`, await request.get(`${A}/deelnemers.csv`), 404, false));
	}
	for (const action of ['afmelden', 'plek'])
		for (const id of [RANDOM_UUID, ...MALFORMED_IDS]) post(`${E}?/${action}`, `aanmelding=${short(id)}`, { aanmelding: id }, 404);
	await inBatches(jobs, 8, (job) => job());
	expect(log.failures, log.failures.join('\n')).toEqual([]);
	expect(log.count).toBeGreaterThanOrEqual(200);
	// No activity with the marker was planned or copied; the target is as it was.
	const list = await (await request.get('/beheer/demo/activiteiten')).text();
	const titles = [...list.matchAll(/href="\/beheer\/demo\/activiteiten\/[0-9a-f-]{36}">([^<]*)<\/a>/g)].map((m) => m[1]).filter((t) => t.includes(MARKER));
	expect(titles, 'alleen de doelactiviteit draagt de marker').toEqual([`Kwade invoer ${MARKER}`]);
	expect(await placesLine(regisseur, 'demo', target)).toBe(placesBefore);
	await expect(regisseur.getByRole('heading', { level: 1 })).toHaveText(`Kwade invoer ${MARKER}`);
	await expect(regisseur.locator('dl.terms')).not.toContainText('afgelast');
	// The other steunpunt's activity is untouched.
	const own = await (await ander.request.get(`/beheer/ander/activiteiten/${anderActivity}`)).text();
	expect(own).toContain(`Van ander ${MARKER}`);
	expect(own).toContain('0 van 12 bezet');
});
