/**
 * The national front door: a parent types a postcode, a place, a municipality or a school, and
 * gets the primary (PO) and secondary (VO) samenwerkingsverband of that region, with the
 * steunpunt that serves it when Steunpunt has one. National reference data, read through `db()`.
 *
 * Matching:
 * - a postcode ("1811 AB", "1811ab", "1811", also inside an address) → the PC4 row;
 * - otherwise the text is compared with every municipality and place name, ignoring case,
 *   accents, punctuation and a leading 's/'t ("s-Hertogenbosch", "Nieuw Vennep", "Bergen" for
 *   both Bergen (L) and Bergen (NH)), plus a few common aliases ("Den Haag", "Den Bosch");
 *   places resolve to their municipality; several matches, or a school elsewhere with exactly
 *   that name, give a `choice`;
 * - else school names (and places) are searched, every word must occur; when municipalities or
 *   places start with the text ("Nieuw-Venn") they are offered as a `choice` with those schools.
 */
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { gemeente, pc4, school, steunpunt, swv, swvGemeente, woonplaats } from '../db/schema';
import type { SteunpuntContact, SwvInfo } from '$lib/front-door';

// ---------------------------------------------------------------- result types

/** The steunpunt that serves a samenwerkingsverband, as shown to a parent. */
export type { SteunpuntContact, SwvInfo };

/** An SWV of one municipality with the share of the municipality's PC4s that belong to it. */
export interface SwvShare extends SwvInfo {
	aandeel: number;
}

export interface GemeenteRef {
	code: string;
	naam: string;
}

/** A municipality to choose; `plaats` is the place that matched when it is not the municipality's own name. */
export interface GemeenteOption extends GemeenteRef {
	plaats: string | null;
}

export interface SchoolHit {
	vestigingscode: string;
	naam: string;
	/** Readable kind of school, e.g. "basisschool", "voortgezet onderwijs: havo, vwo". */
	soort: string;
	plaats: string | null;
	po: SwvInfo | null;
	vo: SwvInfo | null;
}

/** The answer of {@link findRegion}. */
export type FinderResult =
	| { kind: 'postcode'; pc4: string; gemeente: GemeenteRef | null; po: SwvInfo | null; vo: SwvInfo | null }
	| {
			kind: 'gemeente';
			gemeente: GemeenteRef;
			/** The place the parent typed when it is not the municipality's name (Bussum → Gooise Meren). */
			plaats: string | null;
			/** Biggest share first. */
			po: SwvShare[];
			vo: SwvShare[];
			/** A sector is split over several SWVs: ask for the postcode. */
			split: boolean;
	  }
	| { kind: 'schools'; schools: SchoolHit[]; /** more than 20 matched */ more: boolean }
	| { kind: 'choice'; gemeenten: GemeenteOption[]; schools: SchoolHit[] }
	| { kind: 'none' }
	| { kind: 'invalid'; message: string };

export const MAX_QUERY_LENGTH = 100;
const MAX_SCHOOLS = 20;
const MAX_CHOICE_SCHOOLS = 10;
const MAX_CHOICE_GEMEENTEN = 10;
const MAX_SWV_GEMEENTEN = 12;

// ---------------------------------------------------------------- text normalisation

/** Control, format and unpaired surrogate characters out, whitespace collapsed, trimmed. */
function cleanQuery(raw: string): string {
	return raw
		.normalize('NFC')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
		.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
		.replace(/[\u2018\u2019\u201A\u201B\u0060\u00B4]/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

/** Lower case without diacritics (for LIKE against the same transformation in SQL). */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Matching key of a name: folded, punctuation as spaces, without a leading 's / 't. */
const nameKey = (s: string) =>
	fold(s)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
		.replace(/^(s|t) (?=\S)/, '');

/** Keys under which a name can be found: as written, and without a "(NH)" style suffix. */
function nameKeys(name: string): string[] {
	const keys = new Set([nameKey(name), nameKey(name.replace(/\s*\([^)]*\)/g, ' '))]);
	keys.delete('');
	return [...keys];
}

/** Common names that are not the official name of the municipality. */
const ALIASES: Record<string, string> = {
	'den bosch': "'s-Hertogenbosch",
	'den haag': "'s-Gravenhage",
	'the hague': "'s-Gravenhage"
};

/** Escapes LIKE wildcards and the escape character itself. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Folded comparison in SQL (no extension needed): lower() and the common Dutch diacritics.
const ACCENTED = 'áàäâãåéèëêíìïîóòöôõúùüûýÿçñ';
const PLAIN = 'aaaaaaeeeeiiiiooooouuuuyycn';
const folded = (column: SQL | typeof school.naam) => sql`translate(lower(${column}), ${ACCENTED}, ${PLAIN})`;

// ---------------------------------------------------------------- place index (cached)

interface PlaceIndex {
	byKey: Map<string, GemeenteOption[]>;
	entries: { key: string; option: GemeenteOption }[];
	/** Name keys of all schools: a place query only looks for namesake schools when one exists. */
	schoolKeys: Set<string>;
}

