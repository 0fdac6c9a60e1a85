/** Shared building blocks for cases: history events and the answer-date phrase. */
import type { Db } from '../db';
import { caseEvent } from '../db/schema';

export async function addEvent(
	tx: Db,
	entry: { caseId: string; steunpuntId: string; userId: string | null; kind: string; text?: string | null; data?: Record<string, unknown> }
): Promise<void> {
	await tx.insert(caseEvent).values({ caseId: entry.caseId, steunpuntId: entry.steunpuntId, userId: entry.userId, kind: entry.kind, text: entry.text ?? null, data: entry.data ?? {} });
}

/** A working-days phrase for the parent: "binnen 3 werkdagen (uiterlijk donderdag 26 november)". */
export function dueText(responseDays: number, dueOn: string): string {
	const date = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${dueOn}T00:00:00Z`));
	return `binnen ${responseDays} ${responseDays === 1 ? 'werkdag' : 'werkdagen'} (uiterlijk ${date})`;
}
