import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findAuditLog } from '$lib/server/audit/find-audit-log';

export async function load({ locals, params, url }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		const filter = url.searchParams.get('filter') === 'dossiers' ? 'dossiers' : 'alles';
		return { filter, entries: await findAuditLog(actor, steunpunt.id, { filter }) };
	});
}
