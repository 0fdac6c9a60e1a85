/**
 * Parent-approved publishing: drafts, the B1 gate, meelezers' reviews, the publish gate, what the
 * public and the editors then see, and the beheerder's settings.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../testing/db';
import { buildSteunpunt, buildUser } from '../testing/factories';
import { db } from '../db';
import { libraryText, steunpunt, text_, textVersion } from '../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { importLibrary } from './import-library';
import { checkDraftReadability, findOverdueTexts, publishText, reviewVersion, saveDraft, submitForReview } from './editorial';
import { findTextsForEditors, getTextForEditor } from './editorial-read';
import { getQuestionPage } from './question-page';
import { saveSettings } from '../steunpunten/settings';
import { rejection } from '../testing/expect-error';

const SLUG = 'mijn-kind-zit-thuis-wat-nu';

beforeAll(async () => {
	await useTestDatabase();
	await importLibrary();
}, 120_000);

/** Short sentences, common words: passes the B1 check. */
const GOOD_BODY = [
	'Zit je kind thuis? Dat is zwaar. Je staat er niet alleen voor.',
	'',
	'School blijft verantwoordelijk. Vraag om een gesprek. Schrijf op wat er is gezegd.',
	'',
	'## Wat kun je nu doen?',
	'- Bel school en maak een afspraak.',
	'- Bel ons. Wij denken met je mee.'
].join('\n');

/** Long bureaucratic sentences: fails the B1 check. */
const BAD_BODY = [
	'Overeenkomstig de geldende wettelijke bepalingen inzake de zorgplichtverantwoordelijkheid van het bevoegd gezag dient de onderwijsinstelling, onverminderd de daartoe strekkende beleidsmatige overwegingen van het samenwerkingsverband, zorgvuldig en tijdig een passend ondersteuningsaanbod te realiseren ten behoeve van de betreffende leerling en diens wettelijke vertegenwoordigers.',
	'',
	'Indien de desbetreffende onderwijsinstelling naar het oordeel van de belanghebbende ouders onvoldoende invulling geeft aan de hiervoor omschreven verantwoordelijkheden, staat het de ouders vrij om een verzoek tot bemiddeling in te dienen bij de daartoe aangewezen landelijke voorziening voor onderwijsconsulentschap.',
	'',
	'## Wat kun je nu doen?',
	'- Raadpleeg de toepasselijke regelgeving alvorens over te gaan tot het indienen van een formeel verzoek tot geschilbeslechting bij de bevoegde instantie.'
].join('\n');

function draft(overrides: Record<string, unknown> = {}) {
	return {
		title: 'Ons kind zit thuis: zo helpen wij',
		summary: 'Zit je kind thuis? Lees wat je kunt doen en hoe wij helpen.',
		body: GOOD_BODY,
		phase: 'thuiszitten',
		subject: 'als-school-niet-lukt',
		topics: ['thuiszitten-verzuim', 'hulp-steun-vinden'],
		keywords: 'thuiszitten, zit thuis',
		related: 'onderwijsconsulent-inschakelen',
		...overrides
	};
}

async function team() {
	const sp = await buildSteunpunt();
	const redacteur = await buildUser({ steunpuntId: sp.id, roles: ['redacteur'] });
	const meelezers = [
		await buildUser({ steunpuntId: sp.id, roles: ['meelezer'] }),
		await buildUser({ steunpuntId: sp.id, roles: ['meelezer'] }),
		await buildUser({ steunpuntId: sp.id, roles: ['meelezer'] })
	];
	return { sp, redacteur: redacteur.actor, meelezers: meelezers.map((m) => m.actor) };
}

async function versionId(steunpuntId: string, slug: string, number: number): Promise<string> {
	const [row] = await db()
		.select({ id: textVersion.id })
		.from(textVersion)
		.innerJoin(text_, eq(text_.id, textVersion.textId))
		.where(and(eq(text_.steunpuntId, steunpuntId), eq(text_.slug, slug), eq(textVersion.number, number)));
	return row.id;
}

/** Draft → review → enough "ja" → published. */
async function publishWithReviews(t: Awaited<ReturnType<typeof team>>, slug: string, input = draft()) {
	await saveDraft(t.redacteur, { ...input, slug });
	await submitForReview(t.redacteur, { slug });
	const [latest] = await db()
		.select({ id: textVersion.id })
		.from(textVersion)
		.innerJoin(text_, eq(text_.id, textVersion.textId))
		.where(and(eq(text_.steunpuntId, t.sp.id), eq(text_.slug, slug), eq(textVersion.status, 'ter-review')));
	for (const m of t.meelezers.slice(0, 2)) await reviewVersion(m, { supported: 'ja', versionId: latest.id });
	await publishText(t.redacteur, { slug });
}

