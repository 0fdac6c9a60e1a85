import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findFollowUps } from '$lib/server/contacten/find-inbox';
import { sendFollowUp } from '$lib/server/contacten/follow-up';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { items: await findFollowUps(actor) };
	});
}

export const actions = {
	/** The list's "Mail" button names the case in the hidden field `dossier`. */
	mail: staffAction(async ({ actor, values, url }) => {
		await sendFollowUp(actor, { caseId: String(values.dossier ?? ''), origin: url.origin });
		return { mailed: true as const };
	})
};
