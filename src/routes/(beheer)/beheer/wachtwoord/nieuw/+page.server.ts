import { redirect } from '@sveltejs/kit';
import { act, formValues } from '$lib/server/http';
import { resetPassword } from '$lib/server/auth/password-reset';

export function load({ url }) {
	return { token: (url.searchParams.get('token') ?? '').slice(0, 100) };
}

export const actions = {
	default: async ({ request }) => {
		const values = await formValues(request);
		const result = await act({}, async () => {
			await resetPassword(values);
			return { ok: true as const };
		});
		if (result && 'ok' in result) redirect(303, '/beheer/inloggen?nieuw-wachtwoord=1');
		return result;
	}
};
