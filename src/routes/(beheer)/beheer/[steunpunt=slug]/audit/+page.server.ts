import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findAuditLog } from '$lib/server/audit/find-audit-log';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { entries: await findAuditLog(actor, steunpunt.id) };
	});
}
