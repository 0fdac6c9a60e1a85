/**
 * The publish gate (seed 000): an editor adapts a national text, parents (meelezers) review it,
 * and it goes live for this steunpunt only after enough of them feel supported by it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../testing/db';
import { buildSteunpunt, buildUser } from '../testing/factories';
import { db } from '../db';
import { auditLog, libraryText, text_, textVersion } from '../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { Actor } from '../auth/roles';
import { importLibrary } from './import-library';
import { findOverdueTexts, findReviewQueue, publishText, reviewVersion, saveDraft, submitForReview } from './editorial';
import { findTextsForEditors, getTextForEditor, getVersionForReview } from './editorial-read';
import { getQuestionPage } from './question-page';
import { caught } from '../testing/expect-error';

const SLUG = 'wat-is-een-tlv';

/** Officialese with sentences of more than 25 words: below B1. */
const BUREAUCRATIC_BODY = `Indien de ouders of verzorgers van de leerling van mening zijn dat de toelaatbaarheidsverklaring ten onrechte niet is afgegeven, dienen zij derhalve binnen de daartoe gestelde termijn een gemotiveerd bezwaarschrift in te dienen bij het samenwerkingsverband teneinde een heroverweging te bewerkstelligen.

Gedurende de behandeling van het bezwaarschrift wordt tevens door de commissie van toelaatbaarheid getracht om in het kader van de zorgplicht middels een deskundigenadvies een zorgvuldige afweging te maken ten aanzien van de ondersteuningsbehoefte van de betreffende leerling.

## Wat kun je nu doen?
- Neem contact op met de onderwijsconsulent teneinde de mogelijkheden met betrekking tot een bezwaarprocedure te inventariseren.`;

/** Short sentences with short words: B1. */
const PLAIN_BODY = `Een TLV is een brief. Daarin staat dat je kind naar het speciaal onderwijs mag. De regio geeft die brief. School vraagt hem aan. Jij mag mee praten. Dat is fijn voor je kind.

## Wat kun je nu doen?
- Vraag school wat er in de aanvraag staat.
- Bel ons als je een vraag hebt.`;

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
type Library = typeof libraryText.$inferSelect;

let a: Steunpunt;
let b: Steunpunt;
let library: Library;
let redacteur: Actor;
let meelezers: Actor[];
let redacteurB: Actor;
let meelezerB: Actor;

function draft(overrides: Record<string, unknown> = {}) {
	return {
		title: 'TLV aanvragen in onze regio',
		summary: 'Hoe een TLV bij ons in de regio wordt aangevraagd.',
		body: BUREAUCRATIC_BODY,
		phase: library.phase,
		subject: library.subject,
		topics: library.topics,
		keywords: library.keywords.join(', '),
		related: library.related.join(', '),
		...overrides
	};
}

async function latestVersionId(actor: Actor) {
	return (await getTextForEditor(actor, { slug: SLUG })).versions[0].id;
}

/** The same user on the pages of a steunpunt they do not work for (actorFor: not a member there). */
function elsewhere(actor: Actor): Actor {
	return { ...actor, steunpuntId: null, roles: [] };
}

beforeAll(async () => {
	await useTestDatabase();
	await importLibrary();
	[library] = await db().select().from(libraryText).where(eq(libraryText.slug, SLUG));
	a = await buildSteunpunt();
	b = await buildSteunpunt();
	redacteur = (await buildUser({ steunpuntId: a.id, roles: ['redacteur'] })).actor;
	meelezers = [];
	for (let i = 0; i < 3; i++) meelezers.push((await buildUser({ steunpuntId: a.id, roles: ['meelezer'] })).actor);
	redacteurB = (await buildUser({ steunpuntId: b.id, roles: ['redacteur'] })).actor;
	meelezerB = (await buildUser({ steunpuntId: b.id, roles: ['meelezer'] })).actor;
}, 120_000);

