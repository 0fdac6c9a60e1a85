import { redirect } from '@sveltejs/kit';
import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getTextForEditor } from '$lib/server/kennisbank/editorial-read';
import { checkReadability, publishText, saveDraft, submitForReview } from '$lib/server/kennisbank/editorial';
import { authorize, policies } from '$lib/server/auth/policy';
import { PHASES, SUBJECTS, TOPICS } from '$lib/taxonomy';

const options = {
	phases: PHASES.map((p) => ({ slug: p.slug, label: p.name })),
	subjects: SUBJECTS.map((s) => ({ slug: s.slug, label: s.label })),
	topics: TOPICS.map((t) => ({ slug: t.slug, label: t.label }))
};

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		if (params.tekst === 'nieuw') {
			authorize(actor, steunpunt.id, policies.canEditTexts(actor));
			return { isNew: true, text: null, options };
		}
		return { isNew: false, text: await getTextForEditor(actor, steunpunt.id, params.tekst), options };
	});
}

export const actions = {
	save: async ({ locals, params, request }) => {
		const values = await formValues(request);
		const result = await act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			const slug = params.tekst === 'nieuw' ? String(values.slug ?? '') : params.tekst;
			const saved = await saveDraft(actor, steunpunt.id, slug, values);
			return { saved: saved.versionNumber, slug };
		});
		if (result && 'slug' in result && params.tekst === 'nieuw') redirect(303, `/beheer/${params.steunpunt}/teksten/${result.slug}?opgeslagen=1`);
		return result;
	},
	check: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			authorize(actor, steunpunt.id, policies.canEditTexts(actor));
			return { check: await checkReadability(String(values.body ?? '').slice(0, 20_000)), values };
		});
	},
	submit: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			await submitForReview(actor, steunpunt.id, params.tekst, values);
			return { submitted: true };
		});
	},
	publish: async ({ locals, params }) =>
		act({}, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			await publishText(actor, steunpunt.id, params.tekst);
			return { published: true };
		})
};
