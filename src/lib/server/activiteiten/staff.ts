/**
 * What the regisseur does with participants by hand: add someone who phoned or walked in, and
 * sign someone off. Authorized and audited here; the place-keeping itself is in signups.ts.
 */
import { withTenant } from '../db';
import { authorize, policies } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { getSteunpuntById } from '../steunpunten/get-steunpunt';
import { acceptOfferByStaff, addSignupByStaff, cancelByStaff, type MailContext } from './signups';

export async function addParticipant(actor: Actor, steunpuntId: string, activityId: string, input: Record<string, unknown>, ctx: MailContext, now = new Date()) {
	authorize(actor, steunpuntId, policies.canManageActivities(actor));
	const sp = await getSteunpuntById(steunpuntId);
	const result = await addSignupByStaff(sp, activityId, input, ctx, now);
	await withTenant(steunpuntId, (tx) => recordAudit(tx, actor, { action: 'activity.signup_add', entity: 'activity', entityId: activityId, detail: { status: result.status } }));
	return result;
}

export async function removeParticipant(actor: Actor, steunpuntId: string, activityId: string, input: Record<string, unknown>, ctx: MailContext, now = new Date()): Promise<void> {
	authorize(actor, steunpuntId, policies.canManageActivities(actor));
	const signupId = typeof input.aanmelding === 'string' ? input.aanmelding : '';
	await cancelByStaff(steunpuntId, activityId, signupId, ctx, now);
	await withTenant(steunpuntId, (tx) => recordAudit(tx, actor, { action: 'activity.signup_cancel', entity: 'activity', entityId: activityId, detail: { signup: signupId } }));
}

/** Takes an offered place on behalf of someone who answered by phone. */
export async function confirmOffer(actor: Actor, steunpuntId: string, activityId: string, input: Record<string, unknown>, ctx: MailContext, now = new Date()): Promise<void> {
	authorize(actor, steunpuntId, policies.canManageActivities(actor));
	const signupId = typeof input.aanmelding === 'string' ? input.aanmelding : '';
	await acceptOfferByStaff(steunpuntId, activityId, signupId, ctx, now);
	await withTenant(steunpuntId, (tx) => recordAudit(tx, actor, { action: 'activity.offer_confirm', entity: 'activity', entityId: activityId, detail: { signup: signupId } }));
}
