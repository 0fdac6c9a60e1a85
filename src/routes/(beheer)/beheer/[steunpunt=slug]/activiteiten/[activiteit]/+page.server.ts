import { act, actThenRedirect, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { cancelActivity, copyActivity } from '$lib/server/activiteiten/activities';
import { checkIn, getActivity } from '$lib/server/activiteiten/participants';
import { registerTopics, sendFeedbackNow } from '$lib/server/activiteiten/aftercare';
import { addParticipant, confirmOffer, removeParticipant } from '$lib/server/activiteiten/signups';

export async function load({ locals, params, url }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { activity: await getActivity(actor, steunpunt.id, params.activiteit), planned: url.searchParams.has('gepland') };
	});
}

type Event = { locals: App.Locals; params: { steunpunt: string; activiteit: string }; request: Request; url: URL };
type Ctx = Awaited<ReturnType<typeof staffContext>>;

function action(name: string, run: (ctx: Ctx, values: Record<string, unknown>, event: Event) => Promise<unknown>) {
	return async (event: Event) => {
		const values = await formValues(event.request);
		return act(values, async () => {
			const result = await run(await staffContext(event.locals, event.params.steunpunt), values, event);
			return { saved: name, form: name, result: typeof result === 'number' || typeof result === 'string' ? result : null };
		});
	};
}

export const actions = {
	aftekenen: action('aftekenen', ({ actor, steunpunt }, v, { params }) => checkIn(actor, steunpunt.id, params.activiteit, v)),
	afmelden: action('afmelden', ({ actor, steunpunt }, v, { params, url }) =>
		removeParticipant(actor, steunpunt.id, params.activiteit, v, { origin: url.origin })
	),
	toevoegen: action(
		'toevoegen',
		async ({ actor, steunpunt }, v, { params, url }) => (await addParticipant(actor, steunpunt.id, params.activiteit, v, { origin: url.origin })).status
	),
	plek: action('plek', ({ actor, steunpunt }, v, { params, url }) => confirmOffer(actor, steunpunt.id, params.activiteit, v, { origin: url.origin })),
	feedback: action('feedback', ({ actor, steunpunt }, _v, { params, url }) => sendFeedbackNow(actor, steunpunt.id, params.activiteit, { origin: url.origin })),
	onderwerpen: action('onderwerpen', ({ actor, steunpunt }, v, { params }) => registerTopics(actor, steunpunt.id, params.activiteit, v)),
	afgelasten: action('afgelasten', ({ actor, steunpunt }, v, { params }) => cancelActivity(actor, steunpunt.id, params.activiteit, v)),
	kopieren: async (event: Event) => {
		const values = await formValues(event.request);
		return actThenRedirect(
			values,
			async () => {
				const { actor, steunpunt } = await staffContext(event.locals, event.params.steunpunt);
				return copyActivity(actor, steunpunt.id, event.params.activiteit, values);
			},
			(id) => `/beheer/${event.params.steunpunt}/activiteiten/${id}?gepland=1`
		);
	}
};
