import { act, formValues, load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { getProposalByToken, respondByToken } from '$lib/server/buddies/matches';

/** The buddy's mail link: accept or decline a proposal without logging in. */
export async function load({ params }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		return { proposal: await getProposalByToken(sp.id, params.token) };
	});
}

export const actions = {
	default: async ({ params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const sp = await getSteunpuntBySlug(params.steunpunt);
			return { answered: await respondByToken(sp.id, params.token, values) };
		});
	}
};
