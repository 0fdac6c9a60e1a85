import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { activateMatch, endMatch, getMatch, logMoment, reflect, respondAsBuddy } from '$lib/server/buddies/matches';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { match: await getMatch(actor, { matchId: params.koppeling }) };
	});
}

/** Every action shows the match again and says which step was saved. */
export const actions = {
	reageren: staffAction(async ({ actor, values, params }) => {
		await respondAsBuddy(actor, { ...values, matchId: params.koppeling });
		return { saved: 'reageren' as const };
	}),
	activeren: staffAction(async ({ actor, values, params }) => {
		await activateMatch(actor, { ...values, matchId: params.koppeling });
		return { saved: 'activeren' as const };
	}),
	contactmoment: staffAction(async ({ actor, values, params }) => {
		await logMoment(actor, { ...values, matchId: params.koppeling });
		return { saved: 'contactmoment' as const };
	}),
	beeindigen: staffAction(async ({ actor, values, params, url }) => {
		await endMatch(actor, { ...values, matchId: params.koppeling, origin: url.origin });
		return { saved: 'beeindigen' as const };
	}),
	reflectie: staffAction(async ({ actor, values, params }) => {
		await reflect(actor, { ...values, matchId: params.koppeling });
		return { saved: 'reflectie' as const };
	})
};
