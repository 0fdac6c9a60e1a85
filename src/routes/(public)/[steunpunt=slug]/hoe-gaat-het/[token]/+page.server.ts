import { load as handle, publicAction } from '$lib/server/http';
import { answerFollowUp, getFollowUpQuestion } from '$lib/server/contacten/follow-up';

/** The one-click answer page of the "Hoe gaat het nu?" mail. GET shows, only POST stores. */
export async function load({ params, url }) {
	return handle(async () => {
		const q = await getFollowUpQuestion({ slug: params.steunpunt, token: params.token });
		const trend = url.searchParams.get('trend');
		return { ...q, trend: trend === 'beter' || trend === 'hetzelfde' || trend === 'slechter' ? trend : '' };
	});
}

export const actions = {
	default: publicAction(async ({ params, values }) => {
		await answerFollowUp({ slug: params.steunpunt, token: params.token, input: values });
		return { thanks: true as const };
	})
};
