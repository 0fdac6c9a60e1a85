/**
 * The parent's rights (AVG): through the personal link in every mail they ask for inzage or
 * deletion, for this question only (`dossier`) or for everything the steunpunt keeps about them
 * (`persoon`: by the same e-mail address or phone number, across cases, buddy requests, activity
 * sign-ups and mail; see platform/person-data.ts). The request reaches the beheerder, who carries
 * it out in one action. The anonymous registrations stay. The answer mail is written to the outbox
 * in the same transaction and wiped once sent.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { CONTACT_PREFERENCES, PRIVACY_KINDS, REFERRAL_KINDS, TRENDS, labelOf } from '$lib/contacten';
import { rowsOf, withTenant, type Db } from '../db';
import { caseEvent, casePerson, contactCase, followUp, privacyRequest, referral } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { NotFoundError, ValidationError } from '../errors';
import { queueMail } from '../platform/outbox';
import { erasePersonRecords, findPersonRecords, type ErasureOutcome, type PersonRecords, type PrivacyScope } from '../platform/person-data';
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
		const [c] = await tx
			.select({ id: contactCase.id, reference: contactCase.reference })
			.from(contactCase)
			.where(and(eq(contactCase.id, caseId), eq(contactCase.steunpuntId, steunpuntId)));
		if (!c) throw new NotFoundError(GONE);
		const open = await tx
			.select({ kind: privacyRequest.kind })
			.from(privacyRequest)
			.where(and(eq(privacyRequest.caseId, c.id), isNull(privacyRequest.handledAt)));
		return { ...c, openRequests: open.map((r) => r.kind) };
	});
}

/** The personal page: the question's number and the requests already waiting. */
export interface PersonalPage {
	reference: string;
	openRequests: string[];
}

/** The personal page: which requests are already waiting. Shows no personal data itself. */
export async function getPersonalPage(input: { slug: string; token: string }): Promise<PersonalPage> {
	const steunpunt = await getSteunpuntBySlug(input.slug);
	const c = await caseForToken(steunpunt.id, input.token);
	return { reference: c.reference, openRequests: c.openRequests };
}

export const PRIVACY_SCOPES: { value: PrivacyScope; label: string }[] = [
	{ value: 'dossier', label: 'alleen deze vraag' },
	{ value: 'persoon', label: 'alles over deze persoon' }
];

/** What the parent asked for, as the page confirms it. */
export interface PrivacyRequested {
	kind: string;
	scope: PrivacyScope;
	reference: string;
}

/**
 * The parent asks for inzage or deletion, for this question or everything about them. Asking twice
 * for the same thing makes one request.
 */
export async function requestPrivacy(options: { slug: string; token: string; kind: unknown; scope?: unknown }): Promise<PrivacyRequested> {
	const steunpunt = await getSteunpuntBySlug(options.slug);
	const kind = PRIVACY_KINDS.find((k) => k.value === options.kind)?.value;
	if (!kind) throw new ValidationError({ kind: 'Kies wat je wilt: inzage of verwijderen.' });
	const scope = options.scope === undefined || options.scope === '' ? 'dossier' : PRIVACY_SCOPES.find((s) => s.value === options.scope)?.value;
	if (!scope) throw new ValidationError({ scope: 'Kies of het over deze vraag gaat of over alles wat we van je bewaren.' });
	const c = await caseForToken(steunpunt.id, options.token);
	if (!c.openRequests.includes(kind)) {
		await withTenant(steunpunt.id, async (tx) => {
			await tx.insert(privacyRequest).values({ steunpuntId: steunpunt.id, caseId: c.id, reference: c.reference, kind, scope, source: 'case', sourceId: c.id });
			await addEvent(tx, {
				caseId: c.id,
				steunpuntId: steunpunt.id,
				userId: null,
				kind: 'privacy',
				data: { detail: `${labelOf(PRIVACY_KINDS, kind)} (${labelOf(PRIVACY_SCOPES, scope)})` }
			});
		});
	}
	return { kind, scope, reference: c.reference };
}

/** One request as the beheerder's list shows it. */
export interface PrivacyRequestLine {
	id: string;
	reference: string;
	kind: string;
	kindLabel: string;
	scope: PrivacyScope;
	scopeLabel: string;
	/** What a carried-out deletion removed (counts only). */
	outcome: string[];
	createdAt: Date;
	handledAt: Date | null;
	caseExists: boolean;
}

