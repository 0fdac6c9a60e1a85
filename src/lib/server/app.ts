/**
 * Starting and stopping the server process: open the database (PGlite takes its folder lock),
 * apply migrations, load the demo on first start, and close everything on shutdown.
 *
 * Several instances may run on one PostgreSQL database (behind a load balancer); they behave as
 * one: migrations and the demo are loaded by one instance at a time (advisory locks), each job
 * claims its rows so no mail or reminder goes out twice (see maintenance.ts and
 * platform/outbox.ts), and what an instance keeps in memory follows the database within the
 * bounds of platform/staleness.ts.
 */
import { readConfig } from './config';
import { LOCKS, openDatabase } from './db/client';
import { currentDatabase, setDatabase } from './db';
import { seedDemo } from './demo/seed';
import { log } from './log';
import { purgeExpired } from './maintenance';
import { deliverQueuedMail, errorCode } from './platform/outbox';
import { expireOffers } from './activiteiten/signups';
import { SYNC_INTERVAL_MS, followConfirmedTopics, syncConfirmedTopics } from './signalering/replay-confirmed';

let started: Promise<void> | undefined;

export function startApp(): Promise<void> {
	started ??= (async () => {
		const config = readConfig();
		const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
		setDatabase(database);
		log.info({ database: database.kind, dataDir: database.kind === 'pglite' ? config.dataDir : undefined }, 'database open');
		process.once('sveltekit:shutdown' as never, () => void stopApp());
		// Each job logs an error code only (never the error object: it may carry query parameters).
		// The hourly round runs on one instance at a time (another one busy with it: skip this
		// hour's turn); each of its steps is safe on its own too (row claims, see maintenance.ts).
		const purge = () =>
			database.exclusive(LOCKS.maintenance, () => purgeExpired(), { wait: false }).catch((error) => log.error({ code: errorCode(error) }, 'opruimen mislukt'));
		await purge();
		setInterval(purge, 3_600_000).unref();
		// Offers from the waiting list run out by the hour: check them every five minutes.
		const offers = () =>
			expireOffers({ origin: config.origin ?? 'http://localhost:3000' }).catch((error) =>
				log.error({ code: errorCode(error) }, 'wachtlijst bijwerken mislukt')
			);
		setInterval(offers, 300_000).unref();
		// The outbox: what is due (new, or after a backoff) goes out every half minute.
		const mail = () => deliverQueuedMail().catch((error) => log.error({ code: errorCode(error) }, 'mail versturen mislukt'));
		void mail();
		setInterval(mail, 30_000).unref();
		// What staff taught the topic classifier: every stored confirmation, then (PostgreSQL, where
		// other instances confirm too) new ones within SYNC_INTERVAL_MS.
		await syncConfirmedTopics();
		if (database.kind === 'postgres') setInterval(followConfirmedTopics, SYNC_INTERVAL_MS).unref();
		if (process.env.STEUNPUNT_DEMO !== '0') {
			// Two instances starting on an empty database: one loads the demo, the other then finds it.
			const demo = await database.exclusive(LOCKS.startup, () => seedDemo());
			if (demo?.created) printAccounts(demo.accounts);
		}
	})().catch((error) => {
		log.fatal({ err: error }, error instanceof Error ? error.message : 'start mislukt');
		// A second process on the same PGlite folder, or a broken database: stop with a clear message.
		process.exit(1);
	});
	return started;
}

export async function stopApp(): Promise<void> {
	const database = currentDatabase();
	setDatabase(undefined);
	await database?.close();
	log.info('database gesloten');
}

function printAccounts(accounts: { email: string; role: string; password: string }[]): void {
	const lines = [
		'',
		'Demo-steunpunt aangemaakt: http://localhost:' + (process.env.PORT || 3000) + '/demo',
		'Demo-accounts (dit wachtwoord zie je maar één keer; inloggen op /beheer/inloggen):',
		...accounts.map((a) => `  ${a.role.padEnd(10)} ${a.email.padEnd(34)} ${a.password}`),
		'Rollen met persoonsgegevens stellen bij de eerste keer inloggen tweestapsverificatie in.',
		''
	];
	process.stdout.write(lines.join('\n') + '\n');
}
