import { actThenRedirect, formValues, load as handle } from '$lib/server/http';
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
	default: async ({ params, request, locals, url }) => {
		const values = await formValues(request);
		return actThenRedirect(
			values,
			() => askQuestion({ slug: params.steunpunt, client: locals.client, origin: url.origin, input: values }),
			(r) => `/${params.steunpunt}/verstuurd?soort=vraag&nummer=${r.reference}${r.mailed ? '&mail=1' : ''}`
		);
	}
};
