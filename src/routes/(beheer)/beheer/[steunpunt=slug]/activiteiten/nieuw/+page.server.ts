import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { policies, tenantOf } from '$lib/server/auth/policy';
import { createActivity } from '$lib/server/activiteiten/activities';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		tenantOf(actor, policies.canManageActivities(actor));
		return {};
	});
}

export const actions = {
	/** Plans the activity (or series), then to the (first) activity. */
	default: staffAction(
		async ({ actor, values }) => ({ activityId: await createActivity(actor, values) }),
		({ activityId }, { params }) => `/beheer/${params.steunpunt}/activiteiten/${activityId}?gepland=1`
	)
};
