import { actThenRedirect, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { authorize, policies } from '$lib/server/auth/policy';
import { createActivity } from '$lib/server/activiteiten/activities';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		authorize(actor, steunpunt.id, policies.canManageActivities(actor));
		return {};
	});
}

export const actions = {
	default: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return actThenRedirect(
			values,
			async () => {
				const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
				return createActivity(actor, steunpunt.id, values);
			},
			(id) => `/beheer/${params.steunpunt}/activiteiten/${id}?gepland=1`
		);
	}
};
