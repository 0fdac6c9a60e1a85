/**
 * Hostile and odd input on every public input: the search page, the search API, the national
 * finder and the feedback form. Nothing may answer with a server error (>= 500).
 */
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { clientHeader } from '../fixtures/client';

const LONG = 'a'.repeat(10_000);
const PAYLOADS: string[] = [
	'',
	' ',
	LONG,
	'kind '.repeat(2_000),
	'\u0000',
	'thuis\u0000zitten',
	'\u0001\u0002\u0003\u0008\u000b\u000c\u001b\u007f',
	'\r\n\t\r\n',
	'\u202e\u200b\ufeff',
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	'<svg/onload=alert(1)>',
	"' OR '1'='1",
	"'; DROP TABLE steunpunt; --",
	'" OR ""="',
	'\\\'\\"\\\\',
	'%',
	'%%%%',
	'% _ \\',
	'%00',
	'😀🏫👨‍👩‍👧‍👦',
	'🏳️‍🌈'.repeat(300),
	'\ud800',
	'é'.repeat(600),
	'&&&||!!():*<->',
	'thuis & !school | (kind <-> zit)',
	'::::',
	'${7*7}{{7*7}}',
	'../../../../etc/passwd',
	'null',
	'undefined',
	'1811 AB',
	'9999 ZZ',
	'0000',
	'ab'.repeat(50) + 'c',
	'a'.repeat(101),
	'a'.repeat(501)
];

const failures: string[] = [];
let count = 0;

function record(label: string, response: APIResponse): void {
	count++;
	if (response.status() >= 500) failures.push(`${response.status()} ${label}`);
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
	for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** encodeURIComponent, except for lone surrogates: those go as the raw (invalid) UTF-8 bytes. */
const encode = (s: string) => {
	try {
		return encodeURIComponent(s);
	} catch {
		return '%ED%A0%80';
	}
};

const short = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s);

test.describe.configure({ mode: 'serial' });

test('zoekpagina, zoek-API en voordeur', async ({ request }) => {
	test.setTimeout(120_000);
	const gets: string[] = [];
	for (const p of PAYLOADS) {
		const q = encode(p);
		gets.push(`/demo/zoeken?q=${q}`, `/api/v1/steunpunten/demo/zoeken?q=${q}`, `/?q=${q}`, `/ander/zoeken?q=${q}`, `/api/v1/steunpunten/ander/zoeken?q=${q}`);
	}
	// Raw, not (or wrongly) encoded query strings and odd parameters.
	gets.push(
		'/demo/zoeken?q=%00',
		'/api/v1/steunpunten/demo/zoeken?q=%00',
		'/?q=%00',
		'/demo/zoeken?q=%',
		'/api/v1/steunpunten/demo/zoeken?q=%zz',
		'/?q=%E0%A4%A',
		'/demo/zoeken?q=%ff%fe',
		'/api/v1/steunpunten/demo/zoeken?q=%ff%fe',
		'/demo/zoeken?q',
		'/?q',
		'/?q=&q=1811',
		'/demo/zoeken?q=a&q=b&q=c',
		'/api/v1/steunpunten/demo/zoeken?q=thuis&q=school',
		'/api/v1/steunpunten/demo/zoeken',
		'/api/v1/steunpunten/DEMO/zoeken?q=x',
		'/api/v1/steunpunten/%00/zoeken?q=x',
		'/api/v1/steunpunten/' + 'x'.repeat(300) + '/zoeken?q=x',
		'/demo/vraag/%3Cscript%3E',
		"/demo/vraag/'%20OR%201=1",
		'/demo/fase/%00',
		'/demo/thema/..%2F..%2Fetc',
		'/demo/onderwerp/' + 'a'.repeat(2000)
	);
	await inBatches(gets, 8, async (url) => {
		const response = await request.get(url, { maxRedirects: 0 });
		record(`GET ${short(url)}`, response);
	});
	expect(failures, failures.join('\n')).toEqual([]);
	expect(count).toBeGreaterThanOrEqual(150);
});

test('te lange zoekvraag: 400 op de API, melding op de zoekpagina', async ({ request }) => {
	const api = await request.get(`/api/v1/steunpunten/demo/zoeken?q=${LONG}`);
	expect(api.status()).toBe(400);
	expect((await api.json()).error).toMatch(/te lang/);
	const page = await request.get(`/demo/zoeken?q=${'a'.repeat(501)}`);
	expect(page.status()).toBeLessThan(500);
	expect(await page.text()).toContain('Er is een probleem');
});

