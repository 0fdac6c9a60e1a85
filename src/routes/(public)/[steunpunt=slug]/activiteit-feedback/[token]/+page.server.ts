import { act, formValues, load as handle } from '$lib/server/http';
import { getFeedbackForm, giveFeedback } from '$lib/server/activiteiten/aftercare';

/** The feedback page of the mail after an activity: GET shows, only POST stores (once). */
export async function load({ params }) {
	return handle(async () => ({ activity: await getFeedbackForm(params.steunpunt, params.token) }));
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
