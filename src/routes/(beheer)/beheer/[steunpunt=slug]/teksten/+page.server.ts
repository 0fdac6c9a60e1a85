import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findTextsForEditors } from '$lib/server/kennisbank/editorial-read';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { texts: await findTextsForEditors(actor) };
	});
}
