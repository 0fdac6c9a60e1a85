import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { carryOutPrivacyRequest, findPrivacyRequests } from '$lib/server/contacten/privacy';
import { runRetentionNow } from '$lib/server/contacten/purge-cases';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { requests: await findPrivacyRequests(actor, steunpunt.id) };
	});
}

export const actions = {
	uitvoeren: async ({ locals, params, request, url }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			return { done: await carryOutPrivacyRequest(actor, steunpunt.id, String(values.id ?? ''), { origin: url.origin }) };
		});
	},
	opruimen: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			return { purged: await runRetentionNow(actor, steunpunt.id) };
		});
	}
};
