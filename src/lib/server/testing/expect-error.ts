/** Shared assertions for tests of calls that must be refused. */
import { expect } from 'vitest';

/** Awaits `promise`, asserts it rejected with an error of `type`, and returns that error. */
export async function caught<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(type);
	return error as T;
}

/** Awaits `run` and returns what it rejected with; fails when it resolved. */
export async function rejection(run: Promise<unknown>): Promise<unknown> {
	try {
		await run;
	} catch (error) {
		return error;
	}
	throw new Error('expected the call to be refused');
}
