/**
 * The one shared test database: PGlite in memory, or the PostgreSQL server in DATABASE_URL.
 * Opened once per test process (vitest runs files in one worker without isolation), so the
 * ~2.5 s start of PGlite is paid once. Tests create their own steunpunten with the factories,
 * so they never see each other's rows.
 */
import { openDatabase } from '../db/client';
import { currentDatabase, setDatabase, type Database } from '../db';
import { setAutoDelivery } from '../platform/outbox';

let opening: Promise<Database> | undefined;

export async function useTestDatabase(): Promise<Database> {
	// Tests run the mail sender job themselves (deliverQueuedMail), never in the background.
	setAutoDelivery(false);
	const existing = currentDatabase();
	if (existing) return existing;
	opening ??= openDatabase({ databaseUrl: process.env.DATABASE_URL, memory: true }).then((database) => {
		setDatabase(database);
		return database;
	});
	return opening;
}
