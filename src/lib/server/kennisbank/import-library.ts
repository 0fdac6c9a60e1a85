/**
 * Loads the national library (content/) into the database. Idempotent: run at every start, so a
 * deployment with updated content shows it. A question whose text changed gets a higher version;
 * steunpunten with an adaptation then see that the national text was updated.
 */
import { eq, sql } from 'drizzle-orm';
import { db } from '../db';
import { glossaryTerm, libraryText, routeStep } from '../db/schema';
import { loadGlossary, loadQuestions, loadRoute } from './content';

export async function importLibrary(): Promise<{ questions: number; updated: number; terms: number; steps: number }> {
	const questions = loadQuestions();
	const glossary = loadGlossary();
	const route = loadRoute();
	let updated = 0;
	await db().transaction(async (tx) => {
		const existing = new Map((await tx.select().from(libraryText)).map((r) => [r.slug, r]));
		for (const q of questions) {
			const old = existing.get(q.slug);
			const values = {
				title: q.title,
				phase: q.phase,
				topics: q.topics,
				subject: q.subject,
				audience: q.audience,
				summary: q.summary,
				body: q.body,
				keywords: q.keywords,
				related: q.related
			};
			if (!old) {
				await tx.insert(libraryText).values({ slug: q.slug, ...values });
				continue;
			}
			const changed =
				JSON.stringify(values) !==
				JSON.stringify({
					title: old.title,
					phase: old.phase,
					topics: old.topics,
					subject: old.subject,
					audience: old.audience,
					summary: old.summary,
					body: old.body,
					keywords: old.keywords,
					related: old.related
				});
			if (changed) {
				updated++;
				await tx
					.update(libraryText)
					.set({ ...values, version: sql`${libraryText.version} + 1`, updatedAt: new Date() })
					.where(eq(libraryText.slug, q.slug));
			}
		}
		for (const term of glossary) {
			await tx
				.insert(glossaryTerm)
				.values(term)
				.onConflictDoUpdate({ target: glossaryTerm.slug, set: { term: term.term, aliases: term.aliases, definition: term.definition } });
		}
		await tx.delete(routeStep);
		if (route.length) {
			await tx.insert(routeStep).values(route.map((s, i) => ({ ...s, position: i + 1 })));
		}
	});
	return { questions: questions.length, updated, terms: glossary.length, steps: route.length };
}
