/**
 * What parents see of the kennisbank: the imported national library, question pages (safe HTML,
 * actions, glossary links), anonymous feedback, the lists per phase/subject/topic and search.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../testing/db';
import { buildSteunpunt, buildUser } from '../testing/factories';
import { db } from '../db';
import { auditLog, glossaryTerm, libraryText, rateLimit, routeStep, textFeedback } from '../db/schema';
import { NotFoundError, RateLimitedError, ValidationError } from '../errors';
import { hitRateLimit } from '../rate-limit';
import { PHASES, SUBJECTS, TOPICS } from '../../taxonomy';
import type { Actor } from '../auth/roles';
import { importLibrary } from './import-library';
import { publishText, reviewVersion, saveDraft, submitForReview } from './editorial';
import { getTextForEditor } from './editorial-read';
import { findFeedback, giveFeedback } from './feedback';
import { findQuestions, getQuestionPage } from './question-page';
import { searchTexts } from './search';
import { caught } from '../testing/expect-error';

const newClient = () => `192.0.2.${randomUUID()}`;

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
type Library = typeof libraryText.$inferSelect;

let sp: Steunpunt;
let other: Steunpunt;
let library: Library[];

beforeAll(async () => {
	await useTestDatabase();
	await importLibrary();
	library = await db().select().from(libraryText);
	sp = await buildSteunpunt();
	other = await buildSteunpunt();
}, 120_000);

/** Publishes a steunpunt's own text through the real gate (override reason, two meelezers). */
async function publishOwn(steunpuntId: string, slug: string, input: Record<string, unknown>) {
	const editor = (await buildUser({ steunpuntId, roles: ['redacteur'] })).actor;
	const readers: Actor[] = [];
	for (let i = 0; i < 2; i++) readers.push((await buildUser({ steunpuntId, roles: ['meelezer'] })).actor);
	await saveDraft(editor, {
		phase: 'orientatie',
		subject: 'hoe-school-werkt',
		topics: ['hulp-steun-vinden'],
		summary: 'Een vraag die alleen dit steunpunt heeft.',
		...input,
		slug
	});
	await submitForReview(editor, { overrideReason: 'Dit is een test van de weergave.', slug });
	const versionId = (await getTextForEditor(editor, { slug })).versions[0].id;
	for (const reader of readers) await reviewVersion(reader, { supported: 'ja', versionId });
	await publishText(editor, { slug });
}

describe('importLibrary', () => {
	it('is idempotent: a second run inserts and updates nothing', async () => {
		const versions = async () => new Map((await db().select().from(libraryText)).map((r) => [r.slug, `${r.version}/${r.updatedAt.toISOString()}`]));
		const before = await versions();
		const first = await importLibrary();
		const second = await importLibrary();
		expect(first.updated).toBe(0);
		expect(second).toEqual(first);
		expect(await versions()).toEqual(before);
		const [{ n: questions }] = await db().select({ n: count() }).from(libraryText);
		const [{ n: terms }] = await db().select({ n: count() }).from(glossaryTerm);
		const [{ n: steps }] = await db().select({ n: count() }).from(routeStep);
		expect(questions).toBe(second.questions);
		expect(terms).toBe(second.terms);
		expect(steps).toBe(second.steps);
		expect(steps).toBeGreaterThan(0);
	});

	it('gives a national text whose content changed a higher version, and restores its content', async () => {
		const slug = 'wat-is-passend-onderwijs';
		const [old] = await db().select().from(libraryText).where(eq(libraryText.slug, slug));
		try {
			await db().update(libraryText).set({ body: 'Verouderde tekst.' }).where(eq(libraryText.slug, slug));
			const result = await importLibrary();
			expect(result.updated).toBe(1);
			const [now] = await db().select().from(libraryText).where(eq(libraryText.slug, slug));
			expect(now.version).toBe(old.version + 1);
			expect(now.body).toBe(old.body);
		} finally {
			await db().update(libraryText).set({ version: old.version }).where(eq(libraryText.slug, slug));
		}
	});

	it('holds at least 40 questions covering every phase and every taxonomy topic', async () => {
		expect(library.length).toBeGreaterThanOrEqual(40);
		expect(PHASES).toHaveLength(7);
		expect(TOPICS).toHaveLength(24);
		const phases = new Set(library.map((q) => q.phase));
		for (const phase of PHASES) expect(phases.has(phase.slug), phase.slug).toBe(true);
		const topics = new Set(library.flatMap((q) => q.topics));
		for (const topic of TOPICS) expect(topics.has(topic.slug), topic.slug).toBe(true);
		const subjects = new Set(SUBJECTS.map((s) => s.slug as string));
		for (const q of library) expect(subjects.has(q.subject), `${q.slug}: ${q.subject}`).toBe(true);
	});

	it('has no related slug that points nowhere, nor a question related to itself', async () => {
		const slugs = new Set(library.map((q) => q.slug));
		const dangling = library.flatMap((q) => q.related.filter((r) => !slugs.has(r)).map((r) => `${q.slug} → ${r}`));
		expect(dangling).toEqual([]);
		expect(library.filter((q) => q.related.includes(q.slug)).map((q) => q.slug)).toEqual([]);
	});
});

