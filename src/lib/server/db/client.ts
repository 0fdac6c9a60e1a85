/**
 * Opens the database: embedded PGlite in a data folder by default, a PostgreSQL server when
 * DATABASE_URL is set. Both are driven through the same Drizzle PostgreSQL dialect, so the
 * domain code never knows which one it talks to. Migrations are applied on open.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { lockDataDir } from './lock';
import { loadSharedSecrets } from '../secrets';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** Closes connections and releases the data-folder lock. Safe to call twice. */
	close(): Promise<void>;
}

const migrationsFolder = path.resolve(process.env.MIGRATIONS_DIR || 'drizzle');

export async function openDatabase(options: {
	databaseUrl?: string;
	dataDir?: string;
	/** In-memory PGlite (tests without DATABASE_URL). */
	memory?: boolean;
}): Promise<Database> {
	if (options.databaseUrl) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		const client = postgres(options.databaseUrl, {
			max: Number(process.env.DATABASE_POOL_SIZE || 10),
			onnotice: () => {}
		});
		const db = drizzle(client, { schema }) as unknown as Db;
		// Two instances starting together must not both migrate: serialise on an advisory lock.
		const reserved = await client.reserve();
		try {
			await reserved`select pg_advisory_lock(727001)`;
			await migrate(db as never, { migrationsFolder });
			await loadSharedSecrets(db);
		} finally {
			await reserved`select pg_advisory_unlock(727001)`;
			reserved.release();
		}
		let closed = false;
		return {
			db,
			kind: 'postgres',
			async close() {
				if (closed) return;
				closed = true;
				await client.end({ timeout: 5 });
			}
		};
	}

	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	let release = () => {};
	let client;
	if (options.memory) {
		client = new PGlite();
	} else {
		const dataDir = options.dataDir ?? path.resolve('data');
		release = lockDataDir(dataDir);
		try {
			client = new PGlite({ dataDir: path.join(dataDir, 'pglite') });
		} catch (error) {
			release();
			throw error;
		}
	}
	await client.waitReady;
	const db = drizzle({ client, schema }) as unknown as Db;
	await migrate(db as never, { migrationsFolder });
	await loadSharedSecrets(db);
	let closed = false;
	return {
		db,
		kind: 'pglite',
		async close() {
			if (closed) return;
			closed = true;
			await client.close();
			release();
		}
	};
}

/** True when the database answers a trivial query (used by /healthz). */
export async function ping(db: Db): Promise<boolean> {
	try {
		await db.execute(sql`select 1`);
		return true;
	} catch {
		return false;
	}
}
