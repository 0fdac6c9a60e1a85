/** Whether the database answers (for /healthz), without the route touching the database itself. */
import { currentDatabase } from '../db';
import { ping } from '../db/client';

export async function databaseHealth(): Promise<{ ok: boolean; kind: 'pglite' | 'postgres' | null }> {
	const database = currentDatabase();
	return { ok: !!database && (await ping(database.db)), kind: database?.kind ?? null };
}
