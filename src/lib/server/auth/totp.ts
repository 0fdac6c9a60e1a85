import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

const PERIOD = 30;

export function newTotpSecret(): string {
	return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

export function totpUri(secret: string, email: string): string {
	return createTOTPKeyURI('Steunpunt', email, decodeBase32IgnorePadding(secret), PERIOD, 6);
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. Returns the time step the
 * code belongs to (so the caller can refuse a code that was already used), or null.
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
	const clean = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(clean)) return null;
	const key = decodeBase32IgnorePadding(secret);
	const current = Math.floor(now / 1000 / PERIOD);
	for (const step of [current - 1, current, current + 1]) {
		const expected = generateHOTP(key, BigInt(step), 6);
		if (timingSafeEqual(Buffer.from(expected), Buffer.from(clean))) return step;
	}
	return null;
}
