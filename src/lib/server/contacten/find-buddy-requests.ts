/**
 * Referrals to the buddy programme. The buddy issue will match them to buddies; until then the
 * regisseur sees them here as a list.
 */
import { and, desc, eq } from 'drizzle-orm';
import { withTenant } from '../db';
import { contactCase, referral } from '../db/schema';
import { authorize, policies } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';

export async function findBuddyRequests(actor: Actor, steunpuntId: string) {
	authorize(actor, steunpuntId, policies.canHandleCases(actor));
	return withTenant(steunpuntId, async (tx) => {
		const rows = await tx
			.select({ id: referral.id, caseId: referral.caseId, reference: contactCase.reference, at: referral.createdAt, handedOver: referral.handedOver, parentAgreed: referral.parentAgreed })
			.from(referral)
			.innerJoin(contactCase, eq(contactCase.id, referral.caseId))
			.where(and(eq(referral.steunpuntId, steunpuntId), eq(referral.kind, 'buddy')))
			.orderBy(desc(referral.createdAt))
			.limit(500);
		await recordAudit(tx, actor, { action: 'case.list', entity: 'referral', detail: { list: 'buddy-aanvragen', shown: rows.length } });
		return rows;
	});
}
