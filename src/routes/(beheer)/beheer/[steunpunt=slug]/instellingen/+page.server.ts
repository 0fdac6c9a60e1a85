import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getSettings, saveSettings } from '$lib/server/steunpunten/settings';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { settings: await getSettings(actor) };
	});
}

export const actions = {
	default: staffAction(async ({ actor, values }) => {
		await saveSettings(actor, values);
		return { saved: true as const };
	})
};
