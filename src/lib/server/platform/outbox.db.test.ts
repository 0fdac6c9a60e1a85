/**
 * The transactional outbox and the sender job against a real SMTP server: a mail that the server
 * refuses for good is tried MAX_ATTEMPTS times with backoff and then marked "mislukt", while the
 * mail behind it still goes out; a rolled-back change leaves no mail; a failed mail can be put
 * back in the queue. And the maintenance steps run isolated: one failing step stops no other.
 */
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { db } from '../db';
import { mailOutbox } from '../db/schema';
import { useTestDatabase } from '../testing/db';
import { buildSteunpunt } from '../testing/factories';
import { MAX_ATTEMPTS, backoffMinutes, deliverQueuedMail, queueMail, requeueMail, resetMailTransport } from './outbox';
import { runSteps } from '../maintenance';

const received: string[] = [];
let server: SMTPServer;
const savedUrl = process.env.SMTP_URL;

beforeAll(async () => {
	await useTestDatabase();
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			// This server refuses one mailbox for good (550), like a mistyped address.
			if (address.address.startsWith('bestaat-niet')) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
			callback();
		},
		onData(stream, session, callback) {
			stream.resume();
			stream.on('end', () => {
				received.push(...session.envelope.rcptTo.map((r) => r.address));
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
	resetMailTransport();
}, 120_000);

afterAll(async () => {
	if (savedUrl === undefined) delete process.env.SMTP_URL;
	else process.env.SMTP_URL = savedUrl;
	resetMailTransport();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

const row = async (id: string) => (await db().select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0];

describe('the outbox', () => {
	it('backs off, gives up after MAX_ATTEMPTS on a refused mail, and still sends the one behind it', async () => {
		const sp = await buildSteunpunt();
		const tag = Math.random().toString(36).slice(2, 8);
		const bad = await queueMail(db(), { steunpuntId: sp.id, to: `bestaat-niet-${tag}@example.test`, subject: 'Kapot', text: 'x' });
		const good = await queueMail(db(), { steunpuntId: sp.id, to: `goed-${tag}@example.test`, subject: 'Heel', text: 'y' });
		let clock = Date.now();
		for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			await deliverQueuedMail(() => new Date(clock));
			const r = await row(bad);
			expect(r.attempts).toBe(attempt);
			expect(r.lastError).toBe('550');
			expect(r.status).toBe(attempt < MAX_ATTEMPTS ? 'wacht' : 'mislukt');
			// Not tried again before its backoff is over.
			expect(r.nextAttemptAt.getTime()).toBe(clock + backoffMinutes(attempt) * 60_000);
			clock += backoffMinutes(attempt) * 60_000;
		}
		expect((await row(good)).status).toBe('verstuurd');
		expect(received.filter((to) => to === `goed-${tag}@example.test`)).toHaveLength(1);
		// Given up: later runs leave it alone.
		await deliverQueuedMail(() => new Date(clock + 86_400_000));
		expect((await row(bad)).attempts).toBe(MAX_ATTEMPTS);

		// "Opnieuw proberen" puts it back with a fresh count.
		expect(await requeueMail(db(), { mailId: bad, steunpuntId: sp.id })).toBe(true);
		const again = await row(bad);
		expect([again.status, again.attempts]).toEqual(['wacht', 0]);
		// Only failed mail can be requeued, and only in its own steunpunt.
		expect(await requeueMail(db(), { mailId: good, steunpuntId: sp.id })).toBe(false);
		// Leave no queued mail for other test files' sender runs.
		await db().delete(mailOutbox).where(eq(mailOutbox.id, bad));
	});

	it("writes mail in the caller's transaction: a rolled-back change leaves none", async () => {
		const sp = await buildSteunpunt();
		const to = `terug-${Math.random().toString(36).slice(2, 8)}@example.test`;
		await expect(
			db().transaction(async (tx) => {
				await queueMail(tx as never, { steunpuntId: sp.id, to, subject: 'Nooit', text: 'z' });
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		expect(await db().select().from(mailOutbox).where(eq(mailOutbox.to, to))).toHaveLength(0);
	});

	it('wipes a mail that should not outlive delivery once it is sent', async () => {
		const sp = await buildSteunpunt();
		const id = await queueMail(db(), {
			steunpuntId: sp.id,
			to: `inzage-${Math.random().toString(36).slice(2, 8)}@example.test`,
			subject: 'Jouw gegevens',
			text: 'Naam: Anna',
			eraseAfterSend: true
		});
		// Files share one database and module state (vitest isolate: false): a round another file
		// started may still be finishing; the second call is a round that certainly looks for this mail.
		await deliverQueuedMail();
		await deliverQueuedMail();
		const r = await row(id);
		expect(r.status).toBe('verstuurd');
		expect(r.text).not.toContain('Anna');
		expect(r.to).not.toContain('@');
	});
});

describe('maintenance steps', () => {
	it('runs every step even when one fails, and reports which', async () => {
		const ran: string[] = [];
		const outcomes = await runSteps([
			['een', async () => void ran.push('een')],
			[
				'kapot',
				async () => {
					throw Object.assign(new Error('boom'), { code: 'XX000' });
				}
			],
			['drie', async () => void ran.push('drie')]
		]);
		expect(ran).toEqual(['een', 'drie']);
		expect(outcomes).toEqual([
			{ step: 'een', ok: true },
			{ step: 'kapot', ok: false, code: 'XX000' },
			{ step: 'drie', ok: true }
		]);
	});
});
