import { randomBytes } from 'node:crypto';
import { createTOTPKeyURI, verifyTOTPWithGracePeriod } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

export function newTotpSecret(): string {
	return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

export function totpUri(secret: string, email: string): string {
	return createTOTPKeyURI('Steunpunt', email, decodeBase32IgnorePadding(secret), 30, 6);
}

/** Checks a 6-digit code, allowing one step of clock drift either way. */
export function checkTotp(secret: string, code: string): boolean {
	const clean = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(clean)) return false;
	return verifyTOTPWithGracePeriod(decodeBase32IgnorePadding(secret), 30, 6, clean, 30);
}
