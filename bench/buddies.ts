/**
 * Bench figures for the buddy programme: ranking 500 buddies for a request (in process, see
 * buddies-ranking.ts) and the figures page with 10,000 matches in the steunpunt.
 */
import { sql } from 'drizzle-orm';
import autocannon from 'autocannon';
import { db } from '../src/lib/server/db';

export const BENCH_MATCHES = 10_000;

/** 200 buddies, 10,000 requests with a match each (mixed states), 20,000 contact moments, surveys. */
export async function prepareBuddies(steunpuntId: string): Promise<void> {
	await db().execute(sql`
		insert into buddy (steunpunt_id, name, experiences, capacity, training_on, intake_on, vog_on)
		select ${steunpuntId}::uuid, 'Bench-buddy ' || i, array['thuiszitten'], 10, current_date - 100, current_date - 90, current_date - 80
		from generate_series(1, 200) i`);
	await db().execute(sql`
		with r as (
			insert into buddy_request (steunpunt_id, reference, source, topics, status, created_at, closed_at)
			select ${steunpuntId}::uuid, 'BB-' || lpad(i::text, 6, '0'), 'website', array['thuiszitten-verzuim'],
				case when i % 10 = 0 then 'actief' else 'afgesloten' end, now() - ((i % 300) || ' days')::interval,
				case when i % 10 = 0 then null else now() - ((i % 300) || ' days')::interval + interval '60 days' end
			from generate_series(1, ${BENCH_MATCHES}) i
			returning id, created_at
		), b as (select id, row_number() over () as n from buddy where steunpunt_id = ${steunpuntId}::uuid)
		insert into buddy_match (steunpunt_id, request_id, buddy_id, status, proposed_at, accepted_at, active_at, ended_at)
		select ${steunpuntId}::uuid, r.id, (select id from b where n = 1 + (abs(hashtext(r.id::text)) % 200)),
			case when random() < 0.1 then 'actief' when random() < 0.5 then 'afgerond' else 'gestopt' end,
			r.created_at + interval '2 days', r.created_at + interval '3 days', r.created_at + interval '5 days', r.created_at + interval '60 days'
		from r`);
	await db().execute(sql`
		insert into buddy_moment (steunpunt_id, match_id, day, form, minutes)
		select ${steunpuntId}::uuid, m.id, (m.active_at + (g || ' days')::interval)::date, (array['telefoon','afspraak','mee-naar-school'])[1 + g % 3], 30
		from buddy_match m, generate_series(1, 2) g where m.steunpunt_id = ${steunpuntId}::uuid`);
	await db().execute(sql`
		insert into buddy_survey (steunpunt_id, day, who, supported)
		select ${steunpuntId}::uuid, current_date - (i % 300), 'ouder', 1 + i % 5 from generate_series(1, 3000) i`);
}

export async function buddyFiguresLoad(base: string, cookie: string): Promise<void> {
	const seconds = Number(process.env.BENCH_SECONDS || 10);
	const r = await autocannon({ url: `${base}/beheer/demo/buddy-cijfers`, connections: 20, duration: seconds, headers: { cookie } });
	console.info(
		`buddy figures page with ${BENCH_MATCHES.toLocaleString('en')} matches, 20 connections: ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.non2xx}`
	);
}
