/**
 * Helpers for the Activiteiten specs: dates in Europe/Amsterdam, the regisseur's plan form (in
 * the browser and as a plain post), the public sign-up as a plain post, and reading ids from
 * redirects.
 */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { errorSummary, postForm, type FormBody } from '../fixtures/forms';
import { expectNoAxeViolations } from '../fixtures/axe';

const TZ = 'Europe/Amsterdam';
const parts = new Intl.DateTimeFormat('en-US', {
	timeZone: TZ,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit'
});

/** An instant as a date ("2026-11-23") and a time ("17:45") in the Netherlands. */
export function nlLocal(at: Date): { day: string; time: string } {
	const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
	return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** A date and time in the Netherlands → the instant (tries UTC+1 and UTC+2). */
export function nlToInstant(day: string, time: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	for (const offset of [60, 120]) {
		const at = new Date(Date.UTC(y, m - 1, d, hh, mm) - offset * 60_000);
		const back = nlLocal(at);
		if (back.day === day && back.time === time) return at;
	}
	throw new Error(`${day} ${time} bestaat niet in Nederland`);
}

/** "20261123T164500Z" (iCalendar UTC time). */
export const icsTime = (at: Date) =>
	at
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');

/**
 * A slot 2–5 hours from now, within 24 hours (so check-in, which opens 24 h before the start,
 * is possible), with the end on the same day: about 2.5 h from now rounded up to 15 minutes; if
 * that starts after 22:00 in the Netherlands, tomorrow 00:30 instead (still less than 24 h away).
 */
export function soonSlot(now = new Date()): { day: string; start: string; end: string; startsAt: Date } {
	const quarter = 15 * 60_000;
	const at = new Date(Math.ceil((now.getTime() + 150 * 60_000) / quarter) * quarter);
	let { day, time } = nlLocal(at);
	if (time > '22:00') {
		day = nlLocal(new Date(at.getTime() + 6 * 3_600_000)).day;
		time = '00:30';
	}
	const startsAt = nlToInstant(day, time);
	const [hh, mm] = time.split(':').map(Number);
	const end = `${String(hh + 1).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
	return { day, start: time, end, startsAt };
}

/** A day `days` from now in the Netherlands. */
export function dayFromNow(days: number): string {
	return nlLocal(new Date(Date.now() + days * 86_400_000)).day;
}

/** A valid plan-form body (overrides merged in). */
export function validActivity(overrides: FormBody = {}): FormBody {
	return {
		soort: 'oudercafe',
		titel: 'Oudercafé e2e',
		thema: '',
		voorWie: 'ouders',
		beschrijving: '',
		datum: dayFromNow(10),
		begintijd: '19:30',
		eindtijd: '21:30',
		locatie: 'Ouderkamer',
		adres: 'Teststraat 1',
		plaats: 'Alkmaar',
		toegankelijkheid: '',
		onlineLink: '',
		plekken: '12',
		maxPerAanmelding: '2',
		bedenktijd: '48',
		...overrides
	};
}

/** Plans an activity with a plain post as a logged-in regisseur; returns its id. */
export async function planActivity(page: Page, origin: string, slug: string, overrides: FormBody = {}): Promise<string> {
	const response = await postForm(page.request, origin, `/beheer/${slug}/activiteiten/nieuw`, validActivity(overrides));
	expect(response.status(), `activiteit plannen in ${slug}: ${errorSummary(await response.text())}`).toBe(303);
	return activityIdFrom(response.headers()['location'] ?? '', slug);
}

export function activityIdFrom(location: string, slug: string): string {
	const id = new RegExp(`/beheer/${slug}/activiteiten/([0-9a-f-]{36})\\?gepland=1$`).exec(location)?.[1];
	expect(id, `redirect naar de activiteit: ${location}`).toBeTruthy();
	return id!;
}

/** The signed fill-in time of an activity's sign-up form. */
export async function signupToken(request: APIRequestContext, slug: string, id: string, headers: Record<string, string> = {}): Promise<string> {
	const response = await request.get(`/${slug}/activiteiten/${id}`, { headers });
	expect(response.status(), `GET /${slug}/activiteiten/${id}`).toBe(200);
	const token = /name="formtijd" value="([^"]+)"/.exec(await response.text())?.[1];
	expect(token, 'formtijd op de activiteit').toBeTruthy();
	return token!;
}

/** A valid public sign-up (overrides merged in). */
export function validSignup(formtijd: string, overrides: FormBody = {}): FormBody {
	return {
		formtijd,
		website: '',
		naam: 'Ouder e2e',
		email: '',
		telefoon: '06 12345678',
		aantal: '1',
		wie: 'ouder',
		toelichting: '',
		toestemming: 'ja',
		...overrides
	};
}

/** The personal-link token in a redirect to /<slug>/aanmelding/<token>?nieuw=… */
export function signupFrom(location: string, slug: string): { token: string; status: string } | null {
	const m = new RegExp(`/${slug}/aanmelding/([0-9a-f]{32}[A-Za-z0-9_-]{32})\\?nieuw=(bevestigd|wachtlijst)$`).exec(location);
	return m ? { token: m[1], status: m[2] } : null;
}

/** "Plekken" of the back-office activity page, e.g. "5 van 5 bezet · 45 op de wachtlijst". */
export async function placesLine(page: Page, slug: string, id: string): Promise<string> {
	const response = await page.goto(`/beheer/${slug}/activiteiten/${id}`);
	expect(response?.status()).toBe(200);
	await expectNoAxeViolations(page);
	return (await page.locator('dl.terms dt:text-is("Plekken") + dd').innerText()).trim();
}
