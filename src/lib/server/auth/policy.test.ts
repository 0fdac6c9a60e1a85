import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import { authorize, isStaffOf, policies } from './policy';
import { ANONYMOUS, ROLES, requiresTwoFactor, type Actor, type Role } from './roles';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

const actor = (roles: Role[], steunpuntId: string | null = A, userId: string | null = 'user-1'): Actor => ({
	userId,
	steunpuntId,
	roles,
	isLandelijk: false
});

type Ability = keyof typeof policies;

/** A case that was referred to nobody: `canReadCase` is checked against it (see the case tests for referred ones). */
const UNREFERRED = { consulentId: null };

/** Written out by hand (not derived from the code): which role may do what. */
const MATRIX: Record<Role, Record<Ability, boolean>> = {
	beheerder: {
		canEditTexts: true,
		canReviewTexts: false,
		canSeeTexts: true,
		canOverrideReadability: true,
		canManageSteunpunt: true,
		canReadAuditLog: true,
		canHandleCases: true,
		canListCases: true,
		canReadCase: true,
		canHandlePrivacyRequests: true,
		canReadOutbox: true,
		canManageOrganisations: true,
		canManageBuddies: true,
		canActAsBuddy: false,
		canSeeBuddyFigures: true,
		canManageActivities: true,
		canSeeActivityFigures: true
	},
	regisseur: {
		canEditTexts: false,
		canReviewTexts: false,
		canSeeTexts: false,
		canOverrideReadability: false,
		canManageSteunpunt: false,
		canReadAuditLog: false,
		canHandleCases: true,
		canListCases: true,
		canReadCase: true,
		canHandlePrivacyRequests: false,
		canReadOutbox: true,
		canManageOrganisations: true,
		canManageBuddies: true,
		canActAsBuddy: false,
		canSeeBuddyFigures: true,
		canManageActivities: true,
		canSeeActivityFigures: true
	},
	consulent: {
		canEditTexts: false,
		canReviewTexts: false,
		canSeeTexts: false,
		canOverrideReadability: false,
		canManageSteunpunt: false,
		canReadAuditLog: false,
		canHandleCases: false,
		canListCases: true,
		canReadCase: false,
		canHandlePrivacyRequests: false,
		canReadOutbox: false,
		canManageOrganisations: false,
		canManageBuddies: false,
		canActAsBuddy: false,
		canSeeBuddyFigures: false,
		canManageActivities: false,
		canSeeActivityFigures: false
	},
	redacteur: {
		canEditTexts: true,
		canReviewTexts: false,
		canSeeTexts: true,
		canOverrideReadability: true,
		canManageSteunpunt: false,
		canReadAuditLog: false,
		canHandleCases: false,
		canListCases: false,
		canReadCase: false,
		canHandlePrivacyRequests: false,
		canReadOutbox: false,
		canManageOrganisations: false,
		canManageBuddies: false,
		canActAsBuddy: false,
		canSeeBuddyFigures: false,
		canManageActivities: false,
		canSeeActivityFigures: false
	},
	meelezer: {
		canEditTexts: false,
		canReviewTexts: true,
		canSeeTexts: true,
		canOverrideReadability: false,
		canManageSteunpunt: false,
		canReadAuditLog: false,
		canHandleCases: false,
		canListCases: false,
		canReadCase: false,
		canHandlePrivacyRequests: false,
		canReadOutbox: false,
		canManageOrganisations: false,
		canManageBuddies: false,
		canActAsBuddy: false,
		canSeeBuddyFigures: false,
		canManageActivities: false,
		canSeeActivityFigures: false
	},
	buddy: {
		canEditTexts: false,
		canReviewTexts: false,
		canSeeTexts: false,
		canOverrideReadability: false,
		canManageSteunpunt: false,
		canReadAuditLog: false,
		canHandleCases: false,
		canListCases: false,
		canReadCase: false,
		canHandlePrivacyRequests: false,
		canReadOutbox: false,
		canManageOrganisations: false,
		canManageBuddies: false,
		canActAsBuddy: true,
		canSeeBuddyFigures: false,
		canManageActivities: false,
		canSeeActivityFigures: false
	},
	beleid: {
		canEditTexts: false,
		canReviewTexts: false,
		canSeeTexts: false,
		canOverrideReadability: false,
		canManageSteunpunt: false,
		canReadAuditLog: false,
		canHandleCases: false,
		canListCases: false,
		canReadCase: false,
		canHandlePrivacyRequests: false,
		canReadOutbox: false,
		canManageOrganisations: false,
		canManageBuddies: false,
		canActAsBuddy: false,
		canSeeBuddyFigures: true,
		canManageActivities: false,
		canSeeActivityFigures: true
	}
};

const ABILITIES = Object.keys(policies) as Ability[];

