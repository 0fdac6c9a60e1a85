import { beforeAll, describe, it, expect } from 'vitest';
import { useTestDatabase } from '../testing/db';
import { count, eq } from 'drizzle-orm';
import { db } from '../db';
import { gemeente, school, swv } from '../db/schema';
import { buildSteunpunt } from '../testing/factories';
import { importRegions } from './import-regions';
import { findRegion, soortLabel, type FinderResult } from './find-steunpunt';

beforeAll(async () => {
	await useTestDatabase();
	// Both database test files share one database: import only when no other file did.
	const [{ n }] = await db().select({ n: count() }).from(gemeente);
	if (n === 0) await importRegions({ dir: 'seed-data' });
}, 120_000);

function expectKind<K extends FinderResult['kind']>(result: FinderResult, kind: K): Extract<FinderResult, { kind: K }> {
	expect(result.kind).toBe(kind);
	return result as Extract<FinderResult, { kind: K }>;
}

describe('findRegion: postcode', () => {
	it('leads to both the PO and the VO samenwerkingsverband', async () => {
		for (const q of ['1011', '1011 AB', '1011ab', ' 1011-AB ', '1011 Amsterdam', 'Dorpsstraat 1, 1011 AB Amsterdam']) {
			const r = expectKind(await findRegion({ q }), 'postcode');
			expect(r.pc4).toBe('1011');
			expect(r.gemeente).toEqual({ code: 'GM0363', naam: 'Amsterdam' });
			expect(r.po?.code).toBe('PO2707');
			expect(r.po?.sector).toBe('PO');
			expect(r.vo?.code).toBe('VO2708');
			expect(r.vo?.sector).toBe('VO');
		}
	});

	it('presents the SWV with its municipalities and no steunpunt when none is linked', async () => {
		const r = expectKind(await findRegion({ q: '1011' }), 'postcode');
		expect(r.po?.gemeenten).toContain('Amsterdam');
		expect(r.po?.gemeenten.length).toBeLessThanOrEqual(12);
		expect(r.po?.gemeentenTotal).toBeGreaterThanOrEqual(r.po?.gemeenten.length ?? 0);
		expect(r.vo?.steunpunt).toBeNull();
	});

	it('falls back to the municipality for a postcode newer than the regulation', async () => {
		const r = expectKind(await findRegion({ q: '5352' }), 'postcode');
		expect(r.gemeente?.naam).toBe('Oss');
		expect(r.po?.code).toBe('PO3006');
		expect(r.vo?.code).toBe('VO3006');
	});

	it('gives no SWV for the Europoort port area, and none for an unknown postcode', async () => {
		const europoort = expectKind(await findRegion({ q: '3197' }), 'postcode');
		expect(europoort.gemeente?.naam).toBe('Rotterdam');
		expect(europoort.po).toBeNull();
		expect(europoort.vo).toBeNull();
		expect((await findRegion({ q: '1000' })).kind).toBe('none');
	});
});

