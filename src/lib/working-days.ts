/**
 * Dates as the steunpunt counts them: days in the Netherlands (Europe/Amsterdam), and working
 * days without weekends and the national public holidays, so "binnen 3 werkdagen" means what a
 * parent expects.
 */

/** Today's date (YYYY-MM-DD) in the Netherlands. */
export function dayInNL(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function iso(d: Date): string {
	return d.toISOString().slice(0, 10);
}

function easterSunday(year: number): Date {
	// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return new Date(Date.UTC(year, month - 1, day));
}

const holidayCache = new Map<number, Set<string>>();

/** National public holidays on which steunpunten are closed (Nieuwjaarsdag, Pasen, Koningsdag, Bevrijdingsdag, Hemelvaart, Pinksteren, Kerst). */
export function publicHolidays(year: number): Set<string> {
	const hit = holidayCache.get(year);
	if (hit) return hit;
	const easter = easterSunday(year);
	const plus = (days: number) => iso(new Date(easter.getTime() + days * 86_400_000));
	const kingsDay = new Date(Date.UTC(year, 3, 27));
	if (kingsDay.getUTCDay() === 0) kingsDay.setUTCDate(26);
	const days = new Set([
		`${year}-01-01`,
		plus(1), // tweede paasdag
		iso(kingsDay),
		plus(39), // Hemelvaartsdag
		plus(50), // tweede pinksterdag
		`${year}-12-25`,
		`${year}-12-26`
	]);
	if (year % 5 === 0) days.add(`${year}-05-05`);
	holidayCache.set(year, days);
	return days;
}

export function isWorkingDay(day: string): boolean {
	const d = new Date(`${day}T00:00:00Z`);
	const weekday = d.getUTCDay();
	return weekday !== 0 && weekday !== 6 && !publicHolidays(d.getUTCFullYear()).has(day);
}

/** The date `n` working days after `day` (YYYY-MM-DD). */
export function addWorkingDays(day: string, n: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	let left = n;
	while (left > 0) {
		d.setUTCDate(d.getUTCDate() + 1);
		if (isWorkingDay(iso(d))) left--;
	}
	return iso(d);
}

/** Adds calendar days to a YYYY-MM-DD date. */
export function addDays(day: string, n: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + n);
	return iso(d);
}
