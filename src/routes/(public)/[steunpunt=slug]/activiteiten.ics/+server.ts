import { error } from '@sveltejs/kit';
import { DomainError } from '$lib/server/errors';
import { activityFeed } from '$lib/server/activiteiten/feed';

/** The steunpunt's iCalendar feed to subscribe to (coming activities and those of the last month). */
export async function GET({ params, url }) {
	try {
		const body = await activityFeed({ slug: params.steunpunt, origin: url.origin });
		return new Response(body, {
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				'content-disposition': `inline; filename="${params.steunpunt}-activiteiten.ics"`,
				'cache-control': 'public, max-age=300'
			}
		});
	} catch (e) {
		if (e instanceof DomainError) error(e.status, e.message);
		throw e;
	}
}
