/**
 * Planning activities (one, a series, a copy), changing and calling them off, and the public
 * agendas, on the real database.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '../db';
import { activity, activitySignup, auditLog } from '../db/schema';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { buildActivity, buildSignup, buildSteunpunt, buildUser } from '../testing/factories';
import { useTestDatabase } from '../testing/db';
import { mailsTo } from '../testing/mail';
import { caught } from '../testing/expect-error';
import { actorFor } from '../auth/sessions';
import type { Actor } from '../auth/roles';
import {
	cancelActivity,
	copyActivity,
	createActivity,
	findActivities,
	findAgenda,
	findNationalAgenda,
	formValuesOf,
	getPublicActivity,
	updateActivity
} from './activities';
import { dateToNlLocal } from './time';

type Steunpunt = Awaited<ReturnType<typeof buildSteunpunt>>;
type User = Awaited<ReturnType<typeof buildUser>>;
const ORIGIN = 'https://steunpunt.test';
const DAY = 86_400_000;
/** A fixed "now" for the dated tests, so they keep passing next year. */
const NOW = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
	await useTestDatabase();
}, 120_000);

const form = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
	soort: 'oudercafe',
	titel: 'Oudercafé: thuiszitten',
	thema: 'Thuiszitten',
	voorWie: 'ouders',
	beschrijving: 'Praat met andere ouders.',
	datum: '2026-12-08',
	begintijd: '19:30',
	eindtijd: '21.30',
	locatie: 'Buurthuis De Klimop',
	adres: 'Dorpsstraat 1',
	plaats: 'Utrecht',
	toegankelijkheid: 'Drempelvrij',
	onlineLink: '',
	plekken: '12',
	maxPerAanmelding: '2',
	bedenktijd: '48',
	...overrides
});

/** How staffContext sees `who` on the pages of steunpunt `steunpuntId`: not a member there, so no steunpunt (actorFor). */
function onPagesOf(who: User, steunpuntId: string): Actor {
	const memberships = who.actor.roles.map((role) => ({ steunpuntId: who.actor.steunpuntId!, role }));
	return actorFor({ userId: who.user.id, email: who.email, naam: 'Test', complete: true, needsEnrolment: false, memberships, isLandelijk: false }, steunpuntId);
}
async function activityRow(id: string) {
	const [row] = await db().select().from(activity).where(eq(activity.id, id));
	return row;
}
async function audits(entityId: string, action: string) {
	return db()
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
}

