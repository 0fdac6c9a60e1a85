import { load as handle, publicAction } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { askQuestion } from '$lib/server/contacten/ask-question';
import { findRegionGemeenten } from '$lib/server/platform/region';
import { formShownAt, issueFormToken } from '$lib/server/platform/spam';

export async function load({ params, request }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		return {
			formtijd: await issueFormToken(`vraag:${sp.id}`, formShownAt(request)),
			gemeenten: await findRegionGemeenten(sp.id),
			responseDays: sp.responseDays,
			retentionMonths: sp.retentionMonths
		};
	});
}

export const actions = {
	default: publicAction(
		({ params, client, url, values }) => askQuestion({ slug: params.steunpunt, client, origin: url.origin, input: values }),
		(r, { params }) => `/${params.steunpunt}/verstuurd?soort=vraag&nummer=${r.reference}${r.mailed ? '&mail=1' : ''}`
	)
};
