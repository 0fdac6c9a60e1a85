/**
 * The mails of Activiteiten, in Dutch (B1), plain text plus simple HTML. Every mail to a
 * participant carries their personal link to change or cancel; the confirmation carries the
 * activity as an .ics file for their calendar.
 */
import { buildMail, type MailContent, type MailSteunpunt } from '../platform/mail-content';
import type { MailAttachment } from '../db/schema';
import { icsCalendar } from './ical';
import { formatMoment, formatWhen } from './time';

export interface MailActivity {
	id: string;
	title: string;
	startsAt: Date;
	endsAt: Date;
	online: boolean;
	locationName: string | null;
	address: string | null;
	place: string | null;
	onlineUrl: string | null;
	sequence: number;
	updatedAt: Date;
	description: string | null;
}

const build = buildMail;

export function whereText(a: Pick<MailActivity, 'online' | 'locationName' | 'address' | 'place'>): string {
	if (a.online) return 'Online';
	return [a.locationName, a.address, a.place].filter(Boolean).join(', ');
}

const hello = (name: string | null) => (name ? `Beste ${name},` : 'Hallo,');
const personalLink = (o: { origin: string; steunpunt: MailSteunpunt; token: string }) => `${o.origin}/${o.steunpunt.slug}/aanmelding/${o.token}`;
const signature = (s: MailSteunpunt) => `Met vriendelijke groet,\n${s.naam}${s.telefoon ? `\n${s.telefoon}` : ''}`;

/** The activity as an .ics attachment (for the confirmation and for taking an offered place). */
export function icsAttachment(o: { origin: string; steunpunt: MailSteunpunt; activity: MailActivity; host: string }): MailAttachment {
	const a = o.activity;
	return {
		filename: 'activiteit.ics',
		contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
		content: icsCalendar({
			name: o.steunpunt.naam,
			events: [
				{
					uid: `${a.id}@${o.host}`,
					sequence: a.sequence,
					startsAt: a.startsAt,
					endsAt: a.endsAt,
					updatedAt: a.updatedAt,
					summary: `${a.title} – ${o.steunpunt.naam}`,
					description: [a.description, a.online && a.onlineUrl ? `Link: ${a.onlineUrl}` : null].filter(Boolean).join('\n\n') || null,
					location: a.online ? (a.onlineUrl ?? 'Online') : whereText(a),
					url: `${o.origin}/${o.steunpunt.slug}/activiteiten/${a.id}`
				}
			]
		})
	};
}

export function confirmationMail(o: {
	origin: string;
	steunpunt: MailSteunpunt;
	activity: MailActivity;
	token: string;
	name: string | null;
	people: number;
}): MailContent {
	const a = o.activity;
	return build(`Je bent aangemeld: ${a.title}`, [
		hello(o.name),
		`Fijn dat je komt! Je bent aangemeld voor ${a.title}${o.people > 1 ? ` met ${o.people} personen` : ''}.`,
		`Wanneer: ${formatWhen(a.startsAt, a.endsAt)}\nWaar: ${whereText(a)}`,
		a.online && a.onlineUrl ? `Je doet mee via deze link: ${a.onlineUrl}` : null,
		'In de bijlage staat de activiteit voor je agenda. Twee dagen van tevoren krijg je nog een herinnering.',
		`Kun je toch niet, of wil je iets veranderen? Dat kan via je eigen link: ${personalLink(o)}`,
		signature(o.steunpunt)
	]);
}

export function waitingListMail(o: {
	origin: string;
	steunpunt: MailSteunpunt;
	activity: MailActivity;
	token: string;
	name: string | null;
	position: number;
}): MailContent {
	const a = o.activity;
	return build(`Je staat op de wachtlijst: ${a.title}`, [
		hello(o.name),
		`${a.title} op ${formatWhen(a.startsAt, a.endsAt)} is vol. Je staat op de wachtlijst, op plek ${o.position}.`,
		'Komt er een plek vrij? Dan krijg je een mail. Je hebt dan even de tijd om de plek te nemen.',
		`Wil je niet meer op de wachtlijst staan? Meld je af via je eigen link: ${personalLink(o)}`,
		signature(o.steunpunt)
	]);
}