describe('planning', () => {
	let sp: Steunpunt;
	let regisseur: User;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	});

	it('creates one activity in Dutch local time, audited', async () => {
		const id = await createActivity(regisseur.actor, form(), NOW);
		const row = await activityRow(id);
		expect(row).toMatchObject({
			steunpuntId: sp.id,
			kind: 'oudercafe',
			title: 'Oudercafé: thuiszitten',
			audience: 'ouders',
			startsAt: new Date('2026-12-08T18:30:00Z'),
			endsAt: new Date('2026-12-08T20:30:00Z'),
			online: false,
			address: 'Dorpsstraat 1',
			capacity: 12,
			maxPerSignup: 2,
			offerHours: 48,
			seriesId: null,
			status: 'gepland',
			sequence: 0,
			createdBy: regisseur.user.id
		});
		expect(await audits(id, 'activity.create')).toHaveLength(1);
		expect(formValuesOf(row)).toMatchObject({ datum: '2026-12-08', begintijd: '19:30', eindtijd: '21:30', plekken: '12' });
	});

	it('plans a series of 4, every 3 months, at the same clock time over the change to summer time', async () => {
		const id = await createActivity(regisseur.actor, form({ datum: '2026-12-15', reeks: 'ja', herhaling: 'maanden', interval: '3', aantal: '4' }), NOW);
		const first = await activityRow(id);
		expect(first.seriesId).not.toBeNull();
		const series = await db().select().from(activity).where(eq(activity.seriesId, first.seriesId!)).orderBy(asc(activity.startsAt));
		expect(series.map((a) => dateToNlLocal(a.startsAt))).toEqual([
			{ day: '2026-12-15', time: '19:30' },
			{ day: '2027-03-15', time: '19:30' },
			{ day: '2027-06-15', time: '19:30' },
			{ day: '2027-09-15', time: '19:30' }
		]);
		expect(series.map((a) => a.startsAt.toISOString().slice(11, 16))).toEqual(['18:30', '18:30', '17:30', '17:30']);
		expect(series.map((a) => dateToNlLocal(a.endsAt).time)).toEqual(['21:30', '21:30', '21:30', '21:30']);
		expect(series[0].id).toBe(id);
	});

	it('plans a weekly series', async () => {
		const id = await createActivity(regisseur.actor, form({ datum: '2026-12-01', reeks: 'ja', herhaling: 'weken', interval: '1', aantal: '3' }), NOW);
		const series = await db()
			.select()
			.from(activity)
			.where(eq(activity.seriesId, (await activityRow(id)).seriesId!))
			.orderBy(asc(activity.startsAt));
		expect(series.map((a) => dateToNlLocal(a.startsAt).day)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15']);
	});

	it.each([
		['the end before the start', { eindtijd: '19:00' }, { eindtijd: 'De eindtijd moet na de begintijd liggen.' }],
		['the end equal to the start', { eindtijd: '19:30' }, { eindtijd: 'De eindtijd moet na de begintijd liggen.' }],
		['online without a link', { soort: 'online', onlineLink: '' }, { onlineLink: 'Vul de link van de online bijeenkomst in.' }],
		[
			'online with a link that is not https',
			{ soort: 'online', onlineLink: 'http://meet.example/abc' },
			{ onlineLink: 'Vul een link in die begint met https://.' }
		],
		[
			'a physical meeting without address or place',
			{ adres: '', plaats: '' },
			{ adres: 'Vul het adres in, of kies een online bijeenkomst.', plaats: 'Vul de plaats in.' }
		],
		['no title', { titel: '   ' }, { titel: 'Geef de activiteit een titel.' }],
		['a date that does not exist', { datum: '2026-02-30' }, { datum: 'Deze datum bestaat niet.' }],
		['no date', { datum: '' }, { datum: 'Vul de datum in.' }],
		['a time that is not a time', { begintijd: '25:00' }, { begintijd: 'Vul een tijd in als uu:mm, bijvoorbeeld 19:30.' }],
		['no places', { plekken: '0' }, { plekken: 'Vul een aantal plekken in van 1 tot 1000.' }],
		['too many per sign-up', { maxPerAanmelding: '11' }, { maxPerAanmelding: 'Kies 1 tot 10 personen per aanmelding.' }],
		['a confirm window of three weeks', { bedenktijd: '504' }, { bedenktijd: 'Kies 1 tot 336 uur (twee weken).' }],
		['an unknown kind', { soort: 'feest' }, { soort: 'Kies wat voor activiteit het is.' }],
		['a title of 121 characters', { titel: 'a'.repeat(121) }, { titel: 'Gebruik hooguit 120 tekens.' }],
		['a date more than a year ago', { datum: '2025-10-01' }, { datum: 'Deze datum ligt meer dan een jaar terug.' }],
		['a series of 13', { reeks: 'ja', herhaling: 'maanden', interval: '1', aantal: '13' }, { aantal: 'Een reeks heeft 2 tot 12 keer.' }]
	])('refuses %s with a clear message, and saves nothing', async (_name, overrides, fields) => {
		const before = await db().select({ id: activity.id }).from(activity).where(eq(activity.steunpuntId, sp.id));
		const error = await caught(createActivity(regisseur.actor, form(overrides), NOW), ValidationError);
		expect(error.fields).toEqual(fields);
		expect(await db().select({ id: activity.id }).from(activity).where(eq(activity.steunpuntId, sp.id))).toHaveLength(before.length);
	});

	it('keeps an online meeting without address, and a physical one without link', async () => {
		const online = await activityRow(
			await createActivity(regisseur.actor, form({ soort: 'online', onlineLink: 'https://meet.example/abc', adres: 'Weg 1' }), NOW)
		);
		expect(online).toMatchObject({ online: true, onlineUrl: 'https://meet.example/abc', address: null, place: null, locationName: null });
		const physical = await activityRow(await createActivity(regisseur.actor, form({ onlineLink: 'https://meet.example/abc' }), NOW));
		expect(physical).toMatchObject({ online: false, onlineUrl: null });
	});

	it('only the regisseur and beheerder plan; staff of another steunpunt gets 404', async () => {
		const beheerder = await buildUser({ steunpuntId: sp.id, roles: ['beheerder'] });
		expect(await createActivity(beheerder.actor, form(), NOW)).toMatch(/^[0-9a-f-]{36}$/);
		for (const role of ['consulent', 'redacteur', 'meelezer', 'buddy', 'beleid'] as const) {
			const user = await buildUser({ steunpuntId: sp.id, roles: [role] });
			await caught(createActivity(user.actor, form(), NOW), ForbiddenError);
			await caught(findActivities(user.actor, NOW), ForbiddenError);
		}
		const other = await buildSteunpunt();
		const stranger = await buildUser({ steunpuntId: other.id, roles: ['regisseur'] });
		// On our pages they are no member: 404.
		await caught(createActivity(onPagesOf(stranger, sp.id), form(), NOW), NotFoundError);
		await caught(findActivities(onPagesOf(stranger, sp.id), NOW), NotFoundError);
		// On their own pages they plan in their own steunpunt, and see only its activities.
		const theirs = await createActivity(stranger.actor, form(), NOW);
		expect((await activityRow(theirs)).steunpuntId).toBe(other.id);
		const a = await buildActivity(sp, { now: NOW });
		expect((await findActivities(stranger.actor, NOW)).coming.map((x) => x.id)).toEqual([theirs]);
		// Our activity from their steunpunt: 404, and nothing changes.
		await caught(updateActivity(stranger.actor, { ...form(), activityId: a.id, origin: ORIGIN }, NOW), NotFoundError);
		await caught(cancelActivity(stranger.actor, { activityId: a.id }, NOW), NotFoundError);
		await caught(copyActivity(stranger.actor, { datum: '2026-12-20', activityId: a.id }, NOW), NotFoundError);
		expect(await activityRow(a.id)).toMatchObject({ status: 'gepland', sequence: 0, title: a.title });
		expect(await db().select().from(activity).where(eq(activity.steunpuntId, other.id))).toHaveLength(1);
	});
});

