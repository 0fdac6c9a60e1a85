/**
 * Buddy matching: for one request ("need") a ranked list of ready buddies, each with the reasons
 * for its place in plain Dutch (B1). A pure function: no server imports, no clock, no randomness,
 * so it runs in the browser too and the same input always gives the same order.
 *
 * Readiness (training done, VOG valid, not on pause) is the caller's filter; this module only
 * drops buddies whose places are all taken (`activeMatches >= capacity`).
 *
 * ## The score (0..100)
 *
 * Each factor gives a value between 0 and 1 and has a weight. Factors the request says nothing
 * about (no topics, no school type, no gemeente, language Dutch or unknown, no way of support)
 * do not count at all: they would be the same for every buddy. The score is
 *
 *     100 × Σ(weight × value) / Σ(weight of the factors that count) − penalties, clamped to 0..100
 *
 * | factor           | weight | value |
 * |------------------|-------:|-------|
 * | shared experience|   35   | per asked topic/experience: 1 when the buddy has the same slug, 0.75 when the buddy has a related one (`thuiszitten-verzuim` ↔ `thuiszitten`, …). value = 0.75 × min(1, sum / min(n, 2)) + 0.25 × sum / n, n = number of asked items: one or two shared items count most, covering everything a little more. |
 * | school type      |   10   | 1 when the buddy knows the school type |
 * | reachability     |   20 (4 when the parent only wants phone support) | lives in the gemeente 1, can reach it 0.75, buddy's gemeenten unknown 0.4, cannot reach 0 |
 * | language         |   30   | 1 when the buddy speaks the asked language (only when it is not Dutch) |
 * | way of support   |   10   | asked ways the buddy offers / asked ways |
 * | current load     |   15   | 1 − activeMatches / capacity |
 * | spreading        |    5   | 1 / (1 + recentMatches / 2) (matches started in the last 90 days) |
 *
 * Penalty: −10 when the parent asks for someone to go along to school ('meegaan') and the buddy
 * does not offer that.
 *
 * Order: score (high first), then lower load (fraction of capacity, then active matches), then
 * name, then id.
 */
import { TOPICS } from '../taxonomy';

export const EXPERIENCES: readonly { value: string; label: string }[] = [
	{ value: 'autisme', label: 'autisme' },
	{ value: 'adhd', label: 'ADHD' },
	{ value: 'hoogbegaafdheid', label: 'hoogbegaafdheid' },
	{ value: 'thuiszitten', label: 'thuiszitten' },
	{ value: 'overstap-po-vo', label: 'overstap po-vo' },
	{ value: 'speciaal-onderwijs', label: 'speciaal onderwijs' },
	{ value: 'chronische-ziekte', label: 'chronische ziekte' },
	{ value: 'dyslexie', label: 'dyslexie' },
	{ value: 'gedrag', label: 'gedrag' },
	{ value: 'angst', label: 'angst' },
	{ value: 'pesten', label: 'pesten' },
	{ value: 'jeugdhulp', label: 'jeugdhulp' },
	{ value: 'meertalig-gezin', label: 'meertalig gezin' }
];

export type SupportWay = 'telefonisch' | 'afspreken' | 'meegaan';

export const SUPPORT_WAYS: readonly { value: SupportWay; label: string }[] = [
	{ value: 'telefonisch', label: 'Telefonisch' },
	{ value: 'afspreken', label: 'Afspreken' },
	{ value: 'meegaan', label: 'Meegaan naar school' }
];

export const LANGUAGES: readonly { value: string; label: string }[] = [
	{ value: 'nl', label: 'Nederlands' },
	{ value: 'en', label: 'Engels' },
	{ value: 'ar', label: 'Arabisch' },
	{ value: 'tr', label: 'Turks' },
	{ value: 'pl', label: 'Pools' },
	{ value: 'ber', label: 'Berbers (Tamazight)' },
	{ value: 'ti', label: 'Tigrinya' },
	{ value: 'so', label: 'Somalisch' },
	{ value: 'uk', label: 'Oekraïens' },
	{ value: 'es', label: 'Spaans' },
	{ value: 'fr', label: 'Frans' },
	{ value: 'pap', label: 'Papiaments' }
];

