/**
 * The topics staff confirmed reach the classifier of every instance, each confirmation exactly
 * once. A confirmation is stored in `topic_confirmation` (in-vocabulary stems only, never the
 * text: see topic-classifier.ts `confirmedTermsOf`); the model itself lives in memory. So every
 * instance follows the table: at start it replays every row (what staff taught survives a
 * restart), and afterwards it learns the rows it has not learned yet — right after a
 * confirmation in this process (the domain calls `syncConfirmedTopics` once the transaction
 * committed, instead of learning the terms itself, so its own row is not learned twice), and on
 * PostgreSQL, where several instances may share the database, every SYNC_INTERVAL_MS: a
 * confirmation made on another instance shapes the suggestions here within a few seconds.
 *
 * Exactly once, while transactions commit out of id order (id 11 may be visible before id 10):
 * the follower re-reads the ids above a floor and learns those it has not learned. The floor only
 * rises to rows written more than SETTLE_MS ago (database clock); by then every transaction that
 * wrote a lower id has long committed or rolled back (they take milliseconds). Rows at or below
 * the floor are never read again, so the set of learned ids stays small.
 */
import { asc, gt, inArray, sql } from 'drizzle-orm';
import { db } from '../db';
import { topicConfirmation } from '../db/schema';
import { errorCode } from '../platform/outbox';
import { log } from '../log';
import { learnConfirmed } from './topic-classifier';

/** How often an instance on PostgreSQL looks for confirmations made elsewhere. */
export const SYNC_INTERVAL_MS = 2_000;
/** Rows older than this (by their transaction's start) are settled: the floor may pass them. */
export const SETTLE_MS = 120_000;
const PAGE = 5_000;
const FETCH = 500;

export interface ConfirmationRow {
	id: number;
	terms: string[];
	topics: string[];
}

/** One instance's view of the table: which confirmations its model has learned. */
export class ConfirmationFollower {
	/** Every id at or below it is learned (or never will be visible). */
	private floor = 0;
	/** Learned ids above the floor. */
	private readonly learned = new Set<number>();
	/** Rounds run one after another, so two never learn the same row. */
	private queue: Promise<unknown> = Promise.resolve();
	private pending = 0;

	constructor(private readonly learn: (row: ConfirmationRow) => void) {}

	/** True while a round runs or waits (the interval skips a tick then). */
	get busy(): boolean {
		return this.pending > 0;
	}

	/** Learns every committed confirmation not learned yet; returns how many it learned now. */
	sync(): Promise<number> {
		this.pending++;
		const round = this.queue.then(() => this.round());
		this.queue = round.catch(() => undefined).finally(() => this.pending--);
		return round;
	}

	private async round(): Promise<number> {
		let learnedNow = 0;
		let settledUpTo = this.floor;
		let cursor = this.floor;
		for (;;) {
			const page = await db()
				.select({ id: topicConfirmation.id, settled: sql<boolean>`${topicConfirmation.createdAt} < now() - make_interval(secs => ${SETTLE_MS / 1000})` })
				.from(topicConfirmation)
				.where(gt(topicConfirmation.id, cursor))
				.orderBy(asc(topicConfirmation.id))
				.limit(PAGE);
			const fresh = page.filter((r) => !this.learned.has(r.id)).map((r) => r.id);
			for (let i = 0; i < fresh.length; i += FETCH) {
				const rows = await db()
					.select({ id: topicConfirmation.id, terms: topicConfirmation.terms, topics: topicConfirmation.topics })
					.from(topicConfirmation)
					.where(inArray(topicConfirmation.id, fresh.slice(i, i + FETCH)))
					.orderBy(asc(topicConfirmation.id));
				for (const row of rows) {
					this.learn(row);
					this.learned.add(row.id);
					learnedNow++;
				}
			}
			for (const r of page) if (r.settled && r.id > settledUpTo) settledUpTo = r.id;
			if (page.length < PAGE) break;
			cursor = page[page.length - 1].id;
		}
		this.floor = settledUpTo;
		for (const id of this.learned) if (id <= this.floor) this.learned.delete(id);
		return learnedNow;
	}
}

/** This process's follower, teaching the shared classifier. */
const follower = new ConfirmationFollower((row) => learnConfirmed(row.terms, row.topics));

/**
 * Learns the confirmations not learned yet (start-up replay, after a confirmation here, and the
 * interval). Never throws: a failure is logged by code and the next call catches up.
 */
export async function syncConfirmedTopics(): Promise<number> {
	try {
		return await follower.sync();
	} catch (error) {
		log.error({ code: errorCode(error) }, 'bevestigde onderwerpen bijwerken mislukt');
		return 0;
	}
}

/** The interval: skips a tick while the previous round still runs. */
export function followConfirmedTopics(): void {
	if (!follower.busy) void syncConfirmedTopics();
}
