/** Typed domain errors. Routes map them to HTTP in one place (`$lib/server/http.ts`). */

export class DomainError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
		this.name = new.target.name;
	}
}

/** Missing, or belonging to another steunpunt: both answer 404 so ids reveal nothing. */
export class NotFoundError extends DomainError {
	constructor(message = 'Deze pagina bestaat niet (meer).') {
		super(404, message);
	}
}

export class ForbiddenError extends DomainError {
	constructor(message = 'Je hebt geen toegang tot deze pagina.') {
		super(403, message);
	}
}

export class UnauthenticatedError extends DomainError {
	constructor(message = 'Log eerst in.') {
		super(401, message);
	}
}

export class RateLimitedError extends DomainError {
	constructor(message = 'Je hebt dit te vaak geprobeerd. Wacht even en probeer het dan opnieuw.') {
		super(429, message);
	}
}

export type FieldErrors = Record<string, string>;

/** Bad input: a Dutch message per field, shown in the error summary and beside the field. */
export class ValidationError extends DomainError {
	constructor(
		readonly fields: FieldErrors,
		message = 'Er is een probleem met wat je hebt ingevuld.'
	) {
		super(400, message);
	}
}

export class ConflictError extends DomainError {
	constructor(message: string) {
		super(409, message);
	}
}