const CACHE_TTL_MS = 5 * 60_000;
let placeCache: { index: PlaceIndex; at: number } | undefined;

/** Drops the cached municipality, place and school names (called by the import). */
export function forgetRegionCache(): void {
	placeCache = undefined;
}

async function placeIndex(): Promise<PlaceIndex> {
	if (placeCache && Date.now() - placeCache.at < CACHE_TTL_MS) return placeCache.index;
	const gemeenten = await db().select({ code: gemeente.code, naam: gemeente.naam }).from(gemeente);
	const plaatsen = await db().select({ naam: woonplaats.naam, gemeenteCode: woonplaats.gemeenteCode }).from(woonplaats);
	const schoolNames = await db().selectDistinct({ naam: school.naam }).from(school);
	const naamByCode = new Map(gemeenten.map((g) => [g.code, g.naam]));
	const byKey = new Map<string, GemeenteOption[]>();
	const entries: PlaceIndex['entries'] = [];
	const add = (key: string, option: GemeenteOption) => {
		const list = byKey.get(key) ?? [];
		const same = list.findIndex((o) => o.code === option.code);
		if (same === -1) list.push(option);
		else if (list[same].plaats && !option.plaats) list[same] = option; // the municipality itself wins
		byKey.set(key, list);
		entries.push({ key, option });
	};
	for (const g of gemeenten) for (const key of nameKeys(g.naam)) add(key, { code: g.code, naam: g.naam, plaats: null });
	for (const p of plaatsen) {
		const naam = naamByCode.get(p.gemeenteCode);
		if (!naam) continue;
		const own = nameKeys(naam);
		const isOwnName = nameKeys(p.naam).some((k) => own.includes(k));
		for (const key of nameKeys(p.naam)) add(key, { code: p.gemeenteCode, naam, plaats: isOwnName ? null : p.naam });
	}
	for (const [alias, official] of Object.entries(ALIASES)) {
		const target = byKey.get(nameKey(official))?.filter((o) => !o.plaats);
		if (target?.length) for (const option of target) add(alias, option);
	}
	const index = { byKey, entries, schoolKeys: new Set(schoolNames.map((s) => nameKey(s.naam))) };
	if (gemeenten.length > 0) placeCache = { index, at: Date.now() };
	return index;
}

// ---------------------------------------------------------------- SWV details

const isSwvCode = (code: string | null | undefined): code is string => !!code && /^(PO|VO)\d{4}$/.test(code);

/** SwvInfo for each of `codes` that exists in the swv table. */
async function swvInfos(codes: Iterable<string | null | undefined>): Promise<Map<string, SwvInfo>> {
	const list = [...new Set([...codes].filter(isSwvCode))];
	const result = new Map<string, SwvInfo>();
	if (list.length === 0) return result;
	const rows = await db()
		.select({
			code: swv.code,
			sector: swv.sector,
			naam: swv.naam,
			website: swv.website,
			spSlug: steunpunt.slug,
			spNaam: steunpunt.naam,
			spTelefoon: steunpunt.telefoon,
			spEmail: steunpunt.email
		})
		.from(swv)
		.leftJoin(steunpunt, eq(swv.steunpuntId, steunpunt.id))
		.where(inArray(swv.code, list));
	const members = await db()
		.select({ swvCode: swvGemeente.swvCode, naam: gemeente.naam, aandeel: swvGemeente.aandeel })
		.from(swvGemeente)
		.innerJoin(gemeente, eq(swvGemeente.gemeenteCode, gemeente.code))
		.where(inArray(swvGemeente.swvCode, list));
	const membersBySwv = new Map<string, { naam: string; main: boolean }[]>();
	for (const m of members) {
		const names = membersBySwv.get(m.swvCode) ?? [];
		names.push({ naam: m.naam, main: m.aandeel >= 0.5 });
		membersBySwv.set(m.swvCode, names);
	}
	const collator = new Intl.Collator('nl', { sensitivity: 'base', ignorePunctuation: true });
	for (const r of rows) {
		const names = (membersBySwv.get(r.code) ?? []).sort((a, b) => Number(b.main) - Number(a.main) || collator.compare(a.naam, b.naam));
		result.set(r.code, {
			code: r.code,
			sector: r.sector === 'VO' ? 'VO' : 'PO',
			naam: r.naam,
			website: r.website,
			gemeenten: names.slice(0, MAX_SWV_GEMEENTEN).map((n) => n.naam),
			gemeentenTotal: names.length,
			steunpunt: r.spSlug && r.spNaam ? { slug: r.spSlug, naam: r.spNaam, telefoon: r.spTelefoon, email: r.spEmail } : null
		});
	}
	return result;
}

