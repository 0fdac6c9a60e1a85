/**
 * The personal-data registry covers the whole database: every table and column of the Drizzle
 * schema and of the live (migrated) database is classified, and the registry names nothing that
 * does not exist. Plus rules that catch a careless classification: a column named like a name,
 * phone or address is personal unless listed below with a reason; a table holding personal data
 * has a retention and a deletion rule; the code the registry cites exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { db, rowsOf } from '../db';
import { useTestDatabase } from '../testing/db';
import { NOT_CLASSIFIED, PERSONAL_CATEGORIES, PERSONAL_DATA, columnsOf, personalTextColumns, schemaColumns } from './personal-data';

const FIX = 'classify it in src/lib/server/platform/personal-data.ts';
const SERVER = path.resolve(import.meta.dirname, '..');

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

const registered = () => new Set(Object.entries(PERSONAL_DATA).flatMap(([table, e]) => Object.keys(e.columns).map((c) => `${table}.${c}`)));
const isPersonal = (table: string) => Object.values(PERSONAL_DATA[table].columns).some((c) => PERSONAL_CATEGORIES.includes(c));

describe('the registry covers the Drizzle schema', () => {
	it('classifies every column of every table, and names nothing that does not exist', () => {
		const inSchema = new Set([...schemaColumns()].flatMap(([table, columns]) => [...columns.keys()].map((c) => `${table}.${c}`)));
		expect(inSchema.size).toBeGreaterThan(100);
		const missing = [...inSchema].filter((c) => !registered().has(c));
		expect(missing, `Columns in the Drizzle schema but not in the registry (${FIX}): ${missing.join(', ')}`).toEqual([]);
		const unknown = [...registered()].filter((c) => !inSchema.has(c));
		expect(unknown, `The registry names columns the Drizzle schema does not have (remove or rename them in personal-data.ts): ${unknown.join(', ')}`).toEqual(
			[]
		);
	});
});

describe('the registry covers the live database', () => {
	/** Views re-expose table columns; none exist today. A new one must be named here with a reason. */
	const VIEWS: Record<string, string> = {};

	it('classifies every column of every table in schema public; other schemas hold only what NOT_CLASSIFIED names', async () => {
		const rows = rowsOf<{ table_schema: string; table_name: string; column_name: string; table_type: string }>(
			await db().execute(sql`
				select c.table_schema, c.table_name, c.column_name, t.table_type
				from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema not in ('pg_catalog', 'information_schema')
				order by c.table_schema, c.table_name, c.ordinal_position`)
		);
		const tables = rows.filter((r) => r.table_schema === 'public' && r.table_type === 'BASE TABLE');
		expect(tables.length).toBeGreaterThan(100);
		const live = new Set(tables.map((r) => `${r.table_name}.${r.column_name}`));
		const missing = [...live].filter((c) => !registered().has(c));
		expect(missing, `Columns in the database but not in the registry (a migration added them?) — ${FIX}: ${missing.join(', ')}`).toEqual([]);
		const unknown = [...registered()].filter((c) => !live.has(c));
		expect(unknown, `The registry names columns the migrated database does not have (a migration is missing?): ${unknown.join(', ')}`).toEqual([]);

		const views = [...new Set(rows.filter((r) => r.table_schema === 'public' && r.table_type !== 'BASE TABLE').map((r) => r.table_name))];
		expect(
			views.filter((v) => !(v in VIEWS)),
			`Views in schema public: decide what they expose and list them in VIEWS in this test`
		).toEqual([]);
		const elsewhere = [...new Set(rows.filter((r) => r.table_schema !== 'public').map((r) => `${r.table_schema}.${r.table_name}`))];
		expect(
			elsewhere.filter((t) => !(t in NOT_CLASSIFIED)),
			`Tables outside schema public: ${FIX} (or NOT_CLASSIFIED, with a reason)`
		).toEqual([]);
	});
});

