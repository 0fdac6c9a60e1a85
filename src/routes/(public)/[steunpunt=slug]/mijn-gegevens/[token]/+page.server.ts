import { load as handle, publicAction } from '$lib/server/http';
import { getPersonalPage, requestPrivacy } from '$lib/server/contacten/privacy';

/** The personal link in every mail: ask to see (inzage) or delete your data. */
export async function load({ params }) {
	return handle(() => getPersonalPage({ slug: params.steunpunt, token: params.token }));
}

export const actions = {
	default: publicAction(async ({ params, values }) => ({
		requested: await requestPrivacy({ slug: params.steunpunt, token: params.token, kind: values.kind, scope: values.scope })
	}))
};
