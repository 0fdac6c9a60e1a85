/** Shared building blocks for cases: history events and the answer-date phrase. */
import { and, eq } from 'drizzle-orm';
import { withTenant, type Db } from '../db';
import { caseEvent, contactCase } from '../db/schema';

export async function addEvent(
	tx: Db,
	entry: { caseId: string; steunpuntId: string; userId: string | null; kind: string; text?: string | null; data?: Record<string, unknown> }
): Promise<void> {
	await tx
		.insert(caseEvent)
		.values({ caseId: entry.caseId, steunpuntId: entry.steunpuntId, userId: entry.userId, kind: entry.kind, text: entry.text ?? null, data: entry.data ?? {} });
}

/** A working-days phrase for the parent: "binnen 3 werkdagen (uiterlijk donderdag 26 november)". */
export function dueText(responseDays: number, dueOn: string): string {
	const date = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${dueOn}T00:00:00Z`));
	return `binnen ${responseDays} ${responseDays === 1 ? 'werkdag' : 'werkdagen'} (uiterlijk ${date})`;
}

/**
 * The answer date promised on the confirmation page, as stored with the question (a reload
 * tomorrow shows the same promise). Null for an unknown reference; reveals nothing else.
 */
export async function findPromisedAnswer(options: { steunpuntId: string; responseDays: number; reference: string }): Promise<string | null> {
	if (!/^V-[2-9A-HJ-NP-Z]{6}$/.test(options.reference)) return null;
	const [row] = await withTenant(options.steunpuntId, (tx) =>
		tx
			.select({ dueOn: contactCase.dueOn })
			.from(contactCase)
			.where(and(eq(contactCase.steunpuntId, options.steunpuntId), eq(contactCase.reference, options.reference)))
	);
	return row?.dueOn ? dueText(options.responseDays, row.dueOn) : null;
}
