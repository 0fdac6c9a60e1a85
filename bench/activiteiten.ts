/**
 * Bench figures for Activiteiten:
 *  - signing up through the public form action (p50/p99, req/s under 20 connections), once on an
 *    activity with plenty of places (every sign-up confirmed) and once on a full activity (every
 *    sign-up goes to the waiting list). Each request is a real sign-up with its own client
 *    address: the server runs with ADDRESS_HEADER=x-bench-client, as the e2e server does with
 *    x-e2e-client, so the limit of 10 per client per hour does not refuse them. A fixed number
 *    of sign-ups per run (BENCH_SIGNUPS, 800) keeps both runs under the steunpunt's ceiling of
 *    2,000 an hour and the open activity under its 1,000 places;
 *  - the iCal feed of a steunpunt with 1,000 activities: the uncached build (in process, the
 *    cache emptied with forgetFeed() before every build; and the first request after the server
 *    started), and the steady state over HTTP, where the feed is served from its 60 s cache.
 */
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import autocannon from 'autocannon';
import { openDatabase } from '../src/lib/server/db/client';
import { db, rowsOf, setDatabase } from '../src/lib/server/db';
import { steunpunt } from '../src/lib/server/db/schema';
import { activityFeed, forgetFeed } from '../src/lib/server/activiteiten/feed';
import { percentile } from './stats';

export const FEED_ACTIVITIES = 1_000;
/** The header the bench server reads the client address from (ADDRESS_HEADER). */
export const CLIENT_HEADER = 'x-bench-client';
const FULL_CAPACITY = 10;

export interface BenchActivities {
	open: string;
	full: string;
}

/**
 * With the server stopped (PGlite has one writer): in `demo`, an open activity (1,000 places), a
 * full one (10 places, 10 confirmed) and enough other activities that the feed holds 1,000; the
 * rate-limit counters of activity sign-ups start afresh. Then the in-process feed build times.
 */
export async function prepareActivities(env: { databaseUrl?: string; dataDir?: string }): Promise<BenchActivities> {
	const database = await openDatabase(env);
	setDatabase(database);
	try {
		const [demo] = await db().select({ id: steunpunt.id }).from(steunpunt).where(eq(steunpunt.slug, 'demo'));
		await db().execute(sql`delete from activity where steunpunt_id = ${demo.id}::uuid and title like 'Bench:%'`);
		await db().execute(sql`delete from rate_limit where key like ${`activiteit:${demo.id}:%`}`);
		const insertOne = async (title: string, capacity: number) => {
			const [row] = rowsOf<{ id: string }>(
				await db().execute(sql`
					insert into activity (steunpunt_id, kind, title, audience, description, starts_at, ends_at, location_name, address, place, capacity, max_per_signup)
					values (${demo.id}::uuid, 'oudercafe', ${title}, 'ouders', 'Een avond met andere ouders.', date_trunc('day', now()) + interval '30 days 19 hours',
						date_trunc('day', now()) + interval '30 days 21 hours', 'Bibliotheek', 'Stationsplein 1', 'Utrecht', ${capacity}, 2)
					returning id`)
			);
			return row.id;
		};
		const open = await insertOne('Bench: oudercafé met plek', 1000);
		const full = await insertOne('Bench: vol oudercafé', FULL_CAPACITY);
		await db().execute(sql`
			insert into activity_signup (steunpunt_id, activity_id, status, people, who, name, email, consent_version, token_expires_at, confirmed_at)
			select ${demo.id}::uuid, ${full}::uuid, 'bevestigd', 1, 'ouder', 'Bench-ouder ' || i, 'bench-' || i || '@bench.invalid', 'bench', now() + interval '31 days', now()
			from generate_series(1, ${FULL_CAPACITY}) i`);
		const [{ n }] = rowsOf<{ n: number }>(
			await db().execute(sql`select count(*)::int as n from activity where steunpunt_id = ${demo.id}::uuid and ends_at > now() - interval '30 days'`)
		);
		// The rest of the 1,000: from three weeks ago to two years ahead, one in ten cancelled.
		await db().execute(sql`
			insert into activity (steunpunt_id, kind, title, theme, audience, description, starts_at, ends_at, online, location_name, address, place, online_url, capacity, max_per_signup, status, sequence)
			select ${demo.id}::uuid, (array['oudercafe','po-cafe','themamiddag','online'])[1 + i % 4], 'Bench: activiteit ' || i, 'Thema ' || (i % 12),
				case when i % 4 = 1 then 'ouders-professionals' else 'ouders' end,
				'Een bijeenkomst voor ouders van kinderen die extra steun nodig hebben op school. We praten over wat werkt en wie je kan helpen.',
				date_trunc('day', now()) + ((i % 730) - 21 || ' days')::interval + interval '19 hours',
				date_trunc('day', now()) + ((i % 730) - 21 || ' days')::interval + interval '21 hours',
				i % 4 = 3, case when i % 4 = 3 then null else 'Buurthuis De Brug' end, case when i % 4 = 3 then null else 'Kerkstraat ' || i end,
				case when i % 4 = 3 then null else 'Amersfoort' end, case when i % 4 = 3 then 'https://bench.invalid/online-' || i end,
				25, 2, case when i % 10 = 0 then 'geannuleerd' else 'gepland' end, i % 3
			from generate_series(1, ${Math.max(0, FEED_ACTIVITIES - n)}) i`);
		await feedBuildTimes();
		return { open, full };
	} finally {
		setDatabase(undefined);
		await database.close();
	}
}

