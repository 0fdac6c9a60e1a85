/** Creating staff accounts and giving them roles (CLI, demo seed, tests, beheerder screens later). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '../db';
import { appUser, membership } from '../db/schema';
import { ConflictError } from '../errors';
import { parse } from '../validation';
import { hashPassword } from './crypto';
import { ROLES, type Role } from './roles';

export const ZCreateUserInput = z.object({
	email: z.string().trim().toLowerCase().email('Vul een geldig e-mailadres in.'),
	naam: z.string().trim().min(1, 'Vul een naam in.').max(120),
	password: z.string().min(12, 'Een wachtwoord heeft minstens 12 tekens.').max(200),
	isLandelijk: z.boolean().default(false),
	totpSecret: z.string().optional()
});
export type CreateUserInput = z.input<typeof ZCreateUserInput>;

export async function createUser(input: CreateUserInput): Promise<{ id: string; email: string }> {
	const data = parse(ZCreateUserInput, input);
	const [existing] = await db().select({ id: appUser.id }).from(appUser).where(eq(appUser.email, data.email));
	if (existing) throw new ConflictError(`Er bestaat al een account met ${data.email}.`);
	const [row] = await db()
		.insert(appUser)
		.values({
			email: data.email,
			naam: data.naam,
			passwordHash: await hashPassword(data.password),
			isLandelijk: data.isLandelijk,
			totpSecret: data.totpSecret ?? null,
			totpEnabledAt: data.totpSecret ? new Date() : null
		})
		.returning({ id: appUser.id, email: appUser.email });
	return row;
}

export async function grantRole(options: { userId: string; steunpuntId: string; role: Role }): Promise<void> {
	if (!ROLES.includes(options.role)) throw new ConflictError(`Onbekende rol: ${options.role}`);
	await db().insert(membership).values(options).onConflictDoNothing();
}

export async function findUserByEmail(email: string) {
	const [row] = await db().select().from(appUser).where(eq(appUser.email, email.trim().toLowerCase()));
	return row;
}
