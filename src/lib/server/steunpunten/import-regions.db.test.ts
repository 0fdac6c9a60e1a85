import { beforeAll, describe, it, expect } from 'vitest';
import { useTestDatabase } from '../testing/db';
import { count, eq } from 'drizzle-orm';
import { db } from '../db';
import { gemeente, pc4, school, swv, swvGemeente, woonplaats } from '../db/schema';
import { buildSteunpunt } from '../testing/factories';
import { importRegions, parseCsv, type ImportRegionsResult } from './import-regions';

let first: ImportRegionsResult;

beforeAll(async () => {
	await useTestDatabase();
	const started = performance.now();
	first = await importRegions({ dir: 'seed-data' });
	console.info(`importRegions (first run): ${Math.round(performance.now() - started)} ms`);
}, 120_000);

async function tableCounts() {
	const n = async (table: typeof gemeente | typeof pc4 | typeof woonplaats | typeof swv | typeof swvGemeente | typeof school) =>
		(await db().select({ n: count() }).from(table))[0].n;
	return {
		gemeenten: await n(gemeente),
		pc4: await n(pc4),
		woonplaatsen: await n(woonplaats),
		swv: await n(swv),
		swvGemeenten: await n(swvGemeente),
		scholen: await n(school)
	};
}

describe('parseCsv', () => {
	it('handles quoted fields with commas, doubled quotes, line breaks, CRLF and a BOM', () => {
		const text = '\uFEFFa,b,c\r\n1,"Nuenen, Gerwen en Nederwetten",""\r\n"Basisschool ""de Fluessen""",x,"two\nlines"\n,,\n';
		expect(parseCsv(text)).toEqual([
			['a', 'b', 'c'],
			['1', 'Nuenen, Gerwen en Nederwetten', ''],
			['Basisschool "de Fluessen"', 'x', 'two\nlines'],
			['', '', '']
		]);
	});

	it('keeps the last field when the file does not end in a line break', () => {
		expect(parseCsv('a,b\n1,2')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});
});

describe('importRegions', () => {
	it('loads the figures of the data README', async () => {
		expect(first.gemeenten).toBe(342);
		expect(first.swv).toBe(150);
		expect(first.pc4).toBeGreaterThanOrEqual(4046);
		expect(first.woonplaatsen).toBe(2501);
		// 736 rows minus the two Europoort rows (no SWV).
		expect(first.swvGemeenten).toBe(734);
		// 8,657 rows, of which 28 are exact duplicates of a location.
		expect(first.scholen).toBe(8629);
		expect(await tableCounts()).toEqual(first);

		const bySector = await db().select({ sector: swv.sector, n: count() }).from(swv).groupBy(swv.sector);
		expect(Object.fromEntries(bySector.map((r) => [r.sector, r.n]))).toEqual({ PO: 76, VO: 74 });
	});

	it('links postcodes to the main municipality and both SWVs', async () => {
		const [amsterdam] = await db().select().from(pc4).where(eq(pc4.pc4, '1011'));
		expect(amsterdam).toEqual({ pc4: '1011', gemeenteCode: 'GM0363', swvPo: 'PO2707', swvVo: 'VO2708' });
		// Newer than the 2015 regulation: a municipality but no codes.
		const [oss] = await db().select().from(pc4).where(eq(pc4.pc4, '5352'));
		expect(oss).toEqual({ pc4: '5352', gemeenteCode: 'GM0828', swvPo: null, swvVo: null });
		// No longer in PDOK: the municipality comes from the regulation's name.
		const [beek] = await db().select().from(pc4).where(eq(pc4.pc4, '6236'));
		expect(beek.gemeenteCode).toBe('GM0888');
	});

	it('keeps Europoort as code text without creating an SWV for it', async () => {
		const [row] = await db().select().from(pc4).where(eq(pc4.pc4, '3197'));
		expect(row).toMatchObject({ swvPo: 'Europoort', swvVo: 'Europoort', gemeenteCode: 'GM0599' });
		expect(await db().select().from(swv).where(eq(swv.code, 'Europoort'))).toEqual([]);
		expect(await db().select().from(swvGemeente).where(eq(swvGemeente.swvCode, 'Europoort'))).toEqual([]);
	});

	it('stores split municipalities with their shares', async () => {
		const rows = await db().select().from(swvGemeente).where(eq(swvGemeente.gemeenteCode, 'GM0180'));
		const po = rows.filter((r) => r.sector === 'PO').map((r) => [r.swvCode, r.aandeel]);
		expect(po.sort()).toEqual([
			['PO2203', 0.5],
			['PO2305', 0.5]
		]);
	});

	it('resolves places and enriches schools from DUO and EduGIS', async () => {
		const [bussum] = await db().select().from(woonplaats).where(eq(woonplaats.naam, 'Bussum'));
		expect(bussum.gemeenteCode).toBe('GM1942');

		const [po] = await db().select().from(school).where(eq(school.vestigingscode, '03WU00'));
		expect(po).toMatchObject({
			naam: 'Kindcentrum De Wegwijzer',
			soort: 'PO',
			plaats: '2e Exloërmond', // DUO's "2E EXLOERMOND" in the CBS spelling
			postcode: '9571 AZ',
			pc4: '9571',
			gemeenteCode: 'GM1681',
			swvPo: 'PO2202',
			swvVo: 'VO2202',
			website: 'www.ckcdewegwijzer.nl'
		});
		const [vo] = await db().select().from(school).where(eq(school.vestigingscode, '17VN08'));
		expect(vo).toMatchObject({
			naam: 'Bonhoeffer College voor Gymnasium, Atheneum, Havo, VMBO, LWOO en PrO',
			soort: 'VO:VBO/MAVO',
			plaats: 'Enschede',
			postcode: '7544 GG',
			website: 'www.bc-enschede.nl'
		});
		const [quoted] = await db().select().from(school).where(eq(school.vestigingscode, '04NA00'));
		expect(quoted.naam).toBe('Algemeen Bijzondere basisschool "de Fluessen"');
	});

	it('changes no counts when run again and keeps what a beheerder entered', async () => {
		const sp = await buildSteunpunt();
		await db().update(swv).set({ naam: 'SWV Test Hand', website: 'https://swv.example.org', steunpuntId: sp.id }).where(eq(swv.code, 'PO2001'));
		try {
			const started = performance.now();
			const again = await importRegions({ dir: 'seed-data' });
			console.info(`importRegions (second run): ${Math.round(performance.now() - started)} ms`);
			expect(again).toEqual(first);
			expect(await tableCounts()).toEqual(first);
			const [row] = await db().select().from(swv).where(eq(swv.code, 'PO2001'));
			expect(row).toEqual({ code: 'PO2001', sector: 'PO', naam: 'SWV Test Hand', website: 'https://swv.example.org', steunpuntId: sp.id });
		} finally {
			await db().update(swv).set({ naam: null, website: null, steunpuntId: null }).where(eq(swv.code, 'PO2001'));
		}
	}, 120_000);
});
