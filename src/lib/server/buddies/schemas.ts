/** Input schemas of the buddy programme, with a Dutch message for every field. */
import { z } from 'zod';
import { EXPERIENCES, LANGUAGES, SUPPORT_WAYS } from '$lib/buddies/matching';
import { MOMENT_FORMS } from '$lib/buddies/options';
import { SCHOOL_TYPES } from '$lib/contacten';
import { values } from '$lib/options';
import { TOPICS } from '$lib/taxonomy';
import { cleanText } from '../validation';
import { blankToUndefined as blank, checkbox, optionalDay, email, manyOf, optionalText, phone, topicList } from '../platform/fields';
const day = optionalDay({ from: '2000-01-01', to: '2100-01-01' });
const experienceValues = [...TOPICS.map((t) => t.slug), ...EXPERIENCES.map((e) => e.value)];
const gemeenteList = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(z.string().regex(/^GM\d{4}$/, 'Kies gemeenten uit de lijst.')).max(60, 'Kies hooguit 60 gemeenten.')
);

/** The buddy profile as the regisseur keeps it. */
export const ZBuddyInput = z.object({
	naam: cleanText(100, 'De naam is te lang.').pipe(z.string().min(2, 'Vul de naam van de buddy in.')),
	email,
	telefoon: phone,
	ervaring: manyOf(experienceValues, { max: 20, message: 'Kies ervaring uit de lijst (hooguit 20).' }),
	schooltypes: manyOf(values(SCHOOL_TYPES), { max: 5, message: 'Kies schooltypes uit de lijst.' }),
	gemeenten: gemeenteList,
	talen: manyOf(
		LANGUAGES.map((l) => l.value),
		{ max: 12, message: 'Kies talen uit de lijst.' }
	),
	steunwijzen: manyOf(
		SUPPORT_WAYS.map((s) => s.value),
		{ max: 3, message: 'Kies uit de lijst hoe de buddy steunt.' }
	),
	capaciteit: z.coerce
		.number({ message: 'Vul een aantal in.' })
		.int('Vul een heel getal in.')
		.min(1, 'Minstens 1 ouder.')
		.max(10, 'Hooguit 10 ouders tegelijk.'),
	pauze: checkbox,
	training: day,
	intake: day,
	vog: day,
	over: optionalText(1000)
});

/** What a buddy may change themselves: availability, languages, ways of support. */
export const ZOwnProfileInput = z.object({
	pauze: checkbox,
	talen: ZBuddyInput.shape.talen,
	steunwijzen: ZBuddyInput.shape.steunwijzen,
	over: optionalText(1000)
});

/** "Ik wil graag een buddy" on the public site. */
export const ZBuddyRequestInput = z
	.object({
		behoefte: cleanText(3000, 'Gebruik hooguit 3000 tekens.').pipe(
			z.string().min(10, 'Vertel in een paar woorden waar je steun bij zoekt (minstens 10 tekens).')
		),
		onderwerpen: topicList,
		schooltype: z.preprocess(blank, z.enum(values(SCHOOL_TYPES), { message: 'Kies een van de mogelijkheden.' }).optional()),
		gemeente: z.preprocess(
			blank,
			z
				.string()
				.regex(/^GM\d{4}$/, 'Kies een gemeente uit de lijst.')
				.optional()
		),
		taal: z.preprocess(blank, z.enum(LANGUAGES.map((l) => l.value) as [string, ...string[]], { message: 'Kies een taal uit de lijst.' }).optional()),
		steunwijzen: ZBuddyInput.shape.steunwijzen,
		naam: optionalText(100),
		email,
		telefoon: phone,
		toestemming: z.literal('ja', { message: 'Geef toestemming, anders kunnen we je aanvraag niet bewaren.' })
	})
	.superRefine((v, ctx) => {
		if (!v.email && !v.telefoon)
			ctx.addIssue({ code: 'custom', path: ['email'], message: 'Vul je e-mailadres of telefoonnummer in, zodat we je kunnen bereiken.' });
	});

export const ZProposeInput = z.object({ buddy: z.string().regex(/^[0-9a-f-]{36}$/, 'Kies een buddy uit de lijst.') });
export const ZRespondInput = z.object({
	antwoord: z.enum(['ja', 'nee'], { message: 'Kies of je deze ouder wilt steunen.' }),
	toelichting: optionalText(1000)
});
export const ZEndInput = z.object({
	afloop: z.enum(['afgerond', 'gestopt'], { message: 'Kies hoe de koppeling eindigt.' }),
	reden: cleanText(1000, 'Gebruik hooguit 1000 tekens.').pipe(z.string().min(3, 'Schrijf kort waarom.'))
});
export const ZMomentInput = z.object({
	datum: day.pipe(z.string({ message: 'Vul de datum in.' })),
	vorm: z.enum(values(MOMENT_FORMS), { message: 'Kies hoe het contact was.' }),
	minuten: z.preprocess(
		blank,
		z.coerce
			.number({ message: 'Vul een aantal minuten in.' })
			.int('Vul een heel aantal minuten in.')
			.min(1, 'Minstens 1 minuut.')
			.max(600, 'Hooguit 600 minuten.')
			.optional()
	),
	onderwerpen: topicList,
	notitie: optionalText(2000)
});
export const ZSurveyInput = z.object({
	gesteund: z.coerce
		.number({ message: 'Kies een cijfer van 1 tot 5.' })
		.int('Kies een cijfer van 1 tot 5.')
		.min(1, 'Kies een cijfer van 1 tot 5.')
		.max(5, 'Kies een cijfer van 1 tot 5.'),
	hielp: optionalText(1000),
	beter: optionalText(1000)
});
