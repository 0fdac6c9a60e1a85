import { describe, expect, it } from 'vitest';
import { TOPICS } from '../taxonomy';
import { EXPERIENCES, LANGUAGES, SUPPORT_WAYS, joinDutch, rankBuddies, type BuddyCandidate, type BuddyNeed } from './matching';

const ALKMAAR = 'GM0361';
const HEILOO = 'GM0399';
const BERGEN = 'GM1980';
const AMSTERDAM = 'GM0363';
const NAMES = { [ALKMAAR]: 'Alkmaar', [HEILOO]: 'Heiloo', [BERGEN]: 'Bergen (NH)', [AMSTERDAM]: 'Amsterdam' };

let nextId = 0;
function buddy(over: Partial<BuddyCandidate> = {}): BuddyCandidate {
	nextId++;
	return {
		id: `b-${String(nextId).padStart(3, '0')}`,
		name: `Buddy ${nextId}`,
		experiences: [],
		schoolTypes: [],
		gemeenten: [HEILOO],
		languages: ['nl'],
		supportWays: ['telefonisch', 'afspreken'],
		capacity: 2,
		activeMatches: 0,
		recentMatches: 0,
		...over
	};
}

function need(over: Partial<BuddyNeed> = {}): BuddyNeed {
	return { topics: [], experiences: [], schoolType: null, gemeente: null, language: null, supportWays: [], ...over };
}

const ids = (list: { buddy: BuddyCandidate }[]) => list.map((r) => r.buddy.id);

describe('lists', () => {
	it('has the experience tags, the ways of support and the languages with Dutch labels', () => {
		expect(EXPERIENCES.map((e) => e.value)).toEqual([
			'autisme',
			'adhd',
			'hoogbegaafdheid',
			'thuiszitten',
			'overstap-po-vo',
			'speciaal-onderwijs',
			'chronische-ziekte',
			'dyslexie',
			'gedrag',
			'angst',
			'pesten',
			'jeugdhulp',
			'meertalig-gezin'
		]);
		expect(EXPERIENCES.find((e) => e.value === 'overstap-po-vo')?.label).toBe('overstap po-vo');
		expect(SUPPORT_WAYS.map((s) => s.label)).toEqual(['Telefonisch', 'Afspreken', 'Meegaan naar school']);
		expect(LANGUAGES.find((l) => l.value === 'ar')?.label).toBe('Arabisch');
		expect(LANGUAGES).toHaveLength(12);
		// Experience tags must not silently collide with topic slugs (except the one meant to).
		const topicSlugs = new Set(TOPICS.map((t) => t.slug));
		expect(EXPERIENCES.filter((e) => topicSlugs.has(e.value)).map((e) => e.value)).toEqual(['hoogbegaafdheid']);
	});

	it('joins in Dutch', () => {
		expect(joinDutch([])).toBe('');
		expect(joinDutch(['a'])).toBe('a');
		expect(joinDutch(['a', 'b'])).toBe('a en b');
		expect(joinDutch(['a', 'b', 'c'])).toBe('a, b en c');
	});
});