describe('getQuestionPage', () => {
	it('renders the answer and "Wat kun je nu doen?" separately', async () => {
		const page = await getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: 'wat-is-een-opp' });
		expect(page.title).toBe('Wat is een OPP en moet ik tekenen?');
		expect(page.phase).toEqual({ slug: 'extra-ondersteuning', label: 'Mijn kind heeft extra ondersteuning nodig' });
		expect(page.subject).toEqual({ slug: 'ondersteuning-op-school', label: 'Ondersteuning op school' });
		expect(page.topics).toEqual([{ slug: 'opp', label: 'Ontwikkelingsperspectief (OPP)' }]);

		expect(page.answerHtml).toContain('Moet ik tekenen?');
		expect(page.answerHtml).toContain('Neem de tijd');
		expect(page.answerHtml).not.toContain('Wat kun je nu doen');
		expect(page.answerHtml).not.toContain('Vraag het OPP op papier');

		expect(page.actionsHtml).toMatch(/^\s*<ul>/);
		expect((page.actionsHtml.match(/<li>/g) ?? []).length).toBe(6);
		expect(page.actionsHtml).toContain('Vraag het OPP op papier of per mail');
		expect(page.actionsHtml).not.toContain('Wat kun je nu doen');
		expect(page.actionsHtml).not.toContain('Neem de tijd');
		// The page's h1 is the title: the text itself starts at h2 and below.
		expect(page.answerHtml).not.toMatch(/<h1/);
	});

	it("links the first use of each glossary term to the steunpunt's begrippenlijst, never in a heading", async () => {
		const page = await getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: 'wat-is-een-opp' });
		const html = page.answerHtml + page.actionsHtml;
		const link = `<a class="begrip" href="/${sp.slug}/begrippen#ontwikkelingsperspectief">`;
		expect(page.answerHtml).toContain(link);
		expect(html.split(link)).toHaveLength(2);
		expect(page.answerHtml).toContain(`href="/${sp.slug}/begrippen#handelingsdeel"`);
		expect(page.answerHtml).toContain(`href="/${sp.slug}/begrippen#instemmingsrecht"`);
		// The heading "Wat is een OPP?" contains a term but stays a plain heading.
		for (const heading of page.answerHtml.match(/<h[2-6][^>]*>[\s\S]*?<\/h[2-6]>/g) ?? []) expect(heading).not.toContain('class="begrip"');

		const linked = [...html.matchAll(/href="\/[^/]+\/begrippen#([a-z0-9-]+)"/g)].map((m) => m[1]);
		expect(new Set(linked).size).toBe(linked.length);
		expect(page.terms.map((t) => t.slug).sort()).toEqual([...linked].sort());
		const opp = page.terms.find((t) => t.slug === 'ontwikkelingsperspectief');
		expect(opp?.term).toBe('Ontwikkelingsperspectief');
		expect(opp?.definition.length).toBeGreaterThan(10);
		// Every link on the page goes to this steunpunt's begrippenlijst.
		expect(html).not.toContain(`/${other.slug}/begrippen`);
	});

	it('lists related questions that exist, with their titles', async () => {
		const page = await getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: 'wat-is-een-opp' });
		const source = library.find((q) => q.slug === 'wat-is-een-opp')!;
		expect(page.related.map((r) => r.slug)).toEqual(source.related);
		for (const r of page.related) expect(r.title).toBe(library.find((q) => q.slug === r.slug)!.title);
	});

	it('answers 404 for an unknown slug', async () => {
		await caught(getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: 'bestaat-niet' }), NotFoundError);
		await caught(getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: '' }), NotFoundError);
	});

	it('shows raw HTML from a published text as text, never as markup', async () => {
		const slug = `onveilige-tekst-${randomUUID().slice(0, 6)}`;
		await publishOwn(sp.id, slug, {
			title: 'Een tekst met gevaarlijke code',
			body: [
				'Dit is een gewone zin.',
				'',
				'<script>alert("xss")</script>',
				'',
				'Een plaatje <img src="x" onerror="alert(1)"> in een zin, en een [link](javascript:alert(1)).',
				'',
				'<iframe src="https://evil.example"></iframe>',
				'',
				'## Wat kun je nu doen?',
				'- Klik hier: <a href="javascript:alert(2)">niet doen</a>',
				'- Bel <script>alert(3)</script> ons.'
			].join('\n')
		});
		const page = await getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug });
		const html = page.answerHtml + page.actionsHtml;
		expect(page.answerHtml).toContain('&lt;script');
		expect(page.actionsHtml).toContain('&lt;script');
		expect(html).not.toMatch(/<script/i);
		expect(html).not.toMatch(/<img/i);
		expect(html).not.toMatch(/<iframe/i);
		expect(html).not.toMatch(/<a [^>]*href="javascript:/i);
		// Attributes survive only as escaped text, never inside a real tag.
		expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
		expect(page.answerHtml).toContain('&lt;img src=&quot;x&quot; onerror=');
		expect(page.answerHtml).toContain('Dit is een gewone zin.');
		// Only this steunpunt has the text.
		await caught(getQuestionPage({ steunpuntId: other.id, steunpuntSlug: other.slug, slug }), NotFoundError);
	});
});

