/**
 * npm run bench — figures, not tests:
 *  1. search relevance on ../shared/domain/queries-dev.jsonl (first topic in the top-3 topics);
 *  2. bytes a question page transfers (HTML + CSS + JS, gzip);
 *  3. requests/s and p50/p99 latency of a question page and of the search API under 20
 *     concurrent connections (autocannon), on PGlite, and on PostgreSQL when DATABASE_URL is set;
 *  4. contacts: topic suggestion accuracy and latency, registering a contact through the form
 *     action, and the inbox with 10,000 cases (bench/contacten.ts);
 *  5. buddies: ranking 500 buddies for a request, and the figures page with 10,000 matches;
 *  6. activities: signing up through the form action (open and full activity) and the iCal feed
 *     with 1,000 activities (bench/activiteiten.ts).
 * BENCH_ONLY=relevance,load,contacten,activiteiten runs only those parts (default: everything);
 * BENCH_PORT moves the servers' ports (default 4310 for PGlite, the next one for PostgreSQL).
 * Needs a build (`npm run build`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { loadQuestions } from '../src/lib/server/kennisbank/content';
import { evaluateSearch } from '../src/lib/server/search/evaluate';
import { buildSearchIndex, searchIndex } from '../src/lib/server/search/engine';
import { contactFigures, prepareContacts, topicFigures } from './contacten';
import { rankingFigures } from './buddies-ranking';
import { activityFigures, CLIENT_HEADER, prepareActivities } from './activiteiten';
import { percentile } from './stats';

const QUESTION = '/demo/vraag/mijn-kind-zit-thuis-wat-nu';
const SEARCH = '/api/v1/steunpunten/demo/zoeken?q=kind%20zit%20thuis';
const ONLY = (process.env.BENCH_ONLY || '')
	.split(',')
	.map((p) => p.trim())
	.filter(Boolean);
const want = (part: string) => ONLY.length === 0 || ONLY.includes(part);

function relevance(): void {
	const file = process.env.QUERIES || path.resolve('../shared/domain/queries-dev.jsonl');
	if (!fs.existsSync(file)) return console.info(`relevance: ${file} not found, skipped`);
	const queries = fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l));
	const docs = loadQuestions().map((q) => ({
		id: q.slug,
		title: q.title,
		summary: q.summary,
		body: q.body,
		keywords: q.keywords,
		topics: q.topics,
		phase: q.phase
	}));
	const r = evaluateSearch(docs, queries);
	console.info(
		`search relevance, ${path.basename(file)} (${queries.length} queries): top-3 first-topic ${(r.top3TopicHit * 100).toFixed(1)}%, top-1 ${(r.top1TopicHit * 100).toFixed(1)}%`
	);
	const extraFile = 'src/lib/server/search/queries-extra.jsonl';
	const extra = fs
		.readFileSync(extraFile, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((l) => JSON.parse(l));
	const e = evaluateSearch(docs, extra);
	console.info(
		`search relevance, our own extra queries (${extra.length}): top-3 first-topic ${(e.top3TopicHit * 100).toFixed(1)}%, top-1 ${(e.top1TopicHit * 100).toFixed(1)}%`
	);
	// In process: building the index of the kennisbank and answering one long question.
	const builds: number[] = [];
	let index = buildSearchIndex(docs);
	for (let i = 0; i < 20; i++) {
		const t = performance.now();
		index = buildSearchIndex(docs);
		builds.push(performance.now() - t);
	}
	const answers: number[] = [];
	for (let i = 0; i < 500; i++) {
		const t = performance.now();
		searchIndex(index, `mijn kind heeft een plan nodig maar de school luistert niet ${i}`);
		answers.push(performance.now() - t);
	}
	builds.sort((a, b) => a - b);
	answers.sort((a, b) => a - b);
	console.info(
		`search index (${docs.length} texts, in process): build p50 ${percentile(builds, 50).toFixed(1)} ms; a query p50 ${percentile(answers, 50).toFixed(2)} ms, p99 ${percentile(answers, 99).toFixed(2)} ms`
	);
}

async function startServer(env: NodeJS.ProcessEnv, port: number) {
	const child = spawn(process.execPath, ['build'], {
		env: { ...process.env, ...env, PORT: String(port), ORIGIN: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 300; i++) {
		try {
			if ((await fetch(`${base}/healthz`)).ok) return { child, base };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	child.kill('SIGTERM');
	throw new Error('server did not start');
}

async function pageBytes(base: string): Promise<void> {
	const html = await (await fetch(base + QUESTION)).text();
	const assets = [...html.matchAll(/(?:href|src)="([^"]*_app\/[^"]+\.(?:css|js))"/g)].map((m) => new URL(m[1], base + QUESTION).pathname);
	let total = gzipSync(html).length;
	for (const a of new Set(assets)) total += gzipSync(Buffer.from(await (await fetch(base + a)).arrayBuffer())).length;
	console.info(`question page: ${(total / 1024).toFixed(1)} KB gzip (HTML ${(gzipSync(html).length / 1024).toFixed(1)} KB + ${new Set(assets).size} assets)`);
}

async function load(base: string, url: string, label: string): Promise<void> {
	const result = await autocannon({ url: base + url, connections: 20, duration: Number(process.env.BENCH_SECONDS || 10) });
	console.info(
		`${label}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`
	);
}

async function stop(child: ReturnType<typeof spawn>): Promise<void> {
	child.kill('SIGTERM');
	await new Promise((r) => child.once('exit', r));
}

async function run(kind: string, env: NodeJS.ProcessEnv, port: number): Promise<void> {
	// The first start also migrates the database and loads the demo the other parts build on.
	const first = await startServer(env, port);
	try {
		console.info(`--- ${kind}`);
		if (want('load')) {
			await pageBytes(first.base);
			await load(first.base, QUESTION, 'question page, 20 connections');
			await load(first.base, SEARCH, 'search API, 20 connections');
		}
	} finally {
		await stop(first.child);
	}
	const database = { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR };
	if (want('contacten')) {
		// The demo exists now; add a bench regisseur and 10,000 cases while the server is stopped.
		await prepareContacts(database);
		const second = await startServer(env, port);
		try {
			await contactFigures(second.base);
		} finally {
			await stop(second.child);
		}
	}
	if (want('activiteiten')) {
		const ids = await prepareActivities(database);
		// Every sign-up presents its own client address, as the e2e server does (x-e2e-client).
		const third = await startServer({ ...env, ADDRESS_HEADER: CLIENT_HEADER }, port);
		try {
			await activityFigures(third.base, ids);
		} finally {
			await stop(third.child);
		}
	}
}

if (want('relevance')) {
	relevance();
	topicFigures();
	rankingFigures();
}
const port = Number(process.env.BENCH_PORT || 4310);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'steunpunt-bench-'));
await run('PGlite', { DATA_DIR: dataDir, DATABASE_URL: '' }, port);
if (process.env.DATABASE_URL) await run('PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL }, port + 1);
else console.info('--- PostgreSQL: set DATABASE_URL to measure it too');
fs.rmSync(dataDir, { recursive: true, force: true });
