/**
 * iCalendar (RFC 5545) for activities: one event as an attachment to the confirmation mail, and
 * a feed per steunpunt to subscribe to. Times in UTC, text escaped, lines folded at 75 octets.
 */

export interface IcsEvent {
	uid: string;
	sequence: number;
	startsAt: Date;
	endsAt: Date;
	summary: string;
	description?: string | null;
	location?: string | null;
	url?: string | null;
	cancelled?: boolean;
	updatedAt: Date;
}

/** 20261208T183000Z */
export function icsTime(at: Date): string {
	return at
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** Escapes TEXT values: backslash, semicolon, comma and newlines; drops other control characters. */
export function icsText(value: string): string {
	return value
		.replace(/\r\n?/g, '\n')
		.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per line, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
	const out: string[] = [];
	let current = '';
	let bytes = 0;
	let limit = 75;
	for (const ch of line) {
		const size = Buffer.byteLength(ch);
		if (bytes + size > limit) {
			out.push(current);
			current = '';
			bytes = 0;
			limit = 74; // continuation lines start with a space
		}
		current += ch;
		bytes += size;
	}
	out.push(current);
	return out.join('\r\n ');
}

function eventLines(e: IcsEvent, stamp: Date): string[] {
	return [
		'BEGIN:VEVENT',
		`UID:${e.uid}`,
		`SEQUENCE:${e.sequence}`,
		`DTSTAMP:${icsTime(stamp)}`,
		`LAST-MODIFIED:${icsTime(e.updatedAt)}`,
		`DTSTART:${icsTime(e.startsAt)}`,
		`DTEND:${icsTime(e.endsAt)}`,
		`SUMMARY:${icsText(e.summary)}`,
		...(e.description ? [`DESCRIPTION:${icsText(e.description)}`] : []),
		...(e.location ? [`LOCATION:${icsText(e.location)}`] : []),
		...(e.url ? [`URL:${e.url}`] : []),
		`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
		'END:VEVENT'
	];
}

/** A whole calendar: the feed (many events) or the mail attachment (one). */
export function icsCalendar(o: { name: string; events: IcsEvent[]; now?: Date; method?: 'PUBLISH' }): string {
	const stamp = o.now ?? new Date();
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Steunpunt//Activiteiten//NL',
		'CALSCALE:GREGORIAN',
		`METHOD:${o.method ?? 'PUBLISH'}`,
		`X-WR-CALNAME:${icsText(o.name)}`,
		'X-WR-TIMEZONE:Europe/Amsterdam',
		...o.events.flatMap((e) => eventLines(e, stamp)),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
