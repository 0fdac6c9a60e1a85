import { load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { findQuestions } from '$lib/server/kennisbank/question-page';
import { subjectBySlug } from '$lib/taxonomy';

export async function load({ params }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		const questions = await findQuestions({ steunpuntId: sp.id, by: 'subject', value: params.onderwerp });
		return { title: subjectBySlug.get(params.onderwerp)!.label, intro: 'Vragen van ouders over dit onderwerp.', questions };
	});
}
