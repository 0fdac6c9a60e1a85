/**
 * The participant's personal links: the sign-up id plus an HMAC of it with a shared secret key
 * (as the case links of Vragen en contacten). Unguessable without the key, the same link in
 * every mail (confirmation, waiting list, offer, reminder), and no token to store. A link stops
 * working when the activity is over (`tokenExpiresAt`) and after the personal data is deleted.
 */
import { timingSafeEqual } from 'node:crypto';
import { hmac, sharedSecret } from '../secrets';
import { uuidLike } from '../platform/fields';

type Purpose = 'signup' | 'feedback';

export async function signupToken(signupId: string, purpose: Purpose = 'signup'): Promise<string> {
	const mac = hmac(await sharedSecret('activity-link'), `${purpose}:${signupId}`).slice(0, 32);
	return `${signupId.replaceAll('-', '')}${mac}`;
}

/** The sign-up id in a link, or null when the link is not one we made. */
export async function signupIdFromToken(token: string, purpose: Purpose = 'signup'): Promise<string | null> {
	if (!/^[0-9a-f]{32}[A-Za-z0-9_-]{32}$/.test(token)) return null;
	const hex = token.slice(0, 32);
	const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
	if (!uuidLike.test(id)) return null;
	const expected = await signupToken(id, purpose);
	return timingSafeEqual(Buffer.from(expected), Buffer.from(token)) ? id : null;
}

/**
 * Loads the key before a transaction: on PGlite (one connection) a first key lookup inside an
 * open transaction would wait for that transaction forever.
 */
export async function prepareLinks(): Promise<void> {
	await sharedSecret('activity-link');
}
