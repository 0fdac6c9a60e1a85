/**
 * Row-level security is the backstop behind the steunpunt filter in every query: inside
 * withTenant(A), a query that forgets the filter still sees only A's rows, and cannot write B's.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../testing/db';
import { buildSteunpunt, buildUser } from '../testing/factories';
import { recordAudit } from '../audit/record';
import { db, rowsOf, withTenant } from './index';
import { auditLog, mailOutbox, membership, text_, textFeedback, textReview, textVersion } from './schema';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;

let a: Steunpunt;
let b: Steunpunt;
let userA: string;
let userB: string;

/** Rows of one steunpunt, written as the owner (no row-level security), like a migration would. */
async function seedTenant(steunpuntId: string, userId: string) {
	const [text] = await db()
		.insert(text_)
		.values({ steunpuntId, slug: `eigen-${randomUUID().slice(0, 8)}` })
		.returning();
	const [version] = await db()
		.insert(textVersion)
		.values({
			steunpuntId,
			textId: text.id,
			number: 1,
			title: 'Een eigen tekst',
			phase: 'orientatie',
			topics: ['hulp-steun-vinden'],
			subject: 'hoe-school-werkt',
			summary: 'Een korte samenvatting.',
			body: 'Tekst.\n\n## Wat kun je nu doen?\n- Bel ons.',
			keywords: [],
			related: [],
			status: 'ter-review'
		})
		.returning();
	await db().insert(textReview).values({ steunpuntId, versionId: version.id, reviewerId: userId, supported: true });
	await db()
		.insert(textFeedback)
		.values([
			{ steunpuntId, slug: text.slug, helped: true },
			{ steunpuntId, slug: text.slug, helped: false, comment: 'Te lang.' }
		]);
	await recordAudit(db(), { userId, steunpuntId }, { action: 'test.tenancy', entity: 'text', entityId: text.id });
	return { text, version };
}

/** The messages of an error and its causes (Drizzle wraps the driver's error). */
function messages(error: unknown): string {
	const parts: string[] = [];
	for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) parts.push(String(e.message));
	return parts.join(' | ');
}

async function failure(promise: Promise<unknown>): Promise<string> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeDefined();
	return messages(error);
}

let seededB: Awaited<ReturnType<typeof seedTenant>>;

beforeAll(async () => {
	await useTestDatabase();
	a = await buildSteunpunt();
	b = await buildSteunpunt();
	userA = (await buildUser({ steunpuntId: a.id, roles: ['redacteur', 'meelezer'] })).user.id;
	userB = (await buildUser({ steunpuntId: b.id, roles: ['redacteur', 'meelezer'] })).user.id;
	await seedTenant(a.id, userA);
	seededB = await seedTenant(b.id, userB);
}, 120_000);

const tables = { text_feedback: textFeedback, text: text_, text_version: textVersion, text_review: textReview, membership, audit_log: auditLog } as const;

