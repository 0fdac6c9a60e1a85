import { load as handle } from '$lib/server/http';
import { getSteunpuntBySlug } from '$lib/server/platform/tenant';
import { dueText, findPromisedAnswer } from '$lib/server/contacten/cases';
import { addWorkingDays, dayInNL } from '$lib/working-days';

/**
 * The confirmation after a question, call-back or buddy request: what happens next, and when. The
 * answer date is the one stored with the question, so a reload tomorrow keeps the promise.
 */
export async function load({ params, url }) {
	return handle(async () => {
		const sp = await getSteunpuntBySlug(params.steunpunt);
		const nummer = url.searchParams.get('nummer') ?? '';
		const soort = (['terugbellen', 'buddy'] as const).find((s) => s === url.searchParams.get('soort')) ?? 'vraag';
		const valid = soort === 'buddy' ? /^B-[2-9A-HJ-NP-Z]{6}$/.test(nummer) : /^V-[2-9A-HJ-NP-Z]{6}$/.test(nummer);
		const promised = valid && soort !== 'buddy' ? await findPromisedAnswer({ steunpuntId: sp.id, responseDays: sp.responseDays, reference: nummer }) : null;
		return {
			nummer: valid ? nummer : null,
			soort,
			mailed: url.searchParams.get('mail') === '1',
			due: promised ?? dueText(sp.responseDays, addWorkingDays(dayInNL(), sp.responseDays))
		};
	});
}
