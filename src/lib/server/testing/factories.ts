/** Test factories: unique steunpunten and staff, so database tests never collide. */
import { randomUUID } from 'node:crypto';
import { db } from '../db';
import { steunpunt } from '../db/schema';
import { createUser, grantRole } from '../auth/users';
import type { Actor, Role } from '../auth/roles';

export async function buildSteunpunt(overrides: Partial<typeof steunpunt.$inferInsert> = {}) {
	const slug = overrides.slug ?? `test-${randomUUID().slice(0, 8)}`;
	const [row] = await db()
		.insert(steunpunt)
		.values({ slug, naam: `Steunpunt ${slug}`, telefoon: '010 000 00 00', email: `${slug}@example.org`, ...overrides })
		.returning();
	return row;
}

/** A user with the given roles in one steunpunt, and the actor a request of theirs would have. */
export async function buildUser(options: { steunpuntId: string; roles: Role[]; isLandelijk?: boolean }) {
	const email = `user-${randomUUID().slice(0, 8)}@example.org`;
	const user = await createUser({ email, naam: 'Test Gebruiker', password: 'een-lang-test-wachtwoord', isLandelijk: options.isLandelijk });
	for (const role of options.roles) await grantRole({ userId: user.id, steunpuntId: options.steunpuntId, role });
	const actor: Actor = { userId: user.id, steunpuntId: options.steunpuntId, roles: options.roles, isLandelijk: !!options.isLandelijk };
	return { user, actor, email, password: 'een-lang-test-wachtwoord' };
}
