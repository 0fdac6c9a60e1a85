import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getRequest } from '$lib/server/buddies/requests';
import { proposeMatch } from '$lib/server/buddies/matches';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { request: await getRequest(actor, { requestId: params.aanvraag }) };
	});
}

export const actions = {
	/** Proposes the chosen buddy, then on to the new match. */
	voorstellen: staffAction(
		({ actor, values, params, url }) => proposeMatch(actor, { ...values, requestId: params.aanvraag, origin: url.origin }),
		(matchId, { params }) => `/beheer/${params.steunpunt}/koppelingen/${matchId}`
	)
};