describe('giveFeedback', () => {
	const SLUG = 'wat-is-een-opp';

	it('stores the answer and comment anonymously', async () => {
		const client = newClient();
		const at = new Date(Date.now() - 1000);
		await giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: { helped: 'ja', comment: '  Duidelijke uitleg. ' }, client });
		await giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: { helped: 'nee', comment: '' }, client });
		const rows = await db().select().from(textFeedback).where(eq(textFeedback.steunpuntId, sp.id));
		expect(rows).toHaveLength(2);
		for (const row of rows) {
			expect(Object.keys(row).sort()).toEqual(['comment', 'createdAt', 'helped', 'id', 'slug', 'steunpuntId']);
			expect(JSON.stringify(row)).not.toContain(client);
			expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(at.getTime());
		}
		expect(rows.find((r) => r.helped)?.comment).toBe('Duidelijke uitleg.');
		expect(rows.find((r) => !r.helped)?.comment).toBeNull();
		// Nothing about the client in the audit log either.
		const audit = await db()
			.select()
			.from(auditLog)
			.where(sql`${auditLog.detail}::text like ${'%' + client + '%'}`);
		expect(audit).toEqual([]);

		const editor = (await buildUser({ steunpuntId: sp.id, roles: ['redacteur'] })).actor;
		const { counts, comments } = await findFeedback(editor, { slug: SLUG });
		expect(counts).toEqual([{ slug: SLUG, yes: 1, no: 1 }]);
		expect(comments.map((c) => c.comment)).toEqual(['Duidelijke uitleg.']);
		// Another steunpunt's editor reads their own steunpunt's feedback: none of this.
		const otherEditor = (await buildUser({ steunpuntId: other.id, roles: ['redacteur'] })).actor;
		expect(await findFeedback(otherEditor, { slug: SLUG })).toEqual({ counts: [], comments: [] });
		expect((await findFeedback(otherEditor)).counts).toEqual([]);
		// Someone who works for no steunpunt gets 404.
		await caught(findFeedback({ ...otherEditor, steunpuntId: null, roles: [] }, { slug: SLUG }), NotFoundError);
	});

	it('is rate-limited after 20 per hour per client', async () => {
		const target = await buildSteunpunt();
		const client = newClient();
		for (let i = 0; i < 20; i++) await giveFeedback({ steunpuntId: target.id, slug: SLUG, input: { helped: i % 2 ? 'ja' : 'nee' }, client });
		const error = await caught(giveFeedback({ steunpuntId: target.id, slug: SLUG, input: { helped: 'ja' }, client }), RateLimitedError);
		expect(error.status).toBe(429);
		// Also on another steunpunt's site: the limit is per client.
		await caught(giveFeedback({ steunpuntId: other.id, slug: SLUG, input: { helped: 'ja' }, client }), RateLimitedError);
		const [{ n }] = await db().select({ n: count() }).from(textFeedback).where(eq(textFeedback.steunpuntId, target.id));
		expect(n).toBe(20);
		// Another client is not affected.
		await giveFeedback({ steunpuntId: target.id, slug: SLUG, input: { helped: 'ja' }, client: newClient() });
	});

	it('refuses an invalid answer, an overlong comment and an unknown text', async () => {
		for (const input of [{ helped: 'misschien' }, { helped: true }, {}]) {
			const error = await caught(giveFeedback({ steunpuntId: sp.id, slug: SLUG, input, client: newClient() }), ValidationError);
			expect(error.fields.helped).toBe('Kies ja of nee.');
		}
		await caught(giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: null, client: newClient() }), ValidationError);
		const long = await caught(
			giveFeedback({ steunpuntId: sp.id, slug: SLUG, input: { helped: 'ja', comment: 'x'.repeat(1001) }, client: newClient() }),
			ValidationError
		);
		expect(long.fields.comment).toMatch(/te lang/);
		await caught(giveFeedback({ steunpuntId: sp.id, slug: 'bestaat-niet', input: { helped: 'ja' }, client: newClient() }), NotFoundError);
	});
});

