/** GET /api/v1/steunpunten/{slug}/zoeken?q= */
import { expect, test } from '@playwright/test';

type Result = { title: string; url: string; phase: string; topics: string[] };
const api = (slug: string, q: string) => `/api/v1/steunpunten/${slug}/zoeken?q=${encodeURIComponent(q)}`;

async function search(request: import('@playwright/test').APIRequestContext, q: string): Promise<Result[]> {
	const response = await request.get(api('demo', q));
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	const body = await response.json();
	expect(Object.keys(body)).toEqual(['results']);
	expect(Array.isArray(body.results)).toBe(true);
	for (const r of body.results) {
		expect(Object.keys(r).sort()).toEqual(['phase', 'title', 'topics', 'url']);
		expect(typeof r.title).toBe('string');
		expect(r.url).toMatch(/^\/demo\/vraag\/[a-z0-9-]+$/);
		expect(typeof r.phase).toBe('string');
		expect(Array.isArray(r.topics)).toBe(true);
		for (const t of r.topics) expect(typeof t).toBe('string');
	}
	return body.results;
}

test('"kind zit thuis": het eerste resultaat gaat over thuiszitten', async ({ request }) => {
	const results = await search(request, 'kind zit thuis');
	expect(results.length).toBeGreaterThan(0);
	expect(results[0].topics).toContain('thuiszitten-verzuim');
	// The URL points at a page that exists.
	expect((await request.get(results[0].url)).status()).toBe(200);
});

test('"rugzakje" vindt een tekst over arrangementen', async ({ request }) => {
	const results = await search(request, 'rugzakje');
	expect(results.some((r) => r.topics.includes('ondersteuning-arrangement'))).toBe(true);
});

test('een lege zoekvraag geeft een lege lijst, geen fout', async ({ request }) => {
	const results = await search(request, '');
	expect(results).toEqual([]);
});

test('onbekend steunpunt geeft 404 met JSON', async ({ request }) => {
	const response = await request.get(api('bestaat-niet', 'thuis'));
	expect(response.status()).toBe(404);
	expect(await response.json()).toHaveProperty('error');
});
