import { act, formValues, load as handle } from '$lib/server/http';
import { getPersonalPage, requestPrivacy } from '$lib/server/contacten/privacy';

/** The personal link in every mail: ask to see (inzage) or delete your data. */
export async function load({ params }) {
	return handle(() => getPersonalPage(params.steunpunt, params.token));
}

export const actions = {
	default: async ({ params, request }) => {
		const values = await formValues(request);
		return act(values, async () => ({
			requested: await requestPrivacy({ slug: params.steunpunt, token: params.token, kind: values.kind, scope: values.scope })
		}));
	}
};
