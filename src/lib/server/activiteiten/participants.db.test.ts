/**
 * The regisseur's view of an activity: who may see it (audited), check-in at the door and the
 * CSV export.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { activitySignup, auditLog } from '../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { buildActivity, buildSignup, buildSteunpunt, buildUser } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { caught } from '../testing/expect-error';
import { actorFor } from '../auth/sessions';
import type { Actor } from '../auth/roles';
import { checkIn, exportParticipants, getActivity } from './participants';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
type User = Awaited<ReturnType<typeof buildUser>>;
const HOUR = 3_600_000;

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

async function audits(entityId: string, action: string) {
	return db()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
}
/** How staffContext sees `who` on the pages of steunpunt `steunpuntId`: not a member there, so no steunpunt (actorFor). */
function onPagesOf(who: User, steunpuntId: string): Actor {
	const memberships = who.actor.roles.map((role) => ({ steunpuntId: who.actor.steunpuntId!, role }));
	return actorFor({ userId: who.user.id, email: who.email, naam: 'Test', complete: true, needsEnrolment: false, memberships, isLandelijk: false }, steunpuntId);
}
async function checkedIn(signupId: string) {
	const [row] = await db().select().from(activitySignup).where(eq(activitySignup.id, signupId));
	return row.checkedInAt;
}

describe('access', () => {
	let sp: Steunpunt;
	let a: Awaited<ReturnType<typeof buildActivity>>;
	let signup: Awaited<ReturnType<typeof buildSignup>>;
	const now = new Date();
	beforeAll(async () => {
		sp = await buildSteunpunt();
		a = await buildActivity(sp, { now });
		signup = await buildSignup(sp, a.id, {}, now);
	});

	it('the regisseur and beheerder see the participants, and every view is audited', async () => {
		for (const role of ['regisseur', 'beheerder'] as const) {
			const user = await buildUser({ steunpuntId: sp.id, roles: [role] });
			const seen = await getActivity(user.actor, { activityId: a.id }, now);
			expect(seen.participants).toHaveLength(1);
			const rows = (await audits(a.id, 'activity.view')).filter((r) => r.userId === user.user.id);
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ steunpuntId: sp.id, entity: 'activity', detail: { shown: 1 } });
		}
	});

	it('other roles get 403; staff of another steunpunt and unknown ids get 404; nobody logged in 401', async () => {
		for (const role of ['consulent', 'redacteur', 'meelezer', 'buddy', 'beleid'] as const) {
			const user = await buildUser({ steunpuntId: sp.id, roles: [role] });
			await caught(getActivity(user.actor, { activityId: a.id }, now), ForbiddenError);
			await caught(exportParticipants(user.actor, { activityId: a.id }), ForbiddenError);
			await caught(checkIn(user.actor, { aanmelding: a.id, activityId: a.id }, now), ForbiddenError);
		}
		const other = await buildSteunpunt();
		const stranger = await buildUser({ steunpuntId: other.id, roles: ['regisseur', 'beheerder'] });
		// On our pages they are no member; on their own, our activity is not there.
		await caught(getActivity(onPagesOf(stranger, sp.id), { activityId: a.id }, now), NotFoundError);
		await caught(getActivity(stranger.actor, { activityId: a.id }, now), NotFoundError);
		await caught(exportParticipants(stranger.actor, { activityId: a.id }), NotFoundError);
		await caught(checkIn(stranger.actor, { aanmelding: signup.signupId, activityId: a.id }, a.startsAt), NotFoundError);
		expect((await db().select().from(activitySignup).where(eq(activitySignup.id, signup.signupId)))[0].checkedInAt).toBeNull();
		const regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		await caught(getActivity(regisseur.actor, { activityId: 'geen-id' }, now), NotFoundError);
		await caught(getActivity({ userId: null, steunpuntId: null, roles: [], isLandelijk: false }, { activityId: a.id }, now), UnauthenticatedError);
		expect((await audits(a.id, 'activity.view')).filter((r) => r.userId === stranger.user.id)).toHaveLength(0);
	});
});

