/** Maps domain errors to HTTP in one place (conventions: typed errors, never swallowed). */
import { error, fail, redirect } from '@sveltejs/kit';
import { DomainError, UnauthenticatedError, ValidationError, type FieldErrors } from './errors';
import { staffContext } from './auth/request';
import type { Actor } from './auth/roles';
import type { PublicSteunpunt } from './platform/tenant';

/** For `load` functions: a domain error becomes the matching error page. */
export async function load<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof UnauthenticatedError) redirect(303, '/beheer/inloggen');
		if (e instanceof DomainError) error(e.status, e.message);
		throw e;
	}
}

/**
 * For form actions: bad input returns the field errors (GOV.UK error summary) and what the
 * user typed, other domain errors their status and message.
 */
export async function act<T, V extends Record<string, unknown>>(values: V, fn: () => Promise<T>) {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof ValidationError) return fail(400, { errors: e.fields as FieldErrors, values });
		if (e instanceof UnauthenticatedError) redirect(303, '/beheer/inloggen');
		if (e instanceof DomainError && e.status !== 404) return fail(e.status, { errors: { form: e.message } as FieldErrors, values });
		if (e instanceof DomainError) error(e.status, e.message);
		throw e;
	}
}

/** Form fields as a plain object; repeated names (checkboxes) become arrays. */
export async function formValues(request: Request): Promise<Record<string, string | string[]>> {
	let data: FormData;
	try {
		data = await request.formData();
	} catch {
		return {};
	}
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of data.entries()) {
		if (typeof value !== 'string') continue;
		const prev = out[key];
		out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}

/**
 * For form actions that end on another page (POST-redirect-GET): on success redirect to
 * `location(result)`, on bad input return the failure like `act`.
 */
export async function actThenRedirect<T, V extends Record<string, unknown>>(values: V, fn: () => Promise<T>, location: (result: T) => string | null) {
	let target: string | null = null;
	const result = await act(values, async () => {
		const value = await fn();
		target = location(value);
		return value;
	});
	if (target) redirect(303, target);
	return result;
}

/** What a form action needs from SvelteKit's request event (route params are strings). */
interface FormEvent {
	request: Request;
	locals: App.Locals;
	params: Record<string, string>;
	url: URL;
}

/** One back-office form post: who asks, for which steunpunt, with which fields. */
export interface StaffCall {
	actor: Actor;
	steunpunt: PublicSteunpunt;
	values: Record<string, string | string[]>;
	params: Record<string, string>;
	/** The request's address (its origin goes into links in mails). */
	url: URL;
}

/** One public form post: the fields and the request's client address (for rate limits). */
export interface PublicCall {
	values: Record<string, string | string[]>;
	params: Record<string, string>;
	client: string;
	url: URL;
}

/**
 * A back-office form action as parse → one domain call → present: reads the fields, builds the
 * actor for the route's steunpunt, runs `call`, and on success returns its result or redirects
 * to `then(result)`; bad input and domain errors come back as in `act`. The result type reaches
 * the page as `form` (SvelteKit's ActionData), so pages need no casts.
 */
export function staffAction<T>(call: (c: StaffCall) => Promise<T>, then?: (result: T, c: StaffCall) => string | null) {
	return async (event: FormEvent) => {
		const values = await formValues(event.request);
		let c: StaffCall | undefined;
		return actThenRedirect(
			values,
			async () => {
				const { actor, steunpunt } = await staffContext(event.locals, event.params.steunpunt);
				c = { actor, steunpunt, values, params: event.params, url: event.url };
				return call(c);
			},
			(result) => (then && c ? then(result, c) : null)
		);
	};
}

/** The same for a public form (no session): fields → one domain call → result or redirect. */
export function publicAction<T>(call: (c: PublicCall) => Promise<T>, then?: (result: T, c: PublicCall) => string | null) {
	return async (event: FormEvent) => {
		const values = await formValues(event.request);
		const c = { values, params: event.params, client: event.locals.client, url: event.url };
		return actThenRedirect(
			values,
			() => call(c),
			(result) => (then ? then(result, c) : null)
		);
	};
}
