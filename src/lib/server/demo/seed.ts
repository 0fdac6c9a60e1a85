/**
 * The demo: reference data, the national library, and a demo steunpunt (slug `demo`) with one
 * account per role. Accounts get a random password, printed once on the first start.
 */
import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db';
import { gemeente, steunpunt, swv } from '../db/schema';
import { importRegions } from '../steunpunten/import-regions';
import { importLibrary } from '../kennisbank/import-library';
import { createUser, findUserByEmail, grantRole } from '../auth/users';
import { ROLES, type Role } from '../auth/roles';
import { log } from '../log';
import { seedOrganisations } from '../contacten/organisations';
import { seedDemoActivities } from './seed-activities';
import { seedDemoContacts } from './seed-contacts';

export const DEMO_SLUG = 'demo';
/** The SWV region of Alkmaar, Bergen (NH), Dijk en Waard and Heiloo (codes from the 2015 regulation). */
const DEMO_SWVS = ['PO2703', 'VO2703'];

export async function ensureReferenceData(dir = process.env.SEED_DATA_DIR || 'seed-data'): Promise<void> {
	const [{ count }] = await db()
		.select({ count: sql<number>`count(*)::int` })
		.from(gemeente);
	if (count > 0) return;
	const started = Date.now();
	const counts = await importRegions({ dir });
	log.info({ ...counts, ms: Date.now() - started }, 'regio-gegevens geladen');
}

export async function seedDemo(): Promise<{ created: boolean; accounts: { email: string; role: Role; password: string }[] }> {
	await ensureReferenceData();
	await importLibrary();
	const [existing] = await db().select().from(steunpunt).where(eq(steunpunt.slug, DEMO_SLUG));
	if (existing) return { created: false, accounts: [] };
	const [demo] = await db()
		.insert(steunpunt)
		.values({
			slug: DEMO_SLUG,
			naam: 'Ouder- en Jeugdsteunpunt Demo',
			telefoon: '012 345 67 89',
			email: 'steunpunt@demo.invalid',
			openingstijden: 'maandag tot en met donderdag, 9.00 tot 17.00 uur',
			intro:
				'Dit is een demo van Steunpunt. Het telefoonnummer en het e-mailadres zijn niet echt. Het demo-steunpunt hoort bij de regio van de samenwerkingsverbanden PO2703 en VO2703 (de gemeenten Alkmaar, Bergen (NH), Dijk en Waard en Heiloo).',
			regioInfo: {
				steunpunt: 'Bel of mail het demo-steunpunt. We luisteren eerst en denken met je mee.',
				'consulent-swv': 'Vraag de intern begeleider of zorgcoördinator om de consulent van het samenwerkingsverband erbij te halen.'
			}
		})
		.returning();
	await db().update(swv).set({ steunpuntId: demo.id }).where(inArray(swv.code, DEMO_SWVS));
	await seedOrganisations(demo.id);
	await seedDemoContacts(demo.id, demo.responseDays);
	await seedDemoActivities(demo.id);
	const accounts: { email: string; role: Role; password: string }[] = [];
	for (const role of ROLES) {
		for (const n of role === 'meelezer' ? [1, 2] : [1]) {
			const email = `${role}${role === 'meelezer' ? n : ''}@demo.steunpunt.test`;
			if (await findUserByEmail(email)) continue;
			const password = randomBytes(9).toString('base64url');
			const user = await createUser({ email, naam: `Demo ${role}${role === 'meelezer' ? ` ${n}` : ''}`, password });
			await grantRole({ userId: user.id, steunpuntId: demo.id, role });
			accounts.push({ email, role, password });
		}
	}
	return { created: true, accounts };
}
