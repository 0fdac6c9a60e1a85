/**
 * Several app instances on one database behave as one (on PostgreSQL when DATABASE_URL is set:
 * the "instances" below run side by side on connections of their own; on PGlite they take turns):
 *
 * - the jobs, run by two instances at the same moment, queue every mail and reminder once, and
 *   two mail senders deliver each mail once — also when one sender's batch outlasts its lease and
 *   the other takes the rest over;
 * - a topic confirmation stored by one instance is learned by every other one, exactly once,
 *   also when transactions commit out of id order, and the shared classifier of this process
 *   holds every stored confirmation exactly once (its own ones included);
 * - what an instance caches of a steunpunt's settings and published texts follows a change made
 *   elsewhere within STALE_MS.
 */
import { type AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { db } from './db';
import { activitySignup, buddyMatch, mailOutbox, steunpunt, text_, textVersion, topicConfirmation } from './db/schema';
import { useTestDatabase } from './testing/db';
import { buildActivity, buildBuddy, buildBuddyRequest, buildSignup, buildSteunpunt, buildUser, dayFromToday } from './testing/factories';
import { purgeExpired } from './maintenance';
import { expireOffers } from './activiteiten/signups';
import { LEASE_MS, queueMail, resetMailTransport, sendDueMail } from './platform/outbox';
import { ConfirmationFollower, syncConfirmedTopics } from './signalering/replay-confirmed';
import { rankTopics, trainClassifier } from './signalering/topic-classifier';
import { EXAMPLES } from './signalering/training/examples';
import { registerContact } from './contacten/register-contact';
import { STALE_MS } from './platform/staleness';
import { getSteunpuntBySlug } from './platform/tenant';
import { findVisibleTexts } from './kennisbank/texts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ORIGIN = 'https://steunpunt.test';
/** The bound: a change made elsewhere is not stale here for more than a few seconds. */
const FEW_SECONDS = 3_000;

/** Every mail the SMTP server accepted, by recipient. */
const received: string[] = [];
/** Runs (once) while the server holds a mail to this address, before it answers. */
let whileReceiving: { to: string; run: () => Promise<void> } | null = null;
let server: SMTPServer;
const savedUrl = process.env.SMTP_URL;

beforeAll(async () => {
	await useTestDatabase();
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			stream.resume();
			stream.on('end', async () => {
				const to = session.envelope.rcptTo.map((r) => r.address);
				received.push(...to);
				const hook = whileReceiving;
				if (hook && to.includes(hook.to)) {
					whileReceiving = null;
					await hook.run();
				}
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	// Mail queued from here on is meant for SMTP (viaSmtp), so the senders below deliver it.
	process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
	resetMailTransport();
}, 120_000);

afterAll(async () => {
	if (savedUrl === undefined) delete process.env.SMTP_URL;
	else process.env.SMTP_URL = savedUrl;
	resetMailTransport();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
	vi.useRealTimers();
});

const timesReceived = (address: string) => received.filter((to) => to === address).length;

describe('jobs with two instances', () => {
	it('queue every reminder and mail once when two instances run the jobs at the same moment, and two senders deliver each once', async () => {
		const now = new Date();
		const sp = await buildSteunpunt();
		// Reminders: an activity the day after tomorrow, two confirmed participants.
		const soon = await buildActivity(sp, { startsAt: new Date(now.getTime() + 30 * HOUR), now: new Date(now.getTime() - 2 * DAY) });
		const signedUp = new Date(now.getTime() - DAY);
		const reminded = [await buildSignup(sp, soon.id, {}, signedUp), await buildSignup(sp, soon.id, {}, signedUp)];
		// An offer that ran out: the place goes to the next in line.
		const full = await buildActivity(sp, { capacity: 1, now: new Date(now.getTime() - 2 * DAY) });
		const offered = await buildSignup(sp, full.id, {}, signedUp);
		const next = await buildSignup(sp, full.id, {}, signedUp);
		expect(next.status).toBe('wachtlijst');
		await db()
			.update(activitySignup)
			.set({ status: 'aangeboden', offeredAt: new Date(now.getTime() - 3 * DAY), offerExpiresAt: new Date(now.getTime() - HOUR) })
			.where(eq(activitySignup.id, offered.signupId));
		// Feedback mails: an activity that ended three hours ago, two who came.
		const past = await buildActivity(sp, { startsAt: new Date(now.getTime() - 5 * HOUR), now: new Date(now.getTime() - 10 * DAY) });
		const before = new Date(now.getTime() - 3 * DAY);
		const came = [await buildSignup(sp, past.id, {}, before), await buildSignup(sp, past.id, {}, before)];
		// A buddy check-in: an active match without contact for five weeks.
		const quietBuddy = await buildBuddy(sp);
		const request = await buildBuddyRequest(sp, { status: 'actief' });
		await db()
			.insert(buddyMatch)
			.values({
				steunpuntId: sp.id,
				requestId: request.id,
				buddyId: quietBuddy.id,
				status: 'actief',
				activeAt: new Date(now.getTime() - 60 * DAY),
				lastContactOn: dayFromToday(-35)
			});
		const mailsBefore = await db().select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.steunpuntId, sp.id));

		// Two instances, the hourly round and the offers job, at the same moment.
		await Promise.all([purgeExpired(now), purgeExpired(now), expireOffers({ origin: ORIGIN }, now), expireOffers({ origin: ORIGIN }, now)]);

		const mails = (await db().select().from(mailOutbox).where(eq(mailOutbox.steunpuntId, sp.id))).filter((m) => !mailsBefore.some((b) => b.id === m.id));
		const kinds = mails.map((m) => `${m.to} ${m.subject}`);
		// Nothing twice …
		expect(new Set(kinds).size).toBe(kinds.length);
		// … and everything once.
		const count = (to: string | null, subject: string) => mails.filter((m) => m.to === to && m.subject.startsWith(subject)).length;
		for (const s of reminded) expect(count(s.email, 'Herinnering')).toBe(1);
		expect(count(offered.email, 'De plek is doorgegeven')).toBe(1);
		expect(count(next.email, 'Er is een plek vrij')).toBe(1);
		for (const s of came) expect(mails.filter((m) => m.to === s.email).length).toBe(1);
		expect(mails.filter((m) => m.to === quietBuddy.email).length).toBe(1);
		expect(mails.length).toBe(7);

		// Two senders at the same moment: each mail arrives once.
		// (The addresses also got their sign-up confirmation, queued before the jobs ran.)
		await Promise.all([sendDueMail(), sendDueMail()]);
		for (const m of mails) {
			const queued = await db().select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.to, m.to));
			expect(timesReceived(m.to), m.subject).toBe(queued.length);
		}
		const after = await db()
			.select({ status: mailOutbox.status })
			.from(mailOutbox)
			.where(
				inArray(
					mailOutbox.id,
					mails.map((m) => m.id)
				)
			);
		expect(after.every((m) => m.status === 'verstuurd')).toBe(true);
	});

	it('a sender whose lease ran out (a slow batch) does not send what another instance took over', async () => {
		const sp = await buildSteunpunt();
		const tag = randomUUID().slice(0, 8);
		const to = [1, 2, 3].map((n) => `traag-${n}-${tag}@example.test`);
		for (const address of to) await queueMail(db(), { steunpuntId: sp.id, to: address, subject: 'Traag', text: 'x' });
		// Instance A claims all three; each of its sends is slow (its clock moves on while the
		// server holds the mail). After the second one, A's lease on the third has run out and
		// instance B, running then, takes the third over and sends it.
		let clock = Date.now();
		const start = clock;
		const now = () => new Date(clock);
		let b: { sent: number; failed: number } | undefined;
		whileReceiving = {
			to: to[0],
			run: async () => {
				clock = start + LEASE_MS - 60_000;
				whileReceiving = {
					to: to[1],
					run: async () => {
						clock = start + LEASE_MS + 30_000;
						b = await sendDueMail(now);
					}
				};
			}
		};
		const a = await sendDueMail(now);
		expect(b?.sent).toBeGreaterThanOrEqual(1);
		// Each once: the first two by A (their leases renewed as it went), the third by B only.
		for (const address of to) expect(timesReceived(address), address).toBe(1);
		expect(a.sent + (b?.sent ?? 0)).toBeGreaterThanOrEqual(3);
		const rows = await db().select().from(mailOutbox).where(inArray(mailOutbox.to, to));
		expect(rows.map((r) => r.status)).toEqual(['verstuurd', 'verstuurd', 'verstuurd']);
	});
});

