import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getBuddyFigures } from '$lib/server/buddies/figures';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { figures: await getBuddyFigures(actor) };
	});
}
