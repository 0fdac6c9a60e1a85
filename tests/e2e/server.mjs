/**
 * Web server for the end-to-end tests (started by playwright.config.ts).
 *
 * 1. Picks the database: DATABASE_URL when set (may hold data from earlier runs, so every step
 *    below is idempotent), otherwise a fresh temporary PGlite folder (DATA_DIR).
 * 2. Runs the operator CLI sequentially (PGlite allows one process at a time): the demo, a second
 *    steunpunt and the test accounts from fixtures/accounts.ts.
 * 3. Starts the built app (`node build`):
 *    - on PGlite one instance on E2E_PORT (PGlite has one writer process);
 *    - on PostgreSQL two instances on E2E_PORT+2 and E2E_PORT+3 behind a small round-robin proxy
 *      on E2E_PORT: every request goes to the next instance (not sticky), so the suite proves that
 *      several instances on one database behave as one (jobs once, shared logins and limits, and
 *      the staleness bounds of src/lib/server/platform/instances.ts).
 *    SIGTERM/SIGINT stop the proxy and every app (each closes its database); the script exits when
 *    all apps have exited, removing the temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import http from 'node:http';
import { tsImport } from 'tsx/esm/api';
import { SMTPServer } from 'smtp-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.E2E_PORT || 4173);
const origin = `http://127.0.0.1:${port}`;
const fixtures = await tsImport(pathToFileURL(path.join(root, 'tests/e2e/fixtures/accounts.ts')).href, import.meta.url);
const { ACCOUNTS, E2E_PASSWORD, OTHER_SLUG, OTHER_NAME, TOTP_KEY } = fixtures;

const usePostgres = Boolean(process.env.DATABASE_URL);
const tempDir = usePostgres ? undefined : mkdtempSync(path.join(tmpdir(), 'steunpunt-e2e-'));
const env = {
	...process.env,
	...(tempDir ? { DATA_DIR: tempDir } : {}),
	LOG_LEVEL: 'warn',
	NODE_ENV: 'production'
};
const say = (message) => process.stdout.write(`[e2e-server] ${message}\n`);
say(usePostgres ? 'database: PostgreSQL (DATABASE_URL)' : `database: PGlite in ${tempDir}`);

function cleanup() {
	if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}

/** Runs one CLI command; "already exists" answers are fine on a database from an earlier run. */
function cli(args, { tolerateExisting = false } = {}) {
	const started = Date.now();
	const result = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/steunpunt.ts', ...args], {
		cwd: root,
		env,
		encoding: 'utf8'
	});
	const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
	// steunpunt:create reports an existing slug only as `Failed query: insert into "steunpunt" …`
	// (the unique violation is not in the message); the tenancy spec checks /ander really works.
	const existing =
		/bestaat al|already exists|unique|duplicate|23505/i.test(output) ||
		(usePostgres && args[0] === 'steunpunt:create' && /Failed query: insert into "steunpunt"/.test(output));
	if (result.status !== 0 && !(tolerateExisting && existing)) {
		process.stderr.write(output);
		cleanup();
		throw new Error(`CLI ${args[0]} faalde (exit ${result.status})`);
	}
	say(`${args[0]} ${existing ? '(bestond al) ' : ''}${Date.now() - started} ms`);
}

cli(['demo']);
cli(['steunpunt:create', '--slug', OTHER_SLUG, '--naam', OTHER_NAME], { tolerateExisting: true });
// All accounts in one CLI process (a process per account cost ~3.5 s each: tsx and opening PGlite).
const accountsFile = path.join(tempDir ?? tmpdir(), `steunpunt-e2e-accounts-${port}.json`);
writeFileSync(
	accountsFile,
	JSON.stringify(
		Object.values(ACCOUNTS).map((a) => ({
			email: a.email,
			naam: a.naam,
			steunpunt: a.steunpunt,
			rol: a.rol,
			password: E2E_PASSWORD,
			...('totp' in a && a.totp ? { totp: TOTP_KEY } : {})
		}))
	)
);
cli(['users:create', '--file', accountsFile]);
if (!tempDir) rmSync(accountsFile, { force: true });

