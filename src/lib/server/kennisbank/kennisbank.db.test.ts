/**
 * The public kennisbank: the national library, question pages, feedback, lists and search.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { useTestDatabase } from '../testing/db';
import { buildSteunpunt, buildUser } from '../testing/factories';
import { db } from '../db';
import { glossaryTerm, libraryText, routeStep, text_, textFeedback, textVersion } from '../db/schema';
import { NotFoundError, RateLimitedError, ValidationError } from '../errors';
import { PHASES, SUBJECTS, TOPICS } from '../../taxonomy';
import { importLibrary } from './import-library';
import { publishText, reviewVersion, saveDraft, submitForReview } from './editorial';
import { findFeedback, giveFeedback } from './feedback';
import { findQuestions, getQuestionPage } from './question-page';
import { searchTexts } from './search';
import { rejection } from '../testing/expect-error';

const SLUG = 'mijn-kind-zit-thuis-wat-nu';

beforeAll(async () => {
	await useTestDatabase();
	await importLibrary();
}, 120_000);

const client = () => `203.0.113.${randomUUID()}`;

describe('importLibrary', () => {
	it('is idempotent: a second run changes nothing', async () => {
		const before = await db().select({ slug: libraryText.slug, version: libraryText.version }).from(libraryText).orderBy(libraryText.slug);
		const [{ terms: termsBefore }] = await db().select({ terms: count() }).from(glossaryTerm);
		const result = await importLibrary();
		expect(result.updated).toBe(0);
		expect(result.questions).toBe(before.length);
		const after = await db().select({ slug: libraryText.slug, version: libraryText.version }).from(libraryText).orderBy(libraryText.slug);
		expect(after).toEqual(before);
		const [{ terms }] = await db().select({ terms: count() }).from(glossaryTerm);
		expect(terms).toBe(termsBefore);
		expect(terms).toBe(result.terms);
		const [{ steps }] = await db().select({ steps: count() }).from(routeStep);
		expect(steps).toBe(result.steps);
		expect(steps).toBeGreaterThan(0);
	});

	it('holds at least 40 questions that cover every phase and every topic', async () => {
		const rows = await db().select().from(libraryText);
		expect(rows.length).toBeGreaterThanOrEqual(40);
		const phases = new Set(rows.map((r) => r.phase));
		const topics = new Set(rows.flatMap((r) => r.topics));
		expect(PHASES).toHaveLength(7);
		expect(TOPICS).toHaveLength(24);
		for (const p of PHASES) expect(phases.has(p.slug), `phase ${p.slug}`).toBe(true);
		for (const t of TOPICS) expect(topics.has(t.slug), `topic ${t.slug}`).toBe(true);
		// And nothing outside the taxonomy.
		for (const r of rows) {
			expect(
				PHASES.some((p) => p.slug === r.phase),
				`${r.slug} phase`
			).toBe(true);
			expect(
				SUBJECTS.some((s) => s.slug === r.subject),
				`${r.slug} subject`
			).toBe(true);
			for (const t of r.topics)
				expect(
					TOPICS.some((x) => x.slug === t),
					`${r.slug} topic ${t}`
				).toBe(true);
		}
	});

	it('every related slug points to an existing question', async () => {
		const rows = await db().select({ slug: libraryText.slug, related: libraryText.related }).from(libraryText);
		const slugs = new Set(rows.map((r) => r.slug));
		const broken = rows.flatMap((r) => r.related.filter((s) => !slugs.has(s)).map((s) => `${r.slug} → ${s}`));
		expect(broken).toEqual([]);
		expect(rows.some((r) => r.related.length > 0)).toBe(true);
	});
});

describe('getQuestionPage', () => {
	it('separates the actions from the answer and links glossary terms to the begrippenlijst', async () => {
		const sp = await buildSteunpunt();
		const page = await getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: SLUG });
		expect(page.title).toBe('Mijn kind zit thuis. Wat kan ik doen?');
		expect(page.phase).toEqual({ slug: 'thuiszitten', label: 'Mijn kind zit thuis' });
		expect(page.subject?.slug).toBe('als-school-niet-lukt');
		expect(page.topics.map((t) => t.slug)).toEqual(['thuiszitten-verzuim', 'hulp-steun-vinden', 'zorgplicht']);

		expect(page.answerHtml).toContain('School blijft verantwoordelijk');
		expect(page.answerHtml).not.toContain('Wat kun je nu doen');
		expect(page.answerHtml).not.toContain('Schrijf op sinds wanneer');
		expect(page.actionsHtml).toContain('<li>');
		expect(page.actionsHtml).toContain('Schrijf op sinds wanneer');
		expect(page.actionsHtml).not.toContain('School blijft verantwoordelijk');

		expect(page.terms.length).toBeGreaterThan(0);
		const links = [...(page.answerHtml + page.actionsHtml).matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
		const glossaryLinks = links.filter((l) => l.startsWith(`/${sp.slug}/begrippen#`));
		expect(glossaryLinks.length).toBeGreaterThan(0);
		for (const term of page.terms) expect(glossaryLinks).toContain(`/${sp.slug}/begrippen#${term.slug}`);
		// Each term is linked once on the page.
		expect(new Set(glossaryLinks).size).toBe(glossaryLinks.length);

		expect(page.related.map((r) => r.slug)).toEqual([
			'onderwijsconsulent-inschakelen',
			'kind-wordt-steeds-naar-huis-gestuurd',
			'leerplichtambtenaar-wat-gebeurt-er',
			'minder-uren-of-online-les'
		]);
		expect(page.related.every((r) => r.title.length > 0)).toBe(true);
	});

	it('answers 404 for an unknown slug', async () => {
		const sp = await buildSteunpunt();
		const error = await rejection(getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: 'bestaat-niet-echt' }));
		expect(error).toBeInstanceOf(NotFoundError);
	});

	it('shows a steunpunt’s own text only to that steunpunt', async () => {
		const sp = await buildSteunpunt();
		const other = await buildSteunpunt();
		await publishOwn(sp, 'ons-eigen-oudercafe', 'Dit is ons oudercafé. Kom gerust langs. Je bent welkom.');
		const page = await getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: 'ons-eigen-oudercafe' });
		expect(page.title).toBe('Een eigen tekst van ons steunpunt');
		expect(await rejection(getQuestionPage({ steunpuntId: other.id, steunpuntSlug: other.slug, slug: 'ons-eigen-oudercafe' }))).toBeInstanceOf(NotFoundError);
	});

	it('renders raw HTML in a published text as text, never as a script', async () => {
		const sp = await buildSteunpunt();
		await publishOwn(sp, 'tekst-met-script', 'Hallo ouders. <script>alert(1)</script> Lees verder. Wij helpen je graag.\n\n<img src=x onerror="alert(2)">');
		const page = await getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: 'tekst-met-script' });
		const html = page.answerHtml + page.actionsHtml;
		expect(html).toContain('&lt;script');
		expect(html).not.toContain('<script');
		expect(html).not.toContain('<img');
		expect(html).toContain('Hallo ouders.');
	});
});

/** Publishes a steunpunt's own text through the real gate (two meelezers say ja). */
async function publishOwn(sp: { id: string }, slug: string, intro: string) {
	const redacteur = await buildUser({ steunpuntId: sp.id, roles: ['redacteur'] });
	const meelezers = [await buildUser({ steunpuntId: sp.id, roles: ['meelezer'] }), await buildUser({ steunpuntId: sp.id, roles: ['meelezer'] })];
	await saveDraft(redacteur.actor, {
		title: 'Een eigen tekst van ons steunpunt',
		summary: 'Een korte tekst van ons eigen steunpunt.',
		body: `${intro}\n\n## Wat kun je nu doen?\n- Bel ons.\n- Mail ons.`,
		phase: 'orientatie',
		subject: 'hoe-school-werkt',
		topics: ['hulp-steun-vinden'],
		slug
	});
	await submitForReview(redacteur.actor, { overrideReason: 'Een testtekst met bijzondere tekens.', slug });
	const [v] = await db()
		.select({ id: textVersion.id })
		.from(textVersion)
		.innerJoin(text_, eq(text_.id, textVersion.textId))
		.where(and(eq(text_.steunpuntId, sp.id), eq(text_.slug, slug)));
	for (const m of meelezers) await reviewVersion(m.actor, { supported: 'ja', versionId: v.id });
	await publishText(redacteur.actor, { slug });
}

