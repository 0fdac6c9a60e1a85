/** Input schemas (zod) of Vragen en contacten, with a clear Dutch message for every field. */
import { z } from 'zod';
import { AGE_GROUPS, CONTACT_PREFERENCES, MOMENTS, OUTCOMES, REFERRAL_KINDS, SCHOOL_TYPES, STAFF_CHANNELS, STATUSES, TRENDS, WHO, values, type Option } from '$lib/contacten';
import { PHASES, TOPICS } from '$lib/taxonomy';
import { cleanText } from '../validation';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

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

const optionalText = (max: number, tooLong?: string) => z.preprocess(blankToUndefined, cleanText(max, tooLong).optional()).transform((v) => (v ? v : null));

const PHONE_MESSAGE = 'Vul een telefoonnummer in van minstens 10 cijfers, bijvoorbeeld 06 12345678.';
const isPhone = (v: string) => /^[0-9 +()-]{10,20}$/.test(v) && v.replace(/\D/g, '').length >= 10;
export const phone = z.preprocess(blankToUndefined, cleanText(40, PHONE_MESSAGE).refine(isPhone, PHONE_MESSAGE).optional());
const requiredPhone = (missing: string) =>
	z.preprocess((v) => (v === undefined || v === null ? '' : v), cleanText(40, PHONE_MESSAGE).pipe(z.string().min(1, missing)).refine(isPhone, PHONE_MESSAGE));
export const email = z.preprocess(
	blankToUndefined,
	cleanText(200, 'Dit e-mailadres is te lang.')
		.refine((v) => z.email().safeParse(v).success, 'Vul een e-mailadres in zoals naam@voorbeeld.nl.')
		.optional()
);
const checkbox = z.preprocess((v) => v === 'ja' || v === 'on' || v === true, z.boolean());

export const phaseChoice = z.preprocess(blankToUndefined, z.enum(PHASES.map((p) => p.slug) as [string, ...string[]], { message: 'Kies een van de fases.' }).optional());
export const gemeenteChoice = z.preprocess(blankToUndefined, z.string().regex(/^GM\d{4}$/, 'Kies een gemeente uit de lijst.').optional());
export const topicList = manyOf(
	TOPICS.map((t) => t.slug),
	{ max: 3, message: 'Kies hooguit 3 onderwerpen uit de lijst.' }
);