/**
 * For places without an SWV code (PC4s newer than the 2015 regulation): the SWV of their
 * municipality, but only when the municipality has exactly one for that sector.
 */
async function onlySwvOf(gemeenteCodes: Iterable<string | null | undefined>): Promise<Map<string, { PO?: string; VO?: string }>> {
	const list = [...new Set([...gemeenteCodes].filter((c): c is string => !!c))];
	const result = new Map<string, { PO?: string; VO?: string }>();
	if (list.length === 0) return result;
	const rows = await db()
		.select({ swvCode: swvGemeente.swvCode, gemeenteCode: swvGemeente.gemeenteCode, sector: swvGemeente.sector })
		.from(swvGemeente)
		.where(inArray(swvGemeente.gemeenteCode, list));
	const grouped = new Map<string, string[]>();
	for (const r of rows) {
		const key = `${r.gemeenteCode}|${r.sector}`;
		grouped.set(key, [...(grouped.get(key) ?? []), r.swvCode]);
	}
	for (const code of list) {
		const po = grouped.get(`${code}|PO`);
		const vo = grouped.get(`${code}|VO`);
		result.set(code, { PO: po?.length === 1 ? po[0] : undefined, VO: vo?.length === 1 ? vo[0] : undefined });
	}
	return result;
}

/** The code to use: the regulation's own, or (only when it has none at all) the municipality's only SWV. */
const pick = (code: string | null, fallback: string | undefined) => (code ? code : (fallback ?? null));

// ---------------------------------------------------------------- schools

const VO_LABELS: Record<string, string> = {
	VBO: 'vmbo',
	MAVO: 'mavo',
	HAVO: 'havo',
	VWO: 'vwo',
	PRO: 'praktijkonderwijs',
	BRUGJAAR: 'brugjaar'
};

/** "PO" → "basisschool", "VO:HAVO/VWO" → "voortgezet onderwijs: havo, vwo", … */
export function soortLabel(soort: string): string {
	switch (soort) {
		case 'PO':
			return 'basisschool';
		case 'PO:SBAO':
			return 'speciale school voor basisonderwijs';
		case 'PO:SO':
			return 'speciaal onderwijs';
		case 'VO:VSO':
			return 'voortgezet speciaal onderwijs';
		case 'PO/VO:(V)SO':
			return 'speciaal en voortgezet speciaal onderwijs';
	}
	if (soort.startsWith('VO:')) {
		const parts = soort
			.slice(3)
			.split('/')
			.map((p) => VO_LABELS[p] ?? p.toLowerCase());
		return `voortgezet onderwijs: ${[...new Set(parts)].join(', ')}`;
	}
	return soort;
}

type SchoolRow = {
	vestigingscode: string;
	naam: string;
	soort: string;
	plaats: string | null;
	gemeenteCode: string | null;
	swvPo: string | null;
	swvVo: string | null;
};

const schoolColumns = {
	vestigingscode: school.vestigingscode,
	naam: school.naam,
	soort: school.soort,
	plaats: school.plaats,
	gemeenteCode: school.gemeenteCode,
	swvPo: school.swvPo,
	swvVo: school.swvVo
};

/**
 * Schools where every word occurs in the name (or, with `inPlace`, in the name or the place);
 * with `exact`, schools whose whole name is `phrase` (case and accents ignored).
 */
