import { load as handle, publicAction } from '$lib/server/http';
import { getPublicActivity } from '$lib/server/activiteiten/activities';
import { signUp } from '$lib/server/activiteiten/signups';
import { formShownAt, issueFormToken } from '$lib/server/platform/spam';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';

export async function load({ params, request }) {
	return handle(async () => {
		const activity = await getPublicActivity({ slug: params.steunpunt, activityId: params.activiteit });
		const sp = await getSteunpuntBySlug(params.steunpunt);
		return {
			activity,
			formtijd: activity.open ? await issueFormToken(`activiteit:${activity.id}`, formShownAt(request)) : '',
			retentionDays: sp.activityRetentionDays
		};
	});
}

export const actions = {
	/** Signs up, then to the personal page (confirmed or on the waiting list). */
	default: publicAction(
		async ({ values, params, client, url }) => {
			const { token, status } = await signUp({ slug: params.steunpunt, activityId: params.activiteit, client, origin: url.origin, input: values });
			return { token, status };
		},
		(r, { params }) => `/${params.steunpunt}/aanmelding/${r.token}?nieuw=${r.status}`
	)
};
