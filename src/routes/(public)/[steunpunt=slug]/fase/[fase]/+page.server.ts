import { load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { findQuestions } from '$lib/server/kennisbank/question-page';
import { phaseBySlug, TOPICS } from '$lib/taxonomy';

export async function load({ params }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		const questions = await findQuestions({ steunpuntId: sp.id, by: 'phase', value: params.fase });
		const phase = phaseBySlug.get(params.fase)!;
		return { title: phase.label, intro: phase.description, questions, topics: TOPICS.map((t) => ({ slug: t.slug, label: t.label })) };
	});
}
