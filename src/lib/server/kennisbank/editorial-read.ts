/** What editors and parent reviewers see of the texts in the back office (presented objects). */
import { and, desc, eq } from 'drizzle-orm';
import { db, withTenant } from '../db';
import { libraryText, text_, textReview, textVersion } from '../db/schema';
import { NotFoundError } from '../errors';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { diffWords, type DiffPart } from './diff';
import { checkReadability, reviewerNames } from './editorial';
import { findFeedback } from './feedback';
import { renderMarkdown } from './render';
import type { ReadabilityReport } from './readability';

export interface EditorTextItem {
	slug: string;
	title: string;
	source: 'landelijk' | 'aangepast' | 'eigen';
	status: string | null;
	reviewBefore: string | null;
	overdue: boolean;
	nationalUpdated: boolean;
	helpedYes: number;
	helpedNo: number;
}

export async function findTextsForEditors(actor: Actor, today = new Date().toISOString().slice(0, 10)): Promise<EditorTextItem[]> {
	const steunpuntId = tenantOf(actor, policies.canSeeTexts(actor));
	const library = await db().select({ slug: libraryText.slug, title: libraryText.title, version: libraryText.version }).from(libraryText);
	const own = await withTenant(steunpuntId, async (tx) => {
		const texts = await tx.select().from(text_).where(eq(text_.steunpuntId, steunpuntId));
		const versions = await tx
			.select({ textId: textVersion.textId, number: textVersion.number, status: textVersion.status, title: textVersion.title })
			.from(textVersion)
			.where(eq(textVersion.steunpuntId, steunpuntId))
			.orderBy(desc(textVersion.number));
		return texts.map((t) => ({ text: t, latest: versions.find((v) => v.textId === t.id) }));
	});
	const { counts } = await findFeedback(actor);
	const fb = new Map(counts.map((c) => [c.slug, c]));
	const items = new Map<string, EditorTextItem>();
	for (const l of library) {
		items.set(l.slug, {
			slug: l.slug,
			title: l.title,
			source: 'landelijk',
			status: 'gepubliceerd',
			reviewBefore: null,
			overdue: false,
			nationalUpdated: false,
			helpedYes: 0,
			helpedNo: 0
		});
	}
	for (const { text, latest } of own) {
		const lib = library.find((l) => l.slug === text.librarySlug);
		items.set(text.slug, {
			slug: text.slug,
			title: latest?.title ?? text.slug,
			source: text.librarySlug ? 'aangepast' : 'eigen',
			status: latest?.status ?? null,
			reviewBefore: text.reviewBefore,
			overdue: !!text.reviewBefore && text.reviewBefore < today,
			nationalUpdated: !!lib && text.libraryVersion !== null && lib.version > text.libraryVersion,
			helpedYes: 0,
			helpedNo: 0
		});
	}
	for (const item of items.values()) {
		const c = fb.get(item.slug);
		if (c) {
			item.helpedYes = c.yes;
			item.helpedNo = c.no;
		}
	}
	return [...items.values()].sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}

export interface EditorVersion {
	id: string;
	number: number;
	status: string;
	createdAt: Date;
	overrideReason: string | null;
	reviews: { reviewer: string; supported: boolean; comment: string | null }[];
}

export interface EditorText {
	slug: string;
	source: 'landelijk' | 'aangepast' | 'eigen';
	draft: { title: string; summary: string; body: string; phase: string; subject: string; topics: string[]; keywords: string[]; related: string[] };
	latestStatus: string | null;
	versions: EditorVersion[];
	readability: ReadabilityReport;
	/** Latest version compared with the published one (or with the national text). */
	diff: DiffPart[] | null;
	diffAgainst: string | null;
	/** The national text changed after this steunpunt adapted it: its new wording, as a diff. */
	nationalUpdate: DiffPart[] | null;
	reviewBefore: string | null;
	yesCount: number;
	feedback: { helped: boolean; comment: string | null; createdAt: Date }[];
	helped: { yes: number; no: number };
}