export interface BuddyCandidate {
	id: string;
	name: string;
	/** Taxonomy topic slugs and/or EXPERIENCES values. */
	experiences: string[];
	/** po, so, vo, vso, mbo */
	schoolTypes: string[];
	/** Gemeente codes (GM0361) the buddy can reach; the first is where the buddy lives. */
	gemeenten: string[];
	/** LANGUAGES values. */
	languages: string[];
	/** SUPPORT_WAYS values. */
	supportWays: string[];
	/** How many parents at once. */
	capacity: number;
	/** Matches that hold a place: proposed, accepted or active. */
	activeMatches: number;
	/** Matches started in the last 90 days (to spread work). */
	recentMatches: number;
}

export interface BuddyNeed {
	topics: string[];
	experiences: string[];
	schoolType: string | null;
	gemeente: string | null;
	language: string | null;
	supportWays: string[];
}

export interface RankedBuddy {
	buddy: BuddyCandidate;
	score: number;
	reasons: string[];
	reasonText: string;
}

/** The weights (see the module comment). */
export const WEIGHTS = {
	experience: 35,
	schoolType: 10,
	reach: 20,
	reachPhoneOnly: 4,
	language: 30,
	support: 10,
	load: 15,
	spread: 5,
	meegaanMissing: 10
} as const;

const EXACT = 1;
const RELATED = 0.75;
const REACH_HOME = 1;
const REACH_CAN = 0.75;
const REACH_UNKNOWN = 0.4;
/** At most this many experiences are named in the reason. */
const MAX_EXPERIENCE_LABELS = 3;

/** Taxonomy topic ↔ experience tags that mean (almost) the same. */
const TOPIC_EXPERIENCES: Record<string, readonly string[]> = {
	'thuiszitten-verzuim': ['thuiszitten'],
	'overgang-po-vo': ['overstap-po-vo'],
	'tlv-speciaal-onderwijs': ['speciaal-onderwijs'],
	'gedrag-autisme-adhd': ['autisme', 'adhd', 'gedrag'],
	'ziekte-onderwijs': ['chronische-ziekte'],
	'dyslexie-dyscalculie': ['dyslexie'],
	'pesten-veiligheid': ['pesten'],
	'schoolangst-welzijn': ['angst'],
	'zorg-jeugdhulp': ['jeugdhulp']
	// 'hoogbegaafdheid' is both a topic and an experience: the same slug, an exact match.
};

/** Slug → slugs related to it (both directions). */
const RELATED_SLUGS = new Map<string, readonly string[]>();
for (const [topic, tags] of Object.entries(TOPIC_EXPERIENCES)) {
	RELATED_SLUGS.set(topic, tags);
	for (const tag of tags) RELATED_SLUGS.set(tag, [...(RELATED_SLUGS.get(tag) ?? []), topic]);
}
const EXPERIENCE_TAGS = new Set(EXPERIENCES.map((e) => e.value));

