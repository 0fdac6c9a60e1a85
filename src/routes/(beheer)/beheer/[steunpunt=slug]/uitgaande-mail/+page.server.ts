import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findOutbox, retryFailedMail } from '$lib/server/contacten/find-outbox';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { mails: await findOutbox(actor), smtp: !!process.env.SMTP_URL };
	});
}

export const actions = {
	/** "Opnieuw proberen" names the mail in the hidden field `mail`. */
	opnieuw: staffAction(async ({ actor, values }) => {
		await retryFailedMail(actor, { mailId: values.mail });
		return { retried: true as const };
	})
};
