/**
 * Public pages ship no JavaScript (csr = false): no <script> in the HTML, no modulepreload of the
 * SvelteKit client in the Link header. Request-based, so fast; the parent walk shows the pages
 * also work with JavaScript switched off.
 */
import { expect, test } from '@playwright/test';

const PAGES: { path: string; status: number }[] = [
	{ path: '/', status: 200 },
	{ path: '/?q=1811', status: 200 },
	{ path: '/demo', status: 200 },
	{ path: '/demo/fase/thuiszitten', status: 200 },
	{ path: '/demo/vraag/mijn-kind-zit-thuis-wat-nu', status: 200 },
	{ path: '/demo/zoeken?q=weggestuurd', status: 200 },
	{ path: '/demo/routekaart', status: 200 },
	{ path: '/demo/begrippen', status: 200 },
	{ path: '/demo/onderwerp/schoolkeuze', status: 200 },
	{ path: '/ander', status: 200 },
	{ path: '/bestaat-niet', status: 404 },
	{ path: '/demo/vraag/bestaat-niet', status: 404 }
];

/* Error pages too: the root layout turns client-side rendering off (the back office turns it on). */

for (const { path, status } of PAGES) {
	test(`${path} ships no JavaScript`, async ({ request }) => {
		const response = await request.get(path);
		expect(response.status()).toBe(status);
		expect(response.headers()['content-type']).toContain('text/html');
		const html = await response.text();
		expect(html.match(/<script\b[^>]*>/gi) ?? [], 'script elements').toEqual([]);
		expect(response.headers()['link'] ?? '', 'Link header').not.toContain('modulepreload');
	});
}
