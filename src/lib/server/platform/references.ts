/**
 * Short references a parent can read out on the phone ("V-K7M3Q9"): a prefix per kind and six
 * characters without 0/O or 1/I. They are unique per table; a collision (1 in a billion) is
 * retried with a new one by `withFreshReference`.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** The prefixes: V for a question or call (vraag), B for a buddy request. */
export type ReferencePrefix = 'V' | 'B';

export function newReference(prefix: ReferencePrefix = 'V'): string {
	let s = `${prefix}-`;
	for (let i = 0; i < 6; i++) s += ALPHABET[randomInt(ALPHABET.length)];
	return s;
}

/** True for PostgreSQL's unique violation (also when wrapped by the driver). */
export function isUniqueViolation(e: unknown): boolean {
	const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
	return String(code) === '23505';
}

/**
 * Runs `fn` with a new reference, again with another one when the reference was taken. `fn` must
 * be its own transaction (a failed statement aborts a transaction), so nothing half-saved stays.
 */
export async function withFreshReference<T>(prefix: ReferencePrefix, fn: (reference: string) => Promise<T>): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await fn(newReference(prefix));
		} catch (e) {
			if (attempt < 4 && isUniqueViolation(e)) continue;
			throw e;
		}
	}
}
