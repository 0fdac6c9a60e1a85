/**
 * Markdown → safe HTML for kennisbank texts. Raw HTML in a text is shown as text, links may only
 * go to http(s), mailto, tel or our own pages, and the first use of each glossary term links to
 * the begrippenlijst.
 */
import { Marked, type Tokens } from 'marked';
import { escapeHtml } from '$lib/html';

export interface GlossaryLinkTerm {
	slug: string;
	term: string;
	aliases: string[];
}

const marked = new Marked({
	gfm: true,
	breaks: false,
	renderer: {
		html(token: Tokens.HTML | Tokens.Tag) {
			return escapeHtml(token.text);
		},
		link(token: Tokens.Link) {
			const href = token.href ?? '';
			const safe = /^(https?:|mailto:|tel:|\/(?!\/)|#)/i.test(href);
			const text = this.parser.parseInline(token.tokens);
			return safe ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
		},
		image(token: Tokens.Image) {
			return escapeHtml(token.text ?? '');
		}
	}
});

/** Renders Markdown to HTML, with `###`/`##` headings shifted so the page's h1 stays the only h1. */
export function renderMarkdown(markdown: string): string {
	return marked.parse(markdown.replace(/^# /gm, '## '), { async: false }) as string;
}

/**
 * Links the first occurrence of each glossary term (or alias) in the HTML's text, never inside
 * a link or heading. Returns the HTML and the slugs of the terms it found.
 */
export function linkGlossaryTerms(html: string, terms: GlossaryLinkTerm[], hrefFor: (slug: string) => string): { html: string; used: string[] } {
	const bySurface = new Map<string, string>();
	for (const t of terms) {
		for (const surface of [t.term, ...t.aliases]) {
			const key = surface.trim().toLowerCase();
			if (key.length >= 2 && !bySurface.has(key)) bySurface.set(key, t.slug);
		}
	}
	if (!bySurface.size) return { html, used: [] };
	const alternatives = [...bySurface.keys()].sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
	const used = new Set<string>();
	let blocked = 0;
	const parts = html.split(/(<[^>]+>)/);
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		if (part.startsWith('<')) {
			if (/^<(a|h[1-6])[\s>]/i.test(part)) blocked++;
			else if (/^<\/(a|h[1-6])>/i.test(part)) blocked = Math.max(0, blocked - 1);
			continue;
		}
		if (blocked || !part.trim()) continue;
		parts[i] = part.replace(pattern, (match) => {
			const slug = bySurface.get(match.toLowerCase());
			if (!slug || used.has(slug)) return match;
			used.add(slug);
			return `<a class="begrip" href="${hrefFor(slug)}">${match}</a>`;
		});
	}
	return { html: parts.join(''), used: [...used] };
}
