import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getTextForEditor } from '$lib/server/kennisbank/editorial-read';
import { checkDraftReadability, publishText, saveDraft, submitForReview } from '$lib/server/kennisbank/editorial';
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
		return { isNew: false, text: await getTextForEditor(actor, { slug: params.tekst }), options };
	});
}

export const actions = {
	/** Saves the concept; a new text (at /teksten/nieuw) then moves to its own address. */
	save: staffAction(
		async ({ actor, values, params }) => {
			const slug = params.tekst === 'nieuw' ? String(values.slug ?? '') : params.tekst;
			const saved = await saveDraft(actor, { ...values, slug });
			return { saved: saved.versionNumber, slug };
		},
		(r, { params }) => (params.tekst === 'nieuw' ? `/beheer/${params.steunpunt}/teksten/${r.slug}?opgeslagen=1` : null)
	),
	/** Without JavaScript: the B1 check of the typed text, shown with the form as typed. */
	check: staffAction(async ({ actor, values }) => ({
		check: await checkDraftReadability(actor, { body: String(values.body ?? '').slice(0, 20_000) }),
		values
	})),
	submit: staffAction(async ({ actor, values, params }) => {
		await submitForReview(actor, { ...values, slug: params.tekst });
		return { submitted: true as const };
	}),
	publish: staffAction(async ({ actor, params }) => {
		await publishText(actor, { slug: params.tekst });
		return { published: true as const };
	})
};
