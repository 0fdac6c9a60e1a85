import { describe, expect, it } from 'vitest';
import { addDays, addWorkingDays, dayInNL, isWorkingDay, publicHolidays } from '$lib/working-days';

describe('working days', () => {
	it('skips the weekend', () => {
		expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // friday → monday
		expect(addWorkingDays('2026-11-23', 3)).toBe('2026-11-26');
	});
	it('skips Christmas and New Year', () => {
		expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
		expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
	});
	it('knows the moving holidays of 2027', () => {
		const days = publicHolidays(2027);
		expect(days.has('2027-03-29')).toBe(true); // tweede paasdag
		expect(days.has('2027-05-06')).toBe(true); // Hemelvaart
		expect(days.has('2027-05-17')).toBe(true); // tweede pinksterdag
		expect(days.has('2027-04-27')).toBe(true); // Koningsdag
		expect(isWorkingDay('2027-05-06')).toBe(false);
	});
	it('moves Koningsdag to the 26th when the 27th is a Sunday', () => {
		expect(publicHolidays(2025).has('2025-04-26')).toBe(true);
		expect(publicHolidays(2025).has('2025-04-27')).toBe(false);
	});
	it('counts the day in Amsterdam, not in UTC', () => {
		expect(dayInNL(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
	});
});
