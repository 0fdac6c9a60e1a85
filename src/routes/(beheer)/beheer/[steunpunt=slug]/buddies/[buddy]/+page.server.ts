import { actThenRedirect, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getBuddy, saveBuddy } from '$lib/server/buddies/buddies';
import { findRegionGemeenten } from '$lib/server/platform/region';
import { policies } from '$lib/server/auth/policy';
import { authorize } from '$lib/server/auth/policy';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		authorize(actor, steunpunt.id, policies.canManageBuddies(actor));
		const isNew = params.buddy === 'nieuw';
		return { isNew, buddy: isNew ? null : await getBuddy(actor, steunpunt.id, params.buddy), gemeenten: await findRegionGemeenten(steunpunt.id) };
	});
}

export const actions = {
	default: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return actThenRedirect(
			values,
			async () => {
				const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
				return saveBuddy(actor, steunpunt.id, params.buddy === 'nieuw' ? null : params.buddy, values);
			},
			(id) => `/beheer/${params.steunpunt}/buddies/${id}?opgeslagen=1`
		);
	}
};
