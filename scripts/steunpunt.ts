/**
 * Command-line tasks for operators. Usage: npm run steunpunt -- <command> [--option value]
 *
 *   import [--from seed-data]          reference data (SWV regions, gemeenten, schools) + national texts
 *   demo                               the demo steunpunt with accounts (as the first start does)
 *   steunpunt:create --slug s --naam n [--swv PO2703,VO2703] [--telefoon t] [--email e]
 *   user:create --email e --naam n [--steunpunt slug --rol beheerder[,regisseur]] [--landelijk]
 *               [--password p]        (without --password a random one is printed)
 *               [--totp BASE32]       (a known TOTP key: test and migration accounts only)
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
			if (['activiteiten', 'beheer', 'api', 'healthz'].includes(slug)) throw new Error(`--slug: "${slug}" is al een pagina van Steunpunt zelf; kies een andere naam`);
			const [row] = await db()
				.insert(steunpunt)
				.values({ slug, naam: required(o, 'naam'), telefoon: o.telefoon ?? null, email: o.email ?? null })
				.returning();
			await seedOrganisations(row.id);
			const codes = (o.swv ?? '').split(',').map((s) => s.trim()).filter(Boolean);
			if (codes.length) await db().update(swv).set({ steunpuntId: row.id }).where(inArray(swv.code, codes));
			console.info(`Steunpunt ${slug} aangemaakt (${row.id}).`);
			return;
		}
		case 'user:create': {
			const password = o.password ?? randomBytes(12).toString('base64url');
			const user = await createUser({ email: required(o, 'email'), naam: required(o, 'naam'), password, isLandelijk: o.landelijk === 'true', totpSecret: o.totp });
			if (o.steunpunt) {
				const [sp] = await db().select().from(steunpunt).where(eq(steunpunt.slug, o.steunpunt));
				if (!sp) throw new Error(`Steunpunt ${o.steunpunt} bestaat niet`);
				for (const role of required(o, 'rol').split(',')) {
					if (!isRole(role)) throw new Error(`Onbekende rol ${role}`);
					await grantRole({ userId: user.id, steunpuntId: sp.id, role });
				}
			}
			console.info(`Account ${user.email} aangemaakt.${o.password ? '' : ` Wachtwoord: ${password}`}`);
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