describe('hitRateLimit', () => {
	it('counts hits per key within a fixed window and starts again after it', async () => {
		const key = `test:${randomUUID()}`;
		const t0 = new Date('2030-01-01T10:00:00Z');
		await hitRateLimit({ key, max: 2, windowSeconds: 60, now: t0 });
		await hitRateLimit({ key, max: 2, windowSeconds: 60, now: new Date(t0.getTime() + 10_000) });
		await caught(hitRateLimit({ key, max: 2, windowSeconds: 60, now: new Date(t0.getTime() + 59_000) }), RateLimitedError);
		await hitRateLimit({ key, max: 2, windowSeconds: 60, now: new Date(t0.getTime() + 61_000) });
		const [row] = await db().select().from(rateLimit).where(eq(rateLimit.key, key));
		expect(row.count).toBe(1);
		expect(row.windowStart.toISOString()).toBe('2030-01-01T10:01:01.000Z');
		await hitRateLimit({ key: `${key}-ander`, max: 2, windowSeconds: 60, now: new Date(t0.getTime() + 62_000) });
	});
});

describe('findQuestions', () => {
	it('lists exactly the questions of a phase, a subject and a topic', async () => {
		for (const phase of PHASES) {
			const found = await findQuestions({ steunpuntId: other.id, by: 'phase', value: phase.slug });
			const expected = library.filter((q) => q.phase === phase.slug).map((q) => q.slug);
			expect(found.length, phase.slug).toBeGreaterThan(0);
			expect(found.map((q) => q.slug).sort()).toEqual(expected.sort());
		}
		for (const subject of SUBJECTS) {
			const found = await findQuestions({ steunpuntId: other.id, by: 'subject', value: subject.slug });
			expect(found.map((q) => q.slug).sort()).toEqual(
				library
					.filter((q) => q.subject === subject.slug)
					.map((q) => q.slug)
					.sort()
			);
		}
		for (const topic of TOPICS) {
			const found = await findQuestions({ steunpuntId: other.id, by: 'topic', value: topic.slug });
			expect(found.map((q) => q.slug).sort()).toEqual(
				library
					.filter((q) => q.topics.includes(topic.slug))
					.map((q) => q.slug)
					.sort()
			);
		}
	});

	it('puts questions whose main topic it is first', async () => {
		for (const topic of TOPICS) {
			const found = await findQuestions({ steunpuntId: other.id, by: 'topic', value: topic.slug });
			const positions = found.map((f) => library.find((q) => q.slug === f.slug)!.topics.indexOf(topic.slug));
			expect(positions, topic.slug).toEqual([...positions].sort((x, y) => x - y));
		}
	});

	it("gives title and summary, and the steunpunt's own version where it has one", async () => {
		const found = await findQuestions({ steunpuntId: other.id, by: 'phase', value: 'extra-ondersteuning' });
		const opp = found.find((q) => q.slug === 'wat-is-een-opp');
		expect(opp).toEqual({
			slug: 'wat-is-een-opp',
			title: 'Wat is een OPP en moet ik tekenen?',
			summary: library.find((q) => q.slug === 'wat-is-een-opp')!.summary
		});
		const own = await buildSteunpunt();
		const slug = `eigen-orientatie-${randomUUID().slice(0, 6)}`;
		await publishOwn(own.id, slug, { title: 'Onze eigen vraag over het steunpunt', body: 'Wij helpen je graag.\n\n## Wat kun je nu doen?\n- Bel ons.' });
		expect((await findQuestions({ steunpuntId: own.id, by: 'phase', value: 'orientatie' })).map((q) => q.slug)).toContain(slug);
		expect((await findQuestions({ steunpuntId: other.id, by: 'phase', value: 'orientatie' })).map((q) => q.slug)).not.toContain(slug);
	});

	it('answers 404 for an unknown phase, subject or topic', async () => {
		await caught(findQuestions({ steunpuntId: sp.id, by: 'phase', value: 'bestaat-niet' }), NotFoundError);
		await caught(findQuestions({ steunpuntId: sp.id, by: 'subject', value: 'opp' }), NotFoundError);
		await caught(findQuestions({ steunpuntId: sp.id, by: 'topic', value: 'thuiszitten' }), NotFoundError);
	});
});

