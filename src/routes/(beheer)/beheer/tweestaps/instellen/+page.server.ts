import { redirect } from '@sveltejs/kit';
import { act, formValues, load as handle } from '$lib/server/http';
import { confirmEnrolment, startEnrolment } from '$lib/server/auth/login';
import { totpUri } from '$lib/server/auth/totp';

export async function load({ locals }) {
	if (!locals.session) redirect(303, '/beheer/inloggen');
	if (!locals.session.needsEnrolment) redirect(303, '/beheer');
	return handle(async () => {
		const { secret, email } = await startEnrolment(locals.sessionToken ?? '');
		return { secret, grouped: secret.match(/.{1,4}/g)!.join(' '), uri: totpUri(secret, email) };
	});
}

export const actions = {
	default: async ({ request, locals }) => {
		const values = await formValues(request);
		const result = await act({}, async () => {
			await confirmEnrolment(locals.sessionToken ?? '', values, locals.client);
			return { ok: true as const };
		});
		if (result && 'ok' in result) redirect(303, '/beheer');
		return result;
	}
};