describe('rankBuddies', () => {
	it("gives the issue's example reasons, word for word", () => {
		const fatima = buddy({
			name: 'Fatima',
			experiences: ['thuiszitten', 'overstap-po-vo', 'dyslexie'],
			gemeenten: [ALKMAAR, HEILOO],
			languages: ['nl', 'ar'],
			capacity: 2,
			activeMatches: 1
		});
		const [first] = rankBuddies(
			need({ topics: ['thuiszitten-verzuim', 'overgang-po-vo'], experiences: ['thuiszitten', 'overstap-po-vo'], gemeente: ALKMAAR, language: 'ar' }),
			[fatima],
			{ gemeenteNames: NAMES }
		);
		expect(first.reasonText).toBe('kent thuiszitten en overstap po-vo; woont in dezelfde gemeente; spreekt Arabisch; heeft nu 1 van 2 plekken bezet');
		expect(first.reasons).toEqual(['kent thuiszitten en overstap po-vo', 'woont in dezelfde gemeente', 'spreekt Arabisch', 'heeft nu 1 van 2 plekken bezet']);
	});

	it('names school type, reachable gemeente, support and free places in that order', () => {
		const b = buddy({
			experiences: ['gedrag-autisme-adhd'],
			schoolTypes: ['po', 'vo'],
			gemeenten: [HEILOO, ALKMAAR],
			supportWays: ['telefonisch', 'meegaan'],
			capacity: 3
		});
		const [r] = rankBuddies(need({ topics: ['gedrag-autisme-adhd'], schoolType: 'vo', gemeente: ALKMAAR, supportWays: ['meegaan'] }), [b], {
			gemeenteNames: NAMES
		});
		expect(r.reasonText).toBe(
			'kent gedrag, autisme, ADHD en ontwikkeling; kent het vo; kan naar Alkmaar komen; kan mee naar school; heeft nog alle 3 plekken vrij'
		);
	});

	it('says the buddy lives too far away only when the parent wants to meet', () => {
		const far = buddy({ gemeenten: [AMSTERDAM] });
		expect(rankBuddies(need({ gemeente: ALKMAAR, supportWays: ['afspreken'] }), [far])[0].reasons).toContain('woont niet in de buurt');
		expect(rankBuddies(need({ gemeente: ALKMAAR, supportWays: ['telefonisch'] }), [far])[0].reasons).not.toContain('woont niet in de buurt');
		expect(rankBuddies(need({ gemeente: ALKMAAR, supportWays: ['telefonisch'] }), [far])[0].reasons).toContain('steunt telefonisch');
	});

	it('names a related experience by what the buddy knows, and a topic with a small first letter', () => {
		const b = buddy({ experiences: ['angst', 'ziekte-onderwijs'] });
		const [r] = rankBuddies(need({ topics: ['schoolangst-welzijn', 'ziekte-onderwijs'] }), [b]);
		expect(r.reasons[0]).toBe('kent angst en ziek zijn en onderwijs');
	});

	it('leaves out full buddies (and buddies without places)', () => {
		const full = buddy({ capacity: 2, activeMatches: 2 });
		const over = buddy({ capacity: 1, activeMatches: 3 });
		const none = buddy({ capacity: 0, activeMatches: 0 });
		const free = buddy({ capacity: 2, activeMatches: 1 });
		expect(ids(rankBuddies(need(), [full, over, none, free]))).toEqual([free.id]);
	});

	it('ranks a buddy with shared experience above one without', () => {
		const none = buddy({ name: 'A', experiences: ['pesten'] });
		const shared = buddy({ name: 'B', experiences: ['thuiszitten'] });
		const r = rankBuddies(need({ topics: ['thuiszitten-verzuim'] }), [none, shared]);
		expect(ids(r)).toEqual([shared.id, none.id]);
		expect(r[0].score).toBeGreaterThan(r[1].score);
		expect(r[0].reasons[0]).toBe('kent thuiszitten');
		expect(r[1].reasons[0]).not.toMatch(/^kent/);
	});

	it('values an exact shared topic above a related one, and more shared experience above less', () => {
		const exact = buddy({ experiences: ['thuiszitten-verzuim'] });
		const related = buddy({ experiences: ['thuiszitten'] });
		const both = buddy({ experiences: ['thuiszitten-verzuim', 'overstap-po-vo'] });
		const r = rankBuddies(need({ topics: ['thuiszitten-verzuim', 'overgang-po-vo'] }), [related, exact, both]);
		expect(ids(r)).toEqual([both.id, exact.id, related.id]);
		expect(r[0].score).toBeGreaterThan(r[1].score);
		expect(r[1].score).toBeGreaterThan(r[2].score);
	});

	it('puts a buddy who speaks Arabic first when the parent speaks Arabic', () => {
		const others = [
			buddy({ name: 'A', languages: ['nl', 'tr'], experiences: ['thuiszitten'] }),
			buddy({ name: 'B', languages: ['nl', 'en'], gemeenten: [ALKMAAR] })
		];
		const arabic = buddy({ name: 'Z', languages: ['nl', 'ar'] });
		const r = rankBuddies(need({ topics: ['thuiszitten-verzuim'], gemeente: ALKMAAR, language: 'ar' }), [...others, arabic]);
		expect(r[0].buddy.id).toBe(arabic.id);
		expect(r[0].reasons).toContain('spreekt Arabisch');
		expect(r[0].score).toBeGreaterThan(r[1].score);
		// Dutch or unknown language: language does not decide.
		for (const language of ['nl', null]) {
			const plain = rankBuddies(need({ language }), [buddy({ id: 'x', name: 'X', languages: ['nl'] }), buddy({ id: 'y', name: 'Y', languages: ['nl', 'ar'] })]);
			expect(plain[0].score).toBe(plain[1].score);
			expect(plain.flatMap((p) => p.reasons).some((s) => s.startsWith('spreekt'))).toBe(false);
		}
	});

	it('prefers where the buddy lives over where the buddy can go over not reachable', () => {
		const lives = buddy({ gemeenten: [ALKMAAR] });
		const reaches = buddy({ gemeenten: [HEILOO, ALKMAAR] });
		const unknown = buddy({ gemeenten: [] });
		const far = buddy({ gemeenten: [AMSTERDAM] });
		const r = rankBuddies(need({ gemeente: ALKMAAR, supportWays: ['afspreken'] }), [far, unknown, reaches, lives]);
		expect(ids(r)).toEqual([lives.id, reaches.id, unknown.id, far.id]);
		expect(new Set(r.map((x) => x.score)).size).toBe(4);
	});

	it('lets reachability hardly matter when the parent only wants phone support', () => {
		const near = buddy({ gemeenten: [ALKMAAR], recentMatches: 0 });
		const far = buddy({ gemeenten: [AMSTERDAM] });
		const meet = rankBuddies(need({ gemeente: ALKMAAR, supportWays: ['afspreken'] }), [near, far]);
		const phone = rankBuddies(need({ gemeente: ALKMAAR, supportWays: ['telefonisch'] }), [near, far]);
		const gap = (r: typeof meet) => r[0].score - r[1].score;
		expect(gap(phone)).toBeGreaterThan(0);
		expect(gap(phone)).toBeLessThan(gap(meet) / 3);
		// A far buddy with the right experience now beats a near one without.
		const expert = buddy({ gemeenten: [AMSTERDAM], experiences: ['dyslexie'] });
		expect(rankBuddies(need({ topics: ['dyslexie-dyscalculie'], gemeente: ALKMAAR, supportWays: ['telefonisch'] }), [near, expert])[0].buddy.id).toBe(
			expert.id
		);
	});

	it('ranks the buddy with the lower load above an otherwise identical one', () => {
		const busy = buddy({ name: 'Anna', capacity: 3, activeMatches: 2 });
		const calm = buddy({ name: 'Zoë', capacity: 3, activeMatches: 1 });
		const r = rankBuddies(need({ topics: ['pesten-veiligheid'] }), [busy, calm]);
		expect(ids(r)).toEqual([calm.id, busy.id]);
		expect(r[0].score).toBeGreaterThan(r[1].score);
		expect(r[0].reasons.at(-1)).toBe('heeft nu 1 van 3 plekken bezet');
		expect(r[1].reasons.at(-1)).toBe('heeft nu 2 van 3 plekken bezet');
	});

	it('spreads work: fewer recent matches ranks higher when all else is equal', () => {
		const many = buddy({ name: 'Anna', recentMatches: 4 });
		const few = buddy({ name: 'Bram', recentMatches: 1 });
		const none = buddy({ name: 'Cor', recentMatches: 0 });
		const r = rankBuddies(need({ topics: ['opp'] }), [many, few, none]);
		expect(ids(r)).toEqual([none.id, few.id, many.id]);
		expect(r[0].score).toBeGreaterThan(r[1].score);
		expect(r[1].score).toBeGreaterThan(r[2].score);
		// …but only a bit: shared experience still wins over a quiet period.
		const expertButBusy = buddy({ experiences: ['opp'], recentMatches: 6 });
		expect(rankBuddies(need({ topics: ['opp'] }), [none, expertButBusy])[0].buddy.id).toBe(expertButBusy.id);
	});

	it("penalises buddies who don't go along to school when the parent asks for that", () => {
		const goes = buddy({ name: 'Zoë', supportWays: ['afspreken', 'meegaan'], experiences: ['thuiszitten'] });
		const stays = buddy({ name: 'Anna', supportWays: ['telefonisch', 'afspreken'], experiences: ['thuiszitten'] });
		const asked = need({ topics: ['thuiszitten-verzuim'], supportWays: ['afspreken', 'meegaan'] });
		const r = rankBuddies(asked, [stays, goes]);
		expect(r[0].buddy.id).toBe(goes.id);
		expect(r[0].reasons).toContain('kan afspreken en kan mee naar school');
		expect(r[1].reasons).toContain('kan afspreken en kan niet mee naar school');
		// The penalty is more than just the missing support share.
		const noMeegaanAsked = rankBuddies(need({ topics: ['thuiszitten-verzuim'], supportWays: ['afspreken'] }), [stays])[0].score;
		const stillAsked = r.find((x) => x.buddy.id === stays.id)!.score;
		expect(noMeegaanAsked - stillAsked).toBeGreaterThan(10);
	});

	it('gives the same order for the same input, breaking ties by load, name and id', () => {
		const a = buddy({ id: 'b', name: 'Same', capacity: 4, activeMatches: 2 });
		const b = buddy({ id: 'a', name: 'Same', capacity: 2, activeMatches: 1 });
		const c = buddy({ id: 'c', name: 'Anna', capacity: 2, activeMatches: 1 });
		const d = buddy({ id: 'd', name: 'Bram', capacity: 2, activeMatches: 0 });
		const n = need({ topics: ['klacht-geschil'] });
		const first = rankBuddies(n, [a, b, c, d]);
		expect(first[0].buddy.id).toBe('d');
		for (const order of [
			[d, c, b, a],
			[b, d, a, c],
			[c, a, d, b]
		])
			expect(rankBuddies(n, order)).toEqual(first);
		// a, b and c score the same (same load fraction): by name, then id.
		expect(first.slice(1).map((r) => r.score)).toEqual([first[1].score, first[1].score, first[1].score]);
		expect(ids(first)).toEqual(['d', 'c', 'a', 'b']);
	});

	it('keeps every score within 0..100, also for a perfect and a hopeless buddy', () => {
		const perfect = buddy({
			experiences: ['thuiszitten', 'thuiszitten-verzuim'],
			schoolTypes: ['vo'],
			gemeenten: [ALKMAAR],
			languages: ['ar'],
			supportWays: ['telefonisch', 'afspreken', 'meegaan'],
			capacity: 3
		});
		const hopeless = buddy({ gemeenten: [AMSTERDAM], languages: ['nl'], supportWays: [], capacity: 10, activeMatches: 9, recentMatches: 50 });
		const n = need({
			topics: ['thuiszitten-verzuim'],
			experiences: ['thuiszitten'],
			schoolType: 'vo',
			gemeente: ALKMAAR,
			language: 'ar',
			supportWays: ['telefonisch', 'afspreken', 'meegaan']
		});
		const r = rankBuddies(n, [hopeless, perfect]);
		expect(r[0].score).toBe(100);
		expect(r[1].score).toBe(0);
		const random = Array.from({ length: 200 }, (_, i) =>
			buddy({
				experiences: [EXPERIENCES[i % 13].value, TOPICS[i % TOPICS.length].slug],
				gemeenten: [[ALKMAAR, HEILOO, BERGEN, AMSTERDAM][i % 4]],
				languages: ['nl', LANGUAGES[i % 12].value],
				supportWays: SUPPORT_WAYS.slice(0, 1 + (i % 3)).map((s) => s.value),
				capacity: 1 + (i % 4),
				activeMatches: i % 3,
				recentMatches: i % 7
			})
		);
		for (const x of [n, need(), need({ language: 'tr', gemeente: BERGEN, supportWays: ['telefonisch'] })]) {
			for (const res of rankBuddies(x, random)) {
				expect(res.score).toBeGreaterThanOrEqual(0);
				expect(res.score).toBeLessThanOrEqual(100);
				expect(Number.isFinite(res.score)).toBe(true);
			}
		}
	});

	it('returns [] for no buddies', () => {
		expect(rankBuddies(need({ topics: ['opp'] }), [])).toEqual([]);
	});

	it('respects the limit, keeping the best ones', () => {
		const list = Array.from({ length: 10 }, (_, i) => buddy({ name: `B${i}`, experiences: i >= 7 ? ['dyslexie'] : [] }));
		const n = need({ topics: ['dyslexie-dyscalculie'] });
		const top = rankBuddies(n, list, { limit: 3 });
		expect(top).toHaveLength(3);
		expect(top.every((r) => r.buddy.experiences.includes('dyslexie'))).toBe(true);
		expect(top).toEqual(rankBuddies(n, list).slice(0, 3));
		expect(rankBuddies(n, list, { limit: 0 })).toEqual([]);
		expect(rankBuddies(n, list, { limit: 50 })).toHaveLength(10);
	});

	it('ranks 500 buddies: only free ones, best first, at most the limit (speed is in npm run bench)', () => {
		const many = Array.from({ length: 500 }, (_, i) =>
			buddy({
				id: `b${i}`,
				experiences: [EXPERIENCES[i % 13].value, EXPERIENCES[(i * 7) % 13].value, TOPICS[i % TOPICS.length].slug],
				schoolTypes: [['po', 'vo', 'so', 'vso', 'mbo'][i % 5]],
				gemeenten: [[ALKMAAR, HEILOO, BERGEN, AMSTERDAM][i % 4], [ALKMAAR, HEILOO, BERGEN, AMSTERDAM][(i + 1) % 4]],
				languages: ['nl', LANGUAGES[i % 12].value],
				capacity: 1 + (i % 4),
				activeMatches: i % 2,
				recentMatches: i % 5
			})
		);
		const n = need({
			topics: ['thuiszitten-verzuim', 'gedrag-autisme-adhd'],
			experiences: ['autisme'],
			schoolType: 'vo',
			gemeente: ALKMAAR,
			language: 'ar',
			supportWays: ['afspreken', 'meegaan']
		});
		const ranked = rankBuddies(n, many, { limit: 10 });
		expect(ranked).toHaveLength(10);
		for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
		for (const r of ranked) expect(r.buddy.activeMatches).toBeLessThan(r.buddy.capacity);
	});
});
