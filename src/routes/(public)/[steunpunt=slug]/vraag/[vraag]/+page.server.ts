import { load as handle, publicAction } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { getQuestionPage } from '$lib/server/kennisbank/question-page';
import { giveFeedback } from '$lib/server/kennisbank/feedback';

export async function load({ params, url }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		const page = await getQuestionPage({ steunpuntId: sp.id, steunpuntSlug: sp.slug, slug: params.vraag });
		return { page, thanks: url.searchParams.get('bedankt') === '1' };
	});
}

export const actions = {
	feedback: publicAction(async ({ params, values, client }) => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		await giveFeedback({ steunpuntId: sp.id, slug: params.vraag, input: values, client });
		return { thanks: true as const };
	})
};
