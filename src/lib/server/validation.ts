import { z } from 'zod';
import { ValidationError } from './errors';

/**
 * Parses input with a zod schema; on failure throws a ValidationError with one Dutch message
 * per field (the schema's own message, or a general one for type errors).
 */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const fields: Record<string, string> = {};
	for (const issue of result.error.issues) {
		const key = String(issue.path[0] ?? 'form');
		// zod's own (English) messages become a general Dutch one; our messages (also on .int()) stay.
		const generic = /^(Invalid|Expected|Too|Unrecognized|Unexpected)/.test(issue.message);
		fields[key] ??= generic ? 'Dit veld is niet goed ingevuld.' : issue.message;
	}
	throw new ValidationError(fields);
}

/** Text without control characters (tabs and newlines kept). */
export const withoutControl = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');

/** One line of text: every control character (newlines too) becomes a space. */
export const oneLine = (s: string): string => s.replace(/[\u0000-\u001F\u007F]/g, ' ');

/** Text from a form: control characters removed (tabs and newlines kept), trimmed. */
export const cleanText = (max: number, tooLong = `Gebruik hooguit ${max} tekens.`) =>
	z
		.string()
		.transform((s) => withoutControl(s).trim())
		.pipe(z.string().max(max, tooLong));
