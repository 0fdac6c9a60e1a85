/**
 * The mails of Vragen en contacten, in Dutch (B1): plain text plus simple HTML. Every mail ends
 * with the parent's personal link to see or delete their data (AVG).
 */
import { buildMail, type MailContent, type MailSteunpunt } from '../platform/mail-content';

export type { MailContent, MailSteunpunt };

function contactLine(s: MailSteunpunt): string {
	const ways = [s.telefoon ? `bel ${s.telefoon}` : null, s.email ? `mail naar ${s.email}` : null].filter(Boolean);
	return ways.length ? `Wil je ons iets laten weten? ${ways.join(' of ')}.` : '';
}

function privacyLine(origin: string, s: MailSteunpunt, token: string): string {
	return `Wil je zien welke gegevens wij van je bewaren, of wil je dat we ze wissen? Dat kan via je persoonlijke link: ${origin}/${s.slug}/mijn-gegevens/${token}`;
}

const build = buildMail;

/** Sent after a web question or call-back request, when the parent gave a mail address. */
export function confirmationMail(options: {
	origin: string;
	steunpunt: MailSteunpunt;
	token: string;
	reference: string;
	kind: 'vraag' | 'terugbellen';
	dueText: string;
	name: string | null;
}): MailContent {
	const { steunpunt: s } = options;
	const what = options.kind === 'vraag' ? 'je vraag' : 'je verzoek om je terug te bellen';
	return build(`We hebben ${what} ontvangen (${options.reference})`, [
		options.name ? `Beste ${options.name},` : 'Hallo,',
		`Dank je wel voor ${what}. Het nummer is ${options.reference}. Noem dit nummer als je ons belt of mailt.`,
		`Wat gebeurt er nu? Iemand van ${s.naam} neemt ${options.dueText} contact met je op.`,
		contactLine(s),
		privacyLine(options.origin, s, options.token),
		`Met vriendelijke groet,\n${s.naam}`
	]);
}

/** "Hoe gaat het nu?": the follow-up the steunpunt promised, with a one-click answer. */
export function followUpMail(options: {
	origin: string;
	steunpunt: MailSteunpunt;
	accessToken: string;
	answerToken: string;
	name: string | null;
}): MailContent {
	const { steunpunt: s } = options;
	const link = (trend: string) => `${options.origin}/${s.slug}/hoe-gaat-het/${options.answerToken}?trend=${trend}`;
	return build(`Hoe gaat het nu? – ${s.naam}`, [
		options.name ? `Beste ${options.name},` : 'Hallo,',
		`Een tijdje geleden had je contact met ${s.naam}. We willen graag weten hoe het nu met je en je kind gaat.`,
		`Klik op wat het beste past. Het kost je maar een minuut.`,
		`Het gaat beter: ${link('beter')}`,
		`Het gaat hetzelfde: ${link('hetzelfde')}`,
		`Het gaat slechter: ${link('slechter')}`,
		`Wil je liever praten? ${contactLine(s) || 'Neem dan contact met ons op.'}`,
		privacyLine(options.origin, s, options.accessToken),
		`Met vriendelijke groet,\n${s.naam}`
	]);
}

/** The answer to a request for inzage: everything the steunpunt keeps about the parent. */
export function exportMail(options: { origin: string; steunpunt: MailSteunpunt; accessToken: string; reference: string; exportText: string }): MailContent {
	const { steunpunt: s } = options;
	return build(`Jouw gegevens bij ${s.naam} (${options.reference})`, [
		'Hallo,',
		`Je vroeg welke gegevens ${s.naam} van je bewaart. Hieronder staat alles wat we hebben bij nummer ${options.reference}.`,
		options.exportText,
		privacyLine(options.origin, s, options.accessToken),
		`Met vriendelijke groet,\n${s.naam}`
	]);
}

/** Confirms that the parent's data has been deleted and says what was removed (counts only). */
export function deletedMail(options: { steunpunt: MailSteunpunt; reference: string; removed?: string[] }): MailContent {
	const { steunpunt: s } = options;
	return build(`Je gegevens zijn gewist (${options.reference})`, [
		'Hallo,',
		`Je vroeg ons je gegevens te wissen (nummer ${options.reference}). Dat hebben we gedaan. Je naam, telefoonnummer, mailadres, wat je ons vertelde en onze aantekeningen zijn weg.`,
		...(options.removed?.length ? [`Dit hebben we gewist:\n${options.removed.map((line) => `- ${line}`).join('\n')}`] : []),
		'Wat blijft, is alleen een telling zonder naam (bijvoorbeeld: "een vraag over thuiszitten"). Daarmee kan niemand zien dat het over jou ging. Deze mail wissen we ook, zodra hij verstuurd is.',
		contactLine(s),
		`Met vriendelijke groet,\n${s.naam}`
	]);
}
