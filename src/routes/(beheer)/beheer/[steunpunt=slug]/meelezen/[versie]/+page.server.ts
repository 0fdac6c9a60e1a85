import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getVersionForReview } from '$lib/server/kennisbank/editorial-read';
import { reviewVersion } from '$lib/server/kennisbank/editorial';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { version: await getVersionForReview(actor, steunpunt.id, params.versie) };
	});
}

export const actions = {
	default: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			await reviewVersion(actor, steunpunt.id, params.versie, values);
			return { thanks: true };
		});
	}
};