describe('changing, copying and calling off', () => {
	let sp: Steunpunt;
	let regisseur: User;
	const now = new Date();
	beforeAll(async () => {
		sp = await buildSteunpunt();
		regisseur = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
	});

	it('refuses fewer places than are taken, and offers new places to the waiting list; every change bumps the sequence', async () => {
		const a = await buildActivity(sp, { capacity: 3, now });
		await buildSignup(sp, a.id, { aantal: '2' }, now);
		await buildSignup(sp, a.id, { aantal: '1' }, now);
		const w1 = await buildSignup(sp, a.id, { aantal: '2' }, now);
		const w2 = await buildSignup(sp, a.id, { aantal: '1' }, now);
		const values = formValuesOf(await activityRow(a.id));

		const fewer = await caught(updateActivity(regisseur.actor, { ...values, plekken: '2', activityId: a.id, origin: ORIGIN }, now), ValidationError);
		expect(fewer.fields).toEqual({ plekken: 'Er zijn al 3 mensen aangemeld. Kies minstens 3 plekken, of meld eerst mensen af.' });
		expect((await activityRow(a.id)).sequence).toBe(0);

		await updateActivity(regisseur.actor, { ...values, plekken: '6', titel: 'Nieuwe titel', activityId: a.id, origin: ORIGIN }, now);
		expect(await activityRow(a.id)).toMatchObject({ capacity: 6, title: 'Nieuwe titel', sequence: 1 });
		const statuses = await db().select().from(activitySignup).where(eq(activitySignup.activityId, a.id));
		expect(statuses.find((s) => s.id === w1.signupId)?.status).toBe('aangeboden');
		expect(statuses.find((s) => s.id === w2.signupId)?.status).toBe('aangeboden');
		const offers = await mailsTo(w1.email);
		expect(offers.filter((m) => m.subject === 'Er is een plek vrij: Nieuwe titel')).toHaveLength(1);
		expect(await audits(a.id, 'activity.update')).toHaveLength(1);

		await updateActivity(regisseur.actor, { ...values, plekken: '6', activityId: a.id, origin: ORIGIN }, now);
		expect((await activityRow(a.id)).sequence).toBe(2);
	});

	it('mails everyone signed up or waiting when the time or place changes (the confirmed with the new .ics), and nobody for other edits', async () => {
		const a = await buildActivity(sp, { capacity: 1, now });
		const confirmed = await buildSignup(sp, a.id, {}, now);
		const waiting = await buildSignup(sp, a.id, {}, now);
		const values = formValuesOf(await activityRow(a.id));
		const changed = (address: string) => mailsTo(address, 'Gewijzigd:');

		// The factory's times carry seconds; the form has whole minutes: save once to align them.
		await updateActivity(regisseur.actor, { ...values, activityId: a.id, origin: ORIGIN }, now);
		const before = (await changed(confirmed.email!)).length;
		await updateActivity(regisseur.actor, { ...values, titel: 'Andere titel', beschrijving: 'Nieuw', plekken: '3', activityId: a.id, origin: ORIGIN }, now);
		expect(await changed(confirmed.email!)).toHaveLength(before);

		await updateActivity(regisseur.actor, { ...values, plekken: '3', begintijd: '20:00', eindtijd: '22:00', activityId: a.id, origin: ORIGIN }, now);
		// The outbox has no order of its own: find the mail by what it says.
		const toConfirmed = (await changed(confirmed.email!)).find((m) => m.text.includes('20.00 tot 22.00 uur'))!;
		expect(toConfirmed).toBeDefined();
		expect(await changed(confirmed.email!)).toHaveLength(before + 1);
		expect(toConfirmed.text).toMatch(new RegExp(`${ORIGIN}/${sp.slug}/aanmelding/[0-9a-f]{32}`));
		expect(toConfirmed.attachments).toHaveLength(1);
		const ics = toConfirmed.attachments[0].content;
		const row = await activityRow(a.id);
		expect(row.sequence).toBe(3);
		expect(ics).toContain(`SEQUENCE:${row.sequence}`);
		expect(ics).toContain(
			`DTSTART:${row.startsAt
				.toISOString()
				.replace(/[-:]/g, '')
				.replace(/\.\d{3}/, '')}`
		);
		expect((await changed(waiting.email!)).filter((m) => m.text.includes('20.00 tot 22.00 uur'))).toHaveLength(1);

		await updateActivity(regisseur.actor, { ...formValuesOf(row), adres: 'Andere straat 2', activityId: a.id, origin: ORIGIN }, now);
		expect(await changed(confirmed.email!)).toHaveLength(before + 2);
	});

	it('copies an activity to another date: same details and clock times, no participants', async () => {
		const id = await createActivity(regisseur.actor, form({ datum: dateToNlLocal(new Date(now.getTime() + 10 * DAY)).day }), now);
		await buildSignup(sp, id, {}, now);
		const day = dateToNlLocal(new Date(now.getTime() + 200 * DAY)).day;
		const copyId = await copyActivity(regisseur.actor, { datum: day, activityId: id }, now);
		expect(copyId).not.toBe(id);
		const [original, copy] = [await activityRow(id), await activityRow(copyId)];
		expect(copy).toMatchObject({
			title: original.title,
			kind: original.kind,
			capacity: original.capacity,
			address: original.address,
			status: 'gepland',
			sequence: 0
		});
		expect(dateToNlLocal(copy.startsAt)).toEqual({ day, time: '19:30' });
		expect(dateToNlLocal(copy.endsAt)).toEqual({ day, time: '21:30' });
		expect(await db().select().from(activitySignup).where(eq(activitySignup.activityId, copyId))).toHaveLength(0);
		expect((await caught(copyActivity(regisseur.actor, { datum: '', activityId: id }, now), ValidationError)).fields.datum).toBe(
			'Vul de datum van de kopie in.'
		);
		expect((await caught(copyActivity(regisseur.actor, { datum: '2026-13-01', activityId: id }, now), ValidationError)).fields.datum).toBe(
			'Deze datum bestaat niet.'
		);
	});

	it('calls off: everyone signed up, offered or waiting gets a mail and is signed off', async () => {
		const a = await buildActivity(sp, { capacity: 1, now, title: 'Themamiddag OPP' });
		const x = await buildSignup(sp, a.id, {}, now);
		const w = await buildSignup(sp, a.id, {}, now);
		const phoneOnly = await buildSignup(sp, a.id, { email: '', telefoon: '06 12345678' }, now);
		await cancelActivity(regisseur.actor, { reden: 'De spreker is ziek.\u0000', activityId: a.id }, now);
		expect(await activityRow(a.id)).toMatchObject({ status: 'afgelast', sequence: 1 });
		const rows = await db().select().from(activitySignup).where(eq(activitySignup.activityId, a.id));
		expect(rows.map((r) => r.status)).toEqual(['geannuleerd', 'geannuleerd', 'geannuleerd']);
		for (const address of [x.email, w.email]) {
			const mails = (await mailsTo(address)).filter((m) => m.subject === 'Gaat niet door: Themamiddag OPP');
			expect(mails).toHaveLength(1);
			expect(mails[0].text).toContain('De spreker is ziek.');
			expect(mails[0].text).not.toContain('\u0000');
		}
		expect(phoneOnly.email).toBeNull();
		expect((await audits(a.id, 'activity.cancel'))[0].detail).toEqual({ participants: 3 });
		expect((await caught(cancelActivity(regisseur.actor, { activityId: a.id }, now), ValidationError)).fields.form).toBe('Deze activiteit is al afgelast.');
		expect(
			(await caught(updateActivity(regisseur.actor, { ...formValuesOf(await activityRow(a.id)), activityId: a.id, origin: ORIGIN }, now), ValidationError))
				.fields.form
		).toMatch(/afgelast/);
	});
});