describe('who may write', () => {
	it('refuses a draft from a meelezer with 403', async () => {
		await caught(saveDraft(meelezers[0], { ...draft(), slug: SLUG }), ForbiddenError);
	});

	it("answers 404 to a redacteur of another steunpunt for this steunpunt's own text", async () => {
		// A text of A's own exists only in A; B's redacteur works in B (the actor's steunpunt), where it is unknown.
		const ownOfA = 'alleen-bij-steunpunt-a';
		await saveDraft(redacteur, { ...draft({ title: 'Alleen bij steunpunt A', body: PLAIN_BODY }), slug: ownOfA });
		await caught(submitForReview(redacteurB, { slug: ownOfA }), NotFoundError);
		await caught(publishText(redacteurB, { slug: ownOfA }), NotFoundError);
		await caught(getTextForEditor(redacteurB, { slug: ownOfA }), NotFoundError);
		expect((await findTextsForEditors(redacteurB)).map((i) => i.slug)).not.toContain(ownOfA);
		// On A's pages B's redacteur is no member of A: 404, and nothing is written.
		await caught(saveDraft(elsewhere(redacteurB), { ...draft(), slug: SLUG }), NotFoundError);
		await caught(getTextForEditor(elsewhere(redacteurB), { slug: ownOfA }), NotFoundError);
		expect((await getTextForEditor(redacteur, { slug: ownOfA })).versions).toHaveLength(1);
	});

	it('checks the draft fields', async () => {
		const error = await caught(
			saveDraft(redacteur, {
				...draft({ title: 'Kort', body: 'Een tekst zonder het kopje met de stappen, maar wel lang genoeg om te tellen.', topics: [] }),
				slug: SLUG
			}),
			ValidationError
		);
		expect(error.fields.title).toMatch(/minstens 5 tekens/);
		expect(error.fields.body).toMatch(/Wat kun je nu doen\?/);
		expect(error.fields.topics).toMatch(/minstens één thema/);
		await caught(saveDraft(redacteur, { ...draft(), slug: 'Geen Slug!' }), ValidationError);
	});
});

