/**
 * iCalendar as RFC 5545 wants it: escaped text, lines folded at 75 octets without splitting a
 * character, CRLF line ends, UTC times. And the CSV cells of the participant export.
 */
import { describe, expect, it } from 'vitest';
import { foldLine, icsCalendar, icsText, icsTime } from './ical';
import { csvCell } from './participants';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

/** Undoes folding (RFC 5545 3.1): a CRLF followed by one space is removed. */
const unfold = (s: string) => s.replace(/\r\n /g, '');

describe('icsText', () => {
	it.each([
		['Koffie, thee en koek', 'Koffie\\, thee en koek'],
		['Thema; passend onderwijs', 'Thema\\; passend onderwijs'],
		['C:\\map\\bestand', 'C:\\\\map\\\\bestand'],
		['regel 1\nregel 2', 'regel 1\\nregel 2'],
		['regel 1\r\nregel 2\rregel 3', 'regel 1\\nregel 2\\nregel 3'],
		['a\u0000b\u0007c\u001bd\u007fe', 'abcde'],
		['met\ttab', 'met\ttab'],
		['\\,;', '\\\\\\,\\;'],
		['Oudercafé 👋', 'Oudercafé 👋']
	])('%j → %j', (input, expected) => {
		expect(icsText(input)).toBe(expected);
	});

	it('leaves no raw newline, carriage return or unescaped separator', () => {
		const out = icsText('a,b;c\\d\ne\r\nf\u0001');
		expect(out).not.toMatch(/[\r\n\u0000-\u0008\u000b-\u001f]/);
		expect(out).not.toMatch(/(^|[^\\])(\\\\)*[,;]/);
	});
});

describe('foldLine', () => {
	it('keeps a short line as it is', () => {
		expect(foldLine('SUMMARY:Oudercafé')).toBe('SUMMARY:Oudercafé');
		const exactly75 = `X:${'a'.repeat(73)}`;
		expect(foldLine(exactly75)).toBe(exactly75);
	});

	it.each([
		['ascii', `DESCRIPTION:${'a'.repeat(500)}`],
		['é (2 octets)', `DESCRIPTION:${'é'.repeat(300)}`],
		['emoji (4 octets)', `SUMMARY:${'👋'.repeat(100)}`],
		['mixed, shifted by one', `SUMMARY:x${'aé€👋'.repeat(60)}`]
	])('folds %s to lines of at most 75 octets without splitting a character', (_name, line) => {
		const folded = foldLine(line);
		const parts = folded.split('\r\n');
		expect(parts.length).toBeGreaterThan(1);
		for (const [i, part] of parts.entries()) {
			expect(octets(part)).toBeLessThanOrEqual(75);
			if (i > 0) expect(part.startsWith(' ')).toBe(true);
			// A split character would show up as a lone surrogate or a replacement character.
			expect(part).toBe(Buffer.from(part, 'utf8').toString('utf8'));
			expect(part).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
		}
		expect(unfold(folded)).toBe(line);
	});
});

describe('icsCalendar', () => {
	const startsAt = new Date('2026-12-08T18:30:00Z');
	const event = {
		uid: '0b6f2a3c-1111-4222-8333-444455556666@steunpunt.test',
		sequence: 3,
		startsAt,
		endsAt: new Date('2026-12-08T20:30:00Z'),
		updatedAt: new Date('2026-11-01T10:00:00Z'),
		summary: 'Oudercafé, thema; "thuiszitten"',
		description: `Eerste regel\nTweede regel met een lange tekst ${'over passend onderwijs '.repeat(10)}`,
		location: 'Buurthuis De Klimop, Dorpsstraat 1, Utrecht',
		url: 'https://steunpunt.test/utrecht/activiteiten/0b6f2a3c'
	};

	it('writes a calendar with one event: CRLF, BEGIN/END, UID, UTC times, SEQUENCE, escaped text', () => {
		const ics = icsCalendar({ name: 'Steunpunt Utrecht', events: [event], now: new Date('2026-11-02T09:00:00Z') });
		expect(ics.endsWith('\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		const lines = unfold(ics).split('\r\n').slice(0, -1);
		for (const raw of ics.split('\r\n')) expect(octets(raw)).toBeLessThanOrEqual(75);
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines.at(-1)).toBe('END:VCALENDAR');
		expect(lines).toContain('VERSION:2.0');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
		expect(lines).toContain(`UID:${event.uid}`);
		expect(lines).toContain('SEQUENCE:3');
		expect(lines).toContain('DTSTART:20261208T183000Z');
		expect(lines).toContain('DTEND:20261208T203000Z');
		expect(lines).toContain('DTSTAMP:20261102T090000Z');
		expect(lines).toContain('LAST-MODIFIED:20261101T100000Z');
		expect(lines).toContain('SUMMARY:Oudercafé\\, thema\\; "thuiszitten"');
		expect(lines).toContain('LOCATION:Buurthuis De Klimop\\, Dorpsstraat 1\\, Utrecht');
		expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toMatch(/^DESCRIPTION:Eerste regel\\nTweede regel/);
		expect(lines).toContain(`URL:${event.url}`);
		expect(lines).toContain('STATUS:CONFIRMED');
		expect(lines.indexOf('BEGIN:VEVENT')).toBeLessThan(lines.indexOf(`UID:${event.uid}`));
		expect(lines.indexOf('END:VEVENT')).toBeLessThan(lines.indexOf('END:VCALENDAR'));
	});

	it('marks a cancelled event and leaves out empty fields', () => {
		const ics = icsCalendar({ name: 'X', events: [{ ...event, description: null, location: null, url: null, cancelled: true }] });
		expect(ics).toContain('STATUS:CANCELLED\r\n');
		expect(ics).not.toContain('DESCRIPTION:');
		expect(ics).not.toContain('LOCATION:');
		expect(ics).not.toContain('URL:');
	});

	it('writes UTC times without milliseconds', () => {
		expect(icsTime(new Date('2026-03-29T01:30:45.678Z'))).toBe('20260329T013045Z');
	});
});

describe('csvCell', () => {
	it.each([
		['Fatima', '"Fatima"'],
		['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
		['+31 6 12345678', '"\'+31 6 12345678"'],
		['-2+3', '"\'-2+3"'],
		['@SUM(A1)', '"\'@SUM(A1)"'],
		['\t=1', '"\'\t=1"'],
		['\r=1', '"\'\r=1"'],
		['a;b', '"a;b"'],
		['zei "hallo"', '"zei ""hallo"""'],
		['', '""']
	])('%j → %j', (input, expected) => {
		expect(csvCell(input)).toBe(expected);
	});
});
