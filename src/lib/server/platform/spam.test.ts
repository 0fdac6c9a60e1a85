/**
 * The test clock of the public forms: only a configured header moves "shown at" back, within an
 * hour; without configuration (production) the header means nothing.
 */
import { describe, expect, it } from 'vitest';
import { formShownAt } from './spam';

const NOW = 1_800_000_000_000;
const withHeader = (value?: string) =>
	new Request('http://steunpunt.test/demo/vraag-stellen', { headers: value === undefined ? {} : { 'x-e2e-form-age': value } });

describe('formShownAt', () => {
	it('is now when no header is configured, whatever the request says', () => {
		expect(formShownAt(withHeader('60000'), NOW, undefined)).toBe(NOW);
	});

	it('moves back by the configured header’s milliseconds', () => {
		expect(formShownAt(withHeader('60000'), NOW, 'x-e2e-form-age')).toBe(NOW - 60_000);
		expect(formShownAt(withHeader(), NOW, 'x-e2e-form-age')).toBe(NOW);
	});

	it('ignores values that are not a whole number of milliseconds, and caps at an hour', () => {
		for (const bad of ['', '-5000', '1e9', '12.5', 'abc', '99999999']) expect(formShownAt(withHeader(bad), NOW, 'x-e2e-form-age'), bad).toBe(NOW);
		expect(formShownAt(withHeader('9999999'), NOW, 'x-e2e-form-age')).toBe(NOW - 3_600_000);
	});
});
