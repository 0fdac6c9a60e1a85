import { load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { dueText } from '$lib/server/contacten/cases';
import { addWorkingDays, dayInNL } from '$lib/working-days';

/** The confirmation after a question or call-back request: what happens next, and when. */
export async function load({ params, url }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		const nummer = url.searchParams.get('nummer') ?? '';
		return {
			nummer: /^V-[2-9A-HJ-NP-Z]{6}$/.test(nummer) ? nummer : null,
			soort: (['terugbellen', 'buddy'] as const).find((s) => s === url.searchParams.get('soort')) ?? 'vraag',
			mailed: url.searchParams.get('mail') === '1',
			due: dueText(sp.responseDays, addWorkingDays(dayInNL(), sp.responseDays))
		};
	});
}
