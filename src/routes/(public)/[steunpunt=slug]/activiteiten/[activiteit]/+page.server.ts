import { actThenRedirect, formValues, load as handle } from '$lib/server/http';
import { getPublicActivity } from '$lib/server/activiteiten/activities';
import { signUp } from '$lib/server/activiteiten/signups';
import { formShownAt, issueFormToken } from '$lib/server/platform/spam';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';

export async function load({ params, request }) {
	return handle(async () => {
		const activity = await getPublicActivity(params.steunpunt, params.activiteit);
		const sp = await getSteunpuntBySlug(params.steunpunt);
		return {
			activity,
			formtijd: activity.open ? await issueFormToken(`activiteit:${activity.id}`, formShownAt(request)) : '',
			retentionDays: sp.activityRetentionDays
		};
	});
}

export const actions = {
	default: async ({ params, request, locals, url }) => {
		const values = await formValues(request);
		return actThenRedirect(
			values,
			() => signUp({ slug: params.steunpunt, activityId: params.activiteit, client: locals.client, input: values, origin: url.origin }),
			(r) => `/${params.steunpunt}/aanmelding/${r.token}?nieuw=${r.status}`
		);
	}
};