describe('policies: role × ability matrix', () => {
	it('covers every role and every ability', () => {
		expect(Object.keys(MATRIX).sort()).toEqual([...ROLES].sort());
		for (const role of ROLES) expect(Object.keys(MATRIX[role]).sort()).toEqual([...ABILITIES].sort());
	});

	for (const role of ROLES) {
		for (const ability of ABILITIES) {
			const allowed = MATRIX[role][ability];
			it(`${role} ${allowed ? 'may' : 'may not'} ${ability}`, () => {
				const a = actor([role]);
				expect(policies[ability](a, UNREFERRED)).toBe(allowed);
				if (allowed) {
					expect(() => authorize(a, A, policies[ability](a, UNREFERRED))).not.toThrow();
				} else {
					expect(() => authorize(a, A, policies[ability](a, UNREFERRED))).toThrow(ForbiddenError);
				}
			});
		}
	}

	it('lets a consulent read only the cases referred to them', () => {
		const consulent = actor(['consulent'], A, 'consulent-1');
		expect(policies.canReadCase(consulent, { consulentId: 'consulent-1' })).toBe(true);
		expect(policies.canReadCase(consulent, { consulentId: 'consulent-2' })).toBe(false);
		expect(policies.canReadCase(actor(['regisseur']), { consulentId: 'consulent-2' })).toBe(true);
		expect(policies.canReadCase(actor(['beleid', 'buddy']), { consulentId: 'user-1' })).toBe(false);
	});

	it('grants an ability when any one of several roles has it', () => {
		expect(policies.canEditTexts(actor(['buddy', 'redacteur']))).toBe(true);
		expect(policies.canReviewTexts(actor(['redacteur', 'meelezer']))).toBe(true);
		expect(policies.canManageSteunpunt(actor(['regisseur', 'consulent', 'redacteur', 'meelezer', 'buddy', 'beleid']))).toBe(false);
	});

	it('gives an actor without roles (or the anonymous one) nothing, and being landelijk adds nothing', () => {
		for (const ability of ABILITIES) {
			expect(policies[ability](actor([]), UNREFERRED)).toBe(false);
			expect(policies[ability](ANONYMOUS, UNREFERRED)).toBe(false);
			expect(policies[ability]({ ...actor([]), isLandelijk: true }, UNREFERRED)).toBe(false);
		}
	});
});

describe('authorize', () => {
	it('answers 401 to the anonymous actor, whatever is asked', () => {
		for (const allowed of [true, false]) {
			let caught: unknown;
			try {
				authorize(ANONYMOUS, A, allowed);
			} catch (error) {
				caught = error;
			}
			expect(caught).toBeInstanceOf(UnauthenticatedError);
			expect((caught as UnauthenticatedError).status).toBe(401);
		}
	});

	it('answers 404 to staff of another steunpunt, even when their role would allow it', () => {
		const other = actor(['beheerder', 'redacteur', 'meelezer'], B);
		for (const ability of ABILITIES) {
			let caught: unknown;
			try {
				authorize(other, A, policies[ability](other, UNREFERRED));
			} catch (error) {
				caught = error;
			}
			expect(caught, ability).toBeInstanceOf(NotFoundError);
			expect((caught as NotFoundError).status).toBe(404);
		}
	});

	it('answers 404 to a signed-in user who works for no steunpunt here', () => {
		const stranger = actor([], null);
		expect(() => authorize(stranger, A, true)).toThrow(NotFoundError);
	});

	it('answers 403 to staff of this steunpunt without the role', () => {
		let caught: unknown;
		try {
			authorize(actor(['meelezer']), A, policies.canEditTexts(actor(['meelezer'])));
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(ForbiddenError);
		expect((caught as ForbiddenError).status).toBe(403);
	});

	it('lets an allowed actor through without throwing', () => {
		const redacteur = actor(['redacteur']);
		expect(() => authorize(redacteur, A, policies.canEditTexts(redacteur))).not.toThrow();
		expect(authorize(redacteur, A, true)).toBeUndefined();
	});
});

describe('isStaffOf', () => {
	it('is true only for a signed-in actor with a role in that steunpunt', () => {
		expect(isStaffOf(actor(['meelezer']), A)).toBe(true);
		expect(isStaffOf(actor(['meelezer']), B)).toBe(false);
		expect(isStaffOf(actor([]), A)).toBe(false);
		expect(isStaffOf(actor(['beheerder'], A, null), A)).toBe(false);
		expect(isStaffOf(ANONYMOUS, A)).toBe(false);
	});
});

describe('requiresTwoFactor', () => {
	const EXPECTED: Record<Role, boolean> = {
		beheerder: true,
		regisseur: true,
		consulent: true,
		buddy: true,
		redacteur: false,
		meelezer: false,
		beleid: false
	};

	for (const role of ROLES) {
		it(`${EXPECTED[role] ? 'is required' : 'is not required'} for a ${role}`, () => {
			expect(requiresTwoFactor([role], false)).toBe(EXPECTED[role]);
		});
	}

	it('is required as soon as one of the roles sees personal data', () => {
		expect(requiresTwoFactor(['redacteur', 'meelezer', 'beleid'], false)).toBe(false);
		expect(requiresTwoFactor(['redacteur', 'consulent'], false)).toBe(true);
	});

	it('is required for landelijk users, even without roles', () => {
		expect(requiresTwoFactor([], true)).toBe(true);
		expect(requiresTwoFactor(['redacteur'], true)).toBe(true);
		expect(requiresTwoFactor([], false)).toBe(false);
	});
});