describe('the publish gate for an adapted national text', () => {
	it('starts from the national text', async () => {
		const before = await getTextForEditor(redacteur, { slug: SLUG });
		expect(before.source).toBe('landelijk');
		expect(before.draft.title).toBe(library.title);
		expect(before.versions).toEqual([]);
		expect(before.diff).toBeNull();
		expect(before.nationalUpdate).toBeNull();
	});

	it('saves a draft and reports that it is not B1', async () => {
		const result = await saveDraft(redacteur, { ...draft(), slug: SLUG });
		expect(result.versionNumber).toBe(1);
		expect(result.readability.passes).toBe(false);
		expect(result.readability.level).not.toBe('B1');
		expect(result.readability.issues.some((i) => i.kind === 'long-sentence')).toBe(true);
		expect(result.readability.issues.some((i) => i.kind === 'uncommon-word')).toBe(true);

		// Saving again keeps the same concept version.
		const again = await saveDraft(redacteur, { ...draft(), slug: SLUG });
		expect(again.versionNumber).toBe(1);

		const text = await getTextForEditor(redacteur, { slug: SLUG });
		expect(text.source).toBe('aangepast');
		expect(text.latestStatus).toBe('concept');
		expect(text.versions).toHaveLength(1);
		expect(text.draft.title).toBe('TLV aanvragen in onze regio');
		expect(text.readability.passes).toBe(false);
		expect(text.diffAgainst).toBe('de landelijke tekst');
	});

	it('shows the editor a readable diff against the national text with the new words added', async () => {
		const { diff } = await getTextForEditor(redacteur, { slug: SLUG });
		expect(diff).not.toBeNull();
		const added = diff!
			.filter((p) => p.type === 'add')
			.map((p) => p.text)
			.join(' ');
		expect(added).toContain('heroverweging');
		expect(added).toContain('bewerkstelligen');
		expect(diff!.some((p) => p.type === 'del')).toBe(true);
	});

	it('refuses to offer a text below B1 for review without a reason', async () => {
		const missing = await caught(submitForReview(redacteur, { slug: SLUG }), ValidationError);
		expect(missing.fields.overrideReason).toMatch(/B1-niveau/);
		const tooShort = await caught(submitForReview(redacteur, { overrideReason: 'moet', slug: SLUG }), ValidationError);
		expect(tooShort.fields.overrideReason).toBeDefined();
		expect((await getTextForEditor(redacteur, { slug: SLUG })).latestStatus).toBe('concept');
	});

	it('offers it with a written reason', async () => {
		await caught(submitForReview(meelezers[0], { overrideReason: 'De juridische termen zijn hier echt nodig.', slug: SLUG }), ForbiddenError);
		await submitForReview(redacteur, { overrideReason: 'De juridische termen zijn hier echt nodig.', slug: SLUG });
		const text = await getTextForEditor(redacteur, { slug: SLUG });
		expect(text.latestStatus).toBe('ter-review');
		expect(text.versions[0].overrideReason).toBe('De juridische termen zijn hier echt nodig.');
		// Nothing left to offer.
		await caught(submitForReview(redacteur, { overrideReason: 'De juridische termen zijn hier echt nodig.', slug: SLUG }), ConflictError);
	});

	it('puts it in the review queue of the meelezers', async () => {
		const queue = await findReviewQueue(meelezers[0]);
		expect(queue).toEqual([{ id: await latestVersionId(redacteur), title: 'TLV aanvragen in onze regio', number: 1, slug: SLUG, reviewedByMe: false }]);
		expect(await findReviewQueue(meelezerB)).toEqual([]);
		const forReview = await getVersionForReview(meelezers[0], { versionId: queue[0].id });
		expect(forReview.status).toBe('ter-review');
		expect(forReview.html).toContain('heroverweging');
		expect(forReview.myAnswer).toBeNull();
	});

	it('publishes only when enough meelezers feel supported', async () => {
		const versionId = await latestVersionId(redacteur);
		const none = await caught(publishText(redacteur, { slug: SLUG }), ConflictError);
		expect(none.message).toContain('0 van de 2');

		await reviewVersion(meelezers[0], { supported: 'ja', versionId });
		const one = await caught(publishText(redacteur, { slug: SLUG }), ConflictError);
		expect(one.message).toContain('1 van de 2');
		expect((await findReviewQueue(meelezers[0]))[0].reviewedByMe).toBe(true);

		await reviewVersion(meelezers[1], { supported: 'nee', comment: 'Ik begrijp de zinnen niet.', versionId });
		const stillOne = await caught(publishText(redacteur, { slug: SLUG }), ConflictError);
		expect(stillOne.message).toContain('1 van de 2');
		// A meelezer cannot publish, whatever the reviews say.
		await caught(publishText(meelezers[0], { slug: SLUG }), ForbiddenError);

		// Voting twice does not count twice.
		await reviewVersion(meelezers[0], { supported: 'ja', comment: 'Nog steeds ja.', versionId });
		expect((await caught(publishText(redacteur, { slug: SLUG }), ConflictError)).message).toContain('1 van de 2');
		expect((await getTextForEditor(redacteur, { slug: SLUG })).yesCount).toBe(1);

		await reviewVersion(meelezers[2], { supported: 'ja', versionId });
		await publishText(redacteur, { slug: SLUG });

		const text = await getTextForEditor(redacteur, { slug: SLUG });
		expect(text.latestStatus).toBe('gepubliceerd');
		expect(text.versions[0].reviews).toHaveLength(3);
		expect(text.versions[0].reviews.filter((r) => r.supported)).toHaveLength(2);
		expect(text.versions[0].reviews.find((r) => !r.supported)?.comment).toBe('Ik begrijp de zinnen niet.');
		const [row] = await db()
			.select()
			.from(text_)
			.where(and(eq(text_.steunpuntId, a.id), eq(text_.slug, SLUG)));
		expect(row.publishedVersionId).toBe(versionId);
		const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
		expect(row.reviewBefore).toBe(inAYear);
		const audit = await db()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.steunpuntId, a.id), eq(auditLog.action, 'text.publish')));
		expect(audit.map((r) => r.entityId)).toEqual([versionId]);
		// Once published, it is no longer waiting for meelezers.
		expect(await findReviewQueue(meelezers[0])).toEqual([]);
		await caught(reviewVersion(meelezers[0], { supported: 'ja', versionId }), ConflictError);
	});

	it('shows the new title on this steunpunt only', async () => {
		const own = await getQuestionPage({ steunpuntId: a.id, steunpuntSlug: a.slug, slug: SLUG });
		expect(own.title).toBe('TLV aanvragen in onze regio');
		expect(own.answerHtml).toContain('heroverweging');
		const other = await getQuestionPage({ steunpuntId: b.id, steunpuntSlug: b.slug, slug: SLUG });
		expect(other.title).toBe(library.title);
		expect(other.answerHtml).not.toContain('heroverweging');
	});

	it("marks it 'aangepast' in the editors' list", async () => {
		const items = await findTextsForEditors(redacteur);
		const item = items.find((i) => i.slug === SLUG);
		expect(item).toMatchObject({ source: 'aangepast', status: 'gepubliceerd', title: 'TLV aanvragen in onze regio', overdue: false, nationalUpdated: false });
		expect(items.filter((i) => i.source === 'landelijk').length).toBeGreaterThan(0);
		const itemsB = await findTextsForEditors(redacteurB);
		expect(itemsB.find((i) => i.slug === SLUG)).toMatchObject({ source: 'landelijk', title: library.title });
	});

	it('keeps version 1 public while version 2 is a draft or under review, then replaces it', async () => {
		const result = await saveDraft(redacteur, { ...draft({ title: 'TLV: zo gaat het bij ons', body: PLAIN_BODY }), slug: SLUG });
		expect(result.versionNumber).toBe(2);
		expect(result.readability.passes).toBe(true);

		const page = () => getQuestionPage({ steunpuntId: a.id, steunpuntSlug: a.slug, slug: SLUG });
		expect((await page()).title).toBe('TLV aanvragen in onze regio');

		const editor = await getTextForEditor(redacteur, { slug: SLUG });
		expect(editor.latestStatus).toBe('concept');
		expect(editor.diffAgainst).toBe('gepubliceerde versie 1');
		expect(
			editor
				.diff!.filter((p) => p.type === 'add')
				.map((p) => p.text)
				.join(' ')
		).toContain('fijn');
		expect(
			editor
				.diff!.filter((p) => p.type === 'del')
				.map((p) => p.text)
				.join(' ')
		).toContain('heroverweging');

		// A B1 text needs no reason; a reason given anyway is not kept.
		await submitForReview(redacteur, { overrideReason: 'Niet nodig, maar toch gegeven.', slug: SLUG });
		const submitted = await getTextForEditor(redacteur, { slug: SLUG });
		expect(submitted.versions[0].overrideReason).toBeNull();
		expect((await page()).title).toBe('TLV aanvragen in onze regio');

		const v2 = submitted.versions[0].id;
		// Reviews of version 1 do not count for version 2.
		expect((await caught(publishText(redacteur, { slug: SLUG }), ConflictError)).message).toContain('0 van de 2');
		await reviewVersion(meelezers[0], { supported: 'ja', versionId: v2 });
		await reviewVersion(meelezers[1], { supported: 'ja', versionId: v2 });
		expect((await page()).title).toBe('TLV aanvragen in onze regio');
		await publishText(redacteur, { slug: SLUG });

		expect((await page()).title).toBe('TLV: zo gaat het bij ons');
		const versions = await db()
			.select({ number: textVersion.number, status: textVersion.status })
			.from(textVersion)
			.innerJoin(text_, eq(text_.id, textVersion.textId))
			.where(and(eq(text_.steunpuntId, a.id), eq(text_.slug, SLUG)))
			.orderBy(textVersion.number);
		expect(versions).toEqual([
			{ number: 1, status: 'vervangen' },
			{ number: 2, status: 'gepubliceerd' }
		]);
	});

	it('shows the editor when the national text was updated after the adaptation', async () => {
		expect((await getTextForEditor(redacteur, { slug: SLUG })).nationalUpdate).toBeNull();
		try {
			await db()
				.update(libraryText)
				.set({ version: sql`${libraryText.version} + 1` })
				.where(eq(libraryText.slug, SLUG));
			const text = await getTextForEditor(redacteur, { slug: SLUG });
			expect(text.nationalUpdate).not.toBeNull();
			// The diff goes from the published adaptation to the national wording.
			expect(text.nationalUpdate!.some((p) => p.type === 'add')).toBe(true);
			expect(
				text
					.nationalUpdate!.filter((p) => p.type === 'del')
					.map((p) => p.text)
					.join(' ')
			).toContain('fijn');
			const item = (await findTextsForEditors(redacteur)).find((i) => i.slug === SLUG);
			expect(item?.nationalUpdated).toBe(true);
			// Another steunpunt has no adaptation, so there is nothing to update.
			expect((await getTextForEditor(redacteurB, { slug: SLUG })).nationalUpdate).toBeNull();
			expect((await findTextsForEditors(redacteurB)).find((i) => i.slug === SLUG)?.nationalUpdated).toBe(false);
		} finally {
			await db().update(libraryText).set({ version: library.version }).where(eq(libraryText.slug, SLUG));
		}
	});

	it('lists a text whose review date has passed as overdue', async () => {
		expect(await findOverdueTexts(redacteur)).toEqual([]);
		await db()
			.update(text_)
			.set({ reviewBefore: '2020-01-31' })
			.where(and(eq(text_.steunpuntId, a.id), eq(text_.slug, SLUG)));
		expect(await findOverdueTexts(redacteur)).toEqual([{ slug: SLUG, reviewBefore: '2020-01-31' }]);
		expect(await findOverdueTexts(meelezers[0])).toHaveLength(1);
		expect((await findTextsForEditors(redacteur)).find((i) => i.slug === SLUG)?.overdue).toBe(true);
		// Not on the day itself, and never another steunpunt's text.
		expect(await findOverdueTexts(redacteur, '2020-01-31')).toEqual([]);
		expect(await findOverdueTexts(redacteurB)).toEqual([]);
		await caught(findOverdueTexts(elsewhere(redacteurB)), NotFoundError);
	});
});

