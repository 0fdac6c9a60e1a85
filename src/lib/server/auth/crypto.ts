import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

// argon2id (the library's default algorithm) with OWASP's minimum parameters.
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
	try {
		return await verify(hashed, password);
	} catch {
		return false;
	}
}

/** A random, unguessable token for cookies and mail links (160 bits). */
export function newToken(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

export function sha256(value: string): string {
	return encodeHexLowerCase(createHash('sha256').update(value).digest());
}

/** Hashing a fixed password takes as long as a real check: unknown e-mails are not revealed by timing. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
	dummyHash ??= hashPassword('steunpunt-dummy-password');
	await verifyPassword(await dummyHash, password);
}
