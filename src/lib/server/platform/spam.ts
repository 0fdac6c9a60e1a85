/**
 * Spam and abuse without any third party: a honeypot field, a minimum fill-in time (a signed
 * timestamp in the form, so it cannot be forged), and rate limits per client in the database.
 */
import { timingSafeEqual } from 'node:crypto';
import { hmac, sharedSecret } from '../secrets';
import { ValidationError } from '../errors';
import { hitRateLimit } from '../rate-limit';
import { readConfig } from '../config';

export const MIN_FILL_MS = 3_000;
const MAX_FORM_AGE_MS = 24 * 3600_000;
/** The honeypot: a field people do not see (hidden with CSS, labelled "laat leeg"); bots fill it. */
export const HONEYPOT_FIELD = 'website';

/** At most this far back may the test clock put a form (an hour). */
const MAX_TEST_FORM_AGE_MS = 3_600_000;

/**
 * When the form on this request counts as shown: now, or — only when FORM_AGE_HEADER is configured
 * (end-to-end tests) and the request carries that header with a whole number of milliseconds up
 * to an hour — that long ago. The check itself (`checkHumanSubmission`) is the same for everyone.
 */
export function formShownAt(request: Request, now = Date.now(), header = readConfig().formAgeHeader): number {
	if (!header) return now;
	const value = request.headers.get(header);
	if (!value || !/^\d{1,7}$/.test(value)) return now;
	return now - Math.min(Number(value), MAX_TEST_FORM_AGE_MS);
}

/** The hidden `formtijd` value for a form shown at `now`. */
export async function issueFormToken(purpose: string, now = Date.now()): Promise<string> {
	const payload = `${purpose}.${now}`;
	return `${now}.${hmac(await sharedSecret('form'), payload)}`;
}

/**
 * Refuses a submission that filled the honeypot, came faster than a person can type, or carries
 * a forged or very old form token. The message is the same for all, and helps a real person.
 */
export async function checkHumanSubmission(input: { purpose: string; token: unknown; honeypot: unknown; now?: number }): Promise<void> {
	const now = input.now ?? Date.now();
	const refuse = (message: string) => {
		throw new ValidationError({ form: message });
	};
	if (typeof input.honeypot === 'string' && input.honeypot.trim() !== '')
		refuse('Je bericht kon niet worden verstuurd. Laat het veld "Laat dit veld leeg" leeg en probeer het opnieuw.');
	const token = typeof input.token === 'string' ? input.token : '';
	const [issued, signature] = token.split('.');
	const at = Number(issued);
	const expected = Number.isSafeInteger(at) ? hmac(await sharedSecret('form'), `${input.purpose}.${at}`) : '';
	const valid = !!signature && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
	if (!valid || now - at > MAX_FORM_AGE_MS) refuse('Het formulier is verlopen. Laad de pagina opnieuw en verstuur je bericht nog een keer.');
	if (now - at < MIN_FILL_MS) refuse('Dat ging erg snel. Kijk je bericht nog even na en verstuur het opnieuw.');
}

/** At most `max` submissions per client per hour, and a ceiling per steunpunt against floods. */
export async function limitSubmissions(options: { kind: string; steunpuntId: string; client: string; max?: number }): Promise<void> {
	await hitRateLimit({ key: `${options.kind}:${options.steunpuntId}:${options.client}`, max: options.max ?? 10, windowSeconds: 3600 });
	await hitRateLimit({ key: `${options.kind}:${options.steunpuntId}:*`, max: 2000, windowSeconds: 3600 });
}