describe('the publish gate', () => {
	it('publishes an adapted national text only after two meelezers said ja', async () => {
		const t = await team();
		const other = await buildSteunpunt();
		const national = await getQuestionPage({ steunpuntId: t.sp.id, steunpuntSlug: t.sp.slug, slug: SLUG });
		expect(national.title).toBe('Mijn kind zit thuis. Wat kan ik doen?');

		const saved = await saveDraft(t.redacteur, { ...draft(), slug: SLUG });
		expect(saved.versionNumber).toBe(1);
		expect(saved.readability.passes).toBe(true);
		// A concept cannot be published.
		expect(await rejection(publishText(t.redacteur, { slug: SLUG }))).toBeInstanceOf(ConflictError);

		await submitForReview(t.redacteur, { slug: SLUG });
		const v1 = await versionId(t.sp.id, SLUG, 1);

		await reviewVersion(t.meelezers[0], { supported: 'ja', comment: 'Fijn geschreven.', versionId: v1 });
		const one = await rejection(publishText(t.redacteur, { slug: SLUG }));
		expect(one).toBeInstanceOf(ConflictError);
		expect((one as Error).message).toContain('1 van de 2');

		await reviewVersion(t.meelezers[1], { supported: 'nee', comment: 'Te kort.', versionId: v1 });
		const two = await rejection(publishText(t.redacteur, { slug: SLUG }));
		expect(two).toBeInstanceOf(ConflictError);
		expect((two as Error).message).toContain('1 van de 2');

		// The page still shows the national text while the gate is closed.
		expect((await getQuestionPage({ steunpuntId: t.sp.id, steunpuntSlug: t.sp.slug, slug: SLUG })).title).toBe(national.title);

		await reviewVersion(t.meelezers[2], { supported: 'ja', versionId: v1 });
		await publishText(t.redacteur, { slug: SLUG });

		const [row] = await db().select().from(textVersion).where(eq(textVersion.id, v1));
		expect(row.status).toBe('gepubliceerd');
		expect(row.publishedAt).toBeInstanceOf(Date);

		const page = await getQuestionPage({ steunpuntId: t.sp.id, steunpuntSlug: t.sp.slug, slug: SLUG });
		expect(page.title).toBe('Ons kind zit thuis: zo helpen wij');
		expect(page.answerHtml).toContain('Je staat er niet alleen voor.');
		const elsewhere = await getQuestionPage({ steunpuntId: other.id, steunpuntSlug: other.slug, slug: SLUG });
		expect(elsewhere.title).toBe('Mijn kind zit thuis. Wat kan ik doen?');

		const list = await findTextsForEditors(t.redacteur);
		const item = list.find((i) => i.slug === SLUG)!;
		expect(item.source).toBe('aangepast');
		expect(item.status).toBe('gepubliceerd');
		expect(item.title).toBe('Ons kind zit thuis: zo helpen wij');
		expect(item.nationalUpdated).toBe(false);
		expect(list.find((i) => i.slug === 'onderwijsconsulent-inschakelen')?.source).toBe('landelijk');
		// Publishing in one steunpunt does not touch the other's list.
		const otherBeheerder = await buildUser({ steunpuntId: other.id, roles: ['beheerder'] });
		const otherList = await findTextsForEditors(otherBeheerder.actor);
		expect(otherList.find((i) => i.slug === SLUG)?.source).toBe('landelijk');
	});

	it('a meelezer changing ja to nee takes the support away again', async () => {
		const t = await team();
		await saveDraft(t.redacteur, { ...draft(), slug: SLUG });
		await submitForReview(t.redacteur, { slug: SLUG });
		const v1 = await versionId(t.sp.id, SLUG, 1);
		await reviewVersion(t.meelezers[0], { supported: 'ja', versionId: v1 });
		await reviewVersion(t.meelezers[1], { supported: 'ja', versionId: v1 });
		await reviewVersion(t.meelezers[1], { supported: 'nee', versionId: v1 });
		expect(await rejection(publishText(t.redacteur, { slug: SLUG }))).toBeInstanceOf(ConflictError);
	});

	it('does not take reviews on a concept', async () => {
		const t = await team();
		await saveDraft(t.redacteur, { ...draft(), slug: SLUG });
		const v1 = await versionId(t.sp.id, SLUG, 1);
		expect(await rejection(reviewVersion(t.meelezers[0], { supported: 'ja', versionId: v1 }))).toBeInstanceOf(ConflictError);
	});
});

