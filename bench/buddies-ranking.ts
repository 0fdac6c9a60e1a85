/**
 * Bench figure for buddy matching: ranking 500 varied synthetic buddies for 1,000 varied
 * requests (in process, deterministic pseudo-random data), p50/p99 per ranking.
 */
import { TOPICS } from '../src/lib/taxonomy';
import { EXPERIENCES, LANGUAGES, SUPPORT_WAYS, rankBuddies, type BuddyCandidate, type BuddyNeed } from '../src/lib/buddies/matching';
import { percentile } from './stats';

const BUDDIES = 500;
const NEEDS = 1_000;
const SCHOOL_TYPES = ['po', 'so', 'vo', 'vso', 'mbo'];
/** 20 gemeente codes in Noord-Holland Noord and around. */
const GEMEENTEN = [
	'GM0361',
	'GM0399',
	'GM1980',
	'GM0383',
	'GM0373',
	'GM0400',
	'GM0405',
	'GM0420',
	'GM0432',
	'GM0441',
	'GM0448',
	'GM0453',
	'GM0479',
	'GM0498',
	'GM0532',
	'GM0852',
	'GM0880',
	'GM0392',
	'GM0363',
	'GM0375'
];
const NAMES = [
	'Fatima',
	'Anna',
	'Sanne',
	'Mohamed',
	'Ayşe',
	'Kees',
	'Joke',
	'Marieke',
	'Youssef',
	'Olena',
	'Piotr',
	'Lotte',
	'Hanna',
	'Ahmed',
	'Esther',
	'Ruud'
];

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pick<T>(r: () => number, list: readonly T[], min: number, max: number): T[] {
	const n = min + Math.floor(r() * (max - min + 1));
	const out = new Set<T>();
	while (out.size < Math.min(n, list.length)) out.add(list[Math.floor(r() * list.length)]);
	return [...out];
}

const TAGS = [...TOPICS.map((t) => t.slug), ...EXPERIENCES.map((e) => e.value)];
const FOREIGN = LANGUAGES.filter((l) => l.value !== 'nl').map((l) => l.value);
const WAYS = SUPPORT_WAYS.map((w) => w.value);

function syntheticBuddies(r: () => number): BuddyCandidate[] {
	return Array.from({ length: BUDDIES }, (_, i) => {
		const capacity = 1 + Math.floor(r() * 4);
		return {
			id: `buddy-${String(i).padStart(4, '0')}`,
			name: `${NAMES[Math.floor(r() * NAMES.length)]} ${i}`,
			experiences: pick(r, TAGS, 1, 6),
			schoolTypes: pick(r, SCHOOL_TYPES, 1, 3),
			gemeenten: pick(r, GEMEENTEN, 1, 5),
			languages: ['nl', ...(r() < 0.4 ? pick(r, FOREIGN, 1, 2) : [])],
			supportWays: pick(r, WAYS, 1, 3),
			capacity,
			activeMatches: Math.floor(r() * (capacity + 1)), // some are full
			recentMatches: Math.floor(r() * 5)
		};
	});
}

function syntheticNeeds(r: () => number): BuddyNeed[] {
	return Array.from({ length: NEEDS }, () => ({
		topics: pick(
			r,
			TOPICS.map((t) => t.slug),
			0,
			3
		),
		experiences: pick(
			r,
			EXPERIENCES.map((e) => e.value),
			0,
			2
		),
		schoolType: r() < 0.8 ? SCHOOL_TYPES[Math.floor(r() * SCHOOL_TYPES.length)] : null,
		gemeente: r() < 0.9 ? GEMEENTEN[Math.floor(r() * GEMEENTEN.length)] : null,
		language: r() < 0.3 ? FOREIGN[Math.floor(r() * FOREIGN.length)] : r() < 0.5 ? 'nl' : null,
		supportWays: pick(r, WAYS, 0, 2)
	}));
}

export function rankingFigures(): void {
	const r = rng(20_260_501);
	const buddies = syntheticBuddies(r);
	const needs = syntheticNeeds(r);
	const gemeenteNames = Object.fromEntries(GEMEENTEN.map((g) => [g, `Gemeente ${g.slice(2)}`]));
	for (let i = 0; i < 200; i++) rankBuddies(needs[i], buddies, { gemeenteNames, limit: 10 }); // warm up
	const times: number[] = [];
	for (const need of needs) {
		const t = process.hrtime.bigint();
		rankBuddies(need, buddies, { gemeenteNames, limit: 10 });
		times.push(Number(process.hrtime.bigint() - t) / 1e6);
	}
	times.sort((a, b) => a - b);
	console.info(`buddy ranking, ${BUDDIES} buddies: p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`);
}
