/**
 * A beheerder keeps the steunpunt's public details, the regional details of the routekaart, and
 * the names and websites of the samenwerkingsverbanden it serves (the public data has codes only).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { steunpunt, swv } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { cleanText, parse } from '../validation';
import { forgetSteunpunt } from '../platform/tenant';
import { forgetRegionCache } from './find-steunpunt';

export const REGIONAL_FIELDS = [
	{ key: 'steunpunt', label: 'Het steunpunt zelf' },
	{ key: 'consulent-swv', label: 'Consulent van het samenwerkingsverband' },
	{ key: 'schoolbestuur', label: 'Bezwaar bij het schoolbestuur' },
	{ key: 'swv-bezwaar', label: 'Bezwaar tegen een besluit van het samenwerkingsverband (TLV)' },
	{ key: 'leerplicht', label: 'Leerplicht in de regio' }
] as const;

const optional = (max: number) =>
	cleanText(max, `Gebruik hooguit ${max} tekens.`)
		.optional()
		.transform((v) => (v ? v : null));

export const ZSettingsInput = z.object({
	naam: cleanText(120, 'De naam is te lang.').pipe(z.string().min(3, 'Vul de naam van het steunpunt in.')),
	telefoon: optional(40).refine((v) => v === null || /^[0-9 +()-]{6,40}$/.test(v), 'Vul een telefoonnummer in met alleen cijfers, spaties en streepjes.'),
	email: optional(200).refine((v) => v === null || z.string().email().safeParse(v).success, 'Vul een geldig e-mailadres in.'),
	openingstijden: optional(200),
	intro: optional(1000),
	responseDays: z.coerce
		.number({ message: 'Vul een aantal werkdagen in.' })
		.int('Vul een heel getal in.')
		.min(1, 'Minstens 1 werkdag.')
		.max(20, 'Hooguit 20 werkdagen.'),
	reviewersRequired: z.coerce
		.number({ message: 'Vul een aantal in.' })
		.int('Vul een heel getal in.')
		.min(1, 'Minstens 1 meelezer.')
		.max(10, 'Hooguit 10 meelezers.'),
	retentionMonths: z.coerce
		.number({ message: 'Vul een aantal maanden in.' })
		.int('Vul een heel getal in.')
		.min(0, 'Vul 0 of meer maanden in (0 = meteen na afsluiten).')
		.max(84, 'Hooguit 84 maanden (7 jaar).')
		.optional(),
	vogMaxYears: z.coerce
		.number({ message: 'Vul een aantal jaren in.' })
		.int('Vul een heel getal in.')
		.min(1, 'Minstens 1 jaar.')
		.max(10, 'Hooguit 10 jaar.')
		.optional(),
	buddyCheckInWeeks: z.coerce
		.number({ message: 'Vul een aantal weken in.' })
		.int('Vul een heel getal in.')
		.min(1, 'Minstens 1 week.')
		.max(26, 'Hooguit 26 weken.')
		.optional(),
	activityRetentionDays: z.coerce
		.number({ message: 'Vul een aantal dagen in.' })
		.int('Vul een heel getal in.')
		.min(0, 'Vul 0 of meer dagen in.')
		.max(365, 'Hooguit 365 dagen.')
		.optional()
});

/** The settings page: every field as the form shows it ('' for none). */
export interface Settings {
	naam: string;
	telefoon: string;
	email: string;
	openingstijden: string;
	intro: string;
	responseDays: number;
	reviewersRequired: number;
	retentionMonths: number;
	vogMaxYears: number;
	buddyCheckInWeeks: number;
	activityRetentionDays: number;
	regional: { key: (typeof REGIONAL_FIELDS)[number]['key']; label: string; value: string }[];
	swvs: { code: string; naam: string; website: string }[];
}

/** The settings of the actor's steunpunt, for its beheerder. */
export async function getSettings(actor: Actor): Promise<Settings> {
	const steunpuntId = tenantOf(actor, policies.canManageSteunpunt(actor));
	const [row] = await db().select().from(steunpunt).where(eq(steunpunt.id, steunpuntId));
	const swvs = await db().select({ code: swv.code, naam: swv.naam, website: swv.website }).from(swv).where(eq(swv.steunpuntId, steunpuntId)).orderBy(swv.code);
	return {
		naam: row.naam,
		telefoon: row.telefoon ?? '',
		email: row.email ?? '',
		openingstijden: row.openingstijden ?? '',
		intro: row.intro ?? '',
		responseDays: row.responseDays,
		reviewersRequired: row.reviewersRequired,
		retentionMonths: row.retentionMonths,
		vogMaxYears: row.vogMaxYears,
		buddyCheckInWeeks: row.buddyCheckInWeeks,
		activityRetentionDays: row.activityRetentionDays,
		regional: REGIONAL_FIELDS.map((f) => ({ ...f, value: row.regioInfo?.[f.key] ?? '' })),
		swvs: swvs.map((s) => ({ code: s.code, naam: s.naam ?? '', website: s.website ?? '' }))
	};
}

/** Saves everything on the settings page in one transaction. */
export async function saveSettings(actor: Actor, input: Record<string, unknown>): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageSteunpunt(actor));
	const data = parse(ZSettingsInput, input);
	const regioInfo: Record<string, string> = {};
	for (const f of REGIONAL_FIELDS) {
		const value = parse(z.object({ [`regio-${f.key}`]: optional(1000) }), input)[`regio-${f.key}`];
		if (value) regioInfo[f.key] = value;
	}
	const swvs = await db().select({ code: swv.code }).from(swv).where(eq(swv.steunpuntId, steunpuntId));
	const swvValues = swvs.map((s) => {
		const parsed = parse(
			z.object({
				[`swv-naam-${s.code}`]: optional(160),
				[`swv-website-${s.code}`]: optional(200).refine((v) => v === null || /^https:\/\/[^\s]+$/.test(v), 'Een website begint met https://')
			}),
			input
		);
		return { code: s.code, naam: parsed[`swv-naam-${s.code}`], website: parsed[`swv-website-${s.code}`] };
	});
	const [{ slug }] = await db().select({ slug: steunpunt.slug }).from(steunpunt).where(eq(steunpunt.id, steunpuntId));
	await db().transaction(async (tx) => {
		await tx
			.update(steunpunt)
			.set({ ...data, regioInfo })
			.where(eq(steunpunt.id, steunpuntId));
		for (const s of swvValues) {
			await tx
				.update(swv)
				.set({ naam: s.naam, website: s.website })
				.where(and(eq(swv.code, s.code), eq(swv.steunpuntId, steunpuntId)));
		}
		await recordAudit(tx as never, actor, { action: 'steunpunt.settings', entity: 'steunpunt', entityId: steunpuntId });
	});
	forgetSteunpunt(slug);
	forgetRegionCache();
}
