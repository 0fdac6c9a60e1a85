import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { policies } from '$lib/server/auth/policy';
import { registerContact } from '$lib/server/contacten/register-contact';
import { findRegionGemeenten } from '$lib/server/platform/region';
import { suggestTopics } from '$lib/server/signalering/topic-classifier';
import { ForbiddenError } from '$lib/server/errors';

export async function load({ locals, params, url }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		if (!policies.canListCases(actor)) throw new ForbiddenError();
		const dossier = url.searchParams.get('dossier');
		return {
			gemeenten: await findRegionGemeenten(steunpunt.id),
			dossier: dossier && /^[0-9a-f-]{36}$/.test(dossier) ? dossier : null,
			canStartCase: policies.canHandleCases(actor)
		};
	});
}

export const actions = {
	/** Registers the contact, then back to the form (ready for the next call) or to the case. */
	registreren: staffAction(
		async ({ actor, values }) => {
			const r = await registerContact(actor, values);
			return { registered: true as const, caseId: r.caseId };
		},
		(r, { params }) => (r.caseId ? `/beheer/${params.steunpunt}/vragen/${r.caseId}?geregistreerd=1` : null)
	),
	/** Without JavaScript: suggest topics from the summary and show the form again. */
	voorstel: staffAction(async ({ values }) => {
		const summary = typeof values.samenvatting === 'string' ? values.samenvatting.slice(0, 10_000) : '';
		return { values, suggestions: suggestTopics(summary, { limit: 3 }).map((t) => t.slug) };
	})
};
