export function load({ locals }) {
	const s = locals.session;
	return { user: s?.complete ? { naam: s.naam, email: s.email } : null };
}
