import { error } from '@sveltejs/kit';
import { staffContext } from '$lib/server/auth/request';
import { policies } from '$lib/server/auth/policy';
import { load as handle } from '$lib/server/http';
import { ROLE_LABELS } from '$lib/server/auth/roles';

/** Shows the back office of one steunpunt; every action and load below still authorizes itself. */
export async function load({ locals, params }) {
	const { actor, steunpunt } = await handle(() => staffContext(locals, params.steunpunt));
	if (!actor.steunpuntId) error(404, 'Deze pagina bestaat niet (meer).');
	return {
		steunpunt: { slug: steunpunt.slug, naam: steunpunt.naam },
		roles: actor.roles.map((r) => ROLE_LABELS[r]),
		can: {
			editTexts: policies.canEditTexts(actor),
			reviewTexts: policies.canReviewTexts(actor),
			seeTexts: policies.canSeeTexts(actor),
			readAudit: policies.canReadAuditLog(actor),
			listCases: policies.canListCases(actor),
			handleCases: policies.canHandleCases(actor),
			privacy: policies.canHandlePrivacyRequests(actor),
			outbox: policies.canReadOutbox(actor),
			organisations: policies.canManageOrganisations(actor),
			buddies: policies.canManageBuddies(actor),
			ownMatches: policies.canActAsBuddy(actor),
			buddyFigures: policies.canSeeBuddyFigures(actor),
			activities: policies.canManageActivities(actor),
			activityFigures: policies.canSeeActivityFigures(actor)
		}
	};
}