describe('the B1 gate on submitting', () => {
	it('refuses a text below B1 without an override reason, and accepts it with one', async () => {
		const t = await team();
		const saved = await saveDraft(t.redacteur, { ...draft({ body: BAD_BODY }), slug: 'eigen-moeilijke-tekst' });
		expect(saved.readability.passes).toBe(false);

		const missing = await rejection(submitForReview(t.redacteur, { slug: 'eigen-moeilijke-tekst' }));
		expect(missing).toBeInstanceOf(ValidationError);
		expect(Object.keys((missing as ValidationError).fields)).toEqual(['overrideReason']);

		const tooShort = await rejection(submitForReview(t.redacteur, { overrideReason: 'moet', slug: 'eigen-moeilijke-tekst' }));
		expect(tooShort).toBeInstanceOf(ValidationError);
		expect((tooShort as ValidationError).fields.overrideReason).toBeTruthy();

		const id = await versionId(t.sp.id, 'eigen-moeilijke-tekst', 1);
		expect((await db().select().from(textVersion).where(eq(textVersion.id, id)))[0].status).toBe('concept');

		await submitForReview(t.redacteur, { overrideReason: 'Juridische tekst, letterlijk uit de wet.', slug: 'eigen-moeilijke-tekst' });
		const [row] = await db().select().from(textVersion).where(eq(textVersion.id, id));
		expect(row.status).toBe('ter-review');
		expect(row.overrideReason).toBe('Juridische tekst, letterlijk uit de wet.');
		expect(row.readability?.passes).toBe(false);
	});

	it('does not store an override reason for a text that passes', async () => {
		const t = await team();
		await saveDraft(t.redacteur, { ...draft(), slug: 'eigen-makkelijke-tekst' });
		await submitForReview(t.redacteur, { overrideReason: 'Niet nodig maar toch ingevuld.', slug: 'eigen-makkelijke-tekst' });
		const [row] = await db()
			.select()
			.from(textVersion)
			.where(eq(textVersion.id, await versionId(t.sp.id, 'eigen-makkelijke-tekst', 1)));
		expect(row.status).toBe('ter-review');
		expect(row.overrideReason).toBeNull();
	});

	it('validates the draft itself', async () => {
		const t = await team();
		const error = await rejection(saveDraft(t.redacteur, { ...draft({ title: 'Kort'.slice(0, 3), body: 'Geen kopje en te kort.' }), slug: SLUG }));
		expect(error).toBeInstanceOf(ValidationError);
		expect(Object.keys((error as ValidationError).fields).sort()).toEqual(['body', 'title']);
		const badSlug = await rejection(saveDraft(t.redacteur, { ...draft(), slug: 'Niet Goed!' }));
		expect(badSlug).toBeInstanceOf(ValidationError);
	});
});

