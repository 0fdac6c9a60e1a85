import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { activateMatch, endMatch, getMatch, logMoment, reflect, respondAsBuddy } from '$lib/server/buddies/matches';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { match: await getMatch(actor, steunpunt.id, params.koppeling) };
	});
}

type Event = { locals: App.Locals; params: { steunpunt: string; koppeling: string }; request: Request; url: URL };
type Ctx = Awaited<ReturnType<typeof staffContext>>;

function action(name: string, run: (ctx: Ctx, values: Record<string, unknown>, event: Event) => Promise<unknown>) {
	return async (event: Event) => {
		const values = await formValues(event.request);
		return act(values, async () => {
			await run(await staffContext(event.locals, event.params.steunpunt), values, event);
			return { saved: name };
		});
	};
}

export const actions = {
	reageren: action('reageren', ({ actor, steunpunt }, v, { params }) => respondAsBuddy(actor, steunpunt.id, params.koppeling, v)),
	activeren: action('activeren', ({ actor, steunpunt }, v, { params }) => activateMatch(actor, steunpunt.id, params.koppeling, v)),
	contactmoment: action('contactmoment', ({ actor, steunpunt }, v, { params }) => logMoment(actor, steunpunt.id, params.koppeling, v)),
	beeindigen: action('beeindigen', ({ actor, steunpunt }, v, { params, url }) => endMatch(actor, steunpunt.id, params.koppeling, v, { origin: url.origin })),
	reflectie: action('reflectie', ({ actor, steunpunt }, v, { params }) => reflect(actor, steunpunt.id, params.koppeling, v))
};
