import { redirect } from '@sveltejs/kit';
import { act, formValues } from '$lib/server/http';
import { verifySecondFactor } from '$lib/server/auth/login';

export function load({ locals }) {
	if (!locals.session) redirect(303, '/beheer/inloggen');
	if (locals.session.needsEnrolment) redirect(303, '/beheer/tweestaps/instellen');
	if (locals.session.complete) redirect(303, '/beheer');
	return {};
}

export const actions = {
	default: async ({ request, locals }) => {
		const values = await formValues(request);
		const result = await act({}, async () => {
			await verifySecondFactor(locals.sessionToken ?? '', values, locals.client);
			return { ok: true as const };
		});
		if (result && 'ok' in result) redirect(303, '/beheer');
		return result;
	}
};
