/**
 * Parent-approved publishing (seed 000). Editors write versions; a version goes live only after
 * at least `reviewersRequired` parent reviewers (meelezers) each said "Door deze tekst voel ik
 * mij gesteund". A text that fails the B1 check needs a written override reason first.
 * States of a version: concept → ter-review → gepubliceerd → vervangen.
 */
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { db, withTenant, type Db } from '../db';
import { appUser, libraryText, steunpunt, text_, textReview, textVersion } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { cleanText, parse } from '../validation';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { PHASES, SUBJECTS, TOPICS } from '../../taxonomy';
import { analyzeReadability, type ReadabilityReport } from './readability';
import { findGlossary, forgetVisibleTexts } from './texts';

const list = (max: number) =>
	cleanText(2000).transform((s) =>
		s
			.split(',')
			.map((x) => x.trim())
			.filter(Boolean)
			.slice(0, max)
	);

export const ZDraftInput = z.object({
	title: cleanText(160, 'De titel is te lang (hooguit 160 tekens).').pipe(z.string().min(5, 'Geef de tekst een titel van minstens 5 tekens.')),
	summary: cleanText(300, 'De samenvatting is te lang (hooguit 300 tekens).').pipe(z.string().min(10, 'Schrijf een korte samenvatting.')),
	body: cleanText(20_000, 'De tekst is te lang.').pipe(
		z
			.string()
			.min(50, 'De tekst is te kort.')
			.refine((b) => b.includes('## Wat kun je nu doen?'), 'Zet onder de uitleg het kopje "## Wat kun je nu doen?" met een paar stappen.')
	),
	phase: z.enum(PHASES.map((p) => p.slug) as [string, ...string[]], { message: 'Kies een fase.' }),
	subject: z.enum(SUBJECTS.map((s) => s.slug) as [string, ...string[]], { message: 'Kies een onderwerp.' }),
	topics: z.preprocess(
		(v) => (Array.isArray(v) ? v : v ? [v] : []),
		z
			.array(z.enum(TOPICS.map((t) => t.slug) as [string, ...string[]]))
			.min(1, 'Kies minstens één thema.')
			.max(3, "Kies hooguit drie thema's.")
	),
	keywords: list(30).optional().default([]),
	related: list(6).optional().default([])
});
export type DraftInput = z.input<typeof ZDraftInput>;

const ZSlug = z.string().regex(/^[a-z0-9-]{3,80}$/, 'Gebruik voor het adres alleen kleine letters, cijfers en streepjes.');

async function knownTerms(): Promise<string[]> {
	return (await findGlossary()).flatMap((t) => [t.term, ...t.aliases]);
}

export async function checkReadability(body: string): Promise<ReadabilityReport> {
	return analyzeReadability(body, { knownTerms: await knownTerms() });
}

const BODY_MISSING = 'Stuur de tekst mee als "body" (hooguit 20.000 tekens).';

/** The B1 check for an editor while writing (the live check and the form's "Controleer leesbaarheid"). */
export async function checkDraftReadability(actor: Actor, input: { body: unknown }): Promise<ReadabilityReport> {
	tenantOf(actor, policies.canEditTexts(actor));
	if (typeof input.body !== 'string' || input.body.length > 20_000) throw new ValidationError({ body: BODY_MISSING }, BODY_MISSING);
	return checkReadability(input.body);
}

/** The draft form's fields and the text's address (slug) the route names. */
export interface TextFormInput extends Record<string, unknown> {
	slug: string;
}

/** The review form's fields and the version the route names. */
export interface ReviewFormInput extends Record<string, unknown> {
	versionId: string;
}

/** The concept version the editor's work was saved as, and its B1 check. */
export interface SavedDraft {
	versionNumber: number;
	readability: ReadabilityReport;
}

/** A version waiting for parent reviewers, with whether this reviewer already answered. */
export interface ReviewQueueItem {
	id: string;
	title: string;
	number: number;
	slug: string;
	reviewedByMe: boolean;
}

async function getTextRow(tx: Db, steunpuntId: string, slug: string) {
	const [row] = await tx
		.select()
		.from(text_)
		.where(and(eq(text_.steunpuntId, steunpuntId), eq(text_.slug, slug)));
	return row;
}

async function latestVersion(tx: Db, textId: string) {
	const [row] = await tx.select().from(textVersion).where(eq(textVersion.textId, textId)).orderBy(desc(textVersion.number)).limit(1);
	return row;
}

