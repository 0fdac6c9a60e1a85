/**
 * Free text in anonymous answers (a comment on a kennisbank text, the buddy survey, feedback after
 * an activity) is not linked to anyone, but a parent may still type a name into it. The registry
 * (platform/personal-data.ts) marks those tables with `freeTextAfter`, the column that dates a row;
 * this hourly job empties every column the registry classifies as `vrije-tekst` once a row is older
 * than its steunpunt's retention (`retention_months`, Instellingen). Scores and counts stay for the
 * figures. Safe with several app instances: a plain update of old rows.
 */
import { sql, type SQL } from 'drizzle-orm';
import { db, rowsOf } from '../db';
import { PERSONAL_DATA } from './personal-data';

/** The tables this job wipes, with their free-text columns and the column that dates a row. */
export function freeTextTables(): { table: string; dateColumn: string; columns: string[] }[] {
	return Object.entries(PERSONAL_DATA).flatMap(([table, entry]) =>
		entry.freeTextAfter
			? [
					{
						table,
						dateColumn: entry.freeTextAfter,
						columns: Object.entries(entry.columns)
							.filter(([, category]) => category === 'vrije-tekst')
							.map(([column]) => column)
					}
				]
			: []
	);
}

/** Empties old free text; returns the number of rows wiped per table. */
export async function wipeOldFreeText(now: Date = new Date()): Promise<Record<string, number>> {
	const at = now.toISOString();
	const wiped: Record<string, number> = {};
	for (const { table, dateColumn, columns } of freeTextTables()) {
		const set = sql.join(
			columns.map((c) => sql`${sql.identifier(c)} = null`),
			sql`, `
		);
		const filled: SQL = sql.join(
			columns.map((c) => sql`t.${sql.identifier(c)} is not null`),
			sql` or `
		);
		const rows = rowsOf<{ n: number }>(
			await db().execute(sql`
				with wiped as (
					update ${sql.identifier(table)} t set ${set}
					where (${filled})
					  and t.${sql.identifier(dateColumn)} < ${at}::timestamptz - make_interval(months => (select s.retention_months from steunpunt s where s.id = t.steunpunt_id))
					returning 1
				)
				select count(*)::int as n from wiped`)
		);
		wiped[table] = rows[0]?.n ?? 0;
	}
	return wiped;
}
