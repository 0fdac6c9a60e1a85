import { error, redirect } from '@sveltejs/kit';
import { DomainError, UnauthenticatedError } from '$lib/server/errors';
import { staffContext } from '$lib/server/auth/request';
import { exportParticipants } from '$lib/server/activiteiten/participants';

/** The participants as a CSV file (audited). */
export async function GET({ locals, params }) {
	try {
		const { actor } = await staffContext(locals, params.steunpunt);
		const { filename, csv } = await exportParticipants(actor, { activityId: params.activiteit });
		return new Response(csv, {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' }
		});
	} catch (e) {
		if (e instanceof UnauthenticatedError) redirect(303, '/beheer/inloggen');
		if (e instanceof DomainError) error(e.status, e.message);
		throw e;
	}
}
