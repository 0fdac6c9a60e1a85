import { actThenRedirect, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getRequest } from '$lib/server/buddies/requests';
import { proposeMatch } from '$lib/server/buddies/matches';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { request: await getRequest(actor, steunpunt.id, params.aanvraag) };
	});
}

export const actions = {
	voorstellen: async ({ locals, params, request, url }) => {
		const values = await formValues(request);
		return actThenRedirect(
			values,
			async () => {
				const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
				return proposeMatch(actor, steunpunt.id, params.aanvraag, values, { origin: url.origin });
			},
			(matchId) => `/beheer/${params.steunpunt}/koppelingen/${matchId}`
		);
	}
};