async function searchSchools(words: string[], phrase: string, limit: number, inPlace: boolean, exact = false): Promise<SchoolRow[]> {
	if (exact) {
		return db()
			.select(schoolColumns)
			.from(school)
			.where(sql`${folded(school.naam)} ilike ${escapeLike(phrase)}`)
			.orderBy(school.naam, school.vestigingscode)
			.limit(limit);
	}
	if (words.length === 0) return [];
	const conditions = words.map((w) => {
		const pattern = `%${escapeLike(w)}%`;
		const inName = sql`${folded(school.naam)} ilike ${pattern}`;
		return inPlace ? (or(inName, sql`${folded(sql`coalesce(${school.plaats}, '')`)} ilike ${pattern}`) as SQL) : inName;
	});
	const phrasePattern = `%${escapeLike(phrase)}%`;
	const startPattern = `${escapeLike(phrase)}%`;
	return db()
		.select(schoolColumns)
		.from(school)
		.where(and(...conditions))
		.orderBy(
			sql`case when ${folded(school.naam)} ilike ${startPattern} then 0 when ${folded(school.naam)} ilike ${phrasePattern} then 1 else 2 end`,
			sql`length(${school.naam})`,
			school.naam,
			school.vestigingscode
		)
		.limit(limit);
}

/** Presents school rows with their SWVs (from the school's own PC4, else its municipality). */
async function presentSchools(rows: SchoolRow[]): Promise<SchoolHit[]> {
	const fallback = await onlySwvOf(rows.filter((r) => !r.swvPo || !r.swvVo).map((r) => r.gemeenteCode));
	const codes = rows.map((r) => {
		const f = r.gemeenteCode ? fallback.get(r.gemeenteCode) : undefined;
		return { po: pick(r.swvPo, f?.PO), vo: pick(r.swvVo, f?.VO) };
	});
	const infos = await swvInfos(codes.flatMap((c) => [c.po, c.vo]));
	return rows.map((r, i) => ({
		vestigingscode: r.vestigingscode,
		naam: r.naam,
		soort: soortLabel(r.soort),
		plaats: r.plaats,
		po: (codes[i].po && infos.get(codes[i].po)) || null,
		vo: (codes[i].vo && infos.get(codes[i].vo)) || null
	}));
}

// ---------------------------------------------------------------- the search

const POSTCODE_WHOLE = /^([1-9]\d{3})(?:\s*-?\s*[a-z]{2})?(?=$|[\s,])/i;
const POSTCODE_INSIDE = /(?:^|[\s,])([1-9]\d{3})\s?[a-z]{2}(?=$|[\s,])/i;

async function byPostcode(code: string): Promise<FinderResult> {
	const [row] = await db()
		.select({ pc4: pc4.pc4, gemeenteCode: pc4.gemeenteCode, gemeenteNaam: gemeente.naam, swvPo: pc4.swvPo, swvVo: pc4.swvVo })
		.from(pc4)
		.leftJoin(gemeente, eq(pc4.gemeenteCode, gemeente.code))
		.where(eq(pc4.pc4, code))
		.limit(1);
	if (!row) return { kind: 'none' };
	const needsFallback = !row.swvPo || !row.swvVo;
	const fallback = needsFallback && row.gemeenteCode ? (await onlySwvOf([row.gemeenteCode])).get(row.gemeenteCode) : undefined;
	const po = pick(row.swvPo, fallback?.PO);
	const vo = pick(row.swvVo, fallback?.VO);
	const infos = await swvInfos([po, vo]);
	return {
		kind: 'postcode',
		pc4: row.pc4,
		gemeente: row.gemeenteCode && row.gemeenteNaam ? { code: row.gemeenteCode, naam: row.gemeenteNaam } : null,
		po: (po && infos.get(po)) || null,
		vo: (vo && infos.get(vo)) || null
	};
}

async function byGemeente(option: GemeenteOption): Promise<FinderResult> {
	const rows = await db()
		.select({ swvCode: swvGemeente.swvCode, sector: swvGemeente.sector, aandeel: swvGemeente.aandeel })
		.from(swvGemeente)
		.where(eq(swvGemeente.gemeenteCode, option.code));
	const infos = await swvInfos(rows.map((r) => r.swvCode));
	const shares = (sector: 'PO' | 'VO'): SwvShare[] =>
		rows
			.filter((r) => r.sector === sector && infos.has(r.swvCode))
			.sort((a, b) => b.aandeel - a.aandeel || a.swvCode.localeCompare(b.swvCode))
			.map((r) => ({ ...(infos.get(r.swvCode) as SwvInfo), aandeel: r.aandeel }));
	const po = shares('PO');
	const vo = shares('VO');
	return {
		kind: 'gemeente',
		gemeente: { code: option.code, naam: option.naam },
		plaats: option.plaats,
		po,
		vo,
		split: po.length > 1 || vo.length > 1
	};
}

