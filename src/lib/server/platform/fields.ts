/**
 * Zod field helpers every form shares (contacts, buddies, activities, …), each with a Dutch
 * message: blank-to-undefined, choices, checkboxes, phone numbers, e-mail addresses, dates, ids.
 * Domain schemas compose these; no domain defines its own.
 */
import { z } from 'zod';
import { values, type Option } from '$lib/options';
import { PHASES, TOPICS } from '$lib/taxonomy';
import { cleanText } from '../validation';

/** An empty field ("" or null) counts as not given. */
export const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

/** An id in a URL or form: a lower-case UUID. Anything else is "not found". */
export const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One of a list; optional fields accept "" as "not given". */
export const choice = <T extends readonly Option[]>(list: T, message = 'Kies een van de mogelijkheden.') => z.enum(values(list), { message });
export const optionalChoice = <T extends readonly Option[]>(list: T, message = 'Kies een van de mogelijkheden.') =>
	z.preprocess(blankToUndefined, z.enum(values(list), { message }).optional());

/** Repeated checkboxes: none, one (a string) or several (an array). */
export const manyOf = (allowed: readonly string[], options: { max: number; message: string }) =>
	z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z
			.array(z.string().refine((s) => allowed.includes(s), options.message))
			.max(options.max, options.message)
			.transform((list) => [...new Set(list)])
	);

/** Optional free text: cleaned, at most `max` characters, null when empty. */
export const optionalText = (max: number, tooLong = `Gebruik hooguit ${max} tekens.`) =>
	z.preprocess(blankToUndefined, cleanText(max, tooLong).optional()).transform((v) => (v ? v : null));

/** Required free text: cleaned, at most `max` characters, `missing` when empty. */
export const requiredText = (max: number, missing: string, tooLong = `Gebruik hooguit ${max} tekens.`) =>
	z.preprocess((v) => (v === undefined || v === null ? '' : v), cleanText(max, tooLong).pipe(z.string().min(1, missing)));

export const PHONE_MESSAGE = 'Vul een telefoonnummer in van minstens 10 cijfers, bijvoorbeeld 06 12345678.';
const isPhone = (v: string) => /^[0-9 +()-]{10,20}$/.test(v) && v.replace(/\D/g, '').length >= 10;
export const phone = z.preprocess(blankToUndefined, cleanText(40, PHONE_MESSAGE).refine(isPhone, PHONE_MESSAGE).optional());
export const requiredPhone = (missing: string) =>
	z.preprocess((v) => (v === undefined || v === null ? '' : v), cleanText(40, PHONE_MESSAGE).pipe(z.string().min(1, missing)).refine(isPhone, PHONE_MESSAGE));

export const email = z.preprocess(
	blankToUndefined,
	cleanText(200, 'Dit e-mailadres is te lang.')
		.refine((v) => z.email().safeParse(v).success, 'Vul een e-mailadres in zoals naam@voorbeeld.nl.')
		.optional()
);

/** A checkbox: "ja" or "on" when ticked. */
export const checkbox = z.preprocess((v) => v === 'ja' || v === 'on' || v === true, z.boolean());

/** A whole number from digits only ("0x10" and "1e2" are refused), within a range. */
export const whole = (min: number, max: number, messages: { missing: string; range: string }) =>
	z.preprocess(
		(v) => (v === undefined || v === null || v === '' ? undefined : typeof v === 'string' ? v.trim() : v),
		z.coerce.number({ message: messages.missing }).int(messages.range).min(min, messages.range).max(max, messages.range)
	);

/** A real calendar day as YYYY-MM-DD within [from, to]. */
export const isoDay = (options: { from?: string; to?: string; message?: string } = {}) =>
	z
		.string({ message: 'Vul een datum in.' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, options.message ?? 'Vul een datum in als jjjj-mm-dd.')
		.refine((v) => {
			const d = new Date(`${v}T00:00:00Z`);
			return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= (options.from ?? '0000-01-01') && v <= (options.to ?? '9999-12-31');
		}, 'Deze datum bestaat niet.');
export const optionalDay = (options: { from?: string; to?: string } = {}) => z.preprocess(blankToUndefined, isoDay(options).optional());

export const phaseChoice = z.preprocess(
	blankToUndefined,
	z.enum(PHASES.map((p) => p.slug) as [string, ...string[]], { message: 'Kies een van de fases.' }).optional()
);
export const gemeenteChoice = z.preprocess(
	blankToUndefined,
	z
		.string()
		.regex(/^GM\d{4}$/, 'Kies een gemeente uit de lijst.')
		.optional()
);
export const topicList = manyOf(
	TOPICS.map((t) => t.slug),
	{ max: 3, message: 'Kies hooguit 3 onderwerpen uit de lijst.' }
);