export function offerMail(o: {
	origin: string;
	steunpunt: MailSteunpunt;
	activity: MailActivity;
	token: string;
	name: string | null;
	until: Date;
}): MailContent {
	const a = o.activity;
	return build(`Er is een plek vrij: ${a.title}`, [
		hello(o.name),
		`Goed nieuws: er is een plek vrijgekomen bij ${a.title} op ${formatWhen(a.startsAt, a.endsAt)}.`,
		`Wil je komen? Neem de plek vóór ${formatMoment(o.until)} via deze link: ${personalLink(o)}`,
		'Reageer je niet op tijd, dan gaat de plek naar de volgende op de wachtlijst.',
		signature(o.steunpunt)
	]);
}

export function offerExpiredMail(o: { origin: string; steunpunt: MailSteunpunt; activity: MailActivity; name: string | null }): MailContent {
	const a = o.activity;
	return build(`De plek is doorgegeven: ${a.title}`, [
		hello(o.name),
		`Er was een plek voor je vrij bij ${a.title}, maar we hoorden niet op tijd van je. De plek is nu naar de volgende op de wachtlijst gegaan.`,
		`Wil je toch komen? Kijk in de agenda of er nog plek is: ${o.origin}/${o.steunpunt.slug}/activiteiten/${a.id}`,
		signature(o.steunpunt)
	]);
}

export function cancelledMail(o: { steunpunt: MailSteunpunt; activity: MailActivity; name: string | null; waiting?: boolean }): MailContent {
	const when = formatWhen(o.activity.startsAt, o.activity.endsAt);
	return build(`Je bent afgemeld: ${o.activity.title}`, [
		hello(o.name),
		o.waiting
			? `Je staat niet meer op de wachtlijst voor ${o.activity.title} op ${when}.`
			: `Je bent afgemeld voor ${o.activity.title} op ${when}. Jammer dat je niet kunt. Je plek gaat naar iemand anders.`,
		signature(o.steunpunt)
	]);
}

export function reminderMail(o: { origin: string; steunpunt: MailSteunpunt; activity: MailActivity; token: string | null; name: string | null }): MailContent {
	const a = o.activity;
	return build(`Herinnering: ${a.title}`, [
		hello(o.name),
		`Nog even en dan is het zover: ${a.title}.`,
		`Wanneer: ${formatWhen(a.startsAt, a.endsAt)}\nWaar: ${whereText(a)}`,
		a.online && a.onlineUrl ? `Je doet mee via deze link: ${a.onlineUrl}` : null,
		o.token ? `Kun je toch niet? Meld je dan af via je eigen link, dan kan iemand van de wachtlijst komen: ${personalLink({ ...o, token: o.token })}` : null,
		signature(o.steunpunt)
	]);
}

export function feedbackMail(o: { origin: string; steunpunt: MailSteunpunt; activity: MailActivity; token: string; name: string | null }): MailContent {
	return build(`Hoe was het? ${o.activity.title}`, [
		hello(o.name),
		`Dank je wel dat je er was bij ${o.activity.title}. Wil je ons twee korte vragen beantwoorden? Je naam wordt niet bewaard bij je antwoord.`,
		`${o.origin}/${o.steunpunt.slug}/activiteit-feedback/${o.token}`,
		signature(o.steunpunt)
	]);
}

export function activityCancelledMail(o: { steunpunt: MailSteunpunt; activity: MailActivity; name: string | null; reason: string | null }): MailContent {
	return build(`Gaat niet door: ${o.activity.title}`, [
		hello(o.name),
		`Helaas gaat ${o.activity.title} op ${formatWhen(o.activity.startsAt, o.activity.endsAt)} niet door.`,
		o.reason,
		'Je hoeft niets te doen. Excuses voor het ongemak.',
		signature(o.steunpunt)
	]);
}

/** To everyone signed up or waiting when the time or place changes (with the new .ics for the agenda). */
export function changedMail(o: { origin: string; steunpunt: MailSteunpunt; activity: MailActivity; token: string; name: string | null }): MailContent {
	const a = o.activity;
	return build(`Gewijzigd: ${a.title}`, [
		hello(o.name),
		`Er is iets veranderd aan ${a.title}. Dit is de nieuwe tijd en plaats:`,
		`Wanneer: ${formatWhen(a.startsAt, a.endsAt)}\nWaar: ${whereText(a)}`,
		a.online && a.onlineUrl ? `Je doet mee via deze link: ${a.onlineUrl}` : null,
		'Sta je ingeschreven? In de bijlage staat de nieuwe tijd voor je agenda.',
		`Kun je nu niet meer? Meld je af via je eigen link: ${personalLink(o)}`,
		signature(o.steunpunt)
	]);
}