describe('the list and check-in', () => {
	let sp: Steunpunt;
	let regisseur: User;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	});

	it('splits participants, waiting list and those gone, and counts people', async () => {
		const now = new Date();
		const a = await buildActivity(sp, { capacity: 3, now });
		const x = await buildSignup(sp, a.id, { aantal: '2', behoeften: ['tolk'] }, now);
		await buildSignup(sp, a.id, { naam: 'Jan' }, now);
		await buildSignup(sp, a.id, { naam: 'Wacht' }, now);
		const { cancelOwnSignup } = await import('./signups');
		await cancelOwnSignup({ slug: sp.slug, token: x.token, origin: 'https://steunpunt.test' }, now);
		const seen = await getActivity(regisseur.actor, { activityId: a.id }, now);
		expect(seen.participants.map((p) => [p.name, p.status])).toEqual([
			['Jan', 'bevestigd'],
			['Wacht', 'aangeboden']
		]);
		expect(seen.waiting).toEqual([]);
		expect(seen.gone.map((p) => p.statusLabel)).toEqual(['Afgemeld']);
		expect(seen.gone[0].needs).toEqual(['Een tolk']);
		expect(seen.participants[1].offerUntil).toMatch(/uur$/);
		expect(seen).toMatchObject({ confirmedPeople: 1, checkedInPeople: 0, canCheckIn: false, afterwards: false, purged: false });
	});

	it('checks in only confirmed people, and only from 24 hours before the start', async () => {
		const now = new Date();
		const a = await buildActivity(sp, { capacity: 1, now });
		const s = await buildSignup(sp, a.id, {}, now);
		const w = await buildSignup(sp, a.id, {}, now);
		const early = new Date(a.startsAt.getTime() - 25 * HOUR);
		expect((await caught(checkIn(regisseur.actor, { aanmelding: s.signupId, activityId: a.id }, early), ValidationError)).fields.form).toMatch(
			/vanaf een dag voor/
		);
		expect(await checkedIn(s.signupId)).toBeNull();

		const door = new Date(a.startsAt.getTime() - 23 * HOUR);
		await checkIn(regisseur.actor, { aanmelding: s.signupId, activityId: a.id }, door);
		expect(await checkedIn(s.signupId)).toEqual(door);
		await caught(checkIn(regisseur.actor, { aanmelding: w.signupId, activityId: a.id }, door), ConflictError);
		expect(await checkedIn(w.signupId)).toBeNull();
		expect((await caught(checkIn(regisseur.actor, { aanmelding: 'x', activityId: a.id }, door), ValidationError)).fields.form).toBe(
			'Kies een deelnemer uit de lijst.'
		);
		// A sign-up of another activity is not on this list.
		const b = await buildActivity(sp, { now });
		const elsewhere = await buildSignup(sp, b.id, {}, now);
		await caught(checkIn(regisseur.actor, { aanmelding: elsewhere.signupId, activityId: a.id }, door), ValidationError);

		const seen = await getActivity(regisseur.actor, { activityId: a.id }, door);
		expect(seen).toMatchObject({ canCheckIn: true, checkedInPeople: 1, afterwards: true });

		await checkIn(regisseur.actor, { aanmelding: s.signupId, aanwezig: 'nee', activityId: a.id }, door);
		expect(await checkedIn(s.signupId)).toBeNull();
	});

	it('exports the participants as Excel-friendly CSV with formulas defused, audited', async () => {
		const now = new Date();
		const a = await buildActivity(sp, { now });
		await buildSignup(
			sp,
			a.id,
			{
				naam: '=HYPERLINK("https://evil.example","klik")',
				telefoon: '+31 6 12345678',
				toelichting: 'Rolstoel; "graag" vooraan',
				behoeften: ['rolstoel', 'tolk']
			},
			now
		);
		await buildSignup(sp, a.id, { naam: 'Jan Jansen', email: '', telefoon: '0612345678' }, now);
		const { filename, csv } = await exportParticipants(regisseur.actor, { activityId: a.id });
		expect(filename).toMatch(/^deelnemers-\d{4}-\d{2}-\d{2}\.csv$/);
		expect(csv.startsWith('\uFEFF"Status";"Naam";"E-mail";"Telefoon";"Personen";"Wie";"Wensen";"Toelichting";"Aanwezig"\r\n')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toHaveLength(4);
		expect(lines[3]).toBe('');
		expect(lines[1]).toContain('"\'=HYPERLINK(""https://evil.example"",""klik"")"');
		expect(lines[1]).toContain(';"\'+31 6 12345678";');
		expect(lines[1]).toContain(';"Toegang met een rolstoel, Een tolk";"Rolstoel; ""graag"" vooraan";"nee"');
		expect(lines[2]).toBe('"Aangemeld";"Jan Jansen";"";"0612345678";"1";"Ouder of verzorger";"";"";"nee"');
		const rows = await audits(a.id, 'activity.export');
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ userId: regisseur.user.id, detail: { rows: 2 } });
	});
});
