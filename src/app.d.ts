import type { SessionInfo } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in staff member's session, or null (public visitors never get one read). */
			session: SessionInfo | null;
			sessionToken: string | undefined;
			/** Client address, for throttling. */
			client: string;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
