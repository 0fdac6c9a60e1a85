/** Security headers and no third-party requests. */
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../fixtures/axe';

for (const path of ['/', '/demo', '/demo/vraag/mijn-kind-zit-thuis-wat-nu', '/beheer/inloggen']) {
	test(`beveiligingsheaders op ${path}`, async ({ request }) => {
		const response = await request.get(path);
		expect(response.status()).toBe(200);
		const h = response.headers();
		const csp = h['content-security-policy'];
		expect(csp, 'Content-Security-Policy').toBeTruthy();
		const directives = Object.fromEntries(
			csp
				.split(';')
				.map((d) => d.trim())
				.filter(Boolean)
				.map((d) => {
					const [name, ...values] = d.split(/\s+/);
					return [name, values];
				})
		);
		expect(directives['frame-ancestors']).toEqual(["'none'"]);
		expect(directives['script-src'], 'script-src').toBeTruthy();
		expect(directives['script-src']).not.toContain("'unsafe-inline'");
		expect(directives['script-src']).not.toContain("'unsafe-eval'");
		expect(directives['object-src']).toEqual(["'none'"]);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toMatch(/^(same-origin|strict-origin|strict-origin-when-cross-origin|no-referrer)$/);
	});
}

test('een pagina laadt niets van buiten de eigen origin', async ({ page, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	for (const path of ['/demo', '/demo/vraag/mijn-kind-zit-thuis-wat-nu', '/demo/routekaart', '/demo/begrippen', '/beheer/inloggen']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await page.waitForLoadState('networkidle');
		await expectNoAxeViolations(page);
	}
	expect(requested.length).toBeGreaterThan(0);
	const outside = requested.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
	expect(outside).toEqual([]);
});
