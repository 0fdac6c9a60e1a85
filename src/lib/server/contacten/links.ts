/**
 * The parent's personal link (inzage, deletion) in every mail: the case id plus an HMAC of it
 * with a shared secret key. Unguessable without the key, needs no stored token, and dies with
 * the case: once the personal data is deleted the link finds nothing.
 */
import { timingSafeEqual } from 'node:crypto';
import { hmac, sharedSecret } from '../secrets';
import { uuidLike } from '../platform/fields';

export async function personalToken(caseId: string): Promise<string> {
	const mac = hmac(await sharedSecret('personal-link'), `case:${caseId}`).slice(0, 32);
	return `${caseId.replaceAll('-', '')}${mac}`;
}

/** The case id in a personal link, or null when the link is not one we made. */
export async function caseIdFromToken(token: string): Promise<string | null> {
	if (!/^[0-9a-f]{32}[A-Za-z0-9_-]{32}$/.test(token)) return null;
	const hex = token.slice(0, 32);
	const caseId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	if (!uuidLike.test(caseId)) return null;
	const expected = await personalToken(caseId);
	return timingSafeEqual(Buffer.from(expected), Buffer.from(token)) ? caseId : null;
}
