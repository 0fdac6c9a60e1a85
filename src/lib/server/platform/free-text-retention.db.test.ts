/**
 * Free text in anonymous answers is emptied after the steunpunt's retention (registry-driven:
 * platform/free-text-retention.ts); scores stay, young rows and other steunpunten's rows are kept.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { activityFeedback, buddySurvey, textFeedback } from '../db/schema';
import { useTestDatabase } from '../testing/db';
import { buildActivity, buildSteunpunt } from '../testing/factories';
import { freeTextTables, wipeOldFreeText } from './free-text-retention';
import { PERSONAL_DATA } from './personal-data';

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

const NOW = new Date('2026-12-06T12:00:00Z');
const monthsAgo = (m: number) => new Date(Date.UTC(2026, 11 - m, 6, 12));

describe('wipeOldFreeText', () => {
	/** Anonymous tables with free text whose rows go as a whole after their own term, with the reason. */
	const OWN_TERM: Record<string, string> = { audit_log: 'whole records go after the audit retention (audit/retention.ts purgeAuditLog)' };

	it('covers every anonymous table with free text, and only their free-text columns', () => {
		const anonymousWithText = Object.entries(PERSONAL_DATA)
			.filter(([t, e]) => e.deletion === 'blijft-anoniem' && Object.values(e.columns).includes('vrije-tekst') && !(t in OWN_TERM))
			.map(([t]) => t)
			.sort();
		expect(
			freeTextTables()
				.map((t) => t.table)
				.sort()
		).toEqual(anonymousWithText);
		expect(freeTextTables().find((t) => t.table === 'buddy_survey')).toEqual({ table: 'buddy_survey', dateColumn: 'day', columns: ['helped', 'better'] });
	});

	it('empties the text of rows older than the retention and keeps the scores, young rows and other steunpunten', async () => {
		const short = await buildSteunpunt({ retentionMonths: 6 });
		const long = await buildSteunpunt({ retentionMonths: 24 });
		const act = await buildActivity(short);
		const actLong = await buildActivity(long);
		const name = 'Ingrid Bakker belde mij';
		const [oldText] = await db()
			.insert(textFeedback)
			.values({ steunpuntId: short.id, slug: 'x', helped: true, comment: name, createdAt: monthsAgo(7) })
			.returning();
		const [youngText] = await db()
			.insert(textFeedback)
			.values({ steunpuntId: short.id, slug: 'x', helped: false, comment: name, createdAt: monthsAgo(5) })
			.returning();
		const [otherText] = await db()
			.insert(textFeedback)
			.values({ steunpuntId: long.id, slug: 'x', helped: true, comment: name, createdAt: monthsAgo(7) })
			.returning();
		const [oldSurvey] = await db()
			.insert(buddySurvey)
			.values({ steunpuntId: short.id, day: '2026-01-10', who: 'ouder', supported: 4, helped: name, better: name })
			.returning();
		const [youngSurvey] = await db()
			.insert(buddySurvey)
			.values({ steunpuntId: short.id, day: '2026-11-01', who: 'ouder', supported: 5, helped: name })
			.returning();
		const [oldFeedback] = await db()
			.insert(activityFeedback)
			.values({ steunpuntId: short.id, activityId: act.id, useful: 3, nextTime: name, createdAt: monthsAgo(8) })
			.returning();
		const [otherFeedback] = await db()
			.insert(activityFeedback)
			.values({ steunpuntId: long.id, activityId: actLong.id, useful: 3, nextTime: name, createdAt: monthsAgo(8) })
			.returning();

		const wiped = await wipeOldFreeText(NOW);
		expect(wiped.text_feedback).toBeGreaterThanOrEqual(1);
		expect(wiped.buddy_survey).toBeGreaterThanOrEqual(1);
		expect(wiped.activity_feedback).toBeGreaterThanOrEqual(1);

		const text = async (id: string) => (await db().select().from(textFeedback).where(eq(textFeedback.id, id)))[0];
		const survey = async (id: string) => (await db().select().from(buddySurvey).where(eq(buddySurvey.id, id)))[0];
		const feedback = async (id: string) => (await db().select().from(activityFeedback).where(eq(activityFeedback.id, id)))[0];
		expect(await text(oldText.id)).toMatchObject({ comment: null, helped: true });
		expect(await text(youngText.id)).toMatchObject({ comment: name });
		expect(await text(otherText.id)).toMatchObject({ comment: name });
		expect(await survey(oldSurvey.id)).toMatchObject({ helped: null, better: null, supported: 4 });
		expect(await survey(youngSurvey.id)).toMatchObject({ helped: name });
		expect(await feedback(oldFeedback.id)).toMatchObject({ nextTime: null, useful: 3 });
		expect(await feedback(otherFeedback.id)).toMatchObject({ nextTime: name });

		// Once wiped, a second run has nothing left to do for these rows.
		const again = await wipeOldFreeText(NOW);
		expect(await text(youngText.id)).toMatchObject({ comment: name });
		expect(Object.values(again).every((n) => n >= 0)).toBe(true);
	});
});
