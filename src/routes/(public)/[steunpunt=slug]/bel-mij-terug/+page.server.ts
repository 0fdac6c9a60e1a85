import { load as handle, publicAction } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { requestCallback } from '$lib/server/contacten/ask-question';
import { formShownAt, issueFormToken } from '$lib/server/platform/spam';

export async function load({ params, request }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		return {
			formtijd: await issueFormToken(`terugbellen:${sp.id}`, formShownAt(request)),
			responseDays: sp.responseDays,
			retentionMonths: sp.retentionMonths,
			openingstijden: sp.openingstijden
		};
	});
}

export const actions = {
	default: publicAction(
		({ params, client, url, values }) => requestCallback({ slug: params.steunpunt, client, origin: url.origin, input: values }),
		(r, { params }) => `/${params.steunpunt}/verstuurd?soort=terugbellen&nummer=${r.reference}${r.mailed ? '&mail=1' : ''}`
	)
};
