import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findOutbox, retryFailedMail } from '$lib/server/contacten/find-outbox';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { mails: await findOutbox(actor), smtp: !!process.env.SMTP_URL };
	});
}

export const actions = {
	opnieuw: async ({ locals, params, request }) => {
		const values = await formValues(request);
		const { actor } = await staffContext(locals, params.steunpunt);
		return act(values, async () => {
			await retryFailedMail(actor, { mailId: values.mail });
			return { retried: true };
		});
	}
};
