/**
 * The process's one database, opened at start (hooks.server.ts `init`, the CLI, or the test
 * setup) and never at import time: `vite build` imports server modules.
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from './client';

let current: Database | undefined;

export function setDatabase(database: Database | undefined): void {
	current = database;
}

export function currentDatabase(): Database | undefined {
	return current;
}

export function db(): Db {
	if (!current) throw new Error('De database is nog niet geopend.');
	return current.db;
}

/**
 * Runs `fn` in a transaction scoped to one steunpunt: the role `steunpunt_app` with
 * `app.steunpunt_id` set, so row-level security hides every other steunpunt's rows even if a
 * query forgets its filter. Every tenant-owned read and write goes through here.
 */
export async function withTenant<T>(steunpuntId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
	return db().transaction(async (tx) => {
		await tx.execute(sql`select set_config('app.steunpunt_id', ${steunpuntId}, true)`);
		await tx.execute(sql`set local role steunpunt_app`);
		return fn(tx as unknown as Db);
	});
}

export type { Db, Database };

/** Rows of a raw `execute()`: postgres-js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
	if (Array.isArray(result)) return result as T[];
	return ((result as { rows?: T[] }).rows ?? []) as T[];
}
