import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getBuddy, saveBuddy } from '$lib/server/buddies/buddies';
import { findRegionGemeenten } from '$lib/server/platform/region';
import { authorize, policies } from '$lib/server/auth/policy';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		authorize(actor, steunpunt.id, policies.canManageBuddies(actor));
		const isNew = params.buddy === 'nieuw';
		return { isNew, buddy: isNew ? null : await getBuddy(actor, { buddyId: params.buddy }), gemeenten: await findRegionGemeenten(steunpunt.id) };
	});
}

export const actions = {
	/** Saves the profile (a new one at /buddies/nieuw), then shows it with "opgeslagen". */
	default: staffAction(
		({ actor, values, params }) => saveBuddy(actor, { ...values, buddyId: params.buddy === 'nieuw' ? null : params.buddy }),
		(id, { params }) => `/beheer/${params.steunpunt}/buddies/${id}?opgeslagen=1`
	)
};