/** The feed built without its cache, in process (no HTTP): forgetFeed() before every build. */
async function feedBuildTimes(): Promise<void> {
	const origin = 'http://127.0.0.1';
	for (let i = 0; i < 3; i++) {
		forgetFeed();
		await activityFeed({ slug: 'demo', origin });
	}
	const times: number[] = [];
	for (let i = 0; i < 30; i++) {
		forgetFeed();
		const t = performance.now();
		await activityFeed({ slug: 'demo', origin });
		times.push(performance.now() - t);
	}
	forgetFeed();
	times.sort((a, b) => a - b);
	console.info(
		`iCal feed with ${FEED_ACTIVITIES.toLocaleString('en')} activities, uncached build in process (30 builds, cache emptied each time): p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`
	);
}

async function signupLoad(base: string, activityId: string, label: string): Promise<void> {
	const page = `${base}/demo/activiteiten/${activityId}`;
	const html = await (await fetch(page)).text();
	const formtijd = /name="formtijd" value="([^"]+)"/.exec(html)?.[1];
	if (!formtijd) throw new Error(`no formtijd on ${page}`);
	// A person needs at least 3 s to fill in the form; the signed token is from the GET above.
	await new Promise((r) => setTimeout(r, 3_100));
	const amount = Number(process.env.BENCH_SIGNUPS || 800);
	const run = `${label.replace(/\W+/g, '-')}-${Date.now()}`;
	const outcome = new Map<string, number>();
	let n = 0;
	const result = await autocannon({
		url: page,
		connections: 20,
		amount,
		headers: { accept: 'text/html', origin: base, 'content-type': 'application/x-www-form-urlencoded' },
		requests: [
			{
				method: 'POST',
				setupRequest: (req) => {
					const i = ++n;
					const body = new URLSearchParams({
						naam: `Bench-ouder ${i}`,
						email: `ouder-${i}@bench.invalid`,
						telefoon: '',
						aantal: '1',
						wie: 'ouder',
						toelichting: '',
						toestemming: 'ja',
						formtijd,
						website: ''
					});
					if (i % 7 === 0) body.append('behoeften', 'tolk');
					return { ...req, headers: { ...req.headers, [CLIENT_HEADER]: `${run}-${i}` }, body: body.toString() };
				},
				onResponse: (status, _body, _context, headers) => {
					const where = /[?&]nieuw=([a-z]+)/.exec(String(headers?.location ?? ''))?.[1];
					const key = status === 303 && where ? where : `HTTP ${status}`;
					outcome.set(key, (outcome.get(key) ?? 0) + 1);
				}
			}
		]
	});
	const refused = result.errors + result.timeouts + result['4xx'] + result['5xx'];
	const outcomes = [...outcome].map(([k, v]) => `${v} ${k}`).join(', ');
	console.info(
		`sign up for an activity (form action), ${label}, 20 connections, ${amount} sign-ups: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${refused} (${outcomes})`
	);
}

async function feedLoad(base: string): Promise<void> {
	const url = `${base}/demo/activiteiten.ics`;
	// The first request after the server started: nothing cached yet.
	const t = performance.now();
	const res = await fetch(url);
	const body = await res.text();
	const first = performance.now() - t;
	const events = body.split('BEGIN:VEVENT').length - 1;
	const bytes = Buffer.byteLength(body);
	console.info(
		`iCal feed, ${events.toLocaleString('en')} activities: ${(bytes / 1024).toFixed(0)} KB (${(gzipSync(body).length / 1024).toFixed(0)} KB gzip), first request after start (uncached) ${first.toFixed(0)} ms, HTTP ${res.status}`
	);
	const r = await autocannon({ url, connections: 20, duration: Number(process.env.BENCH_SECONDS || 10) });
	console.info(
		`iCal feed, ${events.toLocaleString('en')} activities, steady state (60 s in-process cache), 20 connections: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}`
	);
}

export async function activityFigures(base: string, ids: BenchActivities): Promise<void> {
	await feedLoad(base);
	await signupLoad(base, ids.open, 'plenty of places');
	await signupLoad(base, ids.full, 'full (waiting list)');
}
