import { load as handle, publicAction } from '$lib/server/http';
import { acceptOffer, cancelOwnSignup, changeOwnSignup, getOwnSignup } from '$lib/server/activiteiten/signups';

/** The participant's own page behind the personal link: status, change, cancel, take a place. */
export async function load({ params, url }) {
	return handle(async () => {
		const signup = await getOwnSignup({ slug: params.steunpunt, token: params.token, origin: url.origin });
		const nieuw = url.searchParams.get('nieuw');
		return { signup, nieuw: nieuw === 'bevestigd' || nieuw === 'wachtlijst' ? nieuw : null };
	});
}

export const actions = {
	wijzigen: publicAction(async ({ values, params, url }) => {
		await changeOwnSignup({ slug: params.steunpunt, token: params.token, origin: url.origin, input: values });
		return { done: 'gewijzigd' as const };
	}),
	afmelden: publicAction(async ({ params, url }) => {
		await cancelOwnSignup({ slug: params.steunpunt, token: params.token, origin: url.origin });
		return { done: 'afgemeld' as const };
	}),
	plek: publicAction(async ({ params, url }) => {
		await acceptOffer({ slug: params.steunpunt, token: params.token, origin: url.origin });
		return { done: 'plek' as const };
	})
};
