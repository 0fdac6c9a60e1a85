/** Input schemas (zod) of Vragen en contacten, with a clear Dutch message for every field. */
import { z } from 'zod';
import { AGE_GROUPS, CONTACT_PREFERENCES, MOMENTS, OUTCOMES, REFERRAL_KINDS, SCHOOL_TYPES, STAFF_CHANNELS, STATUSES, TRENDS, WHO } from '$lib/contacten';
import { cleanText } from '../validation';
import {
	blankToUndefined,
	checkbox,
	choice,
	email,
	gemeenteChoice,
	manyOf,
	optionalChoice,
	optionalDay,
	optionalText,
	phaseChoice,
	phone,
	requiredPhone,
	topicList,
	uuidLike
} from '../platform/fields';

/** "Stel je vraag" on the public site. */
export const ZAskQuestionInput = z
	.object({
		vraag: cleanText(5000, 'Je vraag is te lang. Gebruik hooguit 5000 tekens.').pipe(
			z.string().min(10, 'Schrijf je vraag in een paar woorden (minstens 10 tekens).')
		),
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
		if (v.antwoord === 'bellen' && !v.telefoon)
			ctx.addIssue({ code: 'custom', path: ['telefoon'], message: 'Vul je telefoonnummer in, dan kunnen we je bellen.' });
		if (v.antwoord === 'mailen' && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Vul je e-mailadres in, dan kunnen we je mailen.' });
		if (v.opvolgen && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Vul je e-mailadres in als we je later mogen mailen.' });
	});
export type AskQuestionInput = z.infer<typeof ZAskQuestionInput>;

/** "Bel mij terug" on the public site. */
export const ZCallbackInput = z
	.object({
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
	})
	.superRefine((v, ctx) => {
		if (v.opvolgen && !v.email) ctx.addIssue({ code: 'custom', path: ['email'], message: 'Vul je e-mailadres in als we je later mogen mailen.' });
	});
export type CallbackInput = z.infer<typeof ZCallbackInput>;

/** Whole minutes as digits only: "0x10" or "1e2" would otherwise be read as a number. */
const minutes = z.preprocess(
	(v) => (typeof v === 'string' && v !== '' && !/^\s*\d{1,6}\s*$/.test(v) ? Number.NaN : blankToUndefined(v)),
	z.coerce
		.number({ message: 'Vul de duur in minuten in, bijvoorbeeld 20.' })
		.int('Vul een heel aantal minuten in.')
		.min(1, 'Vul minstens 1 minuut in.')
		.max(600, 'Hooguit 600 minuten (10 uur).')
		.optional()
);
const isoDay = optionalDay();

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
		if (v.uitkomst === 'doorverwijzing' && !v.verwijzing)
			ctx.addIssue({ code: 'custom', path: ['verwijzing'], message: 'Kies waarheen je hebt doorverwezen.' });
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

export const ZNoteInput = z.object({
	notitie: cleanText(5000, 'De notitie is te lang. Gebruik hooguit 5000 tekens.').pipe(z.string().min(1, 'Schrijf een notitie.'))
});

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
	gesteund: z.preprocess(
		blankToUndefined,
		z.coerce
			.number({ message: 'Kies een cijfer van 1 tot 5.' })
			.int('Kies een cijfer van 1 tot 5.')
			.min(1, 'Kies een cijfer van 1 tot 5.')
			.max(5, 'Kies een cijfer van 1 tot 5.')
			.optional()
	),
	toelichting: optionalText(2000, 'Gebruik hooguit 2000 tekens.')
});

export const ZOrganisationInput = z.object({
	naam: cleanText(120, 'De naam is te lang.').pipe(z.string().min(2, 'Vul de naam van de organisatie in.')),
	omschrijving: optionalText(500, 'Gebruik hooguit 500 tekens.'),
	telefoon: optionalText(40, 'Dit telefoonnummer is te lang.').refine(
		(v) => v === null || /^[0-9 +()-]{3,40}$/.test(v),
		'Vul een telefoonnummer in met alleen cijfers, spaties en streepjes.'
	),
	website: optionalText(200, 'Dit adres is te lang.').refine((v) => v === null || /^https:\/\/[^\s<>"]+$/.test(v), 'Een website begint met https://')
});
