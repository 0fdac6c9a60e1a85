/**
 * Too-long input on every public input is refused with a 4xx status and a clear message
 * (bad-input.spec.ts checks that nothing at all gives a 5xx).
 */
import { expect, test } from '@playwright/test';
import { clientHeader } from '../fixtures/client';

const LONG = 'a'.repeat(10_000);

test.use({ extraHTTPHeaders: clientHeader('te-lang') });

test('search API: 400 with a JSON message', async ({ request }) => {
	const response = await request.get(`/api/v1/steunpunten/demo/zoeken?q=${LONG}`);
	expect(response.status()).toBe(400);
	expect((await response.json()).error).toMatch(/te lang/);
});

test('feedback form: a 10,000-character comment gives 400 and the error summary', async ({ request, baseURL }) => {
	const response = await request.post('/demo/vraag/mijn-kind-zit-thuis-wat-nu?/feedback', {
		// accept: text/html as a browser without JavaScript sends it (else SvelteKit answers JSON with 200).
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { helped: 'ja', comment: LONG }
	});
	expect(response.status()).toBe(400);
	const html = await response.text();
	expect(html).toContain('Er is een probleem');
	expect(html).toContain('hooguit 1000 tekens');
});

test('feedback form: a 1 MB body is refused with a 4xx', async ({ request, baseURL }) => {
	const response = await request.post('/demo/vraag/mijn-kind-zit-thuis-wat-nu?/feedback', {
		headers: { origin: baseURL!, accept: 'text/html' },
		form: { helped: 'ja', comment: 'a'.repeat(1_000_000) }
	});
	// Over adapter-node's BODY_SIZE_LIMIT (512 kB) the body cannot be read: 413, or 400 when the
	// action sees an empty form.
	expect([400, 413]).toContain(response.status());
});

test('search page and finder show the error summary for a too-long query', async ({ request }) => {
	for (const [path, message] of [
		[`/demo/zoeken?q=${LONG}`, 'Je zoekvraag is te lang'],
		[`/?q=${LONG}`, 'Je zoekopdracht is te lang']
	]) {
		const html = await (await request.get(path)).text();
		expect(html, path.slice(0, 30)).toContain('Er is een probleem');
		expect(html, path.slice(0, 30)).toContain(message);
	}
});

/* The search page and the finder answer a too-long query with 400, like the API and the feedback form. */
for (const [name, path] of [
	['search page', `/demo/zoeken?q=${LONG}`],
	['finder', `/?q=${LONG}`]
]) {
	test(`${name}: a 10,000-character query gives a 4xx status`, async ({ request }) => {
		const response = await request.get(path);
		expect(response.status()).toBeGreaterThanOrEqual(400);
		expect(response.status()).toBeLessThan(500);
	});
}
