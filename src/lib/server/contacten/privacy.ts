/**
 * The parent's rights (AVG): through the personal link in every mail they ask for inzage or
 * deletion; the request reaches the beheerder, who carries it out in one action. Deleting removes
 * the case with all personal data; the anonymous registration stays.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { CONTACT_PREFERENCES, PRIVACY_KINDS, REFERRAL_KINDS, TRENDS, labelOf } from '$lib/contacten';
import { withTenant, type Db } from '../db';
import { caseEvent, casePerson, contactCase, followUp, mailOutbox, privacyRequest, referral } from '../db/schema';
import { authorize, policies } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { NotFoundError, ValidationError } from '../errors';
import { sendMail } from '../mail/send';
import { getSteunpuntById, getSteunpuntBySlug } from '../platform/tenant';
import { addEvent } from './cases';
import { caseIdFromToken, personalToken } from './links';
import { deletedMail, exportMail } from './mails';
import { uuidLike } from '../platform/fields';

const GONE = 'Deze link werkt niet (meer). Misschien zijn je gegevens al gewist. Je kunt ons altijd bellen of mailen.';

async function caseForToken(steunpuntId: string, token: string) {
	const caseId = await caseIdFromToken(token);
	if (!caseId) throw new NotFoundError(GONE);
	return withTenant(steunpuntId, async (tx) => {
		const [c] = await tx.select({ id: contactCase.id, reference: contactCase.reference }).from(contactCase).where(and(eq(contactCase.id, caseId), eq(contactCase.steunpuntId, steunpuntId)));
		if (!c) throw new NotFoundError(GONE);
		const open = await tx.select({ kind: privacyRequest.kind }).from(privacyRequest).where(and(eq(privacyRequest.caseId, c.id), isNull(privacyRequest.handledAt)));
		return { ...c, openRequests: open.map((r) => r.kind) };
	});
}

/** The personal page: which requests are already waiting. Shows no personal data itself. */
export async function getPersonalPage(slug: string, token: string) {
	const steunpunt = await getSteunpuntBySlug(slug);
	const c = await caseForToken(steunpunt.id, token);
	return { reference: c.reference, openRequests: c.openRequests };
}

/** The parent asks for inzage or deletion. Asking twice for the same thing makes one request. */
export async function requestPrivacy(options: { slug: string; token: string; kind: unknown }): Promise<{ kind: string; reference: string }> {
	const steunpunt = await getSteunpuntBySlug(options.slug);
	const kind = PRIVACY_KINDS.find((k) => k.value === options.kind)?.value;
	if (!kind) throw new ValidationError({ kind: 'Kies wat je wilt: inzage of verwijderen.' });
	const c = await caseForToken(steunpunt.id, options.token);
	if (!c.openRequests.includes(kind)) {
		await withTenant(steunpunt.id, async (tx) => {
			await tx.insert(privacyRequest).values({ steunpuntId: steunpunt.id, caseId: c.id, reference: c.reference, kind });
			await addEvent(tx, { caseId: c.id, steunpuntId: steunpunt.id, userId: null, kind: 'privacy', data: { detail: labelOf(PRIVACY_KINDS, kind) } });
		});
	}
	return { kind, reference: c.reference };
}

export async function findPrivacyRequests(actor: Actor, steunpuntId: string) {
	authorize(actor, steunpuntId, policies.canHandlePrivacyRequests(actor));
	return withTenant(steunpuntId, async (tx) => {
		const rows = await tx.select().from(privacyRequest).where(eq(privacyRequest.steunpuntId, steunpuntId)).orderBy(desc(privacyRequest.createdAt)).limit(200);
		return rows.map((r) => ({ id: r.id, reference: r.reference, kind: r.kind, kindLabel: labelOf(PRIVACY_KINDS, r.kind), createdAt: r.createdAt, handledAt: r.handledAt, caseExists: r.caseId !== null }));
	});
}

