/**
 * What every domain's mails share: the steunpunt as a mail shows it, the subject/text/HTML shape,
 * and building the simple HTML part from paragraphs (links made clickable, text escaped).
 */
import { escapeHtml } from '$lib/html';

export interface MailSteunpunt {
	slug: string;
	naam: string;
	telefoon: string | null;
	email: string | null;
}

export interface MailContent {
	subject: string;
	text: string;
	html: string;
}

/** A mail from paragraphs: blank ones dropped; line breaks kept; links clickable in the HTML. */
export function buildMail(subject: string, lines: (string | null | false | undefined)[]): MailContent {
	const list = lines.filter((l): l is string => !!l);
	return {
		subject,
		text: list.join('\n\n'),
		html: list
			.map(
				(l) =>
					`<p>${escapeHtml(l)
						.replace(/\n/g, '<br>')
						.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`
			)
			.join('\n')
	};
}
