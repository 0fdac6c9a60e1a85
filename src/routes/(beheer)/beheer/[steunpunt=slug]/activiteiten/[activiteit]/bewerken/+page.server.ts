import { actThenRedirect, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { updateActivity } from '$lib/server/activiteiten/activities';
import { getActivity } from '$lib/server/activiteiten/participants';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		const a = await getActivity(actor, steunpunt.id, params.activiteit);
		return { activity: { id: a.id, title: a.title, form: a.form } };
	});
}

export const actions = {
	default: async ({ locals, params, request, url }) => {
		const values = await formValues(request);
		return actThenRedirect(
			values,
			async () => {
				const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
				await updateActivity(actor, steunpunt.id, params.activiteit, values, { origin: url.origin });
			},
			() => `/beheer/${params.steunpunt}/activiteiten/${params.activiteit}`
		);
	}
};
