/** Maps domain errors to HTTP in one place (conventions: typed errors, never swallowed). */
import { error, fail, redirect } from '@sveltejs/kit';
import { DomainError, UnauthenticatedError, ValidationError } from './errors';

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
export async function act<T>(values: Record<string, unknown>, fn: () => Promise<T>) {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof ValidationError) return fail(400, { errors: e.fields, values });
		if (e instanceof UnauthenticatedError) redirect(303, '/beheer/inloggen');
		if (e instanceof DomainError && e.status !== 404) return fail(e.status, { errors: { form: e.message }, values });
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
export async function actThenRedirect<T>(values: Record<string, unknown>, fn: () => Promise<T>, location: (result: T) => string | null) {
	let target: string | null = null;
	const result = await act(values, async () => {
		const value = await fn();
		target = location(value);
		return value;
	});
	if (target) redirect(303, target);
	return result;
}