describe('the classification makes sense', () => {
	/** Columns named like personal data that are not about a person, each with the reason. */
	const NOT_ABOUT_A_PERSON: Record<string, string> = {
		'steunpunt.naam': "the steunpunt's own name, public",
		'steunpunt.telefoon': "the steunpunt's public phone number",
		'steunpunt.email': "the steunpunt's public mail address",
		'gemeente.naam': 'a municipality (CBS list)',
		'woonplaats.naam': 'a place (BAG list)',
		'school.naam': 'a school (DUO list)',
		'swv.naam': 'a samenwerkingsverband',
		'organisation.name': 'an outside organisation',
		'organisation.phone': "an outside organisation's public number",
		'referral.organisation_name': 'an outside organisation',
		'activity.location_name': "the activity's venue",
		'activity.address': "the activity's venue",
		'app_secret.name': 'the name of a key'
	};
	const PERSONAL_NAME = /email|telefoon|phone|naam|name$|address|adres|(^|_)(ip|client|mail)(_|$)/;

	it('treats every column named like a name, phone, mail or address as personal (unless listed with a reason)', () => {
		const wrong: string[] = [];
		for (const [table, entry] of Object.entries(PERSONAL_DATA))
			for (const [column, category] of Object.entries(entry.columns)) {
				const key = `${table}.${column}`;
				if (PERSONAL_NAME.test(column) && !(key in NOT_ABOUT_A_PERSON) && !PERSONAL_CATEGORIES.includes(category)) wrong.push(`${key} (${category})`);
			}
		expect(
			wrong,
			`Named like personal data but classified as not personal: ${wrong.join(', ')} — ${FIX}, or list it in NOT_ABOUT_A_PERSON with a reason`
		).toEqual([]);
		const stale = Object.keys(NOT_ABOUT_A_PERSON).filter((key) => {
			const [table, column] = key.split('.');
			return !PERSONAL_DATA[table]?.columns[column] || !PERSONAL_NAME.test(column);
		});
		expect(stale, 'NOT_ABOUT_A_PERSON lists columns that no longer exist or no longer look personal').toEqual([]);
	});

	it('gives every table with personal data a subject, a retention and a deletion rule', () => {
		const wrong: string[] = [];
		for (const [table, entry] of Object.entries(PERSONAL_DATA)) {
			if (!isPersonal(table)) continue;
			if (!entry.subjects.length) wrong.push(`${table}: no subjects`);
			if (/^geen persoonsgegevens/i.test(entry.retention)) wrong.push(`${table}: retention says "geen persoonsgegevens"`);
			if (entry.deletion === 'niet-van-toepassing') wrong.push(`${table}: deletion "niet-van-toepassing"`);
		}
		expect(wrong, `Tables with personal columns need a subject, a retention and a deletion rule (${FIX}): ${wrong.join('; ')}`).toEqual([]);
	});

	it('gives every entry its texts', () => {
		const empty = Object.entries(PERSONAL_DATA)
			.filter(([, e]) => !e.about.trim() || !e.retention.trim() || (e.inzage !== 'tonen' && e.inzage.length < 'niet: '.length + 3))
			.map(([table]) => table);
		expect(empty, 'Entries without an about, a retention or a reason for no inzage').toEqual([]);
	});

	it('cites code that exists: "<path under src/lib/server> <function>"', () => {
		const CITE = /([\w-]+(?:\/[\w-]+)*\.ts) ((?:[a-z]+[A-Z]\w*)(?:, [a-z]+[A-Z]\w*)*)/g;
		const broken: string[] = [];
		let cited = 0;
		for (const [table, entry] of Object.entries(PERSONAL_DATA))
			for (const text of [entry.retention, entry.handledBy ?? '', entry.gap ?? ''])
				for (const m of text.matchAll(CITE)) {
					const file = path.join(SERVER, m[1]);
					const source = existsSync(file) ? readFileSync(file, 'utf8') : null;
					for (const fn of m[2].split(', ')) {
						cited++;
						if (!source || !new RegExp(`function ${fn}\\b`).test(source)) broken.push(`${table}: ${m[1]} ${fn}`);
					}
				}
		expect(cited).toBeGreaterThan(10);
		expect(broken, `The registry cites code that does not exist (renamed or moved?): ${broken.join('; ')}`).toEqual([]);
	});
});

describe('the helpers', () => {
	it('columnsOf lists the columns of a category', () => {
		const personal = columnsOf('persoonlijk');
		expect(personal).toContainEqual({ table: 'case_person', column: 'email' });
		expect(personal).not.toContainEqual({ table: 'case_person', column: 'question' });
		expect(columnsOf(['bijzonder', 'vrije-tekst'])).toEqual(
			expect.arrayContaining([
				{ table: 'case_person', column: 'question' },
				{ table: 'case_event', column: 'text' }
			])
		);
		expect(columnsOf('anoniem')).toContainEqual({ table: 'registration', column: 'topics' });
	});

	it('personalTextColumns lists the personal text, jsonb and text[] columns, with generated ones marked', () => {
		const list = personalTextColumns();
		const find = (table: string, column: string) => list.find((c) => c.table === table && c.column === column);
		expect(find('case_person', 'question')).toMatchObject({ type: 'text', category: 'bijzonder', generated: false });
		expect(find('audit_log', 'detail')).toMatchObject({ type: 'jsonb' });
		expect(find('buddy', 'experiences')).toMatchObject({ type: 'text[]' });
		expect(find('case_person', 'phone_digits')).toMatchObject({ generated: true });
		expect(find('follow_up', 'supported')).toBeUndefined(); // smallint
		expect(find('registration', 'topics')).toBeUndefined(); // anoniem
		expect(find('steunpunt', 'email')).toBeUndefined(); // operationeel
	});
});