test('feedbackformulier', async ({ request, baseURL }) => {
	test.setTimeout(120_000);
	const action = '/demo/vraag/mijn-kind-zit-thuis-wat-nu?/feedback';
	// SvelteKit's CSRF check wants our own Origin on form posts; a fresh client per post keeps
	// the rate limit (which is per client) out of the way, so validation is what gets tested.
	const post = async (label: string, options: Parameters<APIRequestContext['post']>[1]) => {
		const response = await request.post(action, {
			maxRedirects: 0,
			...options,
			// accept: text/html as a browser sends it (with */* SvelteKit answers actions as JSON, status 200).
			headers: { origin: baseURL!, accept: 'text/html', ...clientHeader('kwaad'), ...(options?.headers ?? {}) }
		});
		record(`POST ${label}`, response);
		return response;
	};
	const jobs: (() => Promise<unknown>)[] = [];
	for (const p of PAYLOADS) {
		jobs.push(() => post(`comment=${short(p)}`, { form: { helped: 'ja', comment: p } }));
		jobs.push(() => post(`helped=${short(p)}`, { form: { helped: p, comment: 'x' } }));
		jobs.push(() => post(`multipart comment=${short(p)}`, { multipart: { helped: 'nee', comment: p } }));
	}
	const raw = (label: string, body: string, type = 'application/x-www-form-urlencoded') =>
		jobs.push(() => post(label, { data: body, headers: { 'content-type': type } }));
	raw('dubbel helped', 'helped=ja&helped=nee&comment=a');
	raw('dubbel comment', 'helped=ja&comment=a&comment=b');
	raw('helped[]', 'helped[]=ja&comment[]=b');
	raw('onbekende velden', 'helped=ja&steunpunt_id=1&slug=anders&__proto__=x&constructor=y');
	raw('geen velden', '');
	raw('kapotte codering', 'helped=%E0%A4%A&comment=%');
	raw('nul-byte', 'helped=ja%00&comment=%00');
	raw('10.000 velden', Array.from({ length: 10_000 }, (_, i) => `f${i}=x`).join('&') + '&helped=ja');
	raw('json', JSON.stringify({ helped: 'ja', comment: 'x' }), 'application/json');
	raw('tekst', 'helped=ja', 'text/plain');
	raw('kapotte multipart', '--xyz\r\nContent-Disposition: form-data; name="helped"\r\n\r\nja', 'multipart/form-data; boundary=xyz');
	jobs.push(async () => {
		const response = await request.post('/demo/vraag/bestaat-niet?/feedback', {
			form: { helped: 'ja' },
			headers: { origin: baseURL!, accept: 'text/html', ...clientHeader('kwaad') }
		});
		record('POST onbekende vraag', response);
		expect(response.status()).toBe(404);
	});
	jobs.push(async () => {
		const response = await request.post('/bestaat-niet/vraag/x?/feedback', {
			form: { helped: 'ja' },
			headers: { origin: baseURL!, accept: 'text/html', ...clientHeader('kwaad') }
		});
		record('POST onbekend steunpunt', response);
		expect(response.status()).toBe(404);
	});
	jobs.push(async () => {
		const response = await request.post(action, {
			form: { helped: 'ja' },
			headers: { origin: 'https://evil.example', accept: 'text/html', ...clientHeader('kwaad') }
		});
		record('POST vreemde Origin', response);
		expect(response.status()).toBe(403);
	});
	await inBatches(jobs, 6, async (job) => void (await job()));
	// A valid post is accepted; an over-long comment is refused with a field error.
	const ok = await post('geldig', { form: { helped: 'ja', comment: 'Goed' } });
	expect(ok.status()).toBe(200);
	const long = await post('te lang', { form: { helped: 'ja', comment: LONG } });
	expect(long.status()).toBe(400);
	expect(await long.text()).toContain('Er is een probleem');
	expect(failures, failures.join('\n')).toEqual([]);
});

test.afterAll(() => {
	// Total over the three tests above (serial, one worker).
	expect(count, 'aantal verzoeken').toBeGreaterThanOrEqual(300);
});
