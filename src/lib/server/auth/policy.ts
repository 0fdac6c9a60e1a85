/**
 * Policies: small pure functions that say whether an actor may do something. Domain functions
 * call `authorize()` with them every time (layouts do not guard actions or endpoints).
 */
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import type { Actor, Role } from './roles';
import { assertStaff } from '../platform/unit-of-work';

function has(actor: Actor, ...roles: Role[]): boolean {
	return roles.some((r) => actor.roles.includes(r));
}

/** Staff of this steunpunt (any role). Another steunpunt's staff is a stranger: 404, not 403. */
export function isStaffOf(actor: Actor, steunpuntId: string): boolean {
	return actor.userId !== null && actor.steunpuntId === steunpuntId && actor.roles.length > 0;
}

export const policies = {
	/** Write and edit texts, submit them for review, publish when the gate allows. */
	canEditTexts: (a: Actor) => has(a, 'redacteur', 'beheerder'),
	/** Review a text as a parent: "Door deze tekst voel ik mij gesteund". */
	canReviewTexts: (a: Actor) => has(a, 'meelezer'),
	/** See the list of texts, versions and feedback in the back office. */
	canSeeTexts: (a: Actor) => has(a, 'redacteur', 'beheerder', 'meelezer'),
	/** Override the readability gate: an editor with a written reason. */
	canOverrideReadability: (a: Actor) => has(a, 'redacteur', 'beheerder'),
	/** Manage the steunpunt's details, staff and audit log. */
	canManageSteunpunt: (a: Actor) => has(a, 'beheerder'),
	canReadAuditLog: (a: Actor) => has(a, 'beheerder'),
	/** All cases of the steunpunt: the inbox, registering contacts, referring, following up. */
	canHandleCases: (a: Actor) => has(a, 'regisseur', 'beheerder'),
	/** The case list at all: a consulent sees only the cases referred to them. */
	canListCases: (a: Actor) => has(a, 'regisseur', 'beheerder', 'consulent'),
	/** One case: the regisseur and beheerder every case, a consulent only those referred to them. */
	canReadCase: (a: Actor, c: { consulentId: string | null }) =>
		has(a, 'regisseur', 'beheerder') || (has(a, 'consulent') && a.userId !== null && c.consulentId === a.userId),
	/** Carry out a parent's request for inzage or deletion. */
	canHandlePrivacyRequests: (a: Actor) => has(a, 'beheerder'),
	/** The outbox holds mail addresses and texts to parents. */
	canReadOutbox: (a: Actor) => has(a, 'beheerder', 'regisseur'),
	/** The directory of outside organisations to refer to. */
	canManageOrganisations: (a: Actor) => has(a, 'beheerder', 'regisseur'),
	/** Buddies, requests and matching: the regisseur (and beheerder). */
	canManageBuddies: (a: Actor) => has(a, 'regisseur', 'beheerder'),
	/** A buddy works on their own matches only. */
	canActAsBuddy: (a: Actor) => has(a, 'buddy'),
	/** Figures (counts below 5 suppressed): also for policy staff. */
	canSeeBuddyFigures: (a: Actor) => has(a, 'regisseur', 'beheerder', 'beleid'),
	/** Plan activities, see participants and waiting lists, check in at the door. */
	canManageActivities: (a: Actor) => has(a, 'regisseur', 'beheerder'),
	/** Anonymous figures of the activities. */
	canSeeActivityFigures: (a: Actor) => has(a, 'regisseur', 'beheerder', 'beleid')
} as const;

/**
 * Throws unless `allowed`. Typed `asserts` so callers can narrow after it.
 * Anonymous → 401; staff of another steunpunt → 404; missing role → 403.
 */
export function authorize(actor: Actor, steunpuntId: string, allowed: boolean): asserts allowed {
	if (actor.userId === null) throw new UnauthenticatedError();
	if (actor.steunpuntId !== steunpuntId) throw new NotFoundError();
	if (!allowed) throw new ForbiddenError();
}

/**
 * The steunpunt a staff actor works for in this request, once `allowed` holds (`assertStaff`:
 * anonymous → 401, not a member of the request's steunpunt → 404, missing role → 403). Domain
 * functions take `(actor, input)` and read the tenant here, so no caller can hand them another one.
 */
export function tenantOf(actor: Actor, allowed: boolean): string {
	assertStaff(actor, allowed);
	return actor.steunpuntId;
}
