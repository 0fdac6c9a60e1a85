import { load as handle, publicAction } from '$lib/server/http';
import { getProposalByToken, respondByToken } from '$lib/server/buddies/matches';

/** The buddy's mail link: accept or decline a proposal without logging in. */
export async function load({ params }) {
	return handle(async () => ({ proposal: await getProposalByToken(params.steunpunt, params.token) }));
}

export const actions = {
	default: publicAction(async ({ params, values }) => ({
		answered: await respondByToken({ slug: params.steunpunt, token: params.token, input: values })
	}))
};
