/**
 * Hostile and broken input on every form of Vragen en contacten — the public "Stel je vraag",
 * "Bel mij terug", "Hoe gaat het nu?" and "Mijn gegevens", the back office's contact registration,
 * case actions and organisations, and the topic-suggestion API. Never a server error; a field error
 * is 400 with a Dutch error summary; an id of another steunpunt or an unknown case is 404; and
 * nothing of a refused post is saved (checked with a marker in every post, not with counts, so
 * specs that add cases at the same time do not matter).
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';
import {
	ENGLISH,
	addOrganisation,
	mailedLinks,
	createCase,
	formToken,
	freshClient,
	inBatches,
	optionValue,
	postForm,
	short,
	validContact,
	type FormBody
} from '../fixtures/forms';
import { loginAs } from '../fixtures/login';
import { BadInputLog, LONG100K, RANDOM_UUID, badPayloads } from '../fixtures/bad-input';

test.describe.configure({ mode: 'serial' });

/** In every public question (vraag / onderwerp) and organisation name: found in a list = saved. */
const MARKER = `kwaadmarker${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** The registration list shows no text, so bad contact registrations carry this duration. */
const MARKER_MINUTES = '587';

const PAYLOADS = badPayloads('contact_case');
const MALFORMED_IDS = ['x', '1', '6f1c2b8e-93a4-4d7e-9c2a', '6F1C2B8E-93A4-4D7E-9C2A-0B5E8F7D1A23', "'; drop table contact_case; --", '%00', 'a'.repeat(300)];

let regisseur: Page;
let ander: Page;
let demoCase: string;
let anderCase: string;
let anderOrganisation: string;
let anderUser: string;
/** A case whose parent was mailed "Hoe gaat het nu?": real links for the public answer pages. */
let mailedCase: string;
let followUpToken: string;
let personalToken: string;
const mailTo = `kwaad-${Date.now()}@e2e.test`;
/** History lines per kind on a case page, before the bad batch. */
const before: Record<string, Record<string, number>> = {};
const HISTORY = [
	'Status gewijzigd',
	'Doorverwezen',
	'Onderwerpen bevestigd',
	'Toegewezen',
	'Opvolgdatum gezet',
	'Contact geregistreerd',
	'Notitie',
	'Antwoord van de ouder',
	'Privacyverzoek',
	'gemaild'
];
const history = (html: string) => Object.fromEntries(HISTORY.map((label) => [label, html.split(label).length - 1]));

const log = new BadInputLog();
const check = log.check;

test.beforeAll(async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	[regisseur, ander] = await Promise.all([loginAs(browser, 'cRegisseur'), loginAs(browser, 'cAnderRegisseur')]);
	// A case, an organisation and a user of the other steunpunt: forged ids for the demo.
	anderCase = await createCase(ander, baseURL!, 'ander', { samenvatting: 'Dossier van ander' });
	anderOrganisation = await addOrganisation(ander, baseURL!, 'ander', `Organisatie ander ${MARKER}`);
	anderUser = optionValue(await (await ander.request.get(`/beheer/ander/vragen/${anderCase}`)).text(), 'toegewezen', 'Matrix Regisseur Ander');
	demoCase = await createCase(regisseur, baseURL!, 'demo', { samenvatting: 'Dossier voor kwade invoer' });
	mailedCase = await createCase(regisseur, baseURL!, 'demo', { email: mailTo, opvolgen: 'ja', toestemming: 'ja', naam: 'Ouder Kwaad' });
	const mailed = await postForm(regisseur.request, baseURL!, `/beheer/demo/vragen/${mailedCase}?/opvolgmail`, {});
	expect(mailed.status(), 'opvolgmail').toBe(200);
	await expect.poll(async () => (await mailedLinks(baseURL!, mailTo, '/demo/hoe-gaat-het/')).length, { timeout: 15_000 }).toBeGreaterThan(0);
	[followUpToken] = await mailedLinks(baseURL!, mailTo, '/demo/hoe-gaat-het/');
	[personalToken] = await mailedLinks(baseURL!, mailTo, '/demo/mijn-gegevens/');
	expect(personalToken, 'persoonlijke link in de mail').toBeTruthy();
	before.demo = history(await (await regisseur.request.get(`/beheer/demo/vragen/${demoCase}`)).text());
	before.mailed = history(await (await regisseur.request.get(`/beheer/demo/vragen/${mailedCase}`)).text());
	before.ander = history(await (await ander.request.get(`/beheer/ander/vragen/${anderCase}`)).text());
});

test.afterAll(async () => {
	await regisseur?.context().close();
	await ander?.context().close();
});

test('publieke formulieren: vraag stellen en bel mij terug', async ({ request, baseURL }) => {
	test.setTimeout(90_000);
	const [vraagToken, belToken] = await Promise.all([formToken(request, 'demo', 'vraag-stellen'), formToken(request, 'demo', 'bel-mij-terug')]);
	const freshVraagToken = await formToken(request, 'demo', 'vraag-stellen');
	const vraag = (o: FormBody = {}): FormBody => ({
		formtijd: vraagToken,
		website: '',
		vraag: `${MARKER} mijn kind zit al weken thuis`,
		antwoord: 'geen',
		toestemming: 'ja',
		...o
	});
	const bel = (o: FormBody = {}): FormBody => ({
		formtijd: belToken,
		website: '',
		naam: 'Ouder',
		telefoon: '06 12345678',
		momenten: 'ochtend',
		onderwerp: `${MARKER} terugbellen`,
		toestemming: 'ja',
		...o
	});
	const without = (body: FormBody, ...keys: string[]) => Object.fromEntries(Object.entries(body).filter(([k]) => !keys.includes(k)));
	const jobs: (() => Promise<void>)[] = [];
	const post = (path: string, label: string, body: FormBody | string, expected: number | number[] = 400, contentType?: string) =>
		jobs.push(async () =>
			check(
				`${path} ${label}`,
				await postForm(request, baseURL!, path, body, { contentType, headers: freshClient('kwaad') }),
				expected,
				contentType === undefined
			)
		);
	const V = '/demo/vraag-stellen';
	const B = '/demo/bel-mij-terug';

	for (const p of PAYLOADS) {
		// Choices: every payload is an invalid value.
		for (const field of ['wie', 'fase', 'schooltype', 'leeftijd', 'gemeente', 'antwoord', 'toestemming'])
			post(V, `${field}=${short(p)}`, vraag({ [field]: p }));
		// Contact details that must be valid for the chosen way of answering.
		post(V, `telefoon=${short(p)} (bellen)`, vraag({ antwoord: 'bellen', telefoon: p }));
		post(V, `email=${short(p)} (mailen)`, vraag({ antwoord: 'mailen', email: p }));
		// Free text: the odd text itself may be fine, so the consent is missing as well.
		post(V, `vraag=${short(p)} zonder toestemming`, without(vraag({ vraag: `${MARKER} ${p}` }), 'toestemming'));
		post(V, `naam=${short(p)} (bellen, zonder toestemming)`, without(vraag({ antwoord: 'bellen', telefoon: '06 12345678', naam: p }), 'toestemming'));
		post(B, `telefoon=${short(p)}`, bel({ telefoon: p }));
		post(B, `momenten=${short(p)}`, bel({ momenten: p }));
		post(B, `wie=${short(p)}`, bel({ wie: p }));
		post(B, `email=${short(p)}`, bel({ email: p }));
		post(B, `toestemming=${short(p)}`, bel({ toestemming: p }));
		post(B, `onderwerp=${short(p)} zonder toestemming`, without(bel({ onderwerp: `${MARKER} ${p}` }), 'toestemming'));
	}
	// Too long, too short, missing.
	post(V, 'vraag 5001 tekens', vraag({ vraag: `${MARKER} ${'x'.repeat(5_000)}` }));
	post(V, 'vraag 9 tekens', vraag({ vraag: 'kort kort' }));
	post(V, 'vraag alleen stuurtekens', vraag({ vraag: '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f' }));
	post(V, 'naam 101 tekens', vraag({ antwoord: 'bellen', telefoon: '06 12345678', naam: 'n'.repeat(101) }));
	post(V, 'email 201 tekens', vraag({ antwoord: 'mailen', email: `${'e'.repeat(196)}@x.nl` }));
	post(V, 'opvolgen zonder e-mail', vraag({ opvolgen: 'ja' }));
	post(V, 'bellen zonder telefoon', vraag({ antwoord: 'bellen' }));
	post(V, 'mailen zonder e-mail', vraag({ antwoord: 'mailen' }));
	post(V, 'gemeente buiten de regio', vraag({ gemeente: 'GM0363' }));
	post(V, 'gemeente GM0000', vraag({ gemeente: 'GM0000' }));
	for (const field of ['vraag', 'antwoord', 'toestemming', 'formtijd']) post(V, `zonder ${field}`, without(vraag(), field));
	post(B, 'zonder telefoon', without(bel(), 'telefoon'));
	post(B, 'zonder toestemming', without(bel(), 'toestemming'));
	post(B, 'zonder formtijd', without(bel(), 'formtijd'));
	post(B, 'toelichtingMoment 201 tekens', bel({ toelichtingMoment: 't'.repeat(201) }));
	post(B, 'onderwerp 1001 tekens', bel({ onderwerp: `${MARKER} ${'o'.repeat(1_000)}` }));
	post(B, 'naam 100.000 tekens', bel({ naam: LONG100K }));
	post(B, 'opvolgen zonder e-mail', bel({ opvolgen: 'ja' }));
	post(B, '4 momenten', bel({ momenten: ['ochtend', 'middag', 'vooravond', 'ochtend'] }));
	// Repeated fields where one is expected.
	post(V, 'vraag dubbel', vraag({ vraag: [`${MARKER} eerste vraag hier`, `${MARKER} tweede vraag hier`] }));
	post(V, 'antwoord dubbel', vraag({ antwoord: ['geen', 'bellen'] }));
	post(V, 'toestemming dubbel', vraag({ toestemming: ['ja', 'ja'] }));
	post(V, 'wie dubbel', vraag({ wie: ['ouder', 'jongere'] }));
	post(V, 'formtijd dubbel', vraag({ formtijd: [vraagToken, vraagToken] }));
	post(B, 'telefoon dubbel', bel({ telefoon: ['06 12345678', '06 87654321'] }));
	post(B, 'onderwerp dubbel', bel({ onderwerp: [`${MARKER} a`, `${MARKER} b`] }));
	// The spam guards: honeypot, forged, foreign, too fresh and too old tokens.
	post(V, 'honeypot gevuld', vraag({ website: 'https://spam.example' }));
	post(B, 'honeypot gevuld', bel({ website: 'x' }));
	post(V, 'vervalste formtijd', vraag({ formtijd: `${Date.now() - 10_000}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA` }));
	post(V, 'formtijd van bel-mij-terug', vraag({ formtijd: belToken }));
	post(B, 'formtijd van vraag-stellen', bel({ formtijd: vraagToken }));
	post(V, 'formtijd te vers', vraag({ formtijd: freshVraagToken.replace(/^\d+/, String(Date.now())) }));
	post(V, 'formtijd van 2 dagen oud', vraag({ formtijd: `${Date.now() - 2 * 86_400_000}.${vraagToken.split('.')[1]}` }));
	for (const p of ['', 'x', '1.2.3', 'NaN.x', `${'9'.repeat(400)}.x`, '<script>alert(1)</script>']) post(V, `formtijd=${short(p)}`, vraag({ formtijd: p }));
	// Bodies that are not a form: refused before any field is read (SvelteKit answers 415).
	for (const path of [V, B]) {
		post(path, 'JSON', JSON.stringify({ vraag: `${MARKER} als json verstuurd`, antwoord: 'geen', toestemming: 'ja' }), [400, 415], 'application/json');
		post(path, 'text/plain', `vraag=${MARKER}`, [400, 415], 'text/plain');
		post(path, 'kapotte multipart', '--xyz\r\nContent-Disposition: form-data; name="vraag"\r\n\r\nx', [400, 415], 'multipart/form-data; boundary=xyz');
		post(path, 'lege body', '', 400);
		post(path, 'kapotte codering', `vraag=%E0%A4%A&antwoord=%&formtijd=${encodeURIComponent(vraagToken)}`, 400);
	}
	await inBatches(jobs, 8, (job) => job());
	expect(log.failures, log.failures.join('\n')).toEqual([]);
	expect(log.count).toBeGreaterThanOrEqual(200);
});

test('hoe gaat het en mijn gegevens: kwade velden en vervalste links', async ({ request, baseURL }) => {
	const jobs: (() => Promise<void>)[] = [];
	const fakeFollowUp = 'a'.repeat(40);
	const fakePersonal = `${RANDOM_UUID.replaceAll('-', '')}${'A'.repeat(32)}`;
	const answer = `/demo/hoe-gaat-het/${followUpToken}`;
	const mine = `/demo/mijn-gegevens/${personalToken}`;
	const post = (path: string, label: string, body: FormBody, expected: number) =>
		jobs.push(async () => check(`${path} ${label}`, await postForm(request, baseURL!, path, body, { headers: freshClient('kwaad') }), expected));
	for (const p of PAYLOADS) {
		post(answer, `trend=${short(p)}`, { trend: p, toelichting: MARKER }, 400);
		post(answer, `gesteund=${short(p)}`, { trend: 'beter', gesteund: p, toelichting: MARKER }, 400);
		post(mine, `kind=${short(p)}`, { kind: p }, 400);
	}
	for (const g of ['0', '6', '-1', '2.5', '1e1', 'Infinity']) post(answer, `gesteund=${g}`, { trend: 'beter', gesteund: g, toelichting: MARKER }, 400);
	post(answer, 'toelichting 2001 tekens', { trend: 'beter', toelichting: `${MARKER}${'t'.repeat(2_001)}` }, 400);
	post(answer, 'toelichting 100.000 tekens', { trend: 'beter', toelichting: LONG100K }, 400);
	post(answer, 'trend dubbel', { trend: ['beter', 'slechter'], toelichting: MARKER }, 400);
	post(answer, 'zonder trend', { toelichting: MARKER }, 400);
	post(mine, 'kind dubbel', { kind: ['inzage', 'verwijderen'] }, 400);
	post(mine, 'zonder kind', {}, 400);
	// Valid fields, but links that were never sent: 404.
	for (const token of [fakeFollowUp, 'kort', 'A'.repeat(40), '%3Cscript%3E', 'a'.repeat(65), "'%20or%201=1"]) {
		post(`/demo/hoe-gaat-het/${token}`, `onbekende link ${short(token)}`, { trend: 'beter' }, 404);
		jobs.push(async () => check(`GET /demo/hoe-gaat-het/${short(token)}`, await request.get(`/demo/hoe-gaat-het/${token}`), 404, false));
	}
	for (const token of [fakePersonal, `${RANDOM_UUID.replaceAll('-', '')}`, 'x'.repeat(64), '%00', `${'f'.repeat(32)}${'_'.repeat(32)}`]) {
		post(`/demo/mijn-gegevens/${token}`, `onbekende link ${short(token)}`, { kind: 'inzage' }, 404);
		jobs.push(async () => check(`GET /demo/mijn-gegevens/${short(token)}`, await request.get(`/demo/mijn-gegevens/${token}`), 404, false));
	}
	await inBatches(jobs, 8, (job) => job());
	expect(log.failures, log.failures.join('\n')).toEqual([]);
});

test('backoffice: contact registreren, dossieracties en organisaties', async ({ baseURL }) => {
	test.setTimeout(90_000);
	const request = regisseur.request;
	const jobs: (() => Promise<void>)[] = [];
	const post = (path: string, label: string, body: FormBody, expected: number | number[] = 400) =>
		jobs.push(async () => check(`${path} ${label}`, await postForm(request, baseURL!, path, body), expected));
	const C = '/beheer/demo/contact?/registreren';
	const contact = (o: FormBody = {}) => validContact({ duur: MARKER_MINUTES, samenvatting: MARKER, ...o });
	const caseUrl = (id: string, action: string) => `/beheer/demo/vragen/${id}?/${action}`;

	for (const p of PAYLOADS) {
		for (const field of ['kanaal', 'wie', 'schooltype', 'fase', 'uitkomst', 'gemeente', 'onderwerpen', 'dossier', 'opvolgdatum', 'telefoon', 'email'])
			post(C, `${field}=${short(p)}`, contact({ [field]: p }));
		post(C, `verwijzing=${short(p)}`, contact({ uitkomst: 'doorverwijzing', verwijzing: p }));
		post(C, `duur=${short(p)}`, contact({ duur: p }));
		post(caseUrl(demoCase, 'behandeling'), `status=${short(p)}`, { status: p });
		post(caseUrl(demoCase, 'behandeling'), `opvolgdatum=${short(p)}`, { status: 'in-behandeling', opvolgdatum: p });
		post(caseUrl(demoCase, 'doorverwijzen'), `soort=${short(p)}`, { soort: p, akkoord: 'ja', overgedragen: MARKER });
		post(caseUrl(demoCase, 'doorverwijzen'), `akkoord=${short(p)}`, { soort: 'buddy', akkoord: p, overgedragen: MARKER });
		post(caseUrl(demoCase, 'onderwerpen'), `onderwerpen=${short(p)}`, { onderwerpen: p });
		// Control characters are removed and blank is "no phone number": only the rest is wrong.
		if (p.replace(/[\u0000-\u001f]/g, '').trim() !== '')
			post('/beheer/demo/organisaties?/toevoegen', `telefoon=${short(p)}`, { naam: `${MARKER} org ${Math.random().toString(36).slice(2, 8)}`, telefoon: p });
	}
	// Too long, out of range, inconsistent, repeated.
	for (const d of ['0', '-5', '601', '1.5', '1e3', 'NaN', 'Infinity', '0x10', '９']) post(C, `duur=${d}`, contact({ duur: d }));
	post(C, 'samenvatting 2001 tekens', contact({ samenvatting: `${MARKER}${'s'.repeat(2_001)}` }));
	post(C, 'samenvatting 100.000 tekens', contact({ samenvatting: LONG100K }));
	post(C, 'naam 101 tekens (nieuw dossier)', contact({ dossier: 'nieuw', naam: 'n'.repeat(101), toestemming: 'ja' }));
	post(C, 'nieuw dossier met naam zonder toestemming', contact({ dossier: 'nieuw', naam: `${MARKER} ouder` }));
	post(C, 'opvolgen zonder e-mail', contact({ dossier: 'nieuw', opvolgen: 'ja' }));
	post(C, 'doorverwijzing zonder verwijzing', contact({ uitkomst: 'doorverwijzing' }));
	post(C, '4 onderwerpen', contact({ onderwerpen: ['opp', 'zorgplicht', 'leerlingenvervoer', 'medezeggenschap'] }));
	post(C, 'onbekend onderwerp', contact({ onderwerpen: ['opp', 'bestaat-niet'] }));
	post(C, 'geen onderwerp', contact({ onderwerpen: [] }));
	post(C, 'gemeente buiten de regio', contact({ gemeente: 'GM0363' }));
	post(C, 'opvolgdatum 30 februari', contact({ opvolgdatum: '2026-02-30' }));
	post(C, 'opvolgdatum 30 februari (nieuw dossier)', contact({ dossier: 'nieuw', opvolgdatum: '2026-02-30' }));
	post(C, 'opvolgdatum 31 april (nieuw dossier)', contact({ dossier: 'nieuw', opvolgdatum: '2026-04-31' }));
	post(caseUrl(demoCase, 'behandeling'), 'opvolgdatum 30 februari', { status: 'in-behandeling', opvolgdatum: '2026-02-30' });
	post(C, 'opvolgdatum 31-12-2026', contact({ opvolgdatum: '31-12-2026' }));
	post(C, 'kanaal web (alleen publiek)', contact({ kanaal: 'web' }));
	post(C, 'kanaal dubbel', contact({ kanaal: ['telefoon', 'mail'] }));
	post(C, 'uitkomst dubbel', contact({ uitkomst: ['luisterend-oor', 'doorverwijzing'] }));
	post(C, 'dossier dubbel', contact({ dossier: ['nieuw', demoCase] }));
	for (const field of ['kanaal', 'wie', 'onderwerpen', 'uitkomst']) {
		const body = contact();
		delete body[field];
		post(C, `zonder ${field}`, body);
	}
	// The form's action is named: a post without it is refused, never a server error.
	for (const path of ['/beheer/demo/contact', '/beheer/demo/contact?/bestaat-niet'])
		jobs.push(async () => check(`${path} zonder bekende actie`, await postForm(request, baseURL!, path, contact()), [400, 404, 405], false));
	// Forged and unknown ids.
	post(C, 'dossier van ander steunpunt', contact({ dossier: anderCase }), 404);
	post(C, 'onbekend dossier', contact({ dossier: RANDOM_UUID }), 404);
	for (const id of MALFORMED_IDS) post(C, `dossier=${short(id)}`, contact({ dossier: id }));
	for (const id of [anderCase, RANDOM_UUID, 'geen-uuid', '00000000-0000-0000-0000-000000000000']) {
		post(caseUrl(id, 'behandeling'), 'op vreemd dossier', { status: 'afgesloten' }, 404);
		post(caseUrl(id, 'notitie'), 'op vreemd dossier', { notitie: MARKER }, 404);
		post(caseUrl(id, 'doorverwijzen'), 'op vreemd dossier', { soort: 'buddy', akkoord: 'ja', overgedragen: MARKER }, 404);
		post(caseUrl(id, 'onderwerpen'), 'op vreemd dossier', { onderwerpen: 'opp' }, 404);
		post(caseUrl(id, 'opvolgmail'), 'op vreemd dossier', {}, 404);
	}
	for (const id of [anderUser, RANDOM_UUID, ...MALFORMED_IDS]) {
		post(caseUrl(demoCase, 'behandeling'), `toegewezen=${short(id)}`, { status: 'afgesloten', toegewezen: id });
		post(caseUrl(demoCase, 'doorverwijzen'), `consulent=${short(id)}`, { soort: 'consulent', consulent: id, akkoord: 'ja', overgedragen: MARKER });
	}
	for (const id of [anderOrganisation, RANDOM_UUID, ...MALFORMED_IDS]) {
		post(caseUrl(demoCase, 'doorverwijzen'), `organisatie=${short(id)}`, { soort: 'extern', organisatie: id, akkoord: 'ja', overgedragen: MARKER });
		post('/beheer/demo/organisaties?/verwijderen', `id=${short(id)}`, { id }, 404);
	}
	post(caseUrl(demoCase, 'doorverwijzen'), 'consulent zonder consulent', { soort: 'consulent', akkoord: 'ja' });
	post(caseUrl(demoCase, 'doorverwijzen'), 'extern zonder organisatie', { soort: 'extern', akkoord: 'ja' });
	post(caseUrl(demoCase, 'doorverwijzen'), 'overgedragen 2001 tekens', { soort: 'buddy', akkoord: 'ja', overgedragen: `${MARKER}${'o'.repeat(2_001)}` });
	post(caseUrl(demoCase, 'doorverwijzen'), 'soort dubbel', { soort: ['buddy', 'extern'], akkoord: 'ja' });
	post(caseUrl(demoCase, 'notitie'), 'lege notitie', { notitie: '' });
	post(caseUrl(demoCase, 'notitie'), 'notitie alleen stuurtekens', { notitie: '\u0000\u0001\u001f' });
	post(caseUrl(demoCase, 'notitie'), 'notitie 5001 tekens', { notitie: `${MARKER}${'n'.repeat(5_001)}` });
	post(caseUrl(demoCase, 'notitie'), 'notitie 100.000 tekens', { notitie: LONG100K });
	post(caseUrl(demoCase, 'notitie'), 'notitie dubbel', { notitie: [MARKER, MARKER] });
	post(caseUrl(demoCase, 'notitie'), 'zonder notitie', {});
	post(caseUrl(demoCase, 'onderwerpen'), '4 onderwerpen', { onderwerpen: ['opp', 'zorgplicht', 'leerlingenvervoer', 'medezeggenschap'] });
	post(caseUrl(demoCase, 'onderwerpen'), 'geen onderwerpen', {});
	post(caseUrl(demoCase, 'behandeling'), 'zonder status', {});
	post(caseUrl(demoCase, 'behandeling'), 'status dubbel', { status: ['nieuw', 'afgesloten'] });
	post(caseUrl(demoCase, 'opvolgmail'), 'ouder wil geen mail', {});
	post('/beheer/demo/organisaties?/toevoegen', 'naam 121 tekens', { naam: `${MARKER}${'o'.repeat(121)}` });
	post('/beheer/demo/organisaties?/toevoegen', 'naam 1 teken', { naam: 'o' });
	post('/beheer/demo/organisaties?/toevoegen', 'zonder naam', {});
	post('/beheer/demo/organisaties?/toevoegen', 'naam 100.000 tekens', { naam: LONG100K });
	for (const w of ['javascript:alert(1)', 'http://onveilig.example', 'https://a b', 'https://"><script>', 'ftp://x'])
		post('/beheer/demo/organisaties?/toevoegen', `website=${short(w)}`, { naam: `${MARKER} org`, website: w });
	post('/beheer/demo/organisaties?/toevoegen', 'omschrijving 501 tekens', { naam: `${MARKER} org`, omschrijving: 'o'.repeat(501) });
	await inBatches(jobs, 8, (job) => job());
	expect(log.failures, log.failures.join('\n')).toEqual([]);
});

test('onderwerpen-API: verkeerde types, geen JSON, verkeerd content-type', async ({ request, baseURL }) => {
	const api = '/api/v1/onderwerpen/suggestie';
	const jobs: (() => Promise<void>)[] = [];
	const send = (label: string, data: string, contentType: string | null, expected: number) =>
		jobs.push(async () => {
			// Our own Origin: without it SvelteKit's CSRF check refuses form-like content types (403).
			const response = await request.post(api, {
				data,
				headers: { origin: baseURL!, ...(contentType === null ? {} : { 'content-type': contentType }) },
				maxRedirects: 0
			});
			await check(`${api} ${label}`, response, expected, false);
			if (response.status() === 400 || response.status() === 415) {
				const error = String((await response.json()).error ?? '');
				if (!error || ENGLISH.test(error)) log.failures.push(`API-melding "${error}": ${label}`);
			}
		});
	for (const body of [
		'42',
		'-1.5',
		'[]',
		'["tekst"]',
		'null',
		'true',
		'"tekst"',
		'{}',
		'{"text":42}',
		'{"text":null}',
		'{"text":["a","b"]}',
		'{"text":{"nested":"x"}}',
		'{"text":true}',
		'{"tekst":"mijn kind"}',
		`{"text":"${'x'.repeat(10_001)}"}`,
		'{"text":"a"',
		'{text:"a"}',
		'niet json',
		'',
		'\u0000',
		'{"text":"\\ud800"}x'
	])
		send(`JSON ${short(body)}`, body, 'application/json', 400);
	for (const type of [
		'text/plain',
		'application/x-www-form-urlencoded',
		'multipart/form-data; boundary=x',
		'application/jsonx',
		'text/json',
		'application/xml',
		''
	])
		send(`content-type ${short(type)}`, '{"text":"mijn kind zit thuis"}', type, 415);
	send('geen content-type', '{"text":"mijn kind zit thuis"}', null, 415);
	jobs.push(async () => {
		const response = await request.post(api, {
			data: 'text=x',
			headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			maxRedirects: 0
		});
		await check(`${api} vreemde Origin`, response, 403, false);
	});
	// The control: a good request works.
	send('geldig', '{"text":"Mijn kind zit al weken thuis en de school doet niets"}', 'application/json', 200);
	send('geldig met charset', '{"text":"Mijn kind wordt gepest"}', 'application/json; charset=utf-8', 200);
	await inBatches(jobs, 8, (job) => job());
	expect(log.failures, log.failures.join('\n')).toEqual([]);
});

test('niets half opgeslagen, en de foutpagina is toegankelijk', async ({ page, baseURL }) => {
	const request = regisseur.request;
	// The inbox: no case with the marker, on any page (50 per page).
	const first = await (await request.get('/beheer/demo/vragen?status=alle')).text();
	const total = Number(/(\d+)\s+dossiers?\./.exec(first)?.[1]);
	expect(total, 'aantal dossiers in de inbox').toBeGreaterThan(0);
	const pages = Math.ceil(total / 50);
	for (let n = 1; n <= pages; n++) {
		const html = n === 1 ? first : await (await request.get(`/beheer/demo/vragen?status=alle&pagina=${n}`)).text();
		expect(html, `inbox pagina ${n}`).not.toContain(MARKER);
	}
	// The registrations: none of the refused contacts (they all lasted MARKER_MINUTES).
	const registrations = await (await request.get('/beheer/demo/registraties')).text();
	expect(registrations).toContain('data-registration');
	expect(registrations).not.toContain(`${MARKER_MINUTES} min`);
	// The cases: no note, referral, topics, status, answer or privacy request from the refused posts.
	const demo = await (await request.get(`/beheer/demo/vragen/${demoCase}`)).text();
	expect(demo).not.toContain(MARKER);
	expect(history(demo)).toEqual(before.demo);
	const mailed = await (await request.get(`/beheer/demo/vragen/${mailedCase}`)).text();
	expect(mailed).not.toContain(MARKER);
	expect(history(mailed)).toEqual(before.mailed);
	// The organisations directory: none added.
	expect(await (await request.get('/beheer/demo/organisaties')).text()).not.toContain(MARKER);
	// The other steunpunt's case: untouched by the demo's posts.
	const anderHtml = await (await ander.request.get(`/beheer/ander/vragen/${anderCase}`)).text();
	expect(history(anderHtml)).toEqual(before.ander);

	// One error page in a browser, checked with axe (the public form ships no JavaScript).
	await page.goto('/demo/vraag-stellen');
	await page.locator('#vraag').fill(`${MARKER} kort`.slice(0, 9));
	await page.locator('main form[method=post]').evaluate((form: HTMLFormElement) => {
		form.noValidate = true;
		form.submit();
	});
	await page.waitForLoadState('load');
	await expect(page.locator('[data-error-summary]')).toContainText('Er is een probleem');
	await expectNoAxeViolations(page);
	expect(baseURL).toBeTruthy();
});

test.afterAll(() => {
	// Over the tests above (serial, one worker).
	expect(log.count, 'aantal kwade verzoeken').toBeGreaterThanOrEqual(300);
});
