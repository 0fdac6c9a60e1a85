import { load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { findQuestions } from '$lib/server/kennisbank/question-page';
import { topicBySlug } from '$lib/taxonomy';

export async function load({ params }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		const questions = await findQuestions({ steunpuntId: sp.id, by: 'topic', value: params.thema });
		return { title: topicBySlug.get(params.thema)!.label, intro: 'Vragen van ouders over dit thema.', questions };
	});
}
