/**
 * Imports the national region data (municipalities, postcode areas, places, samenwerkingsverbanden
 * and school locations) from the public CSV files described in data/README.md (copied into
 * `seed-data/`). National reference data: no tenant, so it goes through `db()`, never
 * `withTenant`.
 *
 * Idempotent: every table is upserted by its primary key, so running it again gives the same rows.
 * Columns a beheerder maintains by hand (swv.naam, swv.website, swv.steunpunt_id) are never
 * written after the row exists. Rows that disappear from a newer file are not deleted.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { db, type Db } from '../db';
import { gemeente, pc4, school, swv, swvGemeente, woonplaats } from '../db/schema';
import { forgetRegionCache } from './find-steunpunt';

/** Rows per INSERT statement: ~500 keeps statements small and PGlite fast. */
const BATCH = 500;

/** Counts of the distinct rows written per table by {@link importRegions}. */
export interface ImportRegionsResult {
	gemeenten: number;
	pc4: number;
	woonplaatsen: number;
	swv: number;
	swvGemeenten: number;
	scholen: number;
}

// ---------------------------------------------------------------- CSV (RFC 4180)

/**
 * Parses RFC-4180 CSV text into rows of fields: comma-separated, fields optionally in double
 * quotes, a quote inside a quoted field written as two quotes, line breaks (LF or CRLF) allowed
 * inside quoted fields. A leading byte-order mark is ignored and a final empty line is dropped.
 */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const n = text.length;
	while (i < n) {
		const c = text[i];
		if (quoted) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
				} else {
					quoted = false;
					i++;
				}
			} else {
				// Copy the run up to the next quote in one go.
				const next = text.indexOf('"', i);
				const end = next === -1 ? n : next;
				field += text.slice(i, end);
				i = end;
			}
		} else if (c === '"' && field === '') {
			quoted = true;
			i++;
		} else if (c === ',') {
			row.push(field);
			field = '';
			i++;
		} else if (c === '\n' || c === '\r') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
		} else {
			field += c;
			i++;
		}
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

/** Reads a CSV file with a header row into records keyed by the header names (values trimmed). */
async function readCsv(dir: string, file: string, required: string[]): Promise<Record<string, string>[]> {
	const rows = parseCsv(await readFile(path.join(dir, file), 'utf8'));
	const header = (rows.shift() ?? []).map((h) => h.trim());
	const missing = required.filter((r) => !header.includes(r));
	if (missing.length) throw new Error(`${file}: kolom(men) ontbreken: ${missing.join(', ')}`);
	const records: Record<string, string>[] = [];
	for (const cells of rows) {
		if (cells.length === 1 && cells[0].trim() === '') continue;
		const record: Record<string, string> = {};
		header.forEach((h, k) => (record[h] = (cells[k] ?? '').trim()));
		records.push(record);
	}
	return records;
}

// ---------------------------------------------------------------- helpers

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** `excluded.<column>`: the value the INSERT proposed, for ON CONFLICT DO UPDATE. */
const excluded = (column: { name: string }) => sql.raw(`excluded."${column.name}"`);

/** Writes `rows` in batches of {@link BATCH}, all in one transaction. */
async function inBatches<T>(rows: T[], write: (tx: Tx, batch: T[]) => Promise<unknown>): Promise<void> {
	if (rows.length === 0) return;
	await db().transaction(async (tx) => {
		for (let i = 0; i < rows.length; i += BATCH) await write(tx, rows.slice(i, i + BATCH));
	});
}

/** Lower case, no diacritics, punctuation as single spaces: for matching names across files. */
const nameKey = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

const isSwvCode = (code: string) => /^(PO|VO)\d{4}$/.test(code);
const orNull = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/** "2516PV" / "2516 pv" → "2516 PV"; anything else unchanged (or null when empty). */
function formatPostcode(raw: string | undefined): string | null {
	const s = orNull(raw);
	if (!s) return null;
	const m = /^(\d{4})\s*([A-Za-z]{2})$/.exec(s);
	return m ? `${m[1]} ${m[2].toUpperCase()}` : s;
}

/** A website as DUO gives it ("www.school.nl", "https://…"); null when it does not look like one. */
function website(raw: string | undefined): string | null {
	const s = orNull(raw);
	if (!s || /\s/.test(s)) return null;
	return /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(s) ? s : null;
}

/** "ALTEVEER GEM NOORDENVELD" → "Alteveer Gem Noordenveld" (a fallback when no known place matches). */
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s\-(/])(\p{L})/gu, (_, pre: string, ch: string) => pre + ch.toUpperCase());

// ---------------------------------------------------------------- import

