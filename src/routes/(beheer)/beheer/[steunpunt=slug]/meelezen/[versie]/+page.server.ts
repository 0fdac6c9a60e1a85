import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getVersionForReview } from '$lib/server/kennisbank/editorial-read';
import { reviewVersion } from '$lib/server/kennisbank/editorial';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { version: await getVersionForReview(actor, { versionId: params.versie }) };
	});
}

export const actions = {
	default: staffAction(async ({ actor, values, params }) => {
		await reviewVersion(actor, { ...values, versionId: params.versie });
		return { thanks: true as const };
	})
};