/** "Stel je vraag" on the public site. */
export const ZAskQuestionInput = z
	.object({
		vraag: cleanText(5000, 'Je vraag is te lang. Gebruik hooguit 5000 tekens.').pipe(z.string().min(10, 'Schrijf je vraag in een paar woorden (minstens 10 tekens).')),
		wie: optionalChoice(WHO),
		fase: phaseChoice,
		schooltype: optionalChoice(SCHOOL_TYPES),
		leeftijd: optionalChoice(AGE_GROUPS),
		gemeente: gemeenteChoice,
		antwoord: choice(CONTACT_PREFERENCES, 'Kies hoe je een antwoord wilt krijgen.'),
		naam: optionalText(100, 'Je naam is te lang. Gebruik hooguit 100 tekens.'),
		telefoon: phone,
		email,
		opvolgen: checkbox,
		toestemming: z.literal('ja', { message: 'Geef toestemming, anders kunnen we je vraag niet bewaren.' })
	})
	.superRefine((v, ctx) => {
		if (v.antwoord === 'bellen' && !v.telefoon) ctx.addIssue({ code: 'custom', path: ['telefoon'], message: 'Vul je telefoonnummer in, dan kunnen we je bellen.' });
		if (v.antwoord === 'mailen' && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Vul je e-mailadres in, dan kunnen we je mailen.' });
		if (v.opvolgen && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Vul je e-mailadres in als we je later mogen mailen.' });
	});
export type AskQuestionInput = z.infer<typeof ZAskQuestionInput>;


/** "Bel mij terug" on the public site. */
export const ZCallbackInput = z.object({
	naam: optionalText(100, 'Je naam is te lang. Gebruik hooguit 100 tekens.'),
	telefoon: requiredPhone('Vul je telefoonnummer in, dan kunnen we je bellen.'),
	momenten: manyOf(
		MOMENTS.map((m) => m.value),
		{ max: 3, message: 'Kies een of meer momenten uit de lijst.' }
	),
	toelichtingMoment: optionalText(200, 'Gebruik hooguit 200 tekens.'),
	onderwerp: optionalText(1000, 'Gebruik hooguit 1000 tekens.'),
	wie: optionalChoice(WHO),
	email,
	opvolgen: checkbox,
	toestemming: z.literal('ja', { message: 'Geef toestemming, anders kunnen we je niet terugbellen.' })
}).superRefine((v, ctx) => {
	if (v.opvolgen && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Vul je e-mailadres in als we je later mogen mailen.' });
});
export type CallbackInput = z.infer<typeof ZCallbackInput>;

/** Whole minutes as digits only: "0x10" or "1e2" would otherwise be read as a number. */
const minutes = z.preprocess(
	(v) => (typeof v === 'string' && v !== '' && !/^\s*\d{1,6}\s*$/.test(v) ? Number.NaN : blankToUndefined(v)),
	z.coerce.number({ message: 'Vul de duur in minuten in, bijvoorbeeld 20.' }).int('Vul een heel aantal minuten in.').min(1, 'Vul minstens 1 minuut in.').max(600, 'Hooguit 600 minuten (10 uur).').optional()
);
const isoDay = z.preprocess(blankToUndefined, z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Vul een datum in als jjjj-mm-dd.').refine((v) => { const d = new Date(`${v}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v; }, 'Deze datum bestaat niet.').optional());
export const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The regisseur's fast registration of a contact (phone, mail, walk-in, café). */
export const ZRegisterContactInput = z
	.object({
		kanaal: choice(STAFF_CHANNELS, 'Kies hoe het contact was.'),
		duur: minutes,
		wie: choice(WHO, 'Kies wie er contact zocht.'),
		schooltype: optionalChoice(SCHOOL_TYPES),
		fase: phaseChoice,
		onderwerpen: topicList.pipe(z.array(z.string()).min(1, 'Kies minstens 1 onderwerp.')),
		gemeente: gemeenteChoice,
		uitkomst: choice(OUTCOMES, 'Kies de uitkomst van het contact.'),
		verwijzing: optionalChoice(REFERRAL_KINDS),
		samenvatting: optionalText(2000, 'De samenvatting is te lang. Gebruik hooguit 2000 tekens.'),
		dossier: z.preprocess(blankToUndefined, z.union([z.literal('nieuw'), z.string().regex(uuidLike, 'Dit dossier bestaat niet.')]).optional()),
		naam: optionalText(100, 'De naam is te lang.'),
		telefoon: phone,
		email,
		opvolgen: checkbox,
		opvolgdatum: isoDay,
		toestemming: checkbox
	})
	.superRefine((v, ctx) => {
		if (v.uitkomst === 'doorverwijzing' && !v.verwijzing) ctx.addIssue({ code: 'custom', path: ['verwijzing'], message: 'Kies waarheen je hebt doorverwezen.' });
		if (v.dossier === 'nieuw' && (v.naam || v.telefoon || v.email) && !v.toestemming)
			ctx.addIssue({ code: 'custom', path: ['toestemming'], message: 'Vraag of de ouder het goed vindt dat we de gegevens bewaren, en vink dat aan.' });
		if (v.opvolgen && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Vul een e-mailadres in om later te mailen.' });
	});
export type RegisterContactInput = z.infer<typeof ZRegisterContactInput>;

export const ZChangeCaseInput = z.object({
	status: choice(STATUSES, 'Kies een status.'),
	toegewezen: z.preprocess(blankToUndefined, z.string().regex(uuidLike, 'Kies een medewerker uit de lijst.').optional()),
	opvolgdatum: isoDay
});

export const ZNoteInput = z.object({ notitie: cleanText(5000, 'De notitie is te lang. Gebruik hooguit 5000 tekens.').pipe(z.string().min(1, 'Schrijf een notitie.')) });

export const ZReferInput = z
	.object({
		soort: choice(REFERRAL_KINDS, 'Kies waarheen je doorverwijst.'),
		consulent: z.preprocess(blankToUndefined, z.string().regex(uuidLike, 'Kies een consulent uit de lijst.').optional()),
		organisatie: z.preprocess(blankToUndefined, z.string().regex(uuidLike, 'Kies een organisatie uit de lijst.').optional()),
		overgedragen: optionalText(2000, 'Gebruik hooguit 2000 tekens.'),
		akkoord: z.enum(['ja', 'nee'], { message: 'Geef aan of de ouder akkoord is.' })
	})
	.superRefine((v, ctx) => {
		if (v.soort === 'consulent' && !v.consulent) ctx.addIssue({ code: 'custom', path: ['consulent'], message: 'Kies een consulent.' });
		if (v.soort === 'extern' && !v.organisatie) ctx.addIssue({ code: 'custom', path: ['organisatie'], message: 'Kies een organisatie.' });
	});

export const ZTopicsInput = z.object({ onderwerpen: topicList.pipe(z.array(z.string()).min(1, 'Kies minstens 1 onderwerp.')) });

export const ZFollowUpAnswerInput = z.object({
	trend: choice(TRENDS, 'Kies hoe het nu gaat.'),
	gesteund: z.preprocess(blankToUndefined, z.coerce.number({ message: 'Kies een cijfer van 1 tot 5.' }).int('Kies een cijfer van 1 tot 5.').min(1, 'Kies een cijfer van 1 tot 5.').max(5, 'Kies een cijfer van 1 tot 5.').optional()),
	toelichting: optionalText(2000, 'Gebruik hooguit 2000 tekens.')
});

export const ZOrganisationInput = z.object({
	naam: cleanText(120, 'De naam is te lang.').pipe(z.string().min(2, 'Vul de naam van de organisatie in.')),
	omschrijving: optionalText(500, 'Gebruik hooguit 500 tekens.'),
	telefoon: optionalText(40, 'Dit telefoonnummer is te lang.').refine((v) => v === null || /^[0-9 +()-]{3,40}$/.test(v), 'Vul een telefoonnummer in met alleen cijfers, spaties en streepjes.'),
	website: optionalText(200, 'Dit adres is te lang.').refine((v) => v === null || /^https:\/\/[^\s<>"]+$/.test(v), 'Een website begint met https://')
});