/**
 * Loads the national region data from the CSV files in `dir` and upserts it:
 * - `gemeenten_2026.csv` → gemeente;
 * - `swv_regio_pc4_2015.csv` (the legal PC4 → SWV regions) joined with the main municipality from
 *   `pc4_gemeente_2026.csv` → pc4 (PC4s newer than the regulation get a municipality and no codes;
 *   `Europoort` is kept as the code text);
 * - every PO/VO code → swv (only code and sector; naam, website and steunpunt_id are left alone);
 * - `swv_gemeenten_afgeleid_2026.csv` → swv_gemeente (without the Europoort rows: no SWV);
 * - `woonplaatsen_2024.csv` → woonplaats;
 * - `scholen_swv_afgeleid.csv` → school, with place, postcode and website from
 *   `duo_po_vestigingen_2026.csv` (primary schools) or `scholen_edugis_2024.csv` (the others).
 *
 * @param options.dir folder with the CSV files (e.g. `seed-data`)
 * @returns the number of distinct rows written per table
 */
export async function importRegions(options: { dir: string }): Promise<ImportRegionsResult> {
	const { dir } = options;
	const [gemeenteRows, regioRows, pc4GemeenteRows, swvGemeenteRows, woonplaatsRows, schoolRows, duoRows, edugisRows] = await Promise.all([
		readCsv(dir, 'gemeenten_2026.csv', ['gemeentecode', 'gemeentenaam', 'provincienaam']),
		readCsv(dir, 'swv_regio_pc4_2015.csv', ['pc4', 'gemeente_2015', 'swv_po', 'swv_vo']),
		readCsv(dir, 'pc4_gemeente_2026.csv', ['pc4', 'gemeentecode', 'hoofdgemeente']),
		readCsv(dir, 'swv_gemeenten_afgeleid_2026.csv', ['sector', 'swv_code', 'gemeentecode', 'aandeel']),
		readCsv(dir, 'woonplaatsen_2024.csv', ['woonplaatsnaam', 'woonplaatscode', 'gemeentecode']),
		readCsv(dir, 'scholen_swv_afgeleid.csv', ['bron', 'vestigingscode', 'naam', 'soort', 'pc4', 'gemeentecode', 'swv_po_regio', 'swv_vo_regio']),
		readCsv(dir, 'duo_po_vestigingen_2026.csv', ['VESTIGINGSCODE', 'POSTCODE', 'PLAATSNAAM', 'INTERNETADRES']),
		readCsv(dir, 'scholen_edugis_2024.csv', ['vestigingscode', 'postcode', 'plaats', 'internetadres'])
	]);

	// gemeente
	const gemeenten = new Map<string, typeof gemeente.$inferInsert>();
	for (const r of gemeenteRows) {
		if (!/^GM\d{4}$/.test(r.gemeentecode) || !r.gemeentenaam) continue;
		gemeenten.set(r.gemeentecode, { code: r.gemeentecode, naam: r.gemeentenaam, provincie: r.provincienaam });
	}
	const gemeenteByName = new Map([...gemeenten.values()].map((g) => [nameKey(g.naam), g.code]));

	// pc4: the regulation's regions, with the main municipality of 2026
	const hoofdgemeente = new Map<string, string>();
	for (const r of pc4GemeenteRows) {
		if (r.hoofdgemeente === '1' && /^\d{4}$/.test(r.pc4) && gemeenten.has(r.gemeentecode)) hoofdgemeente.set(r.pc4, r.gemeentecode);
	}
	const pc4s = new Map<string, typeof pc4.$inferInsert>();
	const swvCodes = new Map<string, 'PO' | 'VO'>();
	for (const r of regioRows) {
		if (!/^\d{4}$/.test(r.pc4)) continue;
		const swvPo = orNull(r.swv_po);
		const swvVo = orNull(r.swv_vo);
		if (swvPo && isSwvCode(swvPo)) swvCodes.set(swvPo, 'PO');
		if (swvVo && isSwvCode(swvVo)) swvCodes.set(swvVo, 'VO');
		pc4s.set(r.pc4, {
			pc4: r.pc4,
			// A PC4 no longer in use has no 2026 municipality: fall back on the regulation's name.
			gemeenteCode: hoofdgemeente.get(r.pc4) ?? gemeenteByName.get(nameKey(r.gemeente_2015)) ?? null,
			swvPo,
			swvVo
		});
	}
	for (const [code, gemeenteCode] of hoofdgemeente) {
		if (!pc4s.has(code)) pc4s.set(code, { pc4: code, gemeenteCode, swvPo: null, swvVo: null });
	}

	// swv_gemeente (the Europoort rows have no SWV and would collide on the key)
	const swvGemeenten = new Map<string, typeof swvGemeente.$inferInsert>();
	for (const r of swvGemeenteRows) {
		if (!isSwvCode(r.swv_code) || !gemeenten.has(r.gemeentecode)) continue;
		const sector = r.swv_code.slice(0, 2) as 'PO' | 'VO';
		if (r.sector !== sector) continue;
		const aandeel = Number(r.aandeel);
		swvCodes.set(r.swv_code, sector);
		swvGemeenten.set(`${r.swv_code}|${r.gemeentecode}`, {
			swvCode: r.swv_code,
			gemeenteCode: r.gemeentecode,
			sector,
			aandeel: Number.isFinite(aandeel) ? aandeel : 0
		});
	}

	// woonplaats
	const woonplaatsen = new Map<string, typeof woonplaats.$inferInsert>();
	const placeByKey = new Map<string, string>();
	for (const r of woonplaatsRows) {
		if (!r.woonplaatscode || !r.woonplaatsnaam || !gemeenten.has(r.gemeentecode)) continue;
		woonplaatsen.set(r.woonplaatscode, { code: r.woonplaatscode, naam: r.woonplaatsnaam, gemeenteCode: r.gemeentecode });
		placeByKey.set(nameKey(r.woonplaatsnaam), r.woonplaatsnaam);
	}

	// school
	const duo = new Map(duoRows.map((r) => [r.VESTIGINGSCODE, r]));
	const edugis = new Map(edugisRows.map((r) => [r.vestigingscode, r]));
	const scholen = new Map<string, typeof school.$inferInsert>();
	for (const r of schoolRows) {
		if (!r.vestigingscode || !r.naam) continue;
		const swvPo = isSwvCode(r.swv_po_regio) ? r.swv_po_regio : null;
		const swvVo = isSwvCode(r.swv_vo_regio) ? r.swv_vo_regio : null;
		if (swvPo) swvCodes.set(swvPo, 'PO');
		if (swvVo) swvCodes.set(swvVo, 'VO');
		const d = r.bron === 'duo_po_2026' ? duo.get(r.vestigingscode) : undefined;
		const e = edugis.get(r.vestigingscode);
		let plaats: string | null;
		let postcode: string | null;
		let site: string | null;
		if (d) {
			// DUO writes places in capitals: take the CBS spelling when it is a known place, else
			// the BAG place of the same location, else the capitals in title case.
			const duoPlaats = orNull(d.PLAATSNAAM);
			plaats = duoPlaats ? (placeByKey.get(nameKey(duoPlaats)) ?? orNull(e?.plaats) ?? titleCase(duoPlaats)) : orNull(e?.plaats);
			postcode = formatPostcode(d.POSTCODE);
			site = website(d.INTERNETADRES);
		} else {
			plaats = orNull(e?.plaats);
			postcode = formatPostcode(e?.postcode);
			site = website(e?.internetadres);
		}
		scholen.set(r.vestigingscode, {
			vestigingscode: r.vestigingscode,
			naam: r.naam,
			soort: r.soort || 'onbekend',
			plaats,
			postcode,
			pc4: /^\d{4}$/.test(r.pc4) ? r.pc4 : null,
			gemeenteCode: gemeenten.has(r.gemeentecode) ? r.gemeentecode : null,
			swvPo,
			swvVo,
			website: site
		});
	}

	// ---------------------------------------------------------------- write
	await inBatches([...gemeenten.values()], (tx, batch) =>
		tx
			.insert(gemeente)
			.values(batch)
			.onConflictDoUpdate({ target: gemeente.code, set: { naam: excluded(gemeente.naam), provincie: excluded(gemeente.provincie) } })
	);
	// swv: only the sector is (re)written; naam, website and steunpunt_id belong to the beheerder.
	const swvList = [...swvCodes].sort(([a], [b]) => a.localeCompare(b)).map(([code, sector]) => ({ code, sector }));
	await inBatches(swvList, (tx, batch) =>
		tx
			.insert(swv)
			.values(batch)
			.onConflictDoUpdate({ target: swv.code, set: { sector: excluded(swv.sector) } })
	);
	await inBatches([...pc4s.values()], (tx, batch) =>
		tx
			.insert(pc4)
			.values(batch)
			.onConflictDoUpdate({
				target: pc4.pc4,
				set: { gemeenteCode: excluded(pc4.gemeenteCode), swvPo: excluded(pc4.swvPo), swvVo: excluded(pc4.swvVo) }
			})
	);
	await inBatches([...swvGemeenten.values()], (tx, batch) =>
		tx
			.insert(swvGemeente)
			.values(batch)
			.onConflictDoUpdate({
				target: [swvGemeente.swvCode, swvGemeente.gemeenteCode],
				set: { sector: excluded(swvGemeente.sector), aandeel: excluded(swvGemeente.aandeel) }
			})
	);
	await inBatches([...woonplaatsen.values()], (tx, batch) =>
		tx
			.insert(woonplaats)
			.values(batch)
			.onConflictDoUpdate({ target: woonplaats.code, set: { naam: excluded(woonplaats.naam), gemeenteCode: excluded(woonplaats.gemeenteCode) } })
	);
	await inBatches([...scholen.values()], (tx, batch) =>
		tx
			.insert(school)
			.values(batch)
			.onConflictDoUpdate({
				target: school.vestigingscode,
				set: {
					naam: excluded(school.naam),
					soort: excluded(school.soort),
					plaats: excluded(school.plaats),
					postcode: excluded(school.postcode),
					pc4: excluded(school.pc4),
					gemeenteCode: excluded(school.gemeenteCode),
					swvPo: excluded(school.swvPo),
					swvVo: excluded(school.swvVo),
					website: excluded(school.website)
				}
			})
	);
	forgetRegionCache();

	return {
		gemeenten: gemeenten.size,
		pc4: pc4s.size,
		woonplaatsen: woonplaatsen.size,
		swv: swvList.length,
		swvGemeenten: swvGemeenten.size,
		scholen: scholen.size
	};
}
