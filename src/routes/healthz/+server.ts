import { json } from '@sveltejs/kit';
import { databaseHealth } from '$lib/server/platform/health';

/** 200 when the database answers, 503 otherwise. */
export async function GET() {
	const { ok, kind } = await databaseHealth();
	return json({ status: ok ? 'ok' : 'database onbereikbaar', database: kind }, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