function lowerFirst(label: string): string {
	// "Thuiszitten en verzuim" → "thuiszitten en verzuim", but "TLV en …" stays.
	if (label.length > 1 && label[1] === label[1].toUpperCase() && label[1] !== label[1].toLowerCase()) return label;
	return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Experience labels win over topic labels (they are shorter and more specific). */
const EXPERIENCE_LABEL = new Map<string, string>();
for (const t of TOPICS) EXPERIENCE_LABEL.set(t.slug, lowerFirst(t.label));
for (const e of EXPERIENCES) EXPERIENCE_LABEL.set(e.value, lowerFirst(e.label));
const LANGUAGE_LABEL = new Map(LANGUAGES.map((l) => [l.value, l.label]));

/** "a", "a en b", "a, b en c". */
export function joinDutch(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

interface NeedItem {
	slug: string;
	related: readonly string[];
}

interface PreparedNeed {
	items: NeedItem[];
	schoolType: string | null;
	gemeente: string | null;
	/** A language other than Dutch, or null. */
	language: string | null;
	supportWays: string[];
	wantsMeegaan: boolean;
	wantsToMeet: boolean;
	reachWeight: number;
	/** Σ weights of the factors that count for this need. */
	totalWeight: number;
}

function prepareNeed(need: BuddyNeed): PreparedNeed {
	const seen = new Set<string>();
	const items: NeedItem[] = [];
	for (const slug of [...need.topics, ...need.experiences]) {
		if (!slug || seen.has(slug)) continue;
		seen.add(slug);
		items.push({ slug, related: RELATED_SLUGS.get(slug) ?? [] });
	}
	const supportWays = [...new Set(need.supportWays)];
	const wantsMeegaan = supportWays.includes('meegaan');
	const wantsToMeet = wantsMeegaan || supportWays.includes('afspreken');
	const phoneOnly = supportWays.length > 0 && supportWays.every((w) => w === 'telefonisch');
	const language = need.language && need.language !== 'nl' ? need.language : null;
	const reachWeight = need.gemeente ? (phoneOnly ? WEIGHTS.reachPhoneOnly : WEIGHTS.reach) : 0;
	const totalWeight =
		(items.length ? WEIGHTS.experience : 0) +
		(need.schoolType ? WEIGHTS.schoolType : 0) +
		reachWeight +
		(language ? WEIGHTS.language : 0) +
		(supportWays.length ? WEIGHTS.support : 0) +
		WEIGHTS.load +
		WEIGHTS.spread;
	return {
		items,
		schoolType: need.schoolType || null,
		gemeente: need.gemeente || null,
		language,
		supportWays,
		wantsMeegaan,
		wantsToMeet,
		reachWeight,
		totalWeight
	};
}

/** Per asked item the match value (0, RELATED or EXACT) with the buddy's experiences. */
function experienceValue(need: PreparedNeed, experiences: readonly string[]): number {
	const n = need.items.length;
	if (n === 0) return 0;
	let sum = 0;
	for (const item of need.items) {
		if (experiences.includes(item.slug)) sum += EXACT;
		else if (item.related.some((r) => experiences.includes(r))) sum += RELATED;
	}
	return 0.75 * Math.min(1, sum / Math.min(n, 2)) + 0.25 * (sum / n);
}

function reachValue(need: PreparedNeed, gemeenten: readonly string[]): number {
	if (gemeenten.length === 0) return REACH_UNKNOWN;
	if (gemeenten[0] === need.gemeente) return REACH_HOME;
	return gemeenten.includes(need.gemeente as string) ? REACH_CAN : 0;
}

function loadOf(b: BuddyCandidate): number {
	return Math.max(0, b.activeMatches) / b.capacity;
}

function scoreOf(need: PreparedNeed, b: BuddyCandidate): number {
	let points = 0;
	if (need.items.length) points += WEIGHTS.experience * experienceValue(need, b.experiences);
	if (need.schoolType && b.schoolTypes.includes(need.schoolType)) points += WEIGHTS.schoolType;
	if (need.gemeente) points += need.reachWeight * reachValue(need, b.gemeenten);
	if (need.language && b.languages.includes(need.language)) points += WEIGHTS.language;
	if (need.supportWays.length) {
		let offered = 0;
		for (const w of need.supportWays) if (b.supportWays.includes(w)) offered++;
		points += (WEIGHTS.support * offered) / need.supportWays.length;
	}
	points += WEIGHTS.load * (1 - Math.min(1, loadOf(b)));
	points += WEIGHTS.spread / (1 + Math.max(0, b.recentMatches) / 2);
	let score = (100 * points) / need.totalWeight;
	if (need.wantsMeegaan && !b.supportWays.includes('meegaan')) score -= WEIGHTS.meegaanMissing;
	return Math.round(Math.min(100, Math.max(0, score)) * 10) / 10;
}

function experienceReason(need: PreparedNeed, experiences: readonly string[]): string | null {
	const matched: string[] = [];
	const add = (slug: string) => {
		if (!matched.includes(slug)) matched.push(slug);
	};
	for (const item of need.items) {
		if (experiences.includes(item.slug)) add(item.slug);
		else for (const r of item.related) if (experiences.includes(r)) add(r);
	}
	// A topic is not named when a more specific experience about it is ("thuiszitten" over "thuiszitten en verzuim").
	const shown = matched.filter((slug) => EXPERIENCE_TAGS.has(slug) || !(TOPIC_EXPERIENCES[slug] ?? []).some((tag) => matched.includes(tag)));
	if (!shown.length) return null;
	return `kent ${joinDutch(shown.slice(0, MAX_EXPERIENCE_LABELS).map((s) => EXPERIENCE_LABEL.get(s) ?? s))}`;
}

const SUPPORT_REASON: Record<SupportWay, string> = {
	telefonisch: 'steunt telefonisch',
	afspreken: 'kan afspreken',
	meegaan: 'kan mee naar school'
};

function reasonsFor(need: PreparedNeed, b: BuddyCandidate, gemeenteNames: Record<string, string> | undefined): string[] {
	const reasons: string[] = [];
	const experience = experienceReason(need, b.experiences);
	if (experience) reasons.push(experience);
	if (need.schoolType && b.schoolTypes.includes(need.schoolType)) reasons.push(`kent het ${need.schoolType}`);
	if (need.gemeente && b.gemeenten.length) {
		const reach = reachValue(need, b.gemeenten);
		if (reach === REACH_HOME) reasons.push('woont in dezelfde gemeente');
		else if (reach === REACH_CAN) {
			const name = gemeenteNames?.[need.gemeente];
			reasons.push(name ? `kan naar ${name} komen` : 'kan naar de gemeente van de ouder komen');
		} else if (need.wantsToMeet) reasons.push('woont niet in de buurt');
	}
	if (need.language && b.languages.includes(need.language)) reasons.push(`spreekt ${LANGUAGE_LABEL.get(need.language) ?? need.language}`);
	const support: string[] = [];
	for (const w of SUPPORT_WAYS) if (need.supportWays.includes(w.value) && b.supportWays.includes(w.value)) support.push(SUPPORT_REASON[w.value]);
	if (need.wantsMeegaan && !b.supportWays.includes('meegaan')) support.push('kan niet mee naar school');
	if (support.length) reasons.push(joinDutch(support));
	const active = Math.max(0, b.activeMatches);
	if (active > 0) reasons.push(`heeft nu ${active} van ${b.capacity} ${b.capacity === 1 ? 'plek' : 'plekken'} bezet`);
	else reasons.push(b.capacity === 1 ? 'heeft nog 1 plek vrij' : `heeft nog alle ${b.capacity} plekken vrij`);
	return reasons;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

/**
 * Ready buddies for one request, best first, each with a score (0..100) and reasons.
 * Full buddies are left out. `gemeenteNames` maps gemeente codes to names for the reasons;
 * `limit` caps the list (reasons are only built for the buddies returned).
 */
export function rankBuddies(
	need: BuddyNeed,
	buddies: readonly BuddyCandidate[],
	options: { gemeenteNames?: Record<string, string>; limit?: number } = {}
): RankedBuddy[] {
	const limit = options.limit ?? Infinity;
	if (buddies.length === 0 || limit <= 0) return [];
	const prepared = prepareNeed(need);
	const scored: { buddy: BuddyCandidate; score: number; load: number }[] = [];
	for (const b of buddies) {
		if (!(b.capacity > 0) || b.activeMatches >= b.capacity) continue;
		scored.push({ buddy: b, score: scoreOf(prepared, b), load: loadOf(b) });
	}
	scored.sort(
		(x, y) =>
			y.score - x.score ||
			x.load - y.load ||
			x.buddy.activeMatches - y.buddy.activeMatches ||
			collator.compare(x.buddy.name, y.buddy.name) ||
			(x.buddy.id < y.buddy.id ? -1 : x.buddy.id > y.buddy.id ? 1 : 0)
	);
	const top = Number.isFinite(limit) ? scored.slice(0, Math.floor(limit)) : scored;
	return top.map(({ buddy, score }) => {
		const reasons = reasonsFor(prepared, buddy, options.gemeenteNames);
		return { buddy, score, reasons, reasonText: reasons.join('; ') };
	});
}