// A real SMTP server: every mail the app sends arrives here and is appended (raw message, JSON
// lines) to MAIL_FILE, which tests/e2e/fixtures/mail.ts reads.
const mailFile = path.join(tmpdir(), `steunpunt-e2e-mail-${port}.jsonl`);
writeFileSync(mailFile, '');
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, session, callback) {
		const chunks = [];
		stream.on('data', (c) => chunks.push(c));
		stream.on('end', () => {
			appendFileSync(mailFile, JSON.stringify({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') }) + '\n');
			callback();
		});
	}
});
const smtpPort = port + 1;
await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
say(`smtp: 127.0.0.1:${smtpPort} → ${mailFile}`);

// PostgreSQL: two instances behind the proxy; PGlite: one instance on the port itself.
const appPorts = usePostgres ? [port + 2, port + 3] : [port];
say(
	usePostgres ? `mode: two instances (127.0.0.1:${appPorts.join(', 127.0.0.1:')}) behind a round-robin proxy on ${origin}` : `mode: one instance on ${origin}`
);

const apps = appPorts.map((appPort) =>
	spawn(process.execPath, ['build'], {
		cwd: root,
		env: {
			...env,
			PORT: String(appPort),
			HOST: '127.0.0.1',
			// Every instance is reached through the one address (links in mail, CSRF origin check).
			ORIGIN: origin,
			// Tests identify themselves as a "client" with this header, so the feedback rate limit
			// (per client address) does not make one spec depend on how many posts another made.
			ADDRESS_HEADER: 'x-e2e-client',
			// The forms' test clock (tests/e2e/fixtures/client.ts FORM_AGE): never set in production.
			FORM_AGE_HEADER: 'x-e2e-form-age',
			STEUNPUNT_DEMO: '1',
			SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
			MAIL_FROM: 'Steunpunt e2e <noreply@e2e.test>'
		},
		stdio: 'inherit'
	})
);

let stopping = false;
let proxy;
let agent;
let exitCode = 0;
let running = apps.length;

function stopAll(signal = 'SIGTERM') {
	if (stopping) return;
	stopping = true;
	// First the proxy and its idle keep-alive connections, so the apps' graceful shutdown does not
	// wait for them; then every app that still runs.
	proxy?.close();
	proxy?.closeAllConnections();
	agent?.destroy();
	for (const app of apps) if (app.exitCode === null && app.signalCode === null) app.kill(signal);
}

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => stopAll(signal));

for (const [i, app] of apps.entries()) {
	app.on('exit', (code, signal) => {
		running--;
		if (!stopping) {
			// An instance died on its own: the run is broken; stop the rest and fail.
			say(`instance ${i + 1} (port ${appPorts[i]}) stopped unexpectedly (${code ?? signal})`);
			exitCode = 1;
			stopAll();
		} else if (code) exitCode = code;
		if (running > 0) return;
		smtp.close();
		cleanup();
		process.exit(exitCode);
	});
}

if (usePostgres)
	await startProxy().catch((error) => {
		say(`proxy: ${error.message}`);
		exitCode = 1;
		stopAll();
	});

/** The round-robin proxy on E2E_PORT: each request to the next instance, streamed both ways. */
async function startProxy() {
	// Only listen when every instance answers: playwright's readiness check (/healthz) must not
	// pass while one instance still starts.
	for (const appPort of appPorts) await waitForHealth(appPort);
	if (stopping) return;
	// Idle upstream connections are dropped after 2 s, well before an app closes them (its
	// keep-alive timeout is 5 s): reusing a connection the app is closing would fail the request.
	agent = new http.Agent({ keepAlive: true, maxSockets: 64, timeout: 2_000 });
	let next = 0;
	proxy = http.createServer((req, res) => {
		const target = appPorts[next++ % appPorts.length];
		forward(req, res, target, true);
	});
	proxy.keepAliveTimeout = 5_000;
	await new Promise((resolve) => proxy.listen(port, '127.0.0.1', resolve));
	say(`proxy: ${origin} → round robin over ${appPorts.length} instances`);
}

/** Streams one request to one instance and its answer back. */
function forward(req, res, target, mayRetry) {
	const upstream = http.request(
		{ host: '127.0.0.1', port: target, method: req.method, path: req.url, headers: withoutHopByHop(req.headers), agent },
		(answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
			answer.pipe(res);
		}
	);
	upstream.on('error', (error) => {
		if (res.headersSent || res.destroyed) return res.destroy();
		// A kept-alive connection closed under a request without a body: once more, on a new one.
		if (mayRetry && upstream.reusedSocket && !hasBody(req)) return forward(req, res, target, false);
		say(`proxy: ${req.method} ${req.url} → ${target}: ${error.code ?? error.message}`);
		res.writeHead(502, { 'content-type': 'text/plain' }).end('proxy: instance unreachable');
	});
	// The browser gave up (navigation, closed page): stop the upstream request too.
	res.on('close', () => {
		if (!res.writableFinished) upstream.destroy();
	});
	if (hasBody(req)) req.pipe(upstream);
	else upstream.end();
}

const hasBody = (req) => Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

/** Request headers minus the hop-by-hop ones (x-forwarded-for, x-e2e-* and the rest pass unchanged). */
function withoutHopByHop(headers) {
	const out = { ...headers };
	for (const name of ['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'trailer']) delete out[name];
	return out;
}

async function waitForHealth(appPort) {
	const deadline = Date.now() + 150_000;
	for (;;) {
		if (stopping) return;
		const ok = await new Promise((resolve) => {
			const probe = http.get({ host: '127.0.0.1', port: appPort, path: '/healthz', timeout: 2_000 }, (answer) => {
				answer.resume();
				resolve(answer.statusCode === 200);
			});
			probe.on('error', () => resolve(false));
			probe.on('timeout', () => probe.destroy());
		});
		if (ok) return;
		if (Date.now() > deadline) throw new Error(`instance on port ${appPort} did not become healthy`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}
