/**
 * Activity times as people in the Netherlands read and write them: a date and a time in
 * Europe/Amsterdam (summer and winter time), stored as an instant.
 */
const TZ = 'Europe/Amsterdam';

const partsFormat = new Intl.DateTimeFormat('en-US', {
	timeZone: TZ,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit'
});

/** Minutes the Netherlands is ahead of UTC at this instant (60 or 120). */
function offsetMinutes(ms: number): number {
	const p = Object.fromEntries(partsFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
	const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
	return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** "2026-12-08" + "19:30" in the Netherlands → the instant. */
export function nlLocalToDate(day: string, time: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	const guess = Date.UTC(y, m - 1, d, hh, mm);
	let result = guess - offsetMinutes(guess) * 60_000;
	const second = offsetMinutes(result);
	if (guess - second * 60_000 !== result) result = guess - second * 60_000;
	return new Date(result);
}

/** The instant as a date ("2026-12-08") and a time ("19:30") in the Netherlands. */
export function dateToNlLocal(at: Date): { day: string; time: string } {
	const p = Object.fromEntries(partsFormat.formatToParts(at).map((x) => [x.type, x.value]));
	return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

const longDay = new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const clock = new Intl.DateTimeFormat('nl-NL', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "dinsdag 8 december 2026" */
export function formatDay(at: Date): string {
	return longDay.format(at);
}

/** "19.30" */
export function formatClock(at: Date): string {
	return clock.format(at).replace(':', '.');
}

/** "dinsdag 8 december 2026, 19.30 tot 21.30 uur" */
export function formatWhen(startsAt: Date, endsAt: Date): string {
	const sameDay = dateToNlLocal(startsAt).day === dateToNlLocal(endsAt).day;
	return sameDay
		? `${formatDay(startsAt)}, ${formatClock(startsAt)} tot ${formatClock(endsAt)} uur`
		: `${formatDay(startsAt)} ${formatClock(startsAt)} uur tot ${formatDay(endsAt)} ${formatClock(endsAt)} uur`;
}

/** "8 december, 19.30 uur": for a deadline in a mail. */
export function formatMoment(at: Date): string {
	return `${formatDay(at)}, ${formatClock(at)} uur`;
}

/** The same local time `count` weeks or months later (a series keeps its clock time over DST). */
export function addLocal(day: string, unit: 'weken' | 'maanden', count: number): string {
	const [y, m, d] = day.split('-').map(Number);
	if (unit === 'weken') return new Date(Date.UTC(y, m - 1, d + 7 * count)).toISOString().slice(0, 10);
	const target = new Date(Date.UTC(y, m - 1 + count, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay))).toISOString().slice(0, 10);
}
