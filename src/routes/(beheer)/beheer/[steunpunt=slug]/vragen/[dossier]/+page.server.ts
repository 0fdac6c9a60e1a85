import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getCase } from '$lib/server/contacten/get-case';
import { addNote, changeCase, confirmTopics, referCase } from '$lib/server/contacten/update-case';
import { sendFollowUp } from '$lib/server/contacten/follow-up';

export async function load({ locals, params, url }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { dossier: await getCase(actor, { caseId: params.dossier }), registered: url.searchParams.get('geregistreerd') === '1' };
	});
}

/** Every action is one domain call on this case: the form's fields, then the case id from the route (so no field can replace it). */
export const actions = {
	behandeling: staffAction(async ({ actor, values, params }) => {
		await changeCase(actor, { ...values, caseId: params.dossier });
		return { saved: 'behandeling' as const };
	}),
	notitie: staffAction(async ({ actor, values, params }) => {
		await addNote(actor, { ...values, caseId: params.dossier });
		return { saved: 'notitie' as const };
	}),
	doorverwijzen: staffAction(async ({ actor, values, params }) => {
		await referCase(actor, { ...values, caseId: params.dossier });
		return { saved: 'doorverwijzen' as const };
	}),
	onderwerpen: staffAction(async ({ actor, values, params }) => {
		await confirmTopics(actor, { ...values, caseId: params.dossier });
		return { saved: 'onderwerpen' as const };
	}),
	opvolgmail: staffAction(async ({ actor, params, url }) => {
		await sendFollowUp(actor, { caseId: params.dossier, origin: url.origin });
		return { saved: 'opvolgmail' as const };
	})
};
