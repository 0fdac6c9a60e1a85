import { redirect } from '@sveltejs/kit';
import { act, formValues } from '$lib/server/http';
import { login } from '$lib/server/auth/login';
import { setSessionCookie } from '$lib/server/auth/request';

export const actions = {
	default: async ({ request, locals, cookies, url }) => {
		const values = await formValues(request);
		const result = await act({ email: values.email }, async () => {
			const s = await login(values, locals.client);
			setSessionCookie(cookies, s.token, s.expiresAt, url.protocol === 'https:');
			return s;
		});
		if (result && 'token' in result) redirect(303, result.complete ? '/beheer' : result.needsEnrolment ? '/beheer/tweestaps/instellen' : '/beheer/tweestaps');
		return result;
	}
};