describe('giveFeedback', () => {
	it('stores only the answer, the comment and the date: nothing about the client', async () => {
		const sp = await buildSteunpunt();
		const who = client();
		await giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: { helped: 'ja', comment: '  Heel duidelijk, dank je.  ' }, client: who });
		await giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: { helped: 'nee' }, client: who });
		const rows = await db().select().from(textFeedback).where(eq(textFeedback.steunpuntId, sp.id));
		expect(rows).toHaveLength(2);
		for (const row of rows) {
			expect(Object.keys(row).sort()).toEqual(['comment', 'createdAt', 'helped', 'id', 'slug', 'steunpuntId']);
			expect(JSON.stringify(row)).not.toContain(who);
			expect(row.slug).toBe(SLUG);
		}
		expect(rows.find((r) => r.helped)?.comment).toBe('Heel duidelijk, dank je.');
		expect(rows.find((r) => !r.helped)?.comment).toBeNull();

		const beheerder = await buildUser({ steunpuntId: sp.id, roles: ['beheerder'] });
		const { counts, comments } = await findFeedback(beheerder.actor, { slug: SLUG });
		expect(counts).toEqual([{ slug: SLUG, yes: 1, no: 1 }]);
		expect(comments.map((c) => c.comment)).toEqual(['Heel duidelijk, dank je.']);
	});

	it('is rate-limited after 20 per hour per client', async () => {
		const sp = await buildSteunpunt();
		const who = client();
		for (let i = 0; i < 20; i++) await giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: { helped: 'ja' }, client: who });
		const error = await rejection(giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: { helped: 'ja' }, client: who }));
		expect(error).toBeInstanceOf(RateLimitedError);
		expect((error as RateLimitedError).status).toBe(429);
		const [{ n }] = await db().select({ n: count() }).from(textFeedback).where(eq(textFeedback.steunpuntId, sp.id));
		expect(n).toBe(20);
		// Another client is not affected.
		await giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: { helped: 'nee' }, client: client() });
	});

	it('refuses an invalid answer, an overlong comment and an unknown slug', async () => {
		const sp = await buildSteunpunt();
		for (const input of [{ helped: 'misschien' }, {}, { helped: true }, null]) {
			const error = await rejection(giveFeedback({ steunpuntId: sp.id, slug: SLUG, input, client: client() }));
			expect(error, JSON.stringify(input)).toBeInstanceOf(ValidationError);
		}
		const long = await rejection(giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: { helped: 'ja', comment: 'x'.repeat(1001) }, client: client() }));
		expect(long).toBeInstanceOf(ValidationError);
		expect((long as ValidationError).fields.comment).toBeTruthy();
		expect(await rejection(giveFeedback({ steunpuntId: sp.id, slug: 'bestaat-niet-echt', input: { helped: 'ja' }, client: client() }))).toBeInstanceOf(
			NotFoundError
		);
		expect(await db().select().from(textFeedback).where(eq(textFeedback.steunpuntId, sp.id))).toEqual([]);
	});
});

