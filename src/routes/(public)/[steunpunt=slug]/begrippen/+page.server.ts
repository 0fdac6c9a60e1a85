import { findGlossary } from '$lib/server/kennisbank/texts';

export async function load() {
	const terms = await findGlossary();
	return { terms: terms.map((t) => ({ slug: t.slug, term: t.term, definition: t.definition })) };
}
