import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findAuditLog } from '$lib/server/audit/find-audit-log';

export async function load({ locals, params, url }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		const asked = url.searchParams.get('filter');
		const filter = asked === 'dossiers' || asked === 'activiteiten' ? asked : 'alles';
		return { filter, entries: await findAuditLog(actor, { filter }) };
	});
}
