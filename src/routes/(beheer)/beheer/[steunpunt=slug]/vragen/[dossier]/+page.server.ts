import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getCase } from '$lib/server/contacten/get-case';
import { addNote, changeCase, confirmTopics, referCase } from '$lib/server/contacten/update-case';
import { sendFollowUp } from '$lib/server/contacten/follow-up';

export async function load({ locals, params, url }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { dossier: await getCase(actor, steunpunt.id, params.dossier), registered: url.searchParams.get('geregistreerd') === '1' };
	});
}

type Event = { locals: App.Locals; params: { steunpunt: string; dossier: string }; request: Request; url: URL };

/** Every action: parse the form, build the actor, one domain call (which authorizes itself). */
function action(name: string, run: (ctx: Awaited<ReturnType<typeof staffContext>>, values: Record<string, unknown>, event: Event) => Promise<unknown>) {
	return async (event: Event) => {
		const values = await formValues(event.request);
		return act(values, async () => {
			const ctx = await staffContext(event.locals, event.params.steunpunt);
			await run(ctx, values, event);
			return { saved: name };
		});
	};
}

export const actions = {
	behandeling: action('behandeling', ({ actor, steunpunt }, values, { params }) => changeCase(actor, steunpunt.id, params.dossier, values)),
	notitie: action('notitie', ({ actor, steunpunt }, values, { params }) => addNote(actor, steunpunt.id, params.dossier, values)),
	doorverwijzen: action('doorverwijzen', ({ actor, steunpunt }, values, { params }) => referCase(actor, steunpunt.id, params.dossier, values)),
	onderwerpen: action('onderwerpen', ({ actor, steunpunt }, values, { params }) => confirmTopics(actor, steunpunt.id, params.dossier, values)),
	opvolgmail: action('opvolgmail', ({ actor, steunpunt }, _values, { params, url }) =>
		sendFollowUp(actor, steunpunt.id, params.dossier, { origin: url.origin })
	)
};
