import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { updateActivity } from '$lib/server/activiteiten/activities';
import { getActivity } from '$lib/server/activiteiten/participants';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		const a = await getActivity(actor, { activityId: params.activiteit });
		return { activity: { id: a.id, title: a.title, form: a.form } };
	});
}

export const actions = {
	/** Saves the changes, then back to the activity. */
	default: staffAction(
		async ({ actor, values, params, url }) => {
			await updateActivity(actor, { ...values, activityId: params.activiteit, origin: url.origin });
			return { saved: true as const };
		},
		(_r, { params }) => `/beheer/${params.steunpunt}/activiteiten/${params.activiteit}`
	)
};