describe('topic confirmations with two instances', () => {
	const stems = () => [`zzb4${randomUUID().slice(0, 6)}`];

	it('a confirmation stored by one instance is learned by the other within one sync, each exactly once', async () => {
		const learned = { a: [] as number[], b: [] as number[] };
		const a = new ConfirmationFollower((row) => learned.a.push(row.id));
		const b = new ConfirmationFollower((row) => learned.b.push(row.id));
		await Promise.all([a.sync(), b.sync()]);
		const sp = await buildSteunpunt();
		// Instance A stores a confirmation (as registerContact / confirmTopics do) …
		const [row] = await db()
			.insert(topicConfirmation)
			.values({ steunpuntId: sp.id, terms: stems(), topics: ['leerlingenvervoer'] })
			.returning({ id: topicConfirmation.id });
		// … B learns it at its next sync (the interval), A too (right after its own commit).
		await Promise.all([b.sync(), a.sync(), b.sync()]);
		for (const list of [learned.a, learned.b]) {
			expect(list.filter((id) => id === row.id)).toHaveLength(1);
			expect(new Set(list).size).toBe(list.length);
		}
		// Nothing new: nothing learned again.
		expect(await a.sync()).toBe(0);
		expect(await b.sync()).toBe(0);
	});

	it('learns a confirmation that commits after a higher id was already learned (out of order)', async () => {
		const sp = await buildSteunpunt();
		const learned: number[] = [];
		const follower = new ConfirmationFollower((row) => learned.push(row.id));
		await follower.sync();
		// A slow transaction takes a lower id and commits last. To a reader that is a row with an id
		// below the highest one already learned appearing later; made here with an explicit id, so it
		// runs the same on PGlite (one connection) and PostgreSQL.
		const values = { steunpuntId: sp.id, terms: stems(), topics: ['opp'] };
		const [reserved] = await db().insert(topicConfirmation).values(values).returning({ id: topicConfirmation.id });
		await db().delete(topicConfirmation).where(eq(topicConfirmation.id, reserved.id));
		const [fast] = await db().insert(topicConfirmation).values(values).returning({ id: topicConfirmation.id });
		expect(await follower.sync()).toBe(1);
		expect(learned).toContain(fast.id);
		await db()
			.insert(topicConfirmation)
			.values({ ...values, id: reserved.id });
		expect(reserved.id).toBeLessThan(fast.id);
		expect(await follower.sync()).toBe(1);
		expect(learned.filter((id) => id === reserved.id)).toHaveLength(1);
		expect(learned.filter((id) => id === fast.id)).toHaveLength(1);
		expect(await follower.sync()).toBe(0);
	});

	it("this process's classifier holds every stored confirmation exactly once, its own ones included", async () => {
		const sp = await buildSteunpunt();
		const { actor } = await buildUser({ steunpuntId: sp.id, roles: ['regisseur'] });
		// Topics the model would suggest anyway: the shared classifier is shared with other test files.
		const samenvatting = 'Vader belt: zijn hoogbegaafde zoon verveelt zich in de klas en krijgt geen verrijking.';
		await registerContact(actor, {
			kanaal: 'telefoon',
			duur: '10',
			wie: 'ouder',
			schooltype: 'vo',
			fase: 'thuiszitten',
			onderwerpen: ['hoogbegaafdheid'],
			gemeente: '',
			uitkomst: 'informatie-advies',
			verwijzing: '',
			samenvatting,
			dossier: '',
			naam: '',
			telefoon: '',
			email: '',
			opvolgdatum: ''
		});
		// The interval runs after it, here twice.
		await syncConfirmedTopics();
		await syncConfirmedTopics();
		const reference = trainClassifier(EXAMPLES);
		for (const r of await db().select().from(topicConfirmation).orderBy(asc(topicConfirmation.id))) reference.learnConfirmed(r.terms, r.topics);
		for (const text of [samenvatting, 'mijn dochter is hoogbegaafd en verveelt zich', 'mijn kind wordt gepest']) {
			const got = rankTopics(text);
			const want = reference.rank(text);
			expect(got.map((s) => s.slug)).toEqual(want.map((s) => s.slug));
			got.forEach((s, i) => expect(s.score, s.slug).toBeCloseTo(want[i].score, 12));
		}
	});
});