describe('searchTexts', () => {
	it("finds questions and links to this steunpunt's question pages", async () => {
		const results = await searchTexts({ steunpuntId: sp.id, steunpuntSlug: sp.slug, q: 'moet ik het opp tekenen' });
		expect(results.length).toBeGreaterThan(0);
		for (const r of results) expect(r.url).toMatch(new RegExp(`^/${sp.slug}/vraag/[a-z0-9-]+$`));
		expect(results.slice(0, 3).map((r) => r.url)).toContain(`/${sp.slug}/vraag/wat-is-een-opp`);
		const opp = results.find((r) => r.url.endsWith('/wat-is-een-opp'))!;
		expect(opp.title).toBe('Wat is een OPP en moet ik tekenen?');
		expect(opp.phase).toBe('extra-ondersteuning');
		expect(opp.topics).toEqual(['opp']);
		expect(await searchTexts({ steunpuntId: sp.id, steunpuntSlug: sp.slug, q: 'school', limit: 3 })).toHaveLength(3);
	});

	it("finds a steunpunt's own published text only on its own site", async () => {
		const own = await buildSteunpunt();
		const slug = `vlindertuin-${randomUUID().slice(0, 6)}`;
		await publishOwn(own.id, slug, {
			title: 'De vlindertuin van ons steunpunt',
			body: 'In de vlindertuin praten ouders met elkaar.\n\n## Wat kun je nu doen?\n- Kom langs in de vlindertuin.'
		});
		const mine = await searchTexts({ steunpuntId: own.id, steunpuntSlug: own.slug, q: 'vlindertuin' });
		expect(mine[0]?.url).toBe(`/${own.slug}/vraag/${slug}`);
		const theirs = await searchTexts({ steunpuntId: other.id, steunpuntSlug: other.slug, q: 'vlindertuin' });
		expect(theirs.map((r) => r.url)).not.toContain(`/${other.slug}/vraag/${slug}`);
	});

	it('gives no results (and no error) for empty or garbage input', async () => {
		for (const q of ['', '   ', '\n\t', '😀', "' OR 1=1 --", '%%%%', '<script>', 'x'.repeat(20_000)]) {
			expect(await searchTexts({ steunpuntId: sp.id, steunpuntSlug: sp.slug, q }), JSON.stringify(q.slice(0, 20))).toEqual([]);
		}
	});
});