/** Saves the editor's work as the concept version (a new one when the latest is not a concept). */
export async function saveDraft(actor: Actor, input: TextFormInput): Promise<SavedDraft> {
	const steunpuntId = tenantOf(actor, policies.canEditTexts(actor));
	const cleanSlug = parse(z.object({ slug: ZSlug }), { slug: input.slug }).slug;
	const data = parse(ZDraftInput, input);
	const readability = await checkReadability(data.body);
	const [library] = await db().select().from(libraryText).where(eq(libraryText.slug, cleanSlug));
	const versionNumber = await withTenant(steunpuntId, async (tx) => {
		let text = await getTextRow(tx, steunpuntId, cleanSlug);
		if (!text) {
			[text] = await tx
				.insert(text_)
				.values({ steunpuntId, slug: cleanSlug, librarySlug: library ? library.slug : null, libraryVersion: library?.version ?? null })
				.returning();
		}
		const latest = await latestVersion(tx, text.id);
		const values = { ...data, readability: { score: readability.fleschDouma, passes: readability.passes }, createdBy: actor.userId };
		if (latest?.status === 'concept') {
			await tx.update(textVersion).set(values).where(eq(textVersion.id, latest.id));
			await recordAudit(tx, actor, { action: 'text.draft.update', entity: 'text_version', entityId: latest.id });
			return latest.number;
		}
		// Editing a version under review withdraws it: the parents review the new version instead.
		if (latest?.status === 'ter-review') {
			await tx.update(textVersion).set({ status: 'vervangen' }).where(eq(textVersion.id, latest.id));
		}
		const number = (latest?.number ?? 0) + 1;
		const [created] = await tx
			.insert(textVersion)
			.values({ ...values, steunpuntId, textId: text.id, number, status: 'concept' })
			.returning({ id: textVersion.id });
		await recordAudit(tx, actor, { action: 'text.draft.create', entity: 'text_version', entityId: created.id });
		return number;
	});
	return { versionNumber, readability };
}

const ZSubmit = z.object({ overrideReason: cleanText(500).optional() });

/** Offers the concept to the parent reviewers. A text below B1 needs the editor's reason. */
export async function submitForReview(actor: Actor, input: TextFormInput): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canEditTexts(actor));
	const { overrideReason } = parse(ZSubmit, input);
	await withTenant(steunpuntId, async (tx) => {
		const text = await getTextRow(tx, steunpuntId, input.slug);
		if (!text) throw new NotFoundError();
		const latest = await latestVersion(tx, text.id);
		if (!latest || latest.status !== 'concept') throw new ConflictError('Er is geen concept om aan te bieden. Bewerk de tekst eerst.');
		const report = await checkReadability(latest.body);
		if (!report.passes && (!overrideReason || overrideReason.length < 10)) {
			throw new ValidationError({
				overrideReason: `Deze tekst is nog niet op B1-niveau (${report.summary}). Maak hem eenvoudiger, of leg in minstens 10 tekens uit waarom hij toch zo moet.`
			});
		}
		await tx
			.update(textVersion)
			.set({ status: 'ter-review', overrideReason: report.passes ? null : overrideReason, readability: { score: report.fleschDouma, passes: report.passes } })
			.where(eq(textVersion.id, latest.id));
		await recordAudit(tx, actor, {
			action: 'text.submit',
			entity: 'text_version',
			entityId: latest.id,
			detail: report.passes ? undefined : { override: true }
		});
	});
}

export const ZReviewInput = z.object({
	supported: z.enum(['ja', 'nee'], { message: 'Kies ja of nee.' }),
	comment: cleanText(2000, 'Je opmerking is te lang (hooguit 2000 tekens).').optional()
});

/** A parent reviewer answers "Door deze tekst voel ik mij gesteund" for one version (once; may change it). */
export async function reviewVersion(actor: Actor, input: ReviewFormInput): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canReviewTexts(actor));
	const { versionId } = input;
	const { supported, comment } = parse(ZReviewInput, input);
	if (!/^[0-9a-f-]{36}$/.test(versionId)) throw new NotFoundError();
	await withTenant(steunpuntId, async (tx) => {
		const [version] = await tx
			.select()
			.from(textVersion)
			.where(and(eq(textVersion.id, versionId), eq(textVersion.steunpuntId, steunpuntId)));
		if (!version) throw new NotFoundError();
		if (version.status !== 'ter-review') throw new ConflictError('Deze versie wacht niet (meer) op meelezers.');
		if (version.createdBy === actor.userId) throw new ConflictError('Je kunt niet meelezen met een tekst die je zelf hebt geschreven.');
		await tx
			.insert(textReview)
			.values({ steunpuntId, versionId, reviewerId: actor.userId!, supported: supported === 'ja', comment: comment || null })
			.onConflictDoUpdate({
				target: [textReview.versionId, textReview.reviewerId],
				set: { supported: supported === 'ja', comment: comment || null, createdAt: new Date() }
			});
		await recordAudit(tx, actor, { action: 'text.review', entity: 'text_version', entityId: versionId, detail: { supported: supported === 'ja' } });
	});
}

