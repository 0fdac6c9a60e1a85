import type { ParamMatcher } from '@sveltejs/kit';

export const match: ParamMatcher = (value) => /^[a-z0-9-]{1,60}$/.test(value);
