import { json } from '@sveltejs/kit';
import { currentDatabase } from '$lib/server/db';
import { ping } from '$lib/server/db/client';

/** 200 when the database answers, 503 otherwise. */
export async function GET() {
	const database = currentDatabase();
	const ok = !!database && (await ping(database.db));
	return json({ status: ok ? 'ok' : 'database onbereikbaar', database: database?.kind ?? null }, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