/** Publishes the version under review once enough parents said they feel supported by it. */
export async function publishText(actor: Actor, input: { slug: string }): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canEditTexts(actor));
	const { slug } = input;
	const [tenant] = await db().select({ required: steunpunt.reviewersRequired }).from(steunpunt).where(eq(steunpunt.id, steunpuntId));
	const [library] = await db().select({ version: libraryText.version }).from(libraryText).where(eq(libraryText.slug, slug));
	await withTenant(steunpuntId, async (tx) => {
		const text = await getTextRow(tx, steunpuntId, slug);
		if (!text) throw new NotFoundError();
		const latest = await latestVersion(tx, text.id);
		if (!latest || latest.status !== 'ter-review') throw new ConflictError('Er is geen versie die klaar is om te publiceren.');
		const reviews = await tx.select().from(textReview).where(eq(textReview.versionId, latest.id));
		// The author's own answer never counts: parents other than the writer must feel supported.
		const yes = reviews.filter((r) => r.supported && r.reviewerId !== latest.createdBy).length;
		if (yes < tenant.required) {
			throw new ConflictError(`Nog niet genoeg meelezende ouders voelen zich gesteund door deze tekst (${yes} van de ${tenant.required} nodig).`);
		}
		const now = new Date();
		await tx
			.update(textVersion)
			.set({ status: 'vervangen' })
			.where(and(eq(textVersion.textId, text.id), eq(textVersion.status, 'gepubliceerd')));
		await tx.update(textVersion).set({ status: 'gepubliceerd', publishedAt: now }).where(eq(textVersion.id, latest.id));
		const reviewBefore = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
		await tx
			.update(text_)
			.set({ publishedVersionId: latest.id, reviewBefore, libraryVersion: library?.version ?? text.libraryVersion })
			.where(eq(text_.id, text.id));
		await recordAudit(tx, actor, { action: 'text.publish', entity: 'text_version', entityId: latest.id });
	});
	forgetVisibleTexts(steunpuntId);
}

/** Versions waiting for parent reviewers, with whether this reviewer already answered. */
export async function findReviewQueue(actor: Actor): Promise<ReviewQueueItem[]> {
	const steunpuntId = tenantOf(actor, policies.canReviewTexts(actor) || policies.canSeeTexts(actor));
	return withTenant(steunpuntId, async (tx) => {
		const versions = await tx
			.select({ id: textVersion.id, title: textVersion.title, number: textVersion.number, slug: text_.slug })
			.from(textVersion)
			.innerJoin(text_, eq(text_.id, textVersion.textId))
			.where(and(eq(textVersion.steunpuntId, steunpuntId), eq(textVersion.status, 'ter-review')))
			.orderBy(textVersion.createdAt);
		const mine = versions.length
			? await tx
					.select({ versionId: textReview.versionId })
					.from(textReview)
					.where(
						and(
							inArray(
								textReview.versionId,
								versions.map((v) => v.id)
							),
							eq(textReview.reviewerId, actor.userId!)
						)
					)
			: [];
		const done = new Set(mine.map((m) => m.versionId));
		return versions.map((v) => ({ ...v, reviewedByMe: done.has(v.id) }));
	});
}

/** Texts whose "herzien vóór" date has passed. */
export async function findOverdueTexts(actor: Actor, today = new Date().toISOString().slice(0, 10)): Promise<{ slug: string; reviewBefore: string | null }[]> {
	const steunpuntId = tenantOf(actor, policies.canSeeTexts(actor));
	return withTenant(steunpuntId, (tx) =>
		tx
			.select({ slug: text_.slug, reviewBefore: text_.reviewBefore })
			.from(text_)
			.where(and(eq(text_.steunpuntId, steunpuntId), lt(text_.reviewBefore, today)))
	);
}

/** Names of reviewers, for showing their comments to the editor. */
export async function reviewerNames(ids: string[]): Promise<Map<string, string>> {
	if (!ids.length) return new Map();
	const rows = await db().select({ id: appUser.id, naam: appUser.naam }).from(appUser).where(inArray(appUser.id, ids));
	return new Map(rows.map((r) => [r.id, r.naam]));
}
