/** Shared building blocks for cases: references, tokens, history events, region gemeenten. */
import { randomInt } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { db, type Db } from '../db';
import { caseEvent, gemeente, swv, swvGemeente } from '../db/schema';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A short reference a parent can read out on the phone ("V-K7M3Q9"); no 0/O or 1/I. */
export function newReference(): string {
	let s = 'V-';
	for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)];
	return s;
}

export async function addEvent(
	tx: Db,
	entry: { caseId: string; steunpuntId: string; userId: string | null; kind: string; text?: string | null; data?: Record<string, unknown> }
): Promise<void> {
	await tx.insert(caseEvent).values({ caseId: entry.caseId, steunpuntId: entry.steunpuntId, userId: entry.userId, kind: entry.kind, text: entry.text ?? null, data: entry.data ?? {} });
}

const regionCache = new Map<string, { value: { code: string; naam: string }[]; at: number }>();

/** The gemeenten in the steunpunt's region (its samenwerkingsverbanden), for the gemeente choice. */
export async function findRegionGemeenten(steunpuntId: string): Promise<{ code: string; naam: string }[]> {
	const hit = regionCache.get(steunpuntId);
	if (hit && Date.now() - hit.at < 60_000) return hit.value;
	const codes = (await db().select({ code: swv.code }).from(swv).where(eq(swv.steunpuntId, steunpuntId))).map((r) => r.code);
	const rows = codes.length
		? await db()
				.selectDistinct({ code: gemeente.code, naam: gemeente.naam })
				.from(swvGemeente)
				.innerJoin(gemeente, eq(gemeente.code, swvGemeente.gemeenteCode))
				.where(inArray(swvGemeente.swvCode, codes))
				.orderBy(asc(gemeente.naam))
		: [];
	regionCache.set(steunpuntId, { value: rows, at: Date.now() });
	return rows;
}

/** A working-days phrase for the parent: "binnen 3 werkdagen (uiterlijk donderdag 26 november)". */
export function dueText(responseDays: number, dueOn: string): string {
	const date = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${dueOn}T00:00:00Z`));
	return `binnen ${responseDays} ${responseDays === 1 ? 'werkdag' : 'werkdagen'} (uiterlijk ${date})`;
}