export async function getTextForEditor(actor: Actor, input: { slug: string }): Promise<EditorText> {
	const steunpuntId = tenantOf(actor, policies.canSeeTexts(actor));
	const { slug } = input;
	if (!/^[a-z0-9-]{1,80}$/.test(slug)) throw new NotFoundError();
	const [library] = await db().select().from(libraryText).where(eq(libraryText.slug, slug));
	const own = await withTenant(steunpuntId, async (tx) => {
		const [text] = await tx
			.select()
			.from(text_)
			.where(and(eq(text_.steunpuntId, steunpuntId), eq(text_.slug, slug)));
		if (!text) return null;
		const versions = await tx.select().from(textVersion).where(eq(textVersion.textId, text.id)).orderBy(desc(textVersion.number));
		const reviews = await tx.select().from(textReview).where(eq(textReview.steunpuntId, steunpuntId));
		return { text, versions, reviews: reviews.filter((r) => versions.some((v) => v.id === r.versionId)) };
	});
	if (!own && !library) throw new NotFoundError();
	const names = await reviewerNames([...new Set(own?.reviews.map((r) => r.reviewerId) ?? [])]);
	const latest = own?.versions[0];
	const published = own?.versions.find((v) => v.status === 'gepubliceerd');
	const source = library ? (own ? 'aangepast' : 'landelijk') : 'eigen';
	const draft = latest ?? library!;
	const compareWith = published && published.id !== latest?.id ? published.body : latest && library ? library.body : null;
	const { comments, counts } = await findFeedback(actor, { slug });
	return {
		slug,
		source,
		draft: {
			title: draft.title,
			summary: draft.summary,
			body: draft.body,
			phase: draft.phase,
			subject: draft.subject,
			topics: draft.topics,
			keywords: draft.keywords,
			related: draft.related
		},
		latestStatus: latest?.status ?? null,
		versions: (own?.versions ?? []).map((v) => ({
			id: v.id,
			number: v.number,
			status: v.status,
			createdAt: v.createdAt,
			overrideReason: v.overrideReason,
			reviews: own!.reviews
				.filter((r) => r.versionId === v.id)
				.map((r) => ({ reviewer: names.get(r.reviewerId) ?? 'Meelezer', supported: r.supported, comment: r.comment }))
		})),
		readability: await checkReadability(draft.body),
		diff: latest && compareWith !== null ? diffWords(compareWith, latest.body) : null,
		diffAgainst: published && published.id !== latest?.id ? `gepubliceerde versie ${published.number}` : latest && library ? 'de landelijke tekst' : null,
		nationalUpdate:
			library && own?.text.libraryVersion != null && library.version > own.text.libraryVersion
				? diffWords((published ?? latest)?.body ?? '', library.body)
				: null,
		reviewBefore: own?.text.reviewBefore ?? null,
		yesCount: latest ? (own?.reviews.filter((r) => r.versionId === latest.id && r.supported).length ?? 0) : 0,
		feedback: comments,
		helped: { yes: counts[0]?.yes ?? 0, no: counts[0]?.no ?? 0 }
	};
}

/** A version as a parent reviewer reads it (rendered), with their own earlier answer. */
export interface VersionForReview {
	id: string;
	title: string;
	summary: string;
	status: string;
	html: string;
	myAnswer: { supported: boolean; comment: string | null } | null;
}

/** A version as a parent reviewer reads it, with their own earlier answer. */
export async function getVersionForReview(actor: Actor, input: { versionId: string }): Promise<VersionForReview> {
	const steunpuntId = tenantOf(actor, policies.canReviewTexts(actor) || policies.canSeeTexts(actor));
	const { versionId } = input;
	if (!/^[0-9a-f-]{36}$/.test(versionId)) throw new NotFoundError();
	return withTenant(steunpuntId, async (tx) => {
		const [version] = await tx
			.select()
			.from(textVersion)
			.where(and(eq(textVersion.id, versionId), eq(textVersion.steunpuntId, steunpuntId)));
		if (!version) throw new NotFoundError();
		const [mine] = await tx
			.select()
			.from(textReview)
			.where(and(eq(textReview.versionId, versionId), eq(textReview.reviewerId, actor.userId!)));
		return {
			id: version.id,
			title: version.title,
			summary: version.summary,
			status: version.status,
			html: renderMarkdown(version.body),
			myAnswer: mine ? { supported: mine.supported, comment: mine.comment } : null
		};
	});
}
