/**
 * Choice lists with their Dutch labels, the shape every domain's words use (`$lib/contacten`,
 * `$lib/activiteiten`, `$lib/buddies/options`). Pure: shared by forms, presenters and validation.
 */

export interface Option {
	value: string;
	label: string;
}

/** Keeps the literal values of a list (for `z.enum` and typed labels). */
export const options = <const T extends readonly Option[]>(list: T) => list;

/** The Dutch label of a value; '' when the value is not in the list (never a raw code). */
export function labelOf(list: readonly Option[], value: string | null | undefined): string {
	return list.find((o) => o.value === value)?.label ?? '';
}

/** The values of a list as a non-empty tuple (for `z.enum`). */
export const values = <T extends readonly Option[]>(list: T) => list.map((o) => o.value) as [T[number]['value'], ...T[number]['value'][]];