describe('caches with two instances', () => {
	it('STALE_MS is within the bound', () => {
		expect(STALE_MS).toBeLessThan(FEW_SECONDS);
	});

	it("a steunpunt's settings changed on another instance show here within a few seconds", async () => {
		const sp = await buildSteunpunt();
		expect((await getSteunpuntBySlug(sp.slug)).naam).toBe(sp.naam);
		vi.useFakeTimers({ toFake: ['Date'] });
		// Another instance saves the settings: this one's cache is not told.
		await db().update(steunpunt).set({ naam: 'Nieuwe naam' }).where(eq(steunpunt.id, sp.id));
		vi.setSystemTime(Date.now() + FEW_SECONDS);
		expect((await getSteunpuntBySlug(sp.slug)).naam).toBe('Nieuwe naam');
	});

	it('a text published on another instance shows here within a few seconds; unchanged, the same texts are kept', async () => {
		const sp = await buildSteunpunt();
		const first = await findVisibleTexts(sp.id);
		vi.useFakeTimers({ toFake: ['Date'] });
		// Another instance publishes an own text: this one's cache is not told.
		const slug = `eigen-${randomUUID().slice(0, 8)}`;
		const [text] = await db().insert(text_).values({ steunpuntId: sp.id, slug }).returning();
		const [version] = await db()
			.insert(textVersion)
			.values({
				steunpuntId: sp.id,
				textId: text.id,
				number: 1,
				title: 'Een eigen tekst',
				phase: 'thuiszitten',
				topics: [],
				subject: 'school',
				summary: 'Kort.',
				body: 'Lang.',
				keywords: [],
				related: [],
				status: 'gepubliceerd',
				publishedAt: new Date()
			})
			.returning();
		await db().update(text_).set({ publishedVersionId: version.id }).where(eq(text_.id, text.id));
		vi.setSystemTime(Date.now() + FEW_SECONDS);
		const after = await findVisibleTexts(sp.id);
		expect(after.bySlug.get(slug)?.title).toBe('Een eigen tekst');
		expect(after.texts.length).toBe(first.texts.length + 1);
		// Nothing changed since: the same list (and the search index built on it) after the check.
		vi.setSystemTime(Date.now() + FEW_SECONDS);
		expect((await findVisibleTexts(sp.id)).texts).toBe(after.texts);
	});
});