describe('findQuestions', () => {
	it('lists the questions of a phase, a subject and a topic', async () => {
		const sp = await buildSteunpunt();
		const library = await db().select().from(libraryText);

		const byPhase = await findQuestions({ steunpuntId: sp.id, by: 'phase', value: 'thuiszitten' });
		expect(byPhase.map((q) => q.slug).sort()).toEqual(
			library
				.filter((t) => t.phase === 'thuiszitten')
				.map((t) => t.slug)
				.sort()
		);
		expect(byPhase.map((q) => q.slug)).toContain(SLUG);

		const bySubject = await findQuestions({ steunpuntId: sp.id, by: 'subject', value: 'als-school-niet-lukt' });
		expect(bySubject.map((q) => q.slug).sort()).toEqual(
			library
				.filter((t) => t.subject === 'als-school-niet-lukt')
				.map((t) => t.slug)
				.sort()
		);

		const byTopic = await findQuestions({ steunpuntId: sp.id, by: 'topic', value: 'thuiszitten-verzuim' });
		const expected = library.filter((t) => t.topics.includes('thuiszitten-verzuim'));
		expect(byTopic.map((q) => q.slug).sort()).toEqual(expected.map((t) => t.slug).sort());
		// Texts with it as their main topic come first.
		const positions = byTopic.map((q) => expected.find((t) => t.slug === q.slug)!.topics.indexOf('thuiszitten-verzuim'));
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
		expect(byTopic.every((q) => q.title && q.summary)).toBe(true);
	});

	it('answers 404 for an unknown phase, subject or topic', async () => {
		const sp = await buildSteunpunt();
		for (const by of ['phase', 'subject', 'topic'] as const) {
			expect(await rejection(findQuestions({ steunpuntId: sp.id, by, value: 'bestaat-niet' }))).toBeInstanceOf(NotFoundError);
		}
	});
});

describe('searchTexts', () => {
	it('finds texts and links to the steunpunt’s question pages', async () => {
		const sp = await buildSteunpunt();
		const results = await searchTexts({ steunpuntId: sp.id, steunpuntSlug: sp.slug, q: 'kind zit thuis' });
		expect(results.length).toBeGreaterThan(0);
		expect(results.length).toBeLessThanOrEqual(10);
		for (const r of results) expect(r.url).toMatch(new RegExp(`^/${sp.slug}/vraag/[a-z0-9-]+$`));
		expect(results.map((r) => r.url)).toContain(`/${sp.slug}/vraag/${SLUG}`);
		expect((await searchTexts({ steunpuntId: sp.id, steunpuntSlug: sp.slug, q: 'tlv', limit: 2 })).length).toBeLessThanOrEqual(2);
	});

	it('gives no results for an empty query', async () => {
		const sp = await buildSteunpunt();
		expect(await searchTexts({ steunpuntId: sp.id, steunpuntSlug: sp.slug, q: '' })).toEqual([]);
		expect(await searchTexts({ steunpuntId: sp.id, steunpuntSlug: sp.slug, q: '   \n ' })).toEqual([]);
	});
});