describe('versions after publishing', () => {
	it('a new draft is version 2 and the public page keeps version 1 until 2 is published', async () => {
		const t = await team();
		await publishWithReviews(t, SLUG);

		const second = await saveDraft(t.redacteur, { ...draft({ title: 'Tweede versie van onze tekst' }), slug: SLUG });
		expect(second.versionNumber).toBe(2);
		// Saving again updates the same concept.
		expect((await saveDraft(t.redacteur, { ...draft({ title: 'Tweede versie van onze tekst' }), slug: SLUG })).versionNumber).toBe(2);
		expect((await getQuestionPage({ steunpuntId: t.sp.id, steunpuntSlug: t.sp.slug, slug: SLUG })).title).toBe('Ons kind zit thuis: zo helpen wij');

		await submitForReview(t.redacteur, { slug: SLUG });
		expect((await getQuestionPage({ steunpuntId: t.sp.id, steunpuntSlug: t.sp.slug, slug: SLUG })).title).toBe('Ons kind zit thuis: zo helpen wij');
		const v2 = await versionId(t.sp.id, SLUG, 2);
		for (const m of t.meelezers.slice(0, 2)) await reviewVersion(m, { supported: 'ja', versionId: v2 });
		await publishText(t.redacteur, { slug: SLUG });

		expect((await getQuestionPage({ steunpuntId: t.sp.id, steunpuntSlug: t.sp.slug, slug: SLUG })).title).toBe('Tweede versie van onze tekst');
		const statuses = await db()
			.select({ number: textVersion.number, status: textVersion.status })
			.from(textVersion)
			.innerJoin(text_, eq(text_.id, textVersion.textId))
			.where(and(eq(text_.steunpuntId, t.sp.id), eq(text_.slug, SLUG)))
			.orderBy(textVersion.number);
		expect(statuses).toEqual([
			{ number: 1, status: 'vervangen' },
			{ number: 2, status: 'gepubliceerd' }
		]);
	});

	it('getTextForEditor shows the changes as a diff with an added part', async () => {
		const t = await team();
		await saveDraft(t.redacteur, { ...draft(), slug: SLUG });
		const first = await getTextForEditor(t.redacteur, { slug: SLUG });
		expect(first.source).toBe('aangepast');
		expect(first.diffAgainst).toBe('de landelijke tekst');
		expect(first.diff?.some((p) => p.type === 'add')).toBe(true);
		expect(first.diff?.some((p) => p.type === 'add' && p.text.includes('denken'))).toBe(true);

		await submitForReview(t.redacteur, { slug: SLUG });
		const v1 = await versionId(t.sp.id, SLUG, 1);
		for (const m of t.meelezers.slice(0, 2)) await reviewVersion(m, { supported: 'ja', comment: 'Goed zo.', versionId: v1 });
		await publishText(t.redacteur, { slug: SLUG });
		await saveDraft(t.redacteur, { ...draft({ body: `${GOOD_BODY}\n- Vraag naar een buddy.` }), slug: SLUG });

		const editor = await getTextForEditor(t.redacteur, { slug: SLUG });
		expect(editor.latestStatus).toBe('concept');
		expect(editor.diffAgainst).toBe('gepubliceerde versie 1');
		expect(editor.diff?.some((p) => p.type === 'add' && p.text.includes('buddy'))).toBe(true);
		expect(editor.diff?.some((p) => p.type === 'del')).toBe(false);
		expect(editor.versions.map((v) => v.number)).toEqual([2, 1]);
		expect(editor.versions[1].reviews).toHaveLength(2);
		expect(editor.versions[1].reviews.every((r) => r.supported && r.comment === 'Goed zo.')).toBe(true);
	});
});

describe('a national text updated after the adaptation', () => {
	let bumped: string | undefined;
	afterEach(async () => {
		if (bumped)
			await db()
				.update(libraryText)
				.set({ version: sql`${libraryText.version} - 1` })
				.where(eq(libraryText.slug, bumped));
		bumped = undefined;
	});

	it('is shown to the editor as nationalUpdate and nationalUpdated', async () => {
		const t = await team();
		await publishWithReviews(t, SLUG);
		const before = await getTextForEditor(t.redacteur, { slug: SLUG });
		expect(before.nationalUpdate).toBeNull();
		expect((await findTextsForEditors(t.redacteur)).find((i) => i.slug === SLUG)?.nationalUpdated).toBe(false);

		await db()
			.update(libraryText)
			.set({ version: sql`${libraryText.version} + 1` })
			.where(eq(libraryText.slug, SLUG));
		bumped = SLUG;

		const after = await getTextForEditor(t.redacteur, { slug: SLUG });
		expect(after.nationalUpdate).not.toBeNull();
		expect(after.nationalUpdate!.some((p) => p.type === 'add')).toBe(true);
		expect((await findTextsForEditors(t.redacteur)).find((i) => i.slug === SLUG)?.nationalUpdated).toBe(true);
	});
});