/** The newest 200 requests of the actor's steunpunt. */
export async function findPrivacyRequests(actor: Actor): Promise<PrivacyRequestLine[]> {
	const steunpuntId = tenantOf(actor, policies.canHandlePrivacyRequests(actor));
	return withTenant(steunpuntId, async (tx) => {
		const rows = await tx.select().from(privacyRequest).where(eq(privacyRequest.steunpuntId, steunpuntId)).orderBy(desc(privacyRequest.createdAt)).limit(200);
		return rows.map((r) => ({
			id: r.id,
			reference: r.reference,
			kind: r.kind,
			kindLabel: labelOf(PRIVACY_KINDS, r.kind),
			scope: r.scope as PrivacyScope,
			scopeLabel: labelOf(PRIVACY_SCOPES, r.scope),
			outcome: r.outcome && r.kind === 'verwijderen' ? outcomeLines(r.outcome as unknown as ErasureOutcome) : [],
			createdAt: r.createdAt,
			handledAt: r.handledAt,
			caseExists: r.caseId !== null
		}));
	});
}

/** A date as YYYY-MM-DD in the export ('' when there is none). */
const day = (d: string | Date | null) => (d ? new Date(d).toISOString().slice(0, 10) : '');

/** A plain-text export of everything kept about a case (the answer to inzage). */
export async function exportCase(tx: Db, caseId: string): Promise<string> {
	const [c] = await tx.select().from(contactCase).where(eq(contactCase.id, caseId));
	const [p] = await tx.select().from(casePerson).where(eq(casePerson.caseId, caseId));
	const events = await tx.select().from(caseEvent).where(eq(caseEvent.caseId, caseId)).orderBy(asc(caseEvent.at), asc(caseEvent.id));
	const refs = await tx.select().from(referral).where(eq(referral.caseId, caseId));
	const answers = await tx.select().from(followUp).where(eq(followUp.caseId, caseId));
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
		...refs.map(
			(r) =>
				`Doorverwezen naar ${labelOf(REFERRAL_KINDS, r.kind)}${r.organisationName ? ` (${r.organisationName})` : ''} op ${day(r.createdAt)}; jij was ${r.parentAgreed ? 'akkoord' : 'niet akkoord'}. Overgedragen: ${r.handedOver ?? '-'}`
		),
		...answers
			.filter((a) => a.answeredAt)
			.map(
				(a) =>
					`Je antwoord op "Hoe gaat het nu?" (${day(a.answeredAt)}): ${labelOf(TRENDS, a.trend)}${a.supported ? `, gesteund ${a.supported} van 5` : ''}${a.comment ? `: ${a.comment}` : ''}`
			)
	];
	return lines.join('\n');
}

/** What a deletion removed, as lines for the beheerder and the parent (counts, no personal data). */
export function outcomeLines(o: ErasureOutcome): string[] {
	const n = (count: number, one: string, more: string) => `${count} ${count === 1 ? one : more}`;
	const lines = [n(o.dossiers, 'vraag (dossier) met je gegevens en onze aantekeningen', 'vragen (dossiers) met je gegevens en onze aantekeningen')];
	if (o.buddyaanvragen) lines.push(n(o.buddyaanvragen, 'aanvraag voor een buddy', 'aanvragen voor een buddy'));
	if (o.aanmeldingen) lines.push(n(o.aanmeldingen, 'aanmelding voor een activiteit', 'aanmeldingen voor activiteiten'));
	if (o.mails) lines.push(n(o.mails, 'mail aan jou', 'mails aan jou'));
	if (o.mailsNaVersturen)
		lines.push(
			n(
				o.mailsNaVersturen,
				'mail die nog onderweg was (die sturen we eerst, daarna wissen we hem)',
				'mails die nog onderweg waren (die sturen we eerst, daarna wissen we ze)'
			)
		);
	return lines;
}

/** The buddy requests and activity sign-ups of an inzage, as readable lines. */
async function exportOthers(tx: Db, records: PersonRecords): Promise<string[]> {
	const lines: string[] = [];
	if (records.buddyRequests.length) {
		const rows = rowsOf<{
			reference: string;
			need: string | null;
			name: string | null;
			email: string | null;
			phone: string | null;
			status: string;
			created_at: string;
		}>(
			await tx.execute(
				sql`select reference, need, name, email, phone, status, created_at from buddy_request where id in (${sql.join(
					records.buddyRequests.map((r) => sql`${r.id}::uuid`),
					sql`, `
				)}) order by created_at`
			)
		);
		for (const r of rows)
			lines.push(
				`Aanvraag voor een buddy ${r.reference} (${day(r.created_at)}), stand: ${r.status}. Naam: ${r.name ?? '-'}. Telefoon: ${r.phone ?? '-'}. E-mail: ${r.email ?? '-'}. Wat je zocht: ${r.need ?? '-'}`
			);
	}
	if (records.signups.length) {
		const rows = rowsOf<{
			title: string;
			starts_at: string;
			name: string | null;
			email: string | null;
			phone: string | null;
			status: string;
			people: number;
			needs_note: string | null;
		}>(
			await tx.execute(sql`
				select a.title, a.starts_at, s.name, s.email, s.phone, s.status, s.people, s.needs_note
				from activity_signup s join activity a on a.id = s.activity_id
				where s.id in (${sql.join(
					records.signups.map((r) => sql`${r.id}::uuid`),
					sql`, `
				)}) order by a.starts_at`)
		);
		for (const r of rows)
			lines.push(
				`Aanmelding voor "${r.title}" (${day(r.starts_at)}), ${r.people} ${r.people === 1 ? 'persoon' : 'personen'}, stand: ${r.status}. Naam: ${r.name ?? '-'}. Telefoon: ${r.phone ?? '-'}. E-mail: ${r.email ?? '-'}${r.needs_note ? `. Wat je ons vertelde: ${r.needs_note}` : ''}`
			);
	}
	return lines;
}

