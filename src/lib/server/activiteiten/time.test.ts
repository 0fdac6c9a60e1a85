/**
 * Activity times are written as a Dutch date and clock time and stored as instants: summer and
 * winter time, the two switch days, and series that keep their clock time.
 */
import { describe, expect, it } from 'vitest';
import { addLocal, dateToNlLocal, formatClock, formatDay, formatMoment, formatWhen, nlLocalToDate } from './time';

describe('nlLocalToDate', () => {
	it.each([
		['2026-07-01', '19:30', '2026-07-01T17:30:00.000Z'],
		['2026-12-08', '19:30', '2026-12-08T18:30:00.000Z'],
		['2026-01-01', '00:00', '2025-12-31T23:00:00.000Z'],
		['2026-06-30', '23:59', '2026-06-30T21:59:00.000Z'],
		// The day summer time starts (29 March 2026, 02:00 → 03:00).
		['2026-03-28', '19:30', '2026-03-28T18:30:00.000Z'],
		['2026-03-29', '01:30', '2026-03-29T00:30:00.000Z'],
		['2026-03-29', '03:30', '2026-03-29T01:30:00.000Z'],
		['2026-03-29', '19:30', '2026-03-29T17:30:00.000Z'],
		// The day winter time starts (25 October 2026, 03:00 → 02:00).
		['2026-10-24', '19:30', '2026-10-24T17:30:00.000Z'],
		['2026-10-25', '01:30', '2026-10-24T23:30:00.000Z'],
		['2026-10-25', '03:30', '2026-10-25T02:30:00.000Z'],
		['2026-10-25', '19:30', '2026-10-25T18:30:00.000Z']
	])('%s %s in the Netherlands is %s', (day, time, iso) => {
		expect(nlLocalToDate(day, time).toISOString()).toBe(iso);
		expect(dateToNlLocal(new Date(iso))).toEqual({ day, time });
	});

	it('moves a time that does not exist (02:30 on the spring switch day) forward, never back', () => {
		const at = nlLocalToDate('2026-03-29', '02:30');
		expect(at.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(dateToNlLocal(at)).toEqual({ day: '2026-03-29', time: '03:30' });
	});

	it('reads back every half hour of a year as written (except the hour that does not exist)', () => {
		let checked = 0;
		for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2027, 0, 1); d += 86_400_000) {
			const day = new Date(d).toISOString().slice(0, 10);
			for (let minutes = 0; minutes < 24 * 60; minutes += 30) {
				const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
				if (day === '2026-03-29' && time.startsWith('02:')) continue;
				expect(dateToNlLocal(nlLocalToDate(day, time))).toEqual({ day, time });
				checked++;
			}
		}
		expect(checked).toBe(365 * 48 - 2);
	});
});

describe('addLocal', () => {
	it.each([
		['2026-01-31', 'maanden', 1, '2026-02-28'],
		['2028-01-31', 'maanden', 1, '2028-02-29'],
		['2026-01-31', 'maanden', 2, '2026-03-31'],
		['2026-08-31', 'maanden', 1, '2026-09-30'],
		['2026-12-15', 'maanden', 1, '2027-01-15'],
		['2026-10-15', 'maanden', 3, '2027-01-15'],
		['2026-03-25', 'weken', 1, '2026-04-01'],
		['2026-12-29', 'weken', 1, '2027-01-05'],
		['2026-02-22', 'weken', 2, '2026-03-08'],
		['2026-10-20', 'weken', 26, '2027-04-20']
	] as const)('%s + %s × %i = %s', (day, unit, count, expected) => {
		expect(addLocal(day, unit, count)).toBe(expected);
	});

	it('keeps the clock time of a series over the switch to winter time', () => {
		const days = [0, 1, 2, 3].map((i) => addLocal('2026-09-15', 'maanden', 3 * i));
		expect(days).toEqual(['2026-09-15', '2026-12-15', '2027-03-15', '2027-06-15']);
		const instants = days.map((d) => nlLocalToDate(d, '19:30').toISOString().slice(11, 16));
		expect(instants).toEqual(['17:30', '18:30', '18:30', '17:30']);
		expect(days.map((d) => formatClock(nlLocalToDate(d, '19:30')))).toEqual(['19.30', '19.30', '19.30', '19.30']);
	});
});

describe('formatting in Dutch', () => {
	it('writes days, clock times and spans as people read them', () => {
		const start = nlLocalToDate('2026-12-08', '19:30');
		const end = nlLocalToDate('2026-12-08', '21:30');
		expect(formatDay(start)).toBe('dinsdag 8 december 2026');
		expect(formatClock(start)).toBe('19.30');
		expect(formatWhen(start, end)).toBe('dinsdag 8 december 2026, 19.30 tot 21.30 uur');
		expect(formatMoment(start)).toBe('dinsdag 8 december 2026, 19.30 uur');
		const nextDay = nlLocalToDate('2026-12-09', '01:00');
		expect(formatWhen(start, nextDay)).toBe('dinsdag 8 december 2026 19.30 uur tot woensdag 9 december 2026 01.00 uur');
	});
});
