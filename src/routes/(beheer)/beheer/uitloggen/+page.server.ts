import { redirect } from '@sveltejs/kit';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth/sessions';

export const actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionToken) await deleteSession(locals.sessionToken);
		cookies.delete(SESSION_COOKIE, { path: '/' });
		redirect(303, '/beheer/inloggen?uitgelogd=1');
	}
};
