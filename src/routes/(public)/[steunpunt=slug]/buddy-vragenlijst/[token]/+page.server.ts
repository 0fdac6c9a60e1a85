import { load as handle, publicAction } from '$lib/server/http';
import { answerSurvey, getSurvey } from '$lib/server/buddies/survey';

export async function load({ params }) {
	return handle(() => getSurvey(params.steunpunt, params.token));
}

export const actions = {
	default: publicAction(async ({ params, values }) => {
		await answerSurvey({ slug: params.steunpunt, token: params.token, input: values });
		return { thanks: true as const };
	})
};