describe('findRegion: municipality and place', () => {
	it('finds a municipality by name, ignoring case, accents and punctuation', async () => {
		const alkmaar = expectKind(await findRegion({ q: 'Alkmaar' }), 'gemeente');
		expect(alkmaar.gemeente.naam).toBe('Alkmaar');
		expect(alkmaar.plaats).toBeNull();
		expect(alkmaar.split).toBe(false);
		expect(alkmaar.po).toHaveLength(1);
		expect(alkmaar.vo).toHaveLength(1);
		expect(alkmaar.po[0].gemeenten).toContain('Alkmaar');

		for (const q of ["'s-Hertogenbosch", 's-hertogenbosch', '’s Hertogenbosch', 'Den Bosch']) {
			expect(expectKind(await findRegion({ q }), 'gemeente').gemeente.code).toBe('GM0796');
		}
		expect(expectKind(await findRegion({ q: 'den haag' }), 'gemeente').gemeente.naam).toBe("'s-Gravenhage");
		expect(expectKind(await findRegion({ q: 'sudwest fryslan' }), 'gemeente').gemeente.naam).toBe('Súdwest-Fryslân');
		expect(expectKind(await findRegion({ q: 'gemeente Nuenen, Gerwen en Nederwetten' }), 'gemeente').gemeente.code).toBe('GM0820');
	});

	it('marks a municipality split over several SWVs, biggest share first', async () => {
		const r = expectKind(await findRegion({ q: 'Staphorst' }), 'gemeente');
		expect(r.split).toBe(true);
		expect(r.po.map((s) => s.code).sort()).toEqual(['PO2203', 'PO2305']);
		expect(r.po.map((s) => s.aandeel)).toEqual([0.5, 0.5]);
		expect(r.vo.map((s) => s.code)).toEqual(['VO2305']);

		const amsterdam = expectKind(await findRegion({ q: 'amsterdam' }), 'gemeente');
		expect(amsterdam.split).toBe(true);
		expect(amsterdam.po[0].code).toBe('PO2707');
		expect(amsterdam.po[0].aandeel).toBeGreaterThan(amsterdam.po[1].aandeel);
	});

	it('resolves a place that is not a municipality to its municipality', async () => {
		const bussum = expectKind(await findRegion({ q: 'Bussum' }), 'gemeente');
		expect(bussum.gemeente).toEqual({ code: 'GM1942', naam: 'Gooise Meren' });
		expect(bussum.plaats).toBe('Bussum');
		for (const q of ['nieuw-vennep', 'NIEUW VENNEP', 'Nieuw-Vennep']) {
			const r = expectKind(await findRegion({ q }), 'gemeente');
			expect(r.gemeente.naam).toBe('Haarlemmermeer');
			expect(r.plaats).toBe('Nieuw-Vennep');
		}
	});

	it('offers a choice when a name fits several municipalities', async () => {
		const bergen = expectKind(await findRegion({ q: 'Bergen' }), 'choice');
		expect(bergen.gemeenten.map((g) => g.naam)).toEqual(expect.arrayContaining(['Bergen (L)', 'Bergen (NH)']));
		const hengelo = expectKind(await findRegion({ q: 'hengelo' }), 'choice');
		expect(hengelo.gemeenten).toEqual(
			expect.arrayContaining([
				{ code: 'GM0164', naam: 'Hengelo (O)', plaats: null },
				{ code: 'GM1876', naam: 'Bronckhorst', plaats: 'Hengelo (Gld)' }
			])
		);
	});

	it('lets a place name win over schools containing it, but offers a namesake school elsewhere', async () => {
		// Schools elsewhere are called "Almere College …": the parent still gets the municipality.
		expect(expectKind(await findRegion({ q: 'Almere' }), 'gemeente').gemeente.naam).toBe('Almere');
		const kwakel = expectKind(await findRegion({ q: 'de kwakel' }), 'choice');
		expect(kwakel.gemeenten).toEqual([{ code: 'GM0451', naam: 'Uithoorn', plaats: 'De Kwakel' }]);
		expect(kwakel.schools.map((s) => [s.naam, s.plaats])).toEqual([['De Kwakel', 'Berkel en Rodenrijs']]);
		expect(kwakel.schools[0].po?.code).toMatch(/^PO\d{4}$/);
	});

	it('offers municipalities and places that start with an unfinished name', async () => {
		const r = expectKind(await findRegion({ q: 'Nieuw-Venn' }), 'choice');
		expect(r.gemeenten).toContainEqual({ code: 'GM0394', naam: 'Haarlemmermeer', plaats: 'Nieuw-Vennep' });
	});
});

