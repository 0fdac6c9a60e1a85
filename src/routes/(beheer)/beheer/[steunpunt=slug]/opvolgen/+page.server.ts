import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findFollowUps } from '$lib/server/contacten/find-inbox';
import { sendFollowUp } from '$lib/server/contacten/follow-up';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { items: await findFollowUps(actor, steunpunt.id) };
	});
}

export const actions = {
	mail: async ({ locals, params, request, url }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			await sendFollowUp(actor, steunpunt.id, String(values.dossier ?? ''), { origin: url.origin });
			return { mailed: true };
		});
	}
};
