import { load as handle, publicAction } from '$lib/server/http';
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
	/** Stores the request, then the "verstuurd" page with its reference. */
	default: publicAction(
		({ params, client, values }) => requestBuddy({ slug: params.steunpunt, client, input: values }),
		(r, { params }) => `/${params.steunpunt}/verstuurd?soort=buddy&nummer=${r.reference}`
	)
};
