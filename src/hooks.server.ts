import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { startApp } from '$lib/server/app';
import { readSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { log } from '$lib/server/log';

export const init: ServerInit = async () => {
	if (building) return;
	await startApp();
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.client = safeClientAddress(event);
	event.locals.sessionToken = event.cookies.get(SESSION_COOKIE);
	// Public pages never read a session: only the back office and its API do.
	event.locals.session = event.url.pathname.startsWith('/beheer') ? await readSession(event.locals.sessionToken) : null;
	const response = await resolve(event);
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	if (event.url.pathname.startsWith('/beheer')) response.headers.set('Cache-Control', 'no-store');
	return response;
};

function safeClientAddress(event: Parameters<Handle>[0]['event']): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'onbekend';
	}
}

export const handleError: HandleServerError = ({ error, status, message }) => {
	// Only real failures are errors; a 4xx SvelteKit raises itself (415, 405 …) is the client's.
	if (status >= 500) log.error({ err: error }, 'onverwachte fout');
	else if (status !== 404) log.info({ status, message }, 'verzoek geweigerd');
	if (status === 404) return { message: 'Deze pagina bestaat niet (meer).' };
	return {
		message:
			status >= 500 ? 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' : 'Dit verzoek kunnen we niet verwerken. Ga terug en probeer het opnieuw.'
	};
};
