/**
 * How stale an instance's memory may be. Several app instances may serve one PostgreSQL database
 * behind one address (round robin, not sticky), so a change made through one instance must show
 * on the others soon. The instance that makes a change forgets its own copy at once; every other
 * instance re-checks the database at least every STALE_MS:
 *
 * - a steunpunt's public details and settings (platform/tenant.ts): re-read after STALE_MS;
 * - the texts a steunpunt's kennisbank shows (kennisbank/texts.ts): a cheap version check (how
 *   many published, the latest publication) after STALE_MS, a full re-read when it changed;
 * - topic confirmations (signalering/replay-confirmed.ts): learned within its SYNC_INTERVAL_MS
 *   (2 s), each once.
 *
 * So a published text, a changed setting or a confirmation shows everywhere within about
 * 2 seconds (plus the time a request takes). Not bounded by STALE_MS, on purpose: data that only
 * the operator CLI changes (regions and schools, the national library's begrippenlijst: one
 * minute to five minutes, the same with one instance), and the calendar feed (.ics), a response
 * cached for a minute per instance for calendar apps that poll — with one instance it is as old.
 */
export const STALE_MS = 2_000;
