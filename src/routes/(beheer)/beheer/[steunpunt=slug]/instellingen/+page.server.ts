import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getSettings, saveSettings } from '$lib/server/steunpunten/settings';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { settings: await getSettings(actor, steunpunt.id) };
	});
}

export const actions = {
	default: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			await saveSettings(actor, steunpunt.id, values);
			return { saved: true };
		});
	}
};
