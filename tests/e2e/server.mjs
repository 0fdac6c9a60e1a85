/**
 * Web server for the end-to-end tests (started by playwright.config.ts).
 *
 * 1. Picks the database: DATABASE_URL when set (may hold data from earlier runs, so every step
 *    below is idempotent), otherwise a fresh temporary PGlite folder (DATA_DIR).
 * 2. Runs the operator CLI sequentially (PGlite allows one process at a time): the demo, a second
 *    steunpunt and the test accounts from fixtures/accounts.ts.
 * 3. Starts the built app (`node build`) on E2E_PORT, forwards SIGTERM/SIGINT to it (the app closes
 *    its database) and exits when it exits, removing the temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

const app = spawn(process.execPath, ['build'], {
	cwd: root,
	env: {
		...env,
		PORT: String(port),
		HOST: '127.0.0.1',
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
});
for (const signal of ['SIGTERM', 'SIGINT']) {
	process.on(signal, () => {
		if (app.exitCode === null) app.kill(signal);
	});
}
app.on('exit', (code, signal) => {
	smtp.close();
	cleanup();
	process.exit(code ?? (signal ? 0 : 1));
});
