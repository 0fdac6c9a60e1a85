import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findReviewQueue } from '$lib/server/kennisbank/editorial';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { queue: await findReviewQueue(actor) };
	});
}
