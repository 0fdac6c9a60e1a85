import { PHASES, SUBJECTS } from '$lib/taxonomy';

export function load() {
	return {
		phases: PHASES.map((p) => ({ slug: p.slug, label: p.label, description: p.description })),
		subjects: SUBJECTS.map((s) => ({ slug: s.slug, label: s.label }))
	};
}