/** The result of carrying out a request: the export to send by post, or whether it was mailed, and what a deletion removed. */
export interface PrivacyRequestDone {
	/** Only for inzage without a mail address: the beheerder sends it by post. */
	exportText?: string;
	mailed: boolean;
	/** Only for deletion: what was removed, as lines. */
	removed?: string[];
}

/**
 * The beheerder carries out a request in one action: inzage mails the export to the parent's
 * address (or, without one, shows it to the beheerder to send by post); deletion wipes everything
 * in the request's scope and mails the parent what was removed.
 */
export async function carryOutPrivacyRequest(actor: Actor, input: { requestId: string; origin: string }, now = new Date()): Promise<PrivacyRequestDone> {
	const steunpuntId = tenantOf(actor, policies.canHandlePrivacyRequests(actor));
	const { requestId, origin } = input;
	if (!uuidLike.test(requestId)) throw new NotFoundError();
	const steunpunt = await getSteunpuntById(steunpuntId);
	return withTenant(steunpuntId, async (tx) => {
		const [req] = await tx
			.select()
			.from(privacyRequest)
			.where(and(eq(privacyRequest.id, requestId), eq(privacyRequest.steunpuntId, steunpuntId)))
			.for('update');
		if (!req) throw new NotFoundError();
		if (req.handledAt) throw new ValidationError({ form: 'Dit verzoek is al uitgevoerd.' });
		if (!req.caseId) {
			await tx.update(privacyRequest).set({ handledAt: now, handledBy: actor.userId }).where(eq(privacyRequest.id, req.id));
			return { mailed: false };
		}
		const caseId = req.caseId;
		const scope = req.scope === 'persoon' ? 'persoon' : 'dossier';
		const [p] = await tx.select({ email: casePerson.email }).from(casePerson).where(eq(casePerson.caseId, caseId));
		const email = p?.email ?? null;
		const records = await findPersonRecords(tx, steunpuntId, caseId, scope);
		if (req.kind === 'inzage') {
			const parts: string[] = [];
			for (const c of records.cases) parts.push(await exportCase(tx, c.id));
			parts.push(...(await exportOthers(tx, records)));
			const exportText = parts.join('\n\n');
			await tx
				.update(privacyRequest)
				.set({
					handledAt: now,
					handledBy: actor.userId,
					outcome: { dossiers: records.cases.length, buddyaanvragen: records.buddyRequests.length, aanmeldingen: records.signups.length }
				})
				.where(eq(privacyRequest.id, req.id));
			await recordAudit(tx, actor, {
				action: 'case.export',
				entity: 'contact_case',
				entityId: caseId,
				detail: { reference: req.reference, scope, cases: records.cases.length, buddyRequests: records.buddyRequests.length, signups: records.signups.length }
			});
			await addEvent(tx, { caseId, steunpuntId, userId: actor.userId, kind: 'privacy', data: { detail: 'Inzage gegeven' } });
			if (!email) return { exportText, mailed: false };
			const content = exportMail({ origin, steunpunt, accessToken: await personalToken(caseId), reference: req.reference, exportText });
			await queueMail(tx, { steunpuntId, to: email, ...content, eraseAfterSend: true });
			return { mailed: true };
		}
		const outcome = await erasePersonRecords(tx, records, now);
		const removed = outcomeLines(outcome);
		await tx
			.update(privacyRequest)
			.set({ handledAt: now, handledBy: actor.userId, outcome: { ...outcome } })
			.where(eq(privacyRequest.id, req.id));
		await recordAudit(tx, actor, {
			action: 'case.delete',
			entity: 'contact_case',
			entityId: caseId,
			detail: { reference: req.reference, reason: 'verzoek ouder', scope, ...outcome }
		});
		// Written after the erasure, so it is not itself erased; its address goes once it is sent.
		if (email) await queueMail(tx, { steunpuntId, to: email, ...deletedMail({ steunpunt, reference: req.reference, removed }), eraseAfterSend: true });
		return { mailed: !!email, removed };
	});
}