describe('reviews across steunpunten', () => {
	it("answers 404 to a review of another steunpunt's version", async () => {
		await saveDraft(redacteurB, { ...draft({ title: 'TLV in regio B', body: PLAIN_BODY }), slug: SLUG });
		await submitForReview(redacteurB, { slug: SLUG });
		const versionOfB = (await getTextForEditor(redacteurB, { slug: SLUG })).versions[0].id;

		// A meelezer of A, asking in A's back office for B's version.
		await caught(reviewVersion(meelezers[0], { supported: 'ja', versionId: versionOfB }), NotFoundError);
		await caught(getVersionForReview(meelezers[0], { versionId: versionOfB }), NotFoundError);
		// A meelezer of A, asking in B's back office (no member there).
		await caught(reviewVersion(elsewhere(meelezers[0]), { supported: 'ja', versionId: versionOfB }), NotFoundError);
		await caught(getVersionForReview(elsewhere(meelezers[0]), { versionId: versionOfB }), NotFoundError);
		// Malformed and unknown ids.
		await caught(reviewVersion(meelezers[0], { supported: 'ja', versionId: 'niet-een-id' }), NotFoundError);
		await caught(reviewVersion(meelezers[0], { supported: 'ja', versionId: '00000000-0000-4000-8000-000000000000' }), NotFoundError);

		const text = await getTextForEditor(redacteurB, { slug: SLUG });
		expect(text.versions[0].reviews).toEqual([]);
		// B's own meelezer can review it.
		await reviewVersion(meelezerB, { supported: 'ja', versionId: versionOfB });
		expect((await getTextForEditor(redacteurB, { slug: SLUG })).yesCount).toBe(1);
	});

	it('refuses reviews from an editor and answers that are not ja or nee', async () => {
		const versionOfB = (await getTextForEditor(redacteurB, { slug: SLUG })).versions[0].id;
		await caught(reviewVersion(redacteurB, { supported: 'ja', versionId: versionOfB }), ForbiddenError);
		const invalid = await caught(reviewVersion(meelezerB, { supported: 'misschien', versionId: versionOfB }), ValidationError);
		expect(invalid.fields.supported).toBe('Kies ja of nee.');
	});

	it('refuses a review of a version that is still a concept', async () => {
		const own = await buildSteunpunt();
		const editor = (await buildUser({ steunpuntId: own.id, roles: ['beheerder'] })).actor;
		const reader = (await buildUser({ steunpuntId: own.id, roles: ['meelezer'] })).actor;
		await saveDraft(editor, { ...draft({ body: PLAIN_BODY }), slug: 'onze-eigen-vraag' });
		const text = await getTextForEditor(editor, { slug: 'onze-eigen-vraag' });
		expect(text.source).toBe('eigen');
		expect(text.diff).toBeNull();
		await caught(reviewVersion(reader, { supported: 'ja', versionId: text.versions[0].id }), ConflictError);
		await caught(publishText(editor, { slug: 'onze-eigen-vraag' }), ConflictError);
	});
});

