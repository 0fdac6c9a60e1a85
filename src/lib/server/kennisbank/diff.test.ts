import { describe, expect, it } from 'vitest';
import { diffWords } from './diff';

describe('diffWords', () => {
	it('marks added and removed words and keeps the rest', () => {
		const parts = diffWords('Bel de school op maandag.', 'Bel de intern begeleider op maandag.');
		expect(parts.filter((p) => p.type === 'del').map((p) => p.text.trim())).toEqual(['school']);
		expect(
			parts
				.filter((p) => p.type === 'add')
				.map((p) => p.text.trim())
				.join(' ')
		).toContain('intern begeleider');
		expect(
			parts
				.filter((p) => p.type !== 'del')
				.map((p) => p.text)
				.join('')
		).toBe('Bel de intern begeleider op maandag.');
	});
	it('gives one unchanged part for equal texts', () => {
		expect(diffWords('zelfde tekst', 'zelfde tekst')).toEqual([{ type: 'same', text: 'zelfde tekst' }]);
	});
});
