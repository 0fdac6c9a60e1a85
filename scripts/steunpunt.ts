/**
 * Command-line tasks for operators. Usage: npm run steunpunt -- <command> [--option value]
 *
 *   import [--from seed-data]          reference data (SWV regions, gemeenten, schools) + national texts
 *   demo                               the demo steunpunt with accounts (as the first start does)
 *   steunpunt:create --slug s --naam n [--swv PO2703,VO2703] [--telefoon t] [--email e]
 *   user:create --email e --naam n [--steunpunt slug --rol beheerder[,regisseur]] [--landelijk]
 *               [--password p]        (without --password a random one is printed)
 *               [--totp BASE32]       (a known TOTP key: test and migration accounts only)
 *   users:create --file accounts.json  several accounts in one go: a JSON list of
 *               { email, naam, steunpunt?, rol?, password, totp? }; existing e-mail addresses
 *               are skipped (for test databases, which are prepared again on every run)
 *
 * Uses DATABASE_URL or the PGlite folder in DATA_DIR (default ./data); with PGlite the server
 * must be stopped first (one process per folder).
 */
import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/client';
import { db, setDatabase } from '../src/lib/server/db';
import { steunpunt, swv } from '../src/lib/server/db/schema';
import { importRegions } from '../src/lib/server/steunpunten/import-regions';
import { importLibrary } from '../src/lib/server/kennisbank/import-library';
import { seedDemo } from '../src/lib/server/demo/seed';
import { readFileSync } from 'node:fs';
import { ConflictError } from '../src/lib/server/errors';
import { createUser, grantRole } from '../src/lib/server/auth/users';
import { isRole } from '../src/lib/server/auth/roles';
import { seedOrganisations } from '../src/lib/server/contacten/organisations';

function options(args: string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (let i = 0; i < args.length; i++) {
		if (!args[i].startsWith('--')) continue;
		const key = args[i].slice(2);
		const next = args[i + 1];
		out[key] = next && !next.startsWith('--') ? (i++, next) : 'true';
	}
	return out;
}

function required(o: Record<string, string>, key: string): string {
	if (!o[key] || o[key] === 'true') throw new Error(`--${key} ontbreekt`);
	return o[key];
}

interface AccountInput {
	email: string;
	naam: string;
	password: string;
	landelijk?: boolean;
	totp?: string;
	steunpunt?: string;
	/** Comma-separated roles in `steunpunt`. */
	rol?: string;
}

/** Creates an account and its roles; returns the stored e-mail address. */
async function createAccount(a: AccountInput): Promise<string> {
	let sp: { id: string } | undefined;
	if (a.steunpunt) {
		[sp] = await db().select({ id: steunpunt.id }).from(steunpunt).where(eq(steunpunt.slug, a.steunpunt));
		if (!sp) throw new Error(`Steunpunt ${a.steunpunt} bestaat niet`);
	}
	const roles = (a.rol ?? '').split(',').filter(Boolean);
	for (const role of roles) if (!isRole(role)) throw new Error(`Onbekende rol ${role}`);
	const user = await createUser({ email: a.email, naam: a.naam, password: a.password, isLandelijk: a.landelijk === true, totpSecret: a.totp });
	if (sp) for (const role of roles) if (isRole(role)) await grantRole({ userId: user.id, steunpuntId: sp.id, role });
	return user.email;
}

async function run(command: string | undefined, o: Record<string, string>): Promise<void> {
	switch (command) {
		case 'import': {
			console.info('regio-gegevens:', await importRegions({ dir: o.from ?? 'seed-data' }));
			console.info('landelijke teksten:', await importLibrary());
			return;
		}
		case 'demo': {
			const { created, accounts } = await seedDemo();
			console.info(created ? 'Demo aangemaakt.' : 'De demo bestond al.');
			for (const a of accounts) console.info(`  ${a.role.padEnd(10)} ${a.email.padEnd(34)} ${a.password}`);
			return;
		}
		case 'steunpunt:create': {
			const slug = required(o, 'slug');
			if (!/^[a-z0-9-]{2,60}$/.test(slug)) throw new Error('--slug: alleen kleine letters, cijfers en streepjes');
			// Top-level paths of the app itself: a steunpunt with such a slug would be unreachable.
			if (['activiteiten', 'beheer', 'api', 'healthz'].includes(slug))
				throw new Error(`--slug: "${slug}" is al een pagina van Steunpunt zelf; kies een andere naam`);
			const [row] = await db()
				.insert(steunpunt)
				.values({ slug, naam: required(o, 'naam'), telefoon: o.telefoon ?? null, email: o.email ?? null })
				.returning();
			await seedOrganisations(row.id);
			const codes = (o.swv ?? '')
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
			if (codes.length) await db().update(swv).set({ steunpuntId: row.id }).where(inArray(swv.code, codes));
			console.info(`Steunpunt ${slug} aangemaakt (${row.id}).`);
			return;
		}
		case 'user:create': {
			const password = o.password ?? randomBytes(12).toString('base64url');
			const email = await createAccount({
				email: required(o, 'email'),
				naam: required(o, 'naam'),
				password,
				landelijk: o.landelijk === 'true',
				totp: o.totp,
				steunpunt: o.steunpunt,
				rol: o.steunpunt ? required(o, 'rol') : undefined
			});
			console.info(`Account ${email} aangemaakt.${o.password ? '' : ` Wachtwoord: ${password}`}`);
			return;
		}
		case 'users:create': {
			const list = JSON.parse(readFileSync(required(o, 'file'), 'utf8')) as AccountInput[];
			if (!Array.isArray(list)) throw new Error('--file: verwacht een JSON-lijst van accounts');
			for (const account of list) {
				try {
					console.info(`Account ${await createAccount(account)} aangemaakt.`);
				} catch (error) {
					if (!(error instanceof ConflictError)) throw error;
					console.info(`Account ${account.email} bestond al.`);
				}
			}
			return;
		}
		default:
			console.info('Gebruik: npm run steunpunt -- import | demo | steunpunt:create | user:create (zie scripts/steunpunt.ts)');
			if (command) process.exitCode = 2;
	}
}

const [command, ...rest] = process.argv.slice(2);
const config = readConfig();
openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
	.then(async (database) => {
		setDatabase(database);
		try {
			await run(command, options(rest));
		} catch (error) {
			console.error(`Fout: ${error instanceof Error ? error.message : String(error)}`);
			process.exitCode = 1;
		} finally {
			await database.close();
		}
	})
	.catch((error) => {
		console.error(`Fout: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = 1;
	});
