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
	/**
	 * Runs `fn` while this process holds a PostgreSQL advisory lock (`key`, on a connection of its
	 * own), so of several app instances on one database only one runs it at a time. With
	 * `wait: false` it does not wait: when another instance holds the lock, `fn` is skipped and
	 * the result is undefined. On PGlite (one process per data folder) it just runs `fn`.
	 */
	exclusive<T>(key: number, fn: () => Promise<T>, options?: { wait?: boolean }): Promise<T | undefined>;
}

/** Advisory lock keys (one number space per database). */
export const LOCKS = { migrate: 727001, startup: 727002, maintenance: 727003 } as const;

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
		async function exclusive<T>(key: number, fn: () => Promise<T>, options?: { wait?: boolean }): Promise<T | undefined> {
			const reserved = await client.reserve();
			try {
				if (options?.wait === false) {
					const [{ locked }] = await reserved`select pg_try_advisory_lock(${key}) as locked`;
					if (!locked) return undefined;
				} else await reserved`select pg_advisory_lock(${key})`;
				try {
					return await fn();
				} finally {
					await reserved`select pg_advisory_unlock(${key})`;
				}
			} finally {
				reserved.release();
			}
		}
		// Two instances starting together must not both migrate: serialise on an advisory lock.
		await exclusive(LOCKS.migrate, async () => {
			await migrate(db as never, { migrationsFolder });
			await loadSharedSecrets(db);
		});
		let closed = false;
		return {
			db,
			kind: 'postgres',
			exclusive,
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
		exclusive: (_key, fn) => fn(),
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
