/**
 * At start, the topics staff confirmed (stored as in-vocabulary stems only) are replayed into the
 * topic classifier, so what staff taught it survives a restart and reaches every instance.
 */
import { asc } from 'drizzle-orm';
import { db } from '../db';
import { topicConfirmation } from '../db/schema';
import { learnConfirmed } from './topic-classifier';

export async function replayConfirmedTopics(limit = 50_000): Promise<number> {
	const rows = await db()
		.select({ terms: topicConfirmation.terms, topics: topicConfirmation.topics })
		.from(topicConfirmation)
		.orderBy(asc(topicConfirmation.id))
		.limit(limit);
	for (const r of rows) learnConfirmed(r.terms, r.topics);
	return rows.length;
}
