import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { carryOutPrivacyRequest, findPrivacyRequests } from '$lib/server/contacten/privacy';
import { runRetentionNow } from '$lib/server/contacten/purge-cases';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { requests: await findPrivacyRequests(actor) };
	});
}

export const actions = {
	/** The list's button names the request in the hidden field `id`. */
	uitvoeren: staffAction(async ({ actor, values, url }) => ({
		done: await carryOutPrivacyRequest(actor, { requestId: String(values.id ?? ''), origin: url.origin })
	})),
	opruimen: staffAction(async ({ actor }) => ({ purged: await runRetentionNow(actor) }))
};