/** A plain-text export of everything kept about a case (the answer to inzage). */
export async function exportCase(tx: Db, caseId: string): Promise<string> {
	const [c] = await tx.select().from(contactCase).where(eq(contactCase.id, caseId));
	const [p] = await tx.select().from(casePerson).where(eq(casePerson.caseId, caseId));
	const events = await tx.select().from(caseEvent).where(eq(caseEvent.caseId, caseId)).orderBy(asc(caseEvent.at), asc(caseEvent.id));
	const refs = await tx.select().from(referral).where(eq(referral.caseId, caseId));
	const answers = await tx.select().from(followUp).where(eq(followUp.caseId, caseId));
	const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
	const lines = [
		`Nummer: ${c.reference}`,
		`Binnengekomen op: ${day(c.createdAt)}`,
		`Naam: ${p?.name ?? '-'}`,
		`Telefoon: ${p?.phone ?? '-'}`,
		`E-mail: ${p?.email ?? '-'}`,
		`Hoe je contact wilde: ${labelOf(CONTACT_PREFERENCES, p?.contactPreference) || '-'}`,
		`Mogen we later mailen: ${p?.followUpByMail ? 'ja' : 'nee'}`,
		`Toestemming gegeven: ${p?.consentVersion ? `ja, op ${day(p.consentAt)} (privacyverklaring versie ${p.consentVersion})` : '-'}`,
		`Je vraag: ${p?.question ?? '-'}`,
		`Wanneer bellen: ${p?.preferredMoments ?? '-'}`,
		...events.filter((e) => e.text).map((e) => `Aantekening (${day(e.at)}): ${e.text}`),
		...refs.map((r) => `Doorverwezen naar ${labelOf(REFERRAL_KINDS, r.kind)}${r.organisationName ? ` (${r.organisationName})` : ''} op ${day(r.createdAt)}; jij was ${r.parentAgreed ? 'akkoord' : 'niet akkoord'}. Overgedragen: ${r.handedOver ?? '-'}`),
		...answers.filter((a) => a.answeredAt).map((a) => `Je antwoord op "Hoe gaat het nu?" (${day(a.answeredAt)}): ${labelOf(TRENDS, a.trend)}${a.supported ? `, gesteund ${a.supported} van 5` : ''}${a.comment ? `: ${a.comment}` : ''}`)
	];
	return lines.join('\n');
}

/** Deletes a case with everything personal (and mails sent about it). The registration stays. */
export async function deleteCase(tx: Db, caseId: string, email: string | null, steunpuntId: string): Promise<void> {
	await tx.delete(contactCase).where(and(eq(contactCase.id, caseId), eq(contactCase.steunpuntId, steunpuntId)));
	if (email) await tx.delete(mailOutbox).where(and(eq(mailOutbox.to, email), eq(mailOutbox.steunpuntId, steunpuntId)));
}

/**
 * The beheerder carries out a request in one action: inzage mails the export to the parent's
 * address (or, without one, shows it to the beheerder to send by post); deletion wipes the case.
 */
export async function carryOutPrivacyRequest(actor: Actor, steunpuntId: string, requestId: string, options: { origin: string; now?: Date }): Promise<{ exportText?: string; mailed: boolean }> {
	authorize(actor, steunpuntId, policies.canHandlePrivacyRequests(actor));
	if (!uuidLike.test(requestId)) throw new NotFoundError();
	const now = options.now ?? new Date();
	const steunpunt = await getSteunpuntById(steunpuntId);
	const outcome = await withTenant(steunpuntId, async (tx) => {
		const [req] = await tx.select().from(privacyRequest).where(and(eq(privacyRequest.id, requestId), eq(privacyRequest.steunpuntId, steunpuntId))).for('update');
		if (!req) throw new NotFoundError();
		if (req.handledAt) throw new ValidationError({ form: 'Dit verzoek is al uitgevoerd.' });
		await tx.update(privacyRequest).set({ handledAt: now, handledBy: actor.userId }).where(eq(privacyRequest.id, req.id));
		if (!req.caseId) return { mail: null, exportText: undefined };
		const [p] = await tx.select({ email: casePerson.email }).from(casePerson).where(eq(casePerson.caseId, req.caseId));
		const email = p?.email ?? null;
		if (req.kind === 'inzage') {
			const exportText = await exportCase(tx, req.caseId);
			await recordAudit(tx, actor, { action: 'case.export', entity: 'contact_case', entityId: req.caseId, detail: { reference: req.reference } });
			await addEvent(tx, { caseId: req.caseId, steunpuntId, userId: actor.userId, kind: 'privacy', data: { detail: 'Inzage gegeven' } });
			// The personal link is made after the commit: its key may need a query on db(), which
			// inside this transaction would wait for the connection the transaction holds (PGlite).
			const caseId = req.caseId;
			const mail = email ? { to: email, build: async () => exportMail({ origin: options.origin, steunpunt, accessToken: await personalToken(caseId), reference: req.reference, exportText }) } : null;
			return { mail, exportText: email ? undefined : exportText };
		}
		await deleteCase(tx, req.caseId, email, steunpuntId);
		await recordAudit(tx, actor, { action: 'case.delete', entity: 'contact_case', entityId: req.caseId, detail: { reference: req.reference, reason: 'verzoek ouder' } });
		return { mail: email ? { to: email, build: async () => deletedMail({ steunpunt, reference: req.reference }) } : null, exportText: undefined };
	});
	if (outcome.mail) await sendMail({ steunpuntId, to: outcome.mail.to, ...(await outcome.mail.build()) });
	return { exportText: outcome.exportText, mailed: !!outcome.mail };
}