describe('row-level security inside withTenant', () => {
	for (const [name, table] of Object.entries(tables)) {
		it(`shows only the tenant's own ${name} rows to a query without a steunpunt filter`, async () => {
			// As the owner, both steunpunten' rows exist (so the filter below is RLS, not an empty table).
			const all = await db().select().from(table);
			expect(all.some((r) => r.steunpuntId === a.id)).toBe(true);
			expect(all.some((r) => r.steunpuntId === b.id)).toBe(true);

			const seen = await withTenant(a.id, (tx) => tx.select().from(table));
			expect(seen.length).toBeGreaterThan(0);
			expect(seen.every((r) => r.steunpuntId === a.id)).toBe(true);
			expect(seen).toHaveLength(all.filter((r) => r.steunpuntId === a.id).length);

			const seenByB = await withTenant(b.id, (tx) => tx.select().from(table));
			expect(seenByB.length).toBeGreaterThan(0);
			expect(seenByB.every((r) => r.steunpuntId === b.id)).toBe(true);
		});
	}

	it('hides audit records without a steunpunt (logins) from every tenant', async () => {
		const action = `test.tenancy.global.${randomUUID()}`;
		await recordAudit(db(), { userId: userA, steunpuntId: null }, { action, entity: 'user', entityId: userA });
		const seen = await withTenant(a.id, (tx) => tx.select().from(auditLog).where(eq(auditLog.action, action)));
		expect(seen).toHaveLength(0);
		expect(await db().select().from(auditLog).where(eq(auditLog.action, action))).toHaveLength(1);
	});

	it('refuses to insert a row for another steunpunt', async () => {
		const before = await db().select().from(textFeedback).where(eq(textFeedback.steunpuntId, b.id));
		const message = await failure(withTenant(a.id, (tx) => tx.insert(textFeedback).values({ steunpuntId: b.id, slug: 'wat-is-een-opp', helped: true })));
		expect(message).toMatch(/row-level security/);
		expect(await db().select().from(textFeedback).where(eq(textFeedback.steunpuntId, b.id))).toHaveLength(before.length);

		await expect(withTenant(a.id, (tx) => tx.insert(text_).values({ steunpuntId: b.id, slug: `inbraak-${randomUUID().slice(0, 8)}` }))).rejects.toThrow();
		await expect(withTenant(a.id, (tx) => tx.insert(membership).values({ steunpuntId: b.id, userId: userA, role: 'beheerder' }))).rejects.toThrow();
		expect(await db().select().from(membership).where(eq(membership.userId, userA))).toHaveLength(2);
	});

	it('refuses audit records for another steunpunt or for none, and allows its own', async () => {
		const foreign = await failure(
			withTenant(a.id, (tx) => recordAudit(tx, { userId: userA, steunpuntId: b.id }, { action: 'test.tenancy.foreign', entity: 'text' }))
		);
		expect(foreign).toMatch(/row-level security/);
		const global = await failure(
			withTenant(a.id, (tx) => recordAudit(tx, { userId: userA, steunpuntId: null }, { action: 'test.tenancy.foreign', entity: 'text' }))
		);
		expect(global).toMatch(/row-level security/);
		await withTenant(a.id, (tx) => recordAudit(tx, { userId: userA, steunpuntId: a.id }, { action: 'test.tenancy.own', entity: 'text' }));
		const rows = await db().select().from(auditLog).where(eq(auditLog.userId, userA));
		expect(rows.filter((r) => r.action === 'test.tenancy.foreign')).toHaveLength(0);
		expect(rows.filter((r) => r.action === 'test.tenancy.own').map((r) => r.steunpuntId)).toEqual([a.id]);
	});

	it("cannot change or delete another steunpunt's rows, nor move its own rows there", async () => {
		const updated = await withTenant(a.id, (tx) =>
			tx.update(textVersion).set({ title: 'Overgenomen' }).where(eq(textVersion.id, seededB.version.id)).returning()
		);
		expect(updated).toHaveLength(0);
		const deleted = await withTenant(a.id, (tx) => tx.delete(text_).where(eq(text_.id, seededB.text.id)).returning());
		expect(deleted).toHaveLength(0);
		const [still] = await db().select().from(textVersion).where(eq(textVersion.id, seededB.version.id));
		expect(still.title).toBe('Een eigen tekst');

		const message = await failure(withTenant(a.id, (tx) => tx.update(textFeedback).set({ steunpuntId: b.id }).where(eq(textFeedback.steunpuntId, a.id))));
		expect(message).toMatch(/row-level security/);
		expect(await db().select().from(textFeedback).where(eq(textFeedback.steunpuntId, a.id))).toHaveLength(2);
	});

	it('runs as the restricted role and ends with the transaction', async () => {
		const inside = await withTenant(a.id, (tx) => tx.execute(sql`select current_user as role, current_setting('app.steunpunt_id', true) as tenant`));
		const row = rowsOf<{ role: string; tenant: string }>(inside)[0];
		expect(row).toEqual({ role: 'steunpunt_app', tenant: a.id });
		const after = await db().execute(sql`select current_user as role, coalesce(current_setting('app.steunpunt_id', true), '') as tenant`);
		const afterRow = rowsOf<{ role: string; tenant: string }>(after)[0];
		expect(afterRow.role).not.toBe('steunpunt_app');
		expect(afterRow.tenant).toBe('');
	});

	it('shows nothing when the transaction names no steunpunt', async () => {
		const seen = await db().transaction(async (tx) => {
			await tx.execute(sql`set local role steunpunt_app`);
			return tx.select().from(textFeedback);
		});
		expect(seen).toHaveLength(0);
	});
});

describe('what the app role may not read at all', () => {
	for (const table of ['session', 'password_reset', 'login_throttle', 'rate_limit', 'app_secret']) {
		it(`cannot read ${table}`, async () => {
			expect(await failure(withTenant(a.id, (tx) => tx.execute(sql.raw(`select count(*) from ${table}`))))).toMatch(/permission denied/);
		});
	}

	it("reads users' id, e-mail and name, never their password hash or TOTP secret, and writes no users", async () => {
		const rows = rowsOf<{ naam: string }>(await withTenant(a.id, (tx) => tx.execute(sql`select id, email, naam from app_user where id = ${userA}`)));
		expect(rows).toHaveLength(1);
		expect(await failure(withTenant(a.id, (tx) => tx.execute(sql`select password_hash from app_user limit 1`)))).toMatch(/permission denied/);
		expect(await failure(withTenant(a.id, (tx) => tx.execute(sql`select totp_secret from app_user limit 1`)))).toMatch(/permission denied/);
		expect(await failure(withTenant(a.id, (tx) => tx.execute(sql`update app_user set naam = 'x' where id = ${userA}`)))).toMatch(/permission denied/);
	});

	it("sees only its own steunpunt's mail in the outbox, not another's nor staff mail without a steunpunt", async () => {
		const tag = randomUUID();
		await db()
			.insert(mailOutbox)
			.values([
				{ steunpuntId: a.id, to: `a-${tag}@example.org`, subject: tag, text: 'a' },
				{ steunpuntId: b.id, to: `b-${tag}@example.org`, subject: tag, text: 'b' },
				{ steunpuntId: null, to: `staff-${tag}@example.org`, subject: tag, text: 'reset' }
			]);
		const seen = await withTenant(a.id, (tx) => tx.select({ to: mailOutbox.to }).from(mailOutbox).where(eq(mailOutbox.subject, tag)));
		expect(seen.map((m) => m.to)).toEqual([`a-${tag}@example.org`]);
		const deleted = await withTenant(a.id, (tx) => tx.delete(mailOutbox).where(eq(mailOutbox.subject, tag)).returning({ to: mailOutbox.to }));
		expect(deleted).toHaveLength(1);
		expect(await db().select().from(mailOutbox).where(eq(mailOutbox.subject, tag))).toHaveLength(2);
	});
});
