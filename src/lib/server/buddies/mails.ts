/** The buddy programme's mails, in Dutch (B1), plain text plus simple HTML. */
import { buildMail, type MailContent, type MailSteunpunt } from '../platform/mail-content';

const build = buildMail;

/** To the buddy: a parent could use your support. Accept or decline by link (or in your own screen). */
export function proposalMail(o: { origin: string; steunpunt: MailSteunpunt; token: string; buddyName: string }): MailContent {
	return build(`Wil je een ouder steunen? – ${o.steunpunt.naam}`, [
		`Beste ${o.buddyName},`,
		`${o.steunpunt.naam} vraagt of je een ouder wilt steunen als buddy. Je leest meer over de vraag als je inlogt, of de regisseur belt je.`,
		`Laat weten of je het wilt doen: ${o.origin}/${o.steunpunt.slug}/buddy-voorstel/${o.token}`,
		`Dank je wel,\n${o.steunpunt.naam}`
	]);
}

/** To the parent when the match ends: "Voel je je gesteund?" — a short survey. */
export function endMail(o: { origin: string; steunpunt: MailSteunpunt; token: string; name: string | null }): MailContent {
	return build(`Hoe was je buddy? – ${o.steunpunt.naam}`, [
		o.name ? `Beste ${o.name},` : 'Hallo,',
		`De steun van je buddy is afgelopen. We willen graag weten of je je gesteund voelde. Het zijn drie korte vragen, zonder je naam.`,
		`${o.origin}/${o.steunpunt.slug}/buddy-vragenlijst/${o.token}`,
		`Met vriendelijke groet,\n${o.steunpunt.naam}`
	]);
}

/** To the buddy: a gentle check-in when no contact was logged for a while. */
export function reminderMail(o: { origin: string; steunpunt: MailSteunpunt; buddyName: string; weeks: number }): MailContent {
	return build(`Hoe gaat het met je buddy-ouder? – ${o.steunpunt.naam}`, [
		`Beste ${o.buddyName},`,
		`We zagen ${o.weeks} weken geen contactmoment bij je koppeling. Hoe gaat het? Leg een contactmoment vast als je elkaar hebt gesproken: ${o.origin}/beheer/${o.steunpunt.slug}/mijn-koppelingen`,
		`Loop je ergens tegenaan? Bel of mail de regisseur gerust.`,
		`Met vriendelijke groet,\n${o.steunpunt.naam}`
	]);
}