describe('who may review', () => {
	it('does not let the author of a version review it, even with the meelezer role', async () => {
		const own = await buildSteunpunt();
		const author = (await buildUser({ steunpuntId: own.id, roles: ['redacteur', 'meelezer'] })).actor;
		const reader = (await buildUser({ steunpuntId: own.id, roles: ['meelezer'] })).actor;
		await saveDraft(author, { ...draft({ title: 'Een tekst van mij zelf', body: PLAIN_BODY }), slug: 'eigen-tekst-zelf' });
		await submitForReview(author, { slug: 'eigen-tekst-zelf' });
		const versionId = (await getTextForEditor(author, { slug: 'eigen-tekst-zelf' })).versions[0].id;
		await caught(reviewVersion(author, { supported: 'ja', versionId }), ConflictError);
		await reviewVersion(reader, { supported: 'ja', versionId });
		expect((await caught(publishText(author, { slug: 'eigen-tekst-zelf' }), ConflictError)).message).toContain('1 van de 2');
	});
});

describe('a new draft while a version is under review', () => {
	// BUG (reported): saveDraft creates a new concept next to a version that is 'ter-review' and
	// leaves that version in the meelezers' queue, where it collects reviews but can never be
	// published (publishText only looks at the latest version).
	it('never leaves meelezers a version in their queue that can no longer be published', async () => {
		const own = await buildSteunpunt();
		const editor = (await buildUser({ steunpuntId: own.id, roles: ['redacteur'] })).actor;
		const reader = (await buildUser({ steunpuntId: own.id, roles: ['meelezer'] })).actor;
		await saveDraft(editor, { ...draft({ title: 'Eerste versie van de vraag', body: PLAIN_BODY }), slug: 'vraag-in-review' });
		await submitForReview(editor, { slug: 'vraag-in-review' });
		expect(await findReviewQueue(reader)).toHaveLength(1);

		// The editor edits again (or is refused: either way the queue must stay truthful).
		await saveDraft(editor, { ...draft({ title: 'Tweede versie van de vraag', body: PLAIN_BODY }), slug: 'vraag-in-review' }).catch((error: unknown) => {
			expect(error).toBeInstanceOf(ConflictError);
		});

		const latest = (await getTextForEditor(editor, { slug: 'vraag-in-review' })).versions[0];
		for (const waiting of await findReviewQueue(reader)) {
			expect(waiting.id, `version ${waiting.number} is in the queue but version ${latest.number} is the latest`).toBe(latest.id);
		}
	});
});
