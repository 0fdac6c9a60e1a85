import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getActivity } from '$lib/server/activiteiten/participants';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { activity: await getActivity(actor, { activityId: params.activiteit }) };
	});
}
