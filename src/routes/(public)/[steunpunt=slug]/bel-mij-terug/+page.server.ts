import { actThenRedirect, formValues, load as handle } from '$lib/server/http';
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
	default: async ({ params, request, locals, url }) => {
		const values = await formValues(request);
		return actThenRedirect(
			values,
			() => requestCallback({ slug: params.steunpunt, client: locals.client, origin: url.origin, input: values }),
			(r) => `/${params.steunpunt}/verstuurd?soort=terugbellen&nummer=${r.reference}${r.mailed ? '&mail=1' : ''}`
		);
	}
};