describe('who may do what', () => {
	it('a meelezer cannot save a draft', async () => {
		const t = await team();
		expect(await rejection(saveDraft(t.meelezers[0], { ...draft(), slug: SLUG }))).toBeInstanceOf(ForbiddenError);
		expect(await rejection(publishText(t.meelezers[0], { slug: SLUG }))).toBeInstanceOf(ForbiddenError);
		expect(await db().select().from(text_).where(eq(text_.steunpuntId, t.sp.id))).toEqual([]);
	});

	it('only an editor gets the live B1 check, and only of a text up to 20.000 characters', async () => {
		const t = await team();
		expect((await checkDraftReadability(t.redacteur, { body: GOOD_BODY })).passes).toBe(true);
		expect((await checkDraftReadability(t.redacteur, { body: BAD_BODY })).passes).toBe(false);
		expect(await rejection(checkDraftReadability(t.meelezers[0], { body: GOOD_BODY }))).toBeInstanceOf(ForbiddenError);
		expect(await rejection(checkDraftReadability({ ...t.redacteur, steunpuntId: null, roles: [] }, { body: GOOD_BODY }))).toBeInstanceOf(NotFoundError);
		for (const body of [undefined, 42, 'x'.repeat(20_001)]) {
			const error = await rejection(checkDraftReadability(t.redacteur, { body }));
			expect(error).toBeInstanceOf(ValidationError);
			expect((error as ValidationError).message).toBe('Stuur de tekst mee als "body" (hooguit 20.000 tekens).');
		}
	});

	it('a redacteur cannot review', async () => {
		const t = await team();
		await saveDraft(t.redacteur, { ...draft(), slug: SLUG });
		await submitForReview(t.redacteur, { slug: SLUG });
		const v1 = await versionId(t.sp.id, SLUG, 1);
		expect(await rejection(reviewVersion(t.redacteur, { supported: 'ja', versionId: v1 }))).toBeInstanceOf(ForbiddenError);
	});

	it("a redacteur of another steunpunt gets 404 for this steunpunt's own text, and writes only in their own", async () => {
		const t = await team();
		const stranger = await team();
		const own = 'eigen-tekst-van-dit-steunpunt';
		await saveDraft(t.redacteur, { ...draft(), slug: own });
		// They act in their own steunpunt (the actor's), where this text does not exist.
		expect(await rejection(getTextForEditor(stranger.redacteur, { slug: own }))).toBeInstanceOf(NotFoundError);
		expect(await rejection(submitForReview(stranger.redacteur, { slug: own }))).toBeInstanceOf(NotFoundError);
		expect(await rejection(publishText(stranger.redacteur, { slug: own }))).toBeInstanceOf(NotFoundError);
		expect((await findTextsForEditors(stranger.redacteur)).map((i) => i.slug)).not.toContain(own);
		// Their save under the same address is a text of their own steunpunt; this one is untouched.
		await saveDraft(stranger.redacteur, { ...draft({ title: 'Hun eigen tekst onder hetzelfde adres' }), slug: own });
		const mine = await getTextForEditor(t.redacteur, { slug: own });
		expect(mine.draft.title).toBe(draft().title);
		expect(mine.versions).toHaveLength(1);
		expect(await db().select().from(text_).where(eq(text_.steunpuntId, t.sp.id))).toHaveLength(1);
		// Someone who works for no steunpunt gets 404.
		expect(await rejection(findTextsForEditors({ ...stranger.redacteur, steunpuntId: null, roles: [] }))).toBeInstanceOf(NotFoundError);
	});

	it('reviewVersion with another steunpunt’s version id gives 404 and stores nothing', async () => {
		const a = await team();
		const b = await team();
		await saveDraft(b.redacteur, { ...draft(), slug: SLUG });
		await submitForReview(b.redacteur, { slug: SLUG });
		const bVersion = await versionId(b.sp.id, SLUG, 1);
		expect(await rejection(reviewVersion(a.meelezers[0], { supported: 'ja', versionId: bVersion }))).toBeInstanceOf(NotFoundError);
		expect(await rejection(reviewVersion(a.meelezers[0], { supported: 'ja', versionId: 'not-a-uuid' }))).toBeInstanceOf(NotFoundError);
		// b still needs two of its own meelezers.
		await reviewVersion(b.meelezers[0], { supported: 'ja', versionId: bVersion });
		expect(await rejection(publishText(b.redacteur, { slug: SLUG }))).toBeInstanceOf(ConflictError);
	});
});

describe('findOverdueTexts', () => {
	it('lists texts whose review date has passed, and only those', async () => {
		const t = await team();
		await publishWithReviews(t, SLUG);
		await saveDraft(t.redacteur, { ...draft(), slug: 'eigen-verlopen-tekst' });
		expect(await findOverdueTexts(t.redacteur)).toEqual([]);
		await db()
			.update(text_)
			.set({ reviewBefore: '2020-01-01' })
			.where(and(eq(text_.steunpuntId, t.sp.id), eq(text_.slug, 'eigen-verlopen-tekst')));
		expect(await findOverdueTexts(t.redacteur)).toEqual([{ slug: 'eigen-verlopen-tekst', reviewBefore: '2020-01-01' }]);
		// The published one falls due a year after publishing.
		const nextYear = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
		expect((await findOverdueTexts(t.redacteur, nextYear)).map((r) => r.slug).sort()).toEqual([SLUG, 'eigen-verlopen-tekst'].sort());
		const item = (await findTextsForEditors(t.redacteur)).find((i) => i.slug === 'eigen-verlopen-tekst');
		expect(item?.overdue).toBe(true);
		expect(item?.source).toBe('eigen');
	});
});