describe('the agendas', () => {
	const now = new Date();
	let sp: Steunpunt;
	let other: Steunpunt;
	beforeAll(async () => {
		sp = await buildSteunpunt();
		other = await buildSteunpunt();
	});

	it('shows only coming, planned activities in order, with places left', async () => {
		const later = await buildActivity(sp, { title: 'Later', startsAt: new Date(now.getTime() + 20 * DAY), capacity: 5, now });
		const soon = await buildActivity(sp, {
			title: 'Binnenkort',
			kind: 'po-cafe',
			audience: 'ouders-professionals',
			startsAt: new Date(now.getTime() + 2 * DAY),
			capacity: 2,
			now
		});
		await buildActivity(sp, { title: 'Voorbij', startsAt: new Date(now.getTime() - 3 * DAY), now });
		await buildActivity(sp, { title: 'Afgelast', status: 'afgelast', now });
		await buildActivity(other, { title: 'Van een ander', now });
		await buildSignup(sp, later.id, { aantal: '2' }, now);
		await buildSignup(sp, soon.id, { aantal: '2' }, now);
		await buildSignup(sp, soon.id, {}, now);

		const agenda = await findAgenda(sp.slug, now);
		expect(agenda.map((a) => a.title)).toEqual(['Binnenkort', 'Later']);
		expect(agenda[0]).toMatchObject({
			id: soon.id,
			kindLabel: 'Passend-onderwijscafé',
			capacity: 2,
			taken: 2,
			placesLeft: 0,
			waiting: 1,
			where: 'Buurthuis De Klimop, Dorpsstraat 1, Utrecht'
		});
		expect(agenda[1]).toMatchObject({ taken: 2, placesLeft: 3, waiting: 0 });
		expect(Object.keys(agenda[0])).not.toContain('onlineUrl');

		const national = await findNationalAgenda({ now });
		const ours = national.filter((a) => a.steunpunt.slug === sp.slug || a.steunpunt.slug === other.slug);
		expect(ours.map((a) => a.title)).toEqual(['Binnenkort', 'Van een ander', 'Later']);
		expect(ours.find((a) => a.title === 'Van een ander')?.steunpunt).toEqual({ naam: other.naam, slug: other.slug });
		const cafes = await findNationalAgenda({ kind: 'po-cafe', now });
		expect(cafes.every((a) => a.kind === 'po-cafe')).toBe(true);
		expect(cafes.map((a) => a.id)).toContain(soon.id);
		expect(cafes.map((a) => a.id)).not.toContain(later.id);
		// An unknown kind filters nothing rather than everything.
		expect((await findNationalAgenda({ kind: "'; drop table activity; --", now })).map((a) => a.id)).toContain(later.id);
	});

	it("shows one activity, also a past one, and answers 404 for another steunpunt's activity", async () => {
		const mine = await buildActivity(sp, { now, onlineUrl: null });
		const theirs = await buildActivity(other, { now });
		const shown = await getPublicActivity({ slug: sp.slug, activityId: mine.id }, now);
		expect(shown).toMatchObject({ id: mine.id, open: true, past: false, maxPerSignup: 2, offerHours: 48 });
		expect(Object.keys(shown)).not.toContain('onlineUrl');
		await caught(getPublicActivity({ slug: sp.slug, activityId: theirs.id }, now), NotFoundError);
		await caught(getPublicActivity({ slug: sp.slug, activityId: 'niet-een-id' }, now), NotFoundError);
		await caught(getPublicActivity({ slug: 'bestaat-niet-xyz', activityId: mine.id }, now), NotFoundError);
		const past = await getPublicActivity({ slug: sp.slug, activityId: mine.id }, new Date(mine.endsAt.getTime() + DAY));
		expect(past).toMatchObject({ open: false, past: true });
	});

	it('the back-office list splits coming and past', async () => {
		const sp2 = await buildSteunpunt();
		const regisseur = await buildUser({ steunpuntId: sp2.id, roles: ['regisseur'] });
		const coming = await buildActivity(sp2, { now });
		const past = await buildActivity(sp2, { startsAt: new Date(now.getTime() - 30 * DAY), now });
		const list = await findActivities(regisseur.actor, now);
		expect(list.coming.map((a) => a.id)).toEqual([coming.id]);
		expect(list.past.map((a) => a.id)).toEqual([past.id]);
	});
});
