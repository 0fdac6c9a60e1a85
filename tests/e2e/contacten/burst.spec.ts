/**
 * No acknowledged question is lost: a burst of "Stel je vraag" posts against our own app server,
 * killed with SIGKILL in the middle of it. Every post that got its confirmation (303 to
 * /verstuurd) must be in the database after a restart. On PostgreSQL (DATABASE_URL set) the
 * database is queried directly; on PGlite the restarted app is stopped cleanly first (PGlite has
 * no lock against a second process) and its folder is opened in this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { encodeForm } from '../fixtures/forms';

const PORT = 4473;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TOTAL = 200;
const IN_FLIGHT = 20;
const KILL_AFTER = 50;
const RUN = `burst-${Date.now().toString(36)}`;

const databaseUrl = process.env.DATABASE_URL;
let dataDir: string | undefined;
let app: ChildProcess | undefined;
let output = '';

function startApp(): ChildProcess {
	const child = spawn(process.execPath, ['build'], {
		cwd: process.cwd(),
		env: {
			...process.env,
			PORT: String(PORT),
			HOST: '127.0.0.1',
			ORIGIN,
			ADDRESS_HEADER: 'x-e2e-client',
			LOG_LEVEL: 'warn',
			STEUNPUNT_DEMO: '1',
			NODE_ENV: 'production',
			SMTP_URL: '',
			...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir!, DATABASE_URL: '' })
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	return child;
}

async function waitHealthy(child: ChildProcess): Promise<void> {
	const until = Date.now() + 60_000;
	while (Date.now() < until) {
		if (child.exitCode !== null) throw new Error(`app stopte (exit ${child.exitCode}):\n${output}`);
		try {
			if ((await fetch(`${ORIGIN}/healthz`)).status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`/healthz niet gezond binnen 60 s:\n${output}`);
}

const exited = (child: ChildProcess) =>
	new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

test.beforeAll(() => {
	if (!databaseUrl) dataDir = mkdtempSync(path.join(tmpdir(), 'steunpunt-burst-'));
});

test.afterAll(async () => {
	if (app && app.exitCode === null && app.signalCode === null) {
		app.kill('SIGTERM');
		await exited(app);
	}
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('SIGKILL midden in een stoot vragen: elke bevestigde vraag staat in de database', async () => {
	test.setTimeout(120_000);
	app = startApp();
	await waitHealthy(app);
	const form = await (await fetch(`${ORIGIN}/demo/vraag-stellen`)).text();
	const token = /name="formtijd" value="([^"]+)"/.exec(form)?.[1];
	expect(token, 'formtijd').toBeTruthy();
	await new Promise((r) => setTimeout(r, 3_200));

	const acknowledged: string[] = [];
	const refused: string[] = [];
	let failed = 0;
	let killed = false;
	const victim = app;
	const post = async (i: number) => {
		const marker = `${RUN}-${String(i).padStart(4, '0')}`;
		try {
			const response = await fetch(`${ORIGIN}/demo/vraag-stellen`, {
				method: 'POST',
				redirect: 'manual',
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: ORIGIN, 'x-e2e-client': `${marker}-client` },
				body: encodeForm({ formtijd: token!, website: '', vraag: `${marker} mijn kind zit al weken thuis`, antwoord: 'geen', toestemming: 'ja' })
			});
			await response.arrayBuffer().catch(() => undefined);
			if (response.status === 303 && /\/demo\/verstuurd\?soort=vraag&nummer=V-/.test(response.headers.get('location') ?? '')) acknowledged.push(marker);
			else refused.push(`${response.status} ${marker}`);
		} catch {
			failed++; // connection reset by the kill: not acknowledged, so it may be lost
		}
		if (!killed && acknowledged.length >= KILL_AFTER) {
			killed = true;
			victim.kill('SIGKILL');
		}
	};
	// A pool of IN_FLIGHT workers over TOTAL posts.
	let next = 0;
	await Promise.all(
		Array.from({ length: IN_FLIGHT }, async () => {
			while (next < TOTAL) await post(next++);
		})
	);
	await exited(victim);
	expect(killed, 'de app is midden in de stoot gedood').toBe(true);
	expect(victim.signalCode).toBe('SIGKILL');
	expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
	expect(refused, `geweigerd of fout vóór de kill: ${refused.join(', ')}`).toEqual([]);
	console.info(`burst: ${acknowledged.length} bevestigd, ${failed} afgebroken, ${refused.length} geweigerd van ${TOTAL}`);

	// The same database again: the app recovers.
	output = '';
	app = startApp();
	await waitHealthy(app);
	expect((await fetch(`${ORIGIN}/healthz`)).status).toBe(200);

	let stored: string[];
	if (databaseUrl) {
		const { default: postgres } = await import('postgres');
		const sql = postgres(databaseUrl, { max: 1 });
		try {
			const rows = await sql<{ question: string }[]>`select question from case_person where question like ${`${RUN}-%`}`;
			stored = rows.map((r) => r.question);
		} finally {
			await sql.end();
		}
	} else {
		// PGlite: one process at a time. Stop the app cleanly, then open its folder here.
		app.kill('SIGTERM');
		await exited(app);
		const { PGlite } = await import('@electric-sql/pglite');
		const db = new PGlite({ dataDir: path.join(dataDir!, 'pglite') }); // the app keeps PGlite in DATA_DIR/pglite
		try {
			const result = await db.query<{ question: string }>(`select question from case_person where question like $1`, [`${RUN}-%`]);
			stored = result.rows.map((r) => r.question);
		} finally {
			await db.close();
		}
	}
	const storedMarkers = new Set(stored.map((q) => q.split(' ')[0]));
	const lost = acknowledged.filter((m) => !storedMarkers.has(m));
	expect(lost, `${lost.length} van ${acknowledged.length} bevestigde vragen kwijt na SIGKILL: ${lost.join(', ')}`).toEqual([]);
	// Each question once: no duplicates from the kill.
	expect(stored.length).toBe(storedMarkers.size);
});
