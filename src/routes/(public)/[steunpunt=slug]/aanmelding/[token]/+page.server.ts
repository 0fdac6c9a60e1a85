import { act, formValues, load as handle } from '$lib/server/http';
import { acceptOffer, cancelOwnSignup, changeOwnSignup, getOwnSignup } from '$lib/server/activiteiten/signups';

/** The participant's own page behind the personal link: status, change, cancel, take a place. */
export async function load({ params, url }) {
	return handle(async () => {
		const signup = await getOwnSignup(params.steunpunt, params.token, { origin: url.origin });
		const nieuw = url.searchParams.get('nieuw');
		return { signup, nieuw: nieuw === 'bevestigd' || nieuw === 'wachtlijst' ? nieuw : null };
	});
}

export const actions = {
	wijzigen: async ({ params, request, url }) => {
		const values = await formValues(request);
		return act(values, async () => {
			await changeOwnSignup(params.steunpunt, params.token, values, { origin: url.origin });
			return { done: 'gewijzigd' as const };
		});
	},
	afmelden: async ({ params, request, url }) => {
		const values = await formValues(request);
		return act(values, async () => {
			await cancelOwnSignup(params.steunpunt, params.token, { origin: url.origin });
			return { done: 'afgemeld' as const };
		});
	},
	plek: async ({ params, request, url }) => {
		const values = await formValues(request);
		return act(values, async () => {
			await acceptOffer(params.steunpunt, params.token, { origin: url.origin });
			return { done: 'plek' as const };
		});
	}
};
