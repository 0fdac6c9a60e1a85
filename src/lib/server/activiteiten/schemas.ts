/** Input schemas of Activiteiten, with a clear Dutch message for every field. */
import { z } from 'zod';
import { ACTIVITY_KINDS, AUDIENCES, NEEDS, PARTICIPANTS, REPEATS } from '$lib/activiteiten';
import { values } from '$lib/options';
import { cleanText } from '../validation';
import { blankToUndefined as blank, choice, isoDay, email, manyOf, optionalText, phone, requiredText, whole } from '../platform/fields';
import { TOPICS } from '$lib/taxonomy';

const day = isoDay({ from: '2020-01-01', to: '2100-01-01', message: 'Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2026-12-08.' });
const clock = (missing: string) =>
	z.preprocess(
		(v) => (typeof v === 'string' ? v.trim().replace('.', ':') : v),
		z.string({ message: missing }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Vul een tijd in als uu:mm, bijvoorbeeld 19:30.')
	);
const url = z.preprocess(
	blank,
	cleanText(500, 'Deze link is te lang.')
		.refine((v) => /^https:\/\/[^\s<>"]+$/.test(v), 'Vul een link in die begint met https://.')
		.optional()
);

/** An activity as the regisseur plans it. */
export const ZActivityInput = z
	.object({
		soort: choice(ACTIVITY_KINDS, 'Kies wat voor activiteit het is.'),
		titel: requiredText(120, 'Geef de activiteit een titel.'),
		thema: optionalText(200),
		voorWie: choice(AUDIENCES, 'Kies voor wie de activiteit is.'),
		beschrijving: optionalText(3000),
		datum: z.preprocess((v) => (v === undefined || v === null ? '' : v), day.or(z.literal('').transform(() => '')).pipe(z.string().min(1, 'Vul de datum in.'))),
		begintijd: clock('Vul de begintijd in.'),
		eindtijd: clock('Vul de eindtijd in.'),
		locatie: optionalText(200),
		adres: optionalText(300),
		plaats: optionalText(100),
		toegankelijkheid: optionalText(1000),
		onlineLink: url,
		plekken: whole(1, 1000, { missing: 'Vul het aantal plekken in.', range: 'Vul een aantal plekken in van 1 tot 1000.' }),
		maxPerAanmelding: whole(1, 10, { missing: 'Vul in met hoeveel mensen iemand mag komen.', range: 'Kies 1 tot 10 personen per aanmelding.' }),
		bedenktijd: whole(1, 336, { missing: 'Vul in hoeveel uur iemand van de wachtlijst heeft om te reageren.', range: 'Kies 1 tot 336 uur (twee weken).' })
	})
	.superRefine((v, ctx) => {
		// Only two valid times can be compared (zod runs this also when one of them failed).
		const valid = (t: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t);
		if (valid(v.begintijd) && valid(v.eindtijd) && v.eindtijd <= v.begintijd)
			ctx.addIssue({ code: 'custom', path: ['eindtijd'], message: 'De eindtijd moet na de begintijd liggen.' });
		if (v.soort === 'online' && !v.onlineLink) ctx.addIssue({ code: 'custom', path: ['onlineLink'], message: 'Vul de link van de online bijeenkomst in.' });
		if (v.soort !== 'online' && !v.adres) ctx.addIssue({ code: 'custom', path: ['adres'], message: 'Vul het adres in, of kies een online bijeenkomst.' });
		if (v.soort !== 'online' && !v.plaats) ctx.addIssue({ code: 'custom', path: ['plaats'], message: 'Vul de plaats in.' });
	});

/** A series: the activity above repeated every N weeks or months, `aantal` times in all. */
export const ZSeriesInput = z.object({
	herhaling: choice(REPEATS, 'Kies hoe vaak de activiteit terugkomt.'),
	interval: whole(1, 26, { missing: 'Vul in om de hoeveel weken of maanden.', range: 'Kies een getal van 1 tot 26.' }),
	aantal: whole(2, 12, { missing: 'Vul in hoe vaak de activiteit in totaal is.', range: 'Een reeks heeft 2 tot 12 keer.' })
});

/** A copy on another date. */
export const ZCopyInput = z.object({
	datum: z.preprocess((v) => (v === undefined || v === null ? '' : v), z.string().min(1, 'Vul de datum van de kopie in.').pipe(day))
});

/** Signing up on the public site. */
export const ZSignupInput = z
	.object({
		naam: requiredText(100, 'Vul je naam in.'),
		email,
		telefoon: phone,
		aantal: whole(1, 10, { missing: 'Vul in met hoeveel personen je komt.', range: 'Vul een aantal in van 1 tot 10.' }),
		wie: choice(PARTICIPANTS, 'Kies wie je bent.'),
		behoeften: manyOf(values(NEEDS), { max: 5, message: 'Kies uit de lijst.' }),
		toelichting: optionalText(500),
		toestemming: z.literal('ja', { message: 'Geef toestemming, anders kunnen we je aanmelding niet bewaren.' })
	})
	.superRefine((v, ctx) => {
		if (!v.email && !v.telefoon)
			ctx.addIssue({ code: 'custom', path: ['email'], message: 'Vul je e-mailadres of je telefoonnummer in, zodat we je kunnen bereiken.' });
	});

/** Changing one's own sign-up through the personal link. */
export const ZChangeInput = z.object({
	aantal: ZSignupInput.shape.aantal,
	behoeften: ZSignupInput.shape.behoeften,
	toelichting: optionalText(500),
	telefoon: phone
});

export const ZFeedbackInput = z.object({
	nuttig: z.preprocess(blank, z.enum(['1', '2', '3', '4', '5'], { message: 'Kies een cijfer van 1 tot 5.' }).transform(Number)),
	volgendeKeer: optionalText(1000)
});

/** The topics discussed at an activity (counted in the signalering). */
export const ZTopicsInput = z.object({
	onderwerpen: manyOf(
		TOPICS.map((t) => t.slug),
		{ max: 8, message: 'Kies hooguit 8 onderwerpen uit de lijst.' }
	)
});
