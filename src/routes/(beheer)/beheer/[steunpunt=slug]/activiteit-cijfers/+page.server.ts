import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { getActivityFigures } from '$lib/server/activiteiten/figures';

export async function load({ locals, params, url }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		const days = Number(url.searchParams.get('dagen'));
		const sinceDays = [90, 365, 730].includes(days) ? days : 365;
		return { figures: await getActivityFigures(actor, { sinceDays }) };
	});
}
