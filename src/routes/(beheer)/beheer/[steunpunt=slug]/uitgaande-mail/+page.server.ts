import { load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { findOutbox } from '$lib/server/contacten/find-outbox';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { mails: await findOutbox(actor, steunpunt.id), smtp: !!process.env.SMTP_URL };
	});
}
