/**
 * Bench figures for Vragen en contacten:
 *  - topic suggestion: top-1/top-3 on ../shared/domain/queries-dev.jsonl (never trained on) and
 *    the in-process latency of one suggestion;
 *  - registering a contact through the form action (p50/p99 under 20 connections);
 *  - the inbox page with 10,000 cases in the steunpunt.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import autocannon from 'autocannon';
import { generateTOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { evaluateTopics, suggestTopics, trainClassifier } from '../src/lib/server/signalering/topic-classifier';
import { EXAMPLES } from '../src/lib/server/signalering/training/examples';
import { openDatabase } from '../src/lib/server/db/client';
import { db, setDatabase } from '../src/lib/server/db';
import { steunpunt } from '../src/lib/server/db/schema';
import { createUser, findUserByEmail, grantRole } from '../src/lib/server/auth/users';
import { buddyFiguresLoad, prepareBuddies } from './buddies';
import { percentile } from './stats';

const EMAIL = 'bench-regisseur@bench.test';
const PASSWORD = 'bench-Wachtwoord-2026!';
const TOTP_KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const INBOX_CASES = 10_000;

export function topicFigures(): void {
	const file = process.env.QUERIES || path.resolve('../shared/domain/queries-dev.jsonl');
	if (fs.existsSync(file)) {
		const items = fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l) as { text: string; topics: string[] });
		const r = evaluateTopics(items);
		console.info(
			`topic suggestion, ${path.basename(file)} (${r.n} texts, never trained on): top-1 ${(r.top1 * 100).toFixed(1)}%, top-3 ${(r.top3 * 100).toFixed(1)}%`
		);
	} else console.info(`topic suggestion: ${file} not found, accuracy skipped`);
	const trainings: number[] = [];
	for (let i = 0; i < 10; i++) {
		const t = process.hrtime.bigint();
		trainClassifier(EXAMPLES);
		trainings.push(Number(process.hrtime.bigint() - t) / 1e6);
	}
	trainings.sort((a, b) => a - b);
	console.info(
		`topic classifier training (${EXAMPLES.length} examples, 10 runs): p50 ${percentile(trainings, 50).toFixed(0)} ms, max ${trainings[9].toFixed(0)} ms`
	);
	const text =
		'Moeder belt: zoon van 12 zit al zes weken thuis na een schorsing. School zegt dat ze handelingsverlegen zijn en er is geen OPP. Ze weet niet meer wie ze moet bellen en is bang dat leerplicht een boete geeft.';
	suggestTopics(text);
	const times: number[] = [];
	for (let i = 0; i < 2000; i++) {
		const t = process.hrtime.bigint();
		suggestTopics(`${text} ${i}`);
		times.push(Number(process.hrtime.bigint() - t) / 1e3);
	}
	times.sort((a, b) => a - b);
	console.info(`topic suggestion latency (in process, 2,000 calls): p50 ${percentile(times, 50).toFixed(0)} µs, p99 ${percentile(times, 99).toFixed(0)} µs`);
}

/** With the server stopped (PGlite has one writer): a bench regisseur and 10,000 cases in `demo`. */
export async function prepareContacts(env: { databaseUrl?: string; dataDir?: string }): Promise<void> {
	const database = await openDatabase(env);
	setDatabase(database);
	try {
		const [demo] = await db().select({ id: steunpunt.id }).from(steunpunt).where(eq(steunpunt.slug, 'demo'));
		if (!(await findUserByEmail(EMAIL))) {
			const user = await createUser({ email: EMAIL, naam: 'Bench Regisseur', password: PASSWORD, totpSecret: TOTP_KEY });
			await grantRole({ userId: user.id, steunpuntId: demo.id, role: 'regisseur' });
		}
		await db().execute(sql`
			with c as (
				insert into contact_case (steunpunt_id, reference, source, status, due_on, created_at)
				select ${demo.id}::uuid, 'B-' || lpad(i::text, 6, '0'), case when i % 3 = 0 then 'terugbellen' else 'vraag' end,
					(array['nieuw','in-behandeling','doorverwezen','wacht-op-ouder','afgesloten'])[1 + i % 5],
					current_date - (i % 60) + 3, now() - (i || ' minutes')::interval
				from generate_series(1, ${INBOX_CASES}) i
				on conflict do nothing
				returning id, reference
			)
			insert into case_person (case_id, steunpunt_id, name, question, contact_preference)
			select id, ${demo.id}::uuid, 'Ouder ' || reference, 'Mijn kind zit al weken thuis en school reageert niet op mijn mails. Wat kan ik doen?', 'mailen' from c`);
		await prepareBuddies(demo.id);
	} finally {
		setDatabase(undefined);
		await database.close();
	}
}

export async function login(base: string): Promise<string> {
	const headers = { accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded' };
	const first = await fetch(`${base}/beheer/inloggen`, {
		method: 'POST',
		headers,
		body: new URLSearchParams({ email: EMAIL, password: PASSWORD }),
		redirect: 'manual'
	});
	const cookie = (first.headers.get('set-cookie') ?? '').split(';')[0];
	const code = generateTOTP(decodeBase32IgnorePadding(TOTP_KEY), 30, 6);
	const second = await fetch(`${base}/beheer/tweestaps`, {
		method: 'POST',
		headers: { ...headers, cookie },
		body: new URLSearchParams({ code }),
		redirect: 'manual'
	});
	if (second.status !== 303 || /tweestaps/.test(second.headers.get('location') ?? '')) throw new Error(`bench login failed (${second.status})`);
	return (second.headers.get('set-cookie') ?? '').split(';')[0] || cookie;
}

export async function contactFigures(base: string): Promise<void> {
	const cookie = await login(base);
	const seconds = Number(process.env.BENCH_SECONDS || 10);
	const body = new URLSearchParams({
		kanaal: 'telefoon',
		duur: '25',
		wie: 'ouder',
		uitkomst: 'informatie-advies',
		samenvatting: 'Vader belt over de overstap naar het vo en het schooladvies',
		onderwerpen: 'overgang-po-vo',
		fase: 'schoolkeuze-overstap',
		schooltype: 'po'
	}).toString();
	const reg = await autocannon({
		url: `${base}/beheer/demo/contact?/registreren`,
		method: 'POST',
		connections: 20,
		duration: seconds,
		headers: { cookie, accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		body
	});
	console.info(
		`register a contact (form action), 20 connections: ${reg.requests.average.toFixed(0)} req/s, p50 ${reg.latency.p50} ms, p99 ${reg.latency.p99} ms, errors ${reg.errors + reg.non2xx}`
	);
	const inbox = await autocannon({ url: `${base}/beheer/demo/vragen`, connections: 20, duration: seconds, headers: { cookie } });
	console.info(
		`inbox page with ${INBOX_CASES.toLocaleString('en')} cases, 20 connections: ${inbox.requests.average.toFixed(0)} req/s, p50 ${inbox.latency.p50} ms, p99 ${inbox.latency.p99} ms, errors ${inbox.errors + inbox.non2xx}`
	);
	const api = await autocannon({
		url: `${base}/api/v1/onderwerpen/suggestie`,
		method: 'POST',
		connections: 20,
		duration: seconds,
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ text: 'mijn dochter wordt gepest en de mentor doet niks, ze wil niet meer naar school' })
	});
	await buddyFiguresLoad(base, cookie);
	console.info(
		`topic suggestion API, 20 connections: ${api.requests.average.toFixed(0)} req/s, p50 ${api.latency.p50} ms, p99 ${api.latency.p99} ms, errors ${api.errors + api.non2xx}`
	);
}
