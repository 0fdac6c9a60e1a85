import { load as handle, publicAction } from '$lib/server/http';
import { getFeedbackForm, giveFeedback } from '$lib/server/activiteiten/aftercare';
import { GoneError } from '$lib/server/activiteiten/signups';

/** The feedback page of the mail after an activity: GET shows, only POST stores (once). */
export async function load({ params, request }) {
	return handle(async () => {
		try {
			return { activity: await getFeedbackForm({ slug: params.steunpunt, token: params.token }) };
		} catch (e) {
			// After a post (the answer just stored, or a second one refused) the page shows the
			// action's outcome; only a GET of a used link is the "already answered" error page.
			if (request.method === 'POST' && e instanceof GoneError) return { activity: null };
			throw e;
		}
	});
}

export const actions = {
	default: publicAction(async ({ values, params }) => {
		await giveFeedback({ slug: params.steunpunt, token: params.token, input: values });
		return { thanks: true as const };
	})
};