describe('findRegion: school', () => {
	it('finds schools by part of their name, with place and SWVs', async () => {
		const r = expectKind(await findRegion({ q: 'De Wegwijzer' }), 'schools');
		expect(r.schools.length).toBeGreaterThan(5);
		expect(r.schools.length).toBeLessThanOrEqual(20);
		for (const s of r.schools) {
			expect(s.naam.toLowerCase()).toContain('wegwijzer');
			expect(s.plaats).toBeTruthy();
		}
		const kindcentrum = expectKind(await findRegion({ q: 'kindcentrum de wegwijzer' }), 'schools');
		const exloermond = kindcentrum.schools.find((s) => s.vestigingscode === '03WU00');
		expect(exloermond).toMatchObject({ naam: 'Kindcentrum De Wegwijzer', soort: 'basisschool', plaats: '2e Exloërmond' });
		expect(exloermond?.po?.code).toBe('PO2202');
		expect(exloermond?.vo?.code).toBe('VO2202');
	});

	it('narrows by place and ignores accents', async () => {
		const r = expectKind(await findRegion({ q: 'wegwijzer alkmaar' }), 'schools');
		expect(r.schools.map((s) => s.vestigingscode)).toEqual(['16EQ01']);
		expect(r.schools[0].po?.code).toBe('PO2703');
		const accents = expectKind(await findRegion({ q: 'Kindcentrum De Wegwijzer Exloermond' }), 'schools');
		expect(accents.schools.map((s) => s.vestigingscode)).toEqual(['03WU00']);
	});

	it('gives a school without a code the SWV of its municipality', async () => {
		const r = expectKind(await findRegion({ q: 'De Vier Heemskinderen' }), 'schools');
		const s = r.schools.find((x) => x.vestigingscode === '06VO00');
		expect(s?.po?.code).toBe('PO3006');
	});

	it('reads the kind of school', () => {
		expect(soortLabel('VO:HAVO/VWO')).toBe('voortgezet onderwijs: havo, vwo');
		expect(soortLabel('PO:SBAO')).toBe('speciale school voor basisonderwijs');
	});
});

describe('findRegion: steunpunt', () => {
	it('returns the steunpunt linked to the SWV', async () => {
		const sp = await buildSteunpunt({ naam: 'Ouder- en Jeugdsteunpunt Amsterdam (test)' });
		await db().update(swv).set({ steunpuntId: sp.id }).where(eq(swv.code, 'PO2707'));
		try {
			const r = expectKind(await findRegion({ q: '1011 AB' }), 'postcode');
			expect(r.po?.steunpunt).toEqual({ slug: sp.slug, naam: sp.naam, telefoon: sp.telefoon, email: sp.email });
			expect(r.vo?.steunpunt).toBeNull();
			const g = expectKind(await findRegion({ q: 'Amsterdam' }), 'gemeente');
			expect(g.po.find((s) => s.code === 'PO2707')?.steunpunt?.slug).toBe(sp.slug);
		} finally {
			await db().update(swv).set({ steunpuntId: null }).where(eq(swv.code, 'PO2707'));
		}
	});
});

describe('findRegion: odd input', () => {
	it('rejects empty and over-long input with a Dutch message', async () => {
		for (const q of ['', '   ', '\u0000\u0001\t\n', 'x'.repeat(101), 'a'.repeat(10_000)]) {
			const r = expectKind(await findRegion({ q }), 'invalid');
			expect(r.message).toMatch(/postcode|tekens/);
		}
		expect((await findRegion({ q: undefined as unknown as string })).kind).toBe('invalid');
	});

	it('never throws and finds nothing for garbage', async () => {
		const before = (await db().select({ n: count() }).from(school))[0].n;
		const garbage = [
			'%',
			'%%%',
			'_',
			'__%__',
			'\\',
			'\\%',
			'"',
			"'",
			"'; drop table school; --",
			'Robert"); DELETE FROM school; --',
			'😀😀😀',
			'\uD800zzqx',
			'zzqxj',
			'\u202Ejkl\u200B',
			'🏫'.repeat(30)
		];
		for (const q of garbage) {
			const r = await findRegion({ q });
			expect(['none', 'invalid'], `${JSON.stringify(q)} gave ${r.kind}`).toContain(r.kind);
		}
		expect((await db().select({ n: count() }).from(school))[0].n).toBe(before);
	});

	it('treats wildcards literally', async () => {
		// "de_w%" would match every "De Wegwijzer" if _ and % were not escaped.
		expect((await findRegion({ q: 'de_w%jzer' })).kind).toBe('none');
	});
});
