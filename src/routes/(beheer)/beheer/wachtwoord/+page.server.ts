import { act, formValues } from '$lib/server/http';
import { requestPasswordReset } from '$lib/server/auth/password-reset';

export const actions = {
	default: async ({ request, locals, url }) => {
		const values = await formValues(request);
		return act({ email: values.email }, async () => {
			await requestPasswordReset(values, { origin: url.origin, client: locals.client });
			return { sent: true };
		});
	}
};
