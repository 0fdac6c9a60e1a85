/** Building the actor for a back-office request (hooks read the session; this picks the steunpunt). */
import { redirect, type Cookies } from '@sveltejs/kit';
import { getSteunpuntBySlug } from '../platform/tenant';
import { actorFor, SESSION_COOKIE } from './sessions';
import type { Actor } from './roles';

export async function staffContext(locals: App.Locals, slug: string): Promise<{ actor: Actor; steunpunt: Awaited<ReturnType<typeof getSteunpuntBySlug>> }> {
	if (!locals.session) redirect(303, '/beheer/inloggen');
	if (!locals.session.complete) redirect(303, locals.session.needsEnrolment ? '/beheer/tweestaps/instellen' : '/beheer/tweestaps');
	const steunpunt = await getSteunpuntBySlug(slug);
	return { actor: actorFor(locals.session, steunpunt.id), steunpunt };
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}
