import { act, formValues, load as handle } from '$lib/server/http';
import { getFeedbackForm, giveFeedback } from '$lib/server/activiteiten/aftercare';
import { GoneError } from '$lib/server/activiteiten/signups';

/** The feedback page of the mail after an activity: GET shows, only POST stores (once). */
export async function load({ params, request }) {
	return handle(async () => {
		try {
			return { activity: await getFeedbackForm(params.steunpunt, params.token) };
		} catch (e) {
			// After a post (the answer just stored, or a second one refused) the page shows the
			// action's outcome; only a GET of a used link is the "already answered" error page.
			if (request.method === 'POST' && e instanceof GoneError) return { activity: null };
			throw e;
		}
	});
}

export const actions = {
	default: async ({ params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			await giveFeedback(params.steunpunt, params.token, values);
			return { thanks: true };
		});
	}
};
