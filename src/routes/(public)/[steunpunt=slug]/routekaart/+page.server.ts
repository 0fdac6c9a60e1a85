import { load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { findRouteSteps } from '$lib/server/kennisbank/texts';

export async function load({ params }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		const steps = await findRouteSteps();
		return {
			steps: steps.map((s) => ({
				slug: s.slug,
				title: s.title,
				who: s.who,
				what: s.what,
				tips: s.tips,
				costs: s.costs,
				deadlines: s.deadlines,
				regional: s.regional ? (sp.regioInfo[s.regional] ?? null) : null
			}))
		};
	});
}
