/** Roles per steunpunt, plus `landelijk` across steunpunten (a user flag). */
export const ROLES = ['beheerder', 'regisseur', 'consulent', 'redacteur', 'meelezer', 'buddy', 'beleid'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role | 'landelijk', string> = {
	beheerder: 'Beheerder',
	regisseur: 'Regisseur',
	consulent: 'Consulent',
	redacteur: 'Redacteur',
	meelezer: 'Meelezende ouder',
	buddy: 'Buddy',
	beleid: 'Beleid',
	landelijk: 'Landelijk'
};

/** Roles that can see personal data: two-factor authentication is required for them. */
export const ROLES_WITH_PERSONAL_DATA: readonly Role[] = ['beheerder', 'regisseur', 'consulent', 'buddy'];

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

/** Who is asking. Built once per request in hooks.server.ts. */
export interface Actor {
	userId: string | null;
	/** The steunpunt the actor works for in this request (staff), or null for the public. */
	steunpuntId: string | null;
	roles: Role[];
	isLandelijk: boolean;
}

export const ANONYMOUS: Actor = Object.freeze({ userId: null, steunpuntId: null, roles: [], isLandelijk: false }) as Actor;

export function requiresTwoFactor(roles: readonly Role[], isLandelijk: boolean): boolean {
	return isLandelijk || roles.some((r) => ROLES_WITH_PERSONAL_DATA.includes(r));
}
