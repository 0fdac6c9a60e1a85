import { actThenRedirect, formValues, load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { findRegionGemeenten } from '$lib/server/platform/region';
import { formShownAt, issueFormToken } from '$lib/server/platform/spam';
import { requestBuddy } from '$lib/server/buddies/requests';

export async function load({ params, request }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		return {
			formtijd: await issueFormToken(`buddy:${sp.id}`, formShownAt(request)),
			gemeenten: await findRegionGemeenten(sp.id),
			retentionMonths: sp.retentionMonths
		};
	});
}

export const actions = {
	default: async ({ params, request, locals }) => {
		const values = await formValues(request);
		return actThenRedirect(
			values,
			() => requestBuddy({ slug: params.steunpunt, client: locals.client, input: values }),
			(r) => `/${params.steunpunt}/verstuurd?soort=buddy&nummer=${r.reference}`
		);
	}
};