describe('saveSettings', () => {
	const settings = (overrides: Record<string, unknown> = {}) => ({
		naam: 'Steunpunt Testregio',
		telefoon: '020 123 45 67',
		email: 'info@testregio.example.org',
		openingstijden: 'ma-vr 9-17',
		intro: 'Wij helpen ouders.',
		responseDays: '5',
		reviewersRequired: '3',
		'regio-leerplicht': 'Bureau Leerplicht Testregio, 020 555 55 55',
		'regio-steunpunt': '',
		...overrides
	});

	it('lets the beheerder update the naam and the regional details', async () => {
		const sp = await buildSteunpunt();
		const { actor } = await buildUser({ steunpuntId: sp.id, roles: ['beheerder'] });
		await saveSettings(actor, settings());
		const [row] = await db().select().from(steunpunt).where(eq(steunpunt.id, sp.id));
		expect(row.naam).toBe('Steunpunt Testregio');
		expect(row.telefoon).toBe('020 123 45 67');
		expect(row.responseDays).toBe(5);
		expect(row.reviewersRequired).toBe(3);
		expect(row.regioInfo).toEqual({ leerplicht: 'Bureau Leerplicht Testregio, 020 555 55 55' });
	});

	it('refuses a redacteur (403) and a stranger (404); a beheerder of another steunpunt changes only their own', async () => {
		const sp = await buildSteunpunt();
		const { actor } = await buildUser({ steunpuntId: sp.id, roles: ['redacteur'] });
		expect(await rejection(saveSettings(actor, settings()))).toBeInstanceOf(ForbiddenError);
		const other = await buildSteunpunt();
		const stranger = await buildUser({ steunpuntId: other.id, roles: ['beheerder'] });
		// On sp's pages a non-member is an actor without a steunpunt (actorFor): 404.
		expect(await rejection(saveSettings({ ...stranger.actor, steunpuntId: null, roles: [] }, settings()))).toBeInstanceOf(NotFoundError);
		// The tenant comes from the actor: their own save reaches their own steunpunt only.
		await saveSettings(stranger.actor, settings({ naam: 'Steunpunt Elders' }));
		const [theirs] = await db().select().from(steunpunt).where(eq(steunpunt.id, other.id));
		expect(theirs.naam).toBe('Steunpunt Elders');
		const [row] = await db().select().from(steunpunt).where(eq(steunpunt.id, sp.id));
		expect(row.naam).toBe(sp.naam);
	});

	it('refuses a bad telefoon with a field message and changes nothing', async () => {
		const sp = await buildSteunpunt();
		const { actor } = await buildUser({ steunpuntId: sp.id, roles: ['beheerder'] });
		const error = await rejection(saveSettings(actor, settings({ telefoon: 'bel me maar' })));
		expect(error).toBeInstanceOf(ValidationError);
		expect(Object.keys((error as ValidationError).fields)).toEqual(['telefoon']);
		const [row] = await db().select().from(steunpunt).where(eq(steunpunt.id, sp.id));
		expect(row.naam).toBe(sp.naam);
		expect(row.telefoon).toBe(sp.telefoon);
	});

	it('a higher reviewersRequired raises the publish gate', async () => {
		const t = await team();
		const beheerder = await buildUser({ steunpuntId: t.sp.id, roles: ['beheerder'] });
		await saveSettings(beheerder.actor, settings({ reviewersRequired: '3' }));
		await saveDraft(t.redacteur, { ...draft(), slug: SLUG });
		await submitForReview(t.redacteur, { slug: SLUG });
		const v1 = await versionId(t.sp.id, SLUG, 1);
		for (const m of t.meelezers.slice(0, 2)) await reviewVersion(m, { supported: 'ja', versionId: v1 });
		const error = await rejection(publishText(t.redacteur, { slug: SLUG }));
		expect(error).toBeInstanceOf(ConflictError);
		expect((error as Error).message).toContain('2 van de 3');
		await reviewVersion(t.meelezers[2], { supported: 'ja', versionId: v1 });
		await publishText(t.redacteur, { slug: SLUG });
	});
});
