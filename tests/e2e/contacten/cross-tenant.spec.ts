/**
 * Cases are separate per steunpunt: the demo's regisseur cannot see or touch a case of `ander`
 * (not through ander's back office, nor through the demo's URLs with ander's case id), and a
 * referral in the demo to an organisation of `ander` is refused without saving anything.
 */
import { expect, test, type Page } from '@playwright/test';
import { addOrganisation, createCase, errorSummary, optionValue, postForm } from '../fixtures/forms';
import { loginAs } from '../fixtures/login';

test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
let demo: Page;
let ander: Page;
let anderCase: string;
let anderOrganisation: string;
let demoCase: string;

test.beforeAll(async ({ browser, baseURL }) => {
	test.setTimeout(120_000);
	[demo, ander] = await Promise.all([loginAs(browser, 'xRegisseur'), loginAs(browser, 'xAnderRegisseur')]);
	anderCase = await createCase(ander, baseURL!, 'ander', {
		samenvatting: `Geheim van ander ${RUN}`,
		naam: `Ouder Ander ${RUN}`,
		telefoon: '06 11112222',
		toestemming: 'ja'
	});
	anderOrganisation = await addOrganisation(ander, baseURL!, 'ander', `Hulp Ander ${RUN}`);
	demoCase = await createCase(demo, baseURL!, 'demo', { samenvatting: `Dossier demo ${RUN}` });
});

test.afterAll(async () => {
	await demo?.context().close();
	await ander?.context().close();
});

test('de regisseur van ander ziet het eigen dossier', async () => {
	const response = await ander.request.get(`/beheer/ander/vragen/${anderCase}`);
	expect(response.status()).toBe(200);
	expect(await response.text()).toContain(`Ouder Ander ${RUN}`);
});

test('de regisseur van demo krijgt 404 op alles van ander', async ({ baseURL }) => {
	const paths = [
		'/beheer/ander',
		'/beheer/ander/vragen',
		'/beheer/ander/vragen?status=alle',
		`/beheer/ander/vragen/${anderCase}`,
		'/beheer/ander/contact',
		'/beheer/ander/opvolgen',
		'/beheer/ander/registraties',
		'/beheer/ander/buddy-aanvragen',
		'/beheer/ander/organisaties',
		'/beheer/ander/uitgaande-mail',
		`/beheer/demo/vragen/${anderCase}`
	];
	for (const path of paths) {
		const response = await demo.request.get(path, { maxRedirects: 0 });
		expect(response.status(), `GET ${path}`).toBe(404);
		expect(await response.text(), path).not.toContain(`Ouder Ander ${RUN}`);
	}
	const posts: [string, Record<string, string | string[]>][] = [
		[`/beheer/ander/vragen/${anderCase}?/notitie`, { notitie: `Van demo ${RUN}` }],
		[`/beheer/ander/vragen/${anderCase}?/behandeling`, { status: 'afgesloten' }],
		[`/beheer/demo/vragen/${anderCase}?/notitie`, { notitie: `Van demo ${RUN}` }],
		[`/beheer/demo/vragen/${anderCase}?/behandeling`, { status: 'afgesloten' }],
		[`/beheer/demo/vragen/${anderCase}?/doorverwijzen`, { soort: 'buddy', akkoord: 'ja' }],
		[`/beheer/demo/vragen/${anderCase}?/onderwerpen`, { onderwerpen: 'opp' }],
		[
			'/beheer/demo/contact?/registreren',
			{ kanaal: 'telefoon', wie: 'ouder', onderwerpen: 'opp', uitkomst: 'luisterend-oor', samenvatting: `Van demo ${RUN}`, dossier: anderCase }
		],
		[
			'/beheer/ander/contact?/registreren',
			{ kanaal: 'telefoon', wie: 'ouder', onderwerpen: 'opp', uitkomst: 'luisterend-oor', samenvatting: `Van demo ${RUN}`, dossier: 'nieuw' }
		],
		['/beheer/ander/organisaties?/toevoegen', { naam: `Van demo ${RUN}` }],
		['/beheer/ander/organisaties?/verwijderen', { id: anderOrganisation }]
	];
	for (const [path, form] of posts) {
		const response = await postForm(demo.request, baseURL!, path, form);
		expect(response.status(), `POST ${path}`).toBe(404);
	}
	// Nothing of it reached ander's case or directory.
	const html = await (await ander.request.get(`/beheer/ander/vragen/${anderCase}`)).text();
	expect(html).not.toContain(`Van demo ${RUN}`);
	expect(html).not.toContain('Status gewijzigd');
	const organisations = await (await ander.request.get('/beheer/ander/organisaties')).text();
	expect(organisations).toContain(`Hulp Ander ${RUN}`);
	expect(organisations).not.toContain(`Van demo ${RUN}`);
});

test('doorverwijzen in demo naar een organisatie van ander: geweigerd, niets bewaard', async ({ baseURL }) => {
	const before = await (await demo.request.get(`/beheer/demo/vragen/${demoCase}`)).text();
	expect(before).not.toContain(`Hulp Ander ${RUN}`);
	const response = await postForm(demo.request, baseURL!, `/beheer/demo/vragen/${demoCase}?/doorverwijzen`, {
		soort: 'extern',
		organisatie: anderOrganisation,
		akkoord: 'ja',
		overgedragen: `Overdracht ${RUN}`
	});
	expect([400, 404]).toContain(response.status());
	if (response.status() === 400) expect(errorSummary(await response.text())).toContain('Kies een organisatie uit de lijst.');
	// Also a consulent of ander (the ander regisseur's own id) as the demo's consulent.
	const anderUser = optionValue(await (await ander.request.get(`/beheer/ander/vragen/${anderCase}`)).text(), 'toegewezen', 'Matrix Regisseur Ander');
	const consulent = await postForm(demo.request, baseURL!, `/beheer/demo/vragen/${demoCase}?/doorverwijzen`, {
		soort: 'consulent',
		consulent: anderUser,
		akkoord: 'ja',
		overgedragen: `Overdracht ${RUN}`
	});
	expect([400, 404]).toContain(consulent.status());
	const assign = await postForm(demo.request, baseURL!, `/beheer/demo/vragen/${demoCase}?/behandeling`, { status: 'in-behandeling', toegewezen: anderUser });
	expect([400, 404]).toContain(assign.status());
	const after = await (await demo.request.get(`/beheer/demo/vragen/${demoCase}`)).text();
	expect(after).not.toContain(`Overdracht ${RUN}`);
	expect(after).not.toContain(`Hulp Ander ${RUN}`);
	expect(after).not.toContain('Matrix Regisseur Ander');
	expect(after.split('Doorverwezen').length).toBe(before.split('Doorverwezen').length);
	expect(after.split('Toegewezen').length).toBe(before.split('Toegewezen').length);
	// The demo's directory does not offer ander's organisation either.
	expect(await (await demo.request.get('/beheer/demo/organisaties')).text()).not.toContain(`Hulp Ander ${RUN}`);
});
