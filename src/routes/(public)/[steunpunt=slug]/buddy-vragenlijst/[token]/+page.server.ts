import { act, formValues, load as handle } from '$lib/server/http';
import { answerSurvey, getSurvey } from '$lib/server/buddies/survey';

export async function load({ params }) {
	return handle(() => getSurvey(params.steunpunt, params.token));
}

export const actions = {
	default: async ({ params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			await answerSurvey({ slug: params.steunpunt, token: params.token, input: values });
			return { thanks: true };
		});
	}
};