/**
 * The front-door search. `q` is whatever a parent typed: a postcode, a place or municipality, or
 * (part of) a school name. Never throws on odd input: empty or over-long input gives
 * `invalid` with a Dutch message, anything unrecognised gives `none`.
 */
export async function findRegion(input: { q: string }): Promise<FinderResult> {
	const raw = typeof input?.q === 'string' ? input.q : '';
	if (raw.length > MAX_QUERY_LENGTH * 20) return tooLong();
	const q = cleanQuery(raw);
	if (q === '') return { kind: 'invalid', message: 'Vul een postcode, plaats of de naam van een school in.' };
	if (q.length > MAX_QUERY_LENGTH) return tooLong();

	const postcode = POSTCODE_WHOLE.exec(q) ?? POSTCODE_INSIDE.exec(q);
	if (postcode) return byPostcode(postcode[1]);

	let key = nameKey(q);
	if (key.startsWith('gemeente ')) key = nameKey(key.slice('gemeente '.length));
	const index = await placeIndex();
	const places = key ? (index.byKey.get(key) ?? []) : [];
	const phrase = fold(q);
	const words = [...new Set(phrase.split(/[\s,]+/).filter((w) => /[\p{L}\p{N}]/u.test(w)))].slice(0, 8);
	const searchable = phrase.replace(/[^\p{L}\p{N}]/gu, '').length >= 3;

	if (places.length > 0) {
		// A place name wins; only a school elsewhere called exactly that (the school "De Kwakel"
		// in Berkel en Rodenrijs for the village De Kwakel) makes it a choice. Schools that merely
		// contain the name ("Almere College" in Dronten) are found by typing more words.
		const codes = new Set(places.map((p) => p.code));
		const namesakes =
			searchable && index.schoolKeys.has(key)
				? (await searchSchools([], phrase, MAX_CHOICE_SCHOOLS, false, true)).filter((s) => nameKey(s.naam) === key && !codes.has(s.gemeenteCode ?? ''))
				: [];
		if (places.length === 1 && namesakes.length === 0) return byGemeente(places[0]);
		return { kind: 'choice', gemeenten: sortOptions(places), schools: await presentSchools(namesakes) };
	}

	const rows = searchable ? await searchSchools(words, phrase, MAX_SCHOOLS + 1, true) : [];
	const starts = key.length >= 3 ? placesStartingWith(index, key) : [];
	// An unfinished place name ("Nieuw-Venn"): offer the places, and the schools that matched.
	if (starts.length > 0) {
		return { kind: 'choice', gemeenten: starts.slice(0, MAX_CHOICE_GEMEENTEN), schools: await presentSchools(rows.slice(0, MAX_CHOICE_SCHOOLS)) };
	}
	if (rows.length > 0) return { kind: 'schools', schools: await presentSchools(rows.slice(0, MAX_SCHOOLS)), more: rows.length > MAX_SCHOOLS };
	return { kind: 'none' };
}

/** Municipalities and places whose name starts with `key`, municipalities first. */
function placesStartingWith(index: PlaceIndex, key: string): GemeenteOption[] {
	const seen = new Set<string>();
	const starts: GemeenteOption[] = [];
	for (const { key: k, option } of index.entries) {
		const id = `${option.code}|${option.plaats ?? ''}`;
		if (k.startsWith(key) && !seen.has(id)) {
			seen.add(id);
			starts.push(option);
		}
	}
	return sortOptions(starts);
}

const tooLong = (): FinderResult => ({ kind: 'invalid', message: `Je zoekopdracht is te lang. Gebruik hooguit ${MAX_QUERY_LENGTH} tekens.` });

/** Municipalities themselves first, then places; alphabetical. */
function sortOptions(options: GemeenteOption[]): GemeenteOption[] {
	const label = (o: GemeenteOption) => o.plaats ?? o.naam;
	return [...options].sort((a, b) => Number(!!a.plaats) - Number(!!b.plaats) || label(a).localeCompare(label(b), 'nl'));
}
