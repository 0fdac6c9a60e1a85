/**
 * B1 readability check for Dutch kennisbank texts (Markdown). Pure: no SvelteKit, no database.
 *
 * What it measures, and why these rules:
 *
 * - **Flesch-Douma** (Douma 1960, the Dutch adaptation of Flesch's Reading Ease):
 *   `206.835 − 0.93 × (words / sentence) − 77 × (syllables / word)`. On the usual Dutch scale
 *   0–30 is very hard, 30–45 hard, 45–60 fairly hard, 60–70 "vrij makkelijk" / normal and 70+ easy.
 *   We ask for **≥ 60**: the bottom of the "vrij makkelijk" band. 45–60 is reported as B2, below 45 as C1.
 *   This is a rough mapping of a score onto CEFR levels, not an official one: the formula only sees
 *   word and sentence length. It cannot see whether a word is common, whether the order of the
 *   sentences makes sense or whether the text speaks to the reader. It is a signal for the editor,
 *   which is why a failing text can still be published with an override reason.
 * - **Average sentence length ≤ 15 words**: the most common piece of Dutch B1 writing guidance
 *   (short sentences, about 10–15 words on average). Flesch-Douma gives sentence length little weight
 *   (0.93 per word), so a text with short words can score 60+ with long sentences; this rule stops that.
 * - **No sentence over 25 words**: an average can hide one very long sentence, and that is the
 *   sentence a B1 reader gets lost in. Sentences over 20 words are shown as issues (advice); a
 *   sentence over 25 words makes the text fail.
 * - **LIX** (Björnsson: words / sentence + 100 × share of words longer than 6 letters) and the
 *   long-word share are reported for the editor but do not decide `passes`.
 *
 * `passes` = fleschDouma ≥ 60 AND avgSentenceLength ≤ 15 AND no sentence over 25 words (and the text
 * has at least one word). The decision uses the rounded numbers that the report shows, so an editor
 * never sees "60,0" next to a failing score. Level: B1 if it passes; otherwise B2 if fleschDouma ≥ 45;
 * otherwise C1.
 *
 * Empty text (or only markup): the report has all counts and scores 0, `passes: false`, level C1
 * (the rules above applied to a score of 0) and the summary "Er is nog geen tekst om te meten.".
 * It never throws.
 *
 * Measuring: Markdown markup is stripped first (see {@link plainText}). Headings, list items and table
 * cells each count as their own sentence(s). Fenced code blocks, inline code, images, URLs, HTML tags and
 * comments, and a leading frontmatter block are not counted. Issue offsets (`start`/`end`) point into
 * the original Markdown, so `markdown.slice(start, end) === issue.text`.
 *
 * Words: letters and digits, joined by an apostrophe or hyphen ("auto's", "e-mail", "8-jarige") or
 * a decimal sign between digits ("3,5"). "d.w.z." counts as one word. Syllables: see {@link countSyllables};
 * a number counts as one syllable. Flesch-Douma and LIX are standard, so they also count glossary terms;
 * only the long-word issues and `longWordShare` leave out `knownTerms`.
 */
import type { ReadabilityIssue, ReadabilityReport } from '$lib/readability';

export type { ReadabilityIssue, ReadabilityReport };

export interface ReadabilityOptions {
	/**
	 * Glossary terms (e.g. "ontwikkelingsperspectief"). They are explained via the glossary, so they
	 * give no long-word issue and do not count in `longWordShare`. Matched case-insensitively as a whole
	 * word (or whole phrase for terms of several words); not inside compounds or inflected forms.
	 */
	knownTerms?: string[];
}

/** The B1 thresholds (see the module comment for why). */
export const B1_RULES = {
	minFleschDouma: 60,
	maxAvgSentenceLength: 15,
	maxSentenceLength: 25,
	/** Sentences longer than this get a 'long-sentence' issue (advice). */
	adviseSentenceLength: 20,
	/** Words with at least this many syllables get a 'long-word' issue. */
	longWordSyllables: 5,
	/** Words with more letters than this get a 'long-word' issue. */
	longWordLetters: 15,
	/** Below B1, a Flesch-Douma score of at least this is B2, lower is C1. */
	minFleschDoumaB2: 45
} as const;

// ---------------------------------------------------------------------------------------------
// Officialese ("ambtelijke taal") with a plainer alternative.

interface UncommonEntry {
	pattern: RegExp;
	alternative: string;
}

const L = '\\p{L}\\p{N}';
const word = (forms: string) => new RegExp(`(?<![${L}])(?:${forms})(?![${L}])`, 'giu');
const phrase = (words: string) => word(words.split(' ').join('\\s+'));

const UNCOMMON: UncommonEntry[] = [
	{ pattern: word('indien'), alternative: '"als"' },
	{ pattern: word('teneinde|ten einde'), alternative: '"om ... te"' },
	{ pattern: word('middels'), alternative: '"via" of "met"' },
	{ pattern: word('derhalve'), alternative: '"daarom"' },
	{ pattern: word('alsmede'), alternative: '"en" of "ook"' },
	{ pattern: phrase('ten behoeve van'), alternative: '"voor"' },
	// "dient ... te" is "moet": only when a "te" follows in the same sentence ("dient als" is fine).
	{
		pattern: new RegExp(`(?<![${L}])(?:dien|dient|dienen|diende|dienden)(?![${L}])(?=(?:\\s+\\S+){0,6}?\\s+te(?![${L}]))`, 'giu'),
		alternative: '"moeten"'
	},
	{ pattern: word('betreffende|betreft'), alternative: '"over" (of "die", in "de betreffende school")' },
	{ pattern: word('woonachtig'), alternative: '"wonen" ("je woont in ...")' },
	{ pattern: word('verstrek|verstrekt|verstrekte|verstrekten|verstrekken'), alternative: '"geven"' },
	{ pattern: phrase('met betrekking tot'), alternative: '"over"' },
	{ pattern: phrase('ten aanzien van'), alternative: '"over" of "voor"' },
	{ pattern: phrase('in het kader van'), alternative: '"bij" of "voor"' },
	{ pattern: phrase('naar aanleiding van'), alternative: '"na" of "door"' },
	{ pattern: phrase('op grond van'), alternative: '"volgens" of "door"' },
	{ pattern: phrase('ten gevolge van'), alternative: '"door"' },
	{ pattern: word('inzake|omtrent|aangaande'), alternative: '"over"' },
	{ pattern: word('gedurende'), alternative: '"tijdens"' },
	{ pattern: word('alvorens'), alternative: '"voordat"' },
	{ pattern: word('reeds'), alternative: '"al"' },
	{ pattern: word('tevens'), alternative: '"ook"' },
	{ pattern: word('thans'), alternative: '"nu"' },
	{ pattern: word('echter'), alternative: '"maar"' },
	{ pattern: word('hetgeen'), alternative: '"wat"' },
	{ pattern: word('wellicht'), alternative: '"misschien"' },
	{ pattern: word('onverwijld'), alternative: '"meteen"' },
	{ pattern: word('tracht|trachten|trachtte|trachtten|getracht'), alternative: '"proberen"' },
	{ pattern: word('retourneer|retourneert|retourneren|retourneerde|geretourneerd'), alternative: '"terugsturen"' },
	{ pattern: phrase('doen toekomen'), alternative: '"sturen"' },
	{ pattern: word('vooralsnog'), alternative: '"voorlopig"' },
	{ pattern: word('desalniettemin|niettemin'), alternative: '"toch"' },
	{ pattern: word('ingevolge|conform'), alternative: '"volgens"' },
	{ pattern: word('bewerkstelligen|bewerkstelligt'), alternative: '"zorgen voor" of "regelen"' },
	{ pattern: word('aanvang|aanvangen'), alternative: '"begin" of "beginnen"' },
	{ pattern: word('dusdanig'), alternative: '"zo"' }
];

// ---------------------------------------------------------------------------------------------
// Syllables

/** Vowel combinations that are one syllable, longest first. "eeuw"/"ieuw" are "eeu"/"ieu" + w. */
const VOWEL_UNITS = ['aai', 'ooi', 'oei', 'eeu', 'ieu', 'eau', 'aa', 'ee', 'oo', 'uu', 'ie', 'oe', 'ou', 'au', 'ai', 'ei', 'ij', 'ui', 'eu'];
const isVowel = (c: string | undefined) => c !== undefined && 'aeiouy'.includes(c);

/**
 * Counts the vowel groups of one word (letters only): the known Dutch combinations (aa, ee, oo, uu, ai, eau,
 * ie, oe, ou, au, ei, ij, ui, eu, aai, ooi, oei, eeuw, ieuw) are one syllable; other vowels next to
 * each other are separate syllables ("spe-ci-aal", "si-tu-a-tie", "be-oor-de-len"). A diaeresis starts a
 * new syllable ("ge-eerd", "ru-i-ne", "i-dee-en"); other accents only mark stress ("één" is one).
 */
function vowelGroups(letters: string): number {
	const chars: string[] = [];
	const breakBefore = new Set<number>();
	for (const c of letters.toLowerCase().normalize('NFD')) {
		if (c === '\u0308') breakBefore.add(chars.length - 1);
		else if (/[\u0300-\u036f]/.test(c)) continue;
		else if (/\p{L}/u.test(c)) chars.push(c);
	}
	const s = chars.join('');
	let count = 0;
	for (let i = 0; i < s.length;) {
		const c = s[i];
		// "qu" is a consonant sound; "y" before a vowel is a consonant ("yoga"), elsewhere a vowel ("baby").
		const consonant = !isVowel(c) || (c === 'u' && s[i - 1] === 'q') || (c === 'y' && isVowel(s[i + 1]));
		if (consonant) {
			i++;
			continue;
		}
		let length = 1;
		for (const unit of VOWEL_UNITS) {
			if (!s.startsWith(unit, i)) continue;
			let crossesBreak = false;
			for (let k = i + 1; k < i + unit.length; k++) if (breakBefore.has(k)) crossesBreak = true;
			if (!crossesBreak) {
				length = unit.length;
				break;
			}
		}
		count++;
		i += length;
	}
	return count;
}

/**
 * Dutch syllables of one word as it appears in text. Parts joined by a hyphen are counted separately;
 * an abbreviation in capitals of 2–5 letters ("TLV", "MDO") or with dots ("d.w.z.") is spelled out,
 * one syllable per letter; a number counts as one syllable; every word has at least one syllable.
 */
export function countSyllables(token: string): number {
	if (/^(?:\p{L}\.){2,}$/u.test(token)) return token.replace(/\./g, '').length;
	let total = 0;
	for (const part of token.split('-')) {
		if (!part) continue;
		const base = part.split(/['’]/)[0];
		const rest = part.slice(base.length);
		if (/^\p{Lu}{2,5}$/u.test(base)) total += base.length + vowelGroups(rest);
		else if (!/\p{L}/u.test(part)) total += 1;
		else total += Math.max(1, vowelGroups(part));
	}
	return Math.max(1, total);
}

const letterCount = (token: string) => (token.match(/\p{L}/gu) ?? []).length;

// ---------------------------------------------------------------------------------------------
// Markdown → plain text with a map back to the original offsets

interface Stripped {
	/** Plain text; blocks are separated by a blank line. */
	text: string;
	/** For each character of `text`, its offset in the original Markdown. */
	map: number[];
	/** Ranges of `text` that are one block (paragraph, heading, list item, table cell). */
	blocks: Array<{ start: number; end: number }>;
}

interface Segment {
	start: number;
	end: number;
}

function stripMarkdown(src: string): Stripped {
	const n = src.length;
	const drop = new Uint8Array(n);
	const literal = new Uint8Array(n);
	const replace = new Map<number, string>();
	const dropRange = (a: number, b: number) => drop.fill(1, Math.max(0, a), Math.min(n, b));

	// A leading frontmatter block, and HTML comments.
	const frontmatter = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(src);
	if (frontmatter) dropRange(0, frontmatter[0].length);
	for (const m of src.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) dropRange(m.index, m.index + m[0].length);

	const lines: Segment[] = [];
	for (let pos = 0; ;) {
		const nl = src.indexOf('\n', pos);
		const lineEnd = nl === -1 ? n : nl;
		lines.push({ start: pos, end: lineEnd > pos && src[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd });
		if (nl === -1) break;
		pos = nl + 1;
	}
	// What structure detection sees: dropped characters become spaces.
	const visible = (line: Segment) => {
		let s = '';
		for (let i = line.start; i < line.end; i++) s += drop[i] ? ' ' : src[i];
		return s;
	};

	const blocks: Segment[][] = [];
	let current: Segment[] | null = null;
	const endBlock = () => {
		if (current && current.length) blocks.push(current);
		current = null;
	};

	let fence: { char: string; length: number } | null = null;
	for (const line of lines) {
		let text = visible(line);
		if (fence) {
			dropRange(line.start, line.end);
			const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text);
			if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
			continue;
		}
		const open = /^ {0,3}(`{3,}|~{3,})/.exec(text);
		if (open) {
			endBlock();
			fence = { char: open[1][0], length: open[1].length };
			dropRange(line.start, line.end);
			continue;
		}
		let start = line.start;
		const end = line.end;
		const quote = /^(?:[ \t]{0,3}>[ \t]?)+/.exec(text);
		if (quote) {
			dropRange(start, start + quote[0].length);
			start += quote[0].length;
			text = text.slice(quote[0].length);
		}
		if (!text.trim()) {
			endBlock();
			continue;
		}
		// Setext heading underline (ends the heading above) or thematic break.
		if ((current && /^ {0,3}(?:=+|-+)[ \t]*$/.test(text)) || /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/.test(text)) {
			dropRange(start, end);
			endBlock();
			continue;
		}
		// Link reference definition.
		if (/^ {0,3}\[[^\]]+\]:[ \t]*\S/.test(text)) {
			dropRange(start, end);
			endBlock();
			continue;
		}
		const heading = /^ {0,3}#{1,6}(?:[ \t]+|$)/.exec(text);
		if (heading) {
			endBlock();
			dropRange(start, start + heading[0].length);
			const closing = /[ \t]+#+[ \t]*$/.exec(text);
			if (closing && closing.index >= heading[0].length) dropRange(start + closing.index, end);
			blocks.push([{ start: start + heading[0].length, end }]);
			continue;
		}
		if (/^\s*\|/.test(text)) {
			endBlock();
			if (/^[\s|:-]+$/.test(text) && text.includes('-')) {
				dropRange(start, end);
				continue;
			}
			let cellStart = start;
			for (let i = start; i < end; i++) {
				if (src[i] === '|' && src[i - 1] !== '\\' && !drop[i]) {
					drop[i] = 1;
					if (i > cellStart) blocks.push([{ start: cellStart, end: i }]);
					cellStart = i + 1;
				}
			}
			if (cellStart < end) blocks.push([{ start: cellStart, end }]);
			continue;
		}
		const item = /^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/.exec(text);
		if (item) {
			endBlock();
			let length = item[0].length;
			const task = /^\[[ xX]\][ \t]+/.exec(text.slice(length));
			if (task) length += task[0].length;
			dropRange(start, start + length);
			current = [{ start: start + length, end }];
			continue;
		}
		current ??= [];
		current.push({ start, end });
	}
	endBlock();

	for (const block of blocks) for (const segment of block) stripInline(src, segment, drop, literal, replace);

	// Build the plain text: whitespace collapsed, lines of a block joined by a space.
	let text = '';
	const map: number[] = [];
	const blockRanges: Array<{ start: number; end: number }> = [];
	for (const block of blocks) {
		const blockStart = text.length;
		let space = -1; // original offset of a pending space, or -1
		let started = false;
		for (const segment of block) {
			for (let i = segment.start; i < segment.end; i++) {
				if (drop[i]) continue;
				const chars = replace.get(i) ?? src[i];
				if (/^\s+$/u.test(chars)) {
					if (space < 0) space = i;
					continue;
				}
				if (space >= 0 && started) {
					text += ' ';
					map.push(space);
				}
				space = -1;
				started = true;
				for (const c of chars) {
					text += c;
					for (let k = 0; k < c.length; k++) map.push(i);
				}
			}
			if (space < 0) space = segment.end;
		}
		if (!started) continue;
		if (blockRanges.length) {
			// Separator before this block (its map entries are never part of a sentence).
			const at = map[blockStart - 1] + 1;
			text = text.slice(0, blockStart) + '\n\n' + text.slice(blockStart);
			map.splice(blockStart, 0, at, at);
			blockRanges.push({ start: blockStart + 2, end: text.length });
		} else blockRanges.push({ start: blockStart, end: text.length });
	}
	return { text, map, blocks: blockRanges };
}

/** Removes inline markup in one line segment by marking characters as dropped. */
function stripInline(src: string, { start, end }: Segment, drop: Uint8Array, literal: Uint8Array, replace: Map<number, string>) {
	const dropRange = (a: number, b: number) => drop.fill(1, a, b);
	// Backslash escapes: the next character is text, not markup.
	for (let i = start; i < end; i++) {
		if (src[i] !== '\\' || drop[i]) continue;
		if (i + 1 === end)
			drop[i] = 1; // hard line break
		else if (/[!-/:-@[-`{-~]/.test(src[i + 1])) {
			drop[i] = 1;
			literal[i + 1] = 1;
			i++;
		}
	}
	const free = (i: number) => !drop[i] && !literal[i];
	// Inline code: dropped with its content (code is not prose).
	for (let i = start; i < end; i++) {
		if (src[i] !== '`' || !free(i)) continue;
		let k = i;
		while (k < end && src[k] === '`') k++;
		const ticks = src.slice(i, k);
		let close = -1;
		for (let j = src.indexOf(ticks, k); j !== -1 && j < end; j = src.indexOf(ticks, j + 1)) {
			if (src[j + ticks.length] !== '`' && src[j - 1] !== '`') {
				close = j;
				break;
			}
		}
		if (close === -1 || close + ticks.length > end) {
			dropRange(i, k);
			i = k - 1;
		} else {
			dropRange(i, close + ticks.length);
			i = close + ticks.length - 1;
		}
	}
	const line = src.slice(start, end);
	const each = (pattern: RegExp, fn: (at: number, m: RegExpExecArray) => void) => {
		for (const m of line.matchAll(pattern)) if (free(start + m.index)) fn(start + m.index, m as RegExpExecArray);
	};
	// Images: not read as text.
	each(/!\[[^\]]*\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, (at, m) => dropRange(at, at + m[0].length));
	// Links: keep the link text.
	each(/\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+"[^"]*")?\)/g, (at, m) => {
		drop[at] = 1;
		dropRange(at + 1 + m[1].length, at + m[0].length);
	});
	each(/\[([^\]]+)\]\[[^\]]*\]/g, (at, m) => {
		drop[at] = 1;
		dropRange(at + 1 + m[1].length, at + m[0].length);
	});
	// Autolinks, e-mail links and HTML tags (a tag becomes a space: "a<br>b" is two words).
	each(/<(?:https?:\/\/|mailto:)[^>\s]*>|<[^>\s@]+@[^>\s]+>/g, (at, m) => dropRange(at, at + m[0].length));
	each(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, (at, m) => {
		dropRange(at + 1, at + m[0].length);
		replace.set(at, ' ');
	});
	// Bare URLs and e-mail addresses: not words a reader reads as text.
	each(/(?:https?:\/\/|www\.)[^\s<>()]*[^\s<>().,;:!?'"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, (at, m) => dropRange(at, at + m[0].length));
	// HTML entities.
	const named: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", euml: 'ë', eacute: 'é', iuml: 'ï' };
	each(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (at, m) => {
		const name = m[1];
		const decoded = name.startsWith('#')
			? String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10))
			: named[name.toLowerCase()];
		if (decoded === undefined) return;
		replace.set(at, decoded);
		dropRange(at + 1, at + m[0].length);
	});
	// Emphasis and strikethrough markers.
	const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
	for (let i = start; i < end; i++) {
		if (!free(i)) continue;
		const c = src[i];
		if (c === '*') drop[i] = 1;
		else if (c === '~' && (src[i + 1] === '~' || src[i - 1] === '~')) drop[i] = 1;
		else if (c === '_' && (!wordChar(src[i - 1]) || !wordChar(src[i + 1]))) drop[i] = 1;
	}
}

/**
 * The text that is measured: Markdown without its markup. Headings, list items, paragraphs and table
 * cells are separated by a blank line; whitespace inside them is collapsed to single spaces.
 */
export function plainText(markdown: string): string {
	return stripMarkdown(markdown).text;
}

// ---------------------------------------------------------------------------------------------
// Analysis

const WORD = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:(?:['’-]|[.,:](?=\p{N}))[\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?…]/;

interface Token {
	text: string;
	start: number; // in plain text
	end: number;
}

/** Splits a block into sentences: after . ! ? … (and closing quotes), when what follows is not lower case. */
function splitSentences(text: string, from: number, to: number): Segment[] {
	const sentences: Segment[] = [];
	const push = (a: number, b: number) => {
		while (a < b && /\s/.test(text[a])) a++;
		while (b > a && /\s/.test(text[b - 1])) b--;
		if (b > a) sentences.push({ start: a, end: b });
	};
	let sentenceStart = from;
	for (let i = from; i < to; i++) {
		if (!SENTENCE_END.test(text[i])) continue;
		let j = i + 1;
		while (j < to && SENTENCE_END.test(text[j])) j++;
		while (j < to && /["'”’»)\]]/.test(text[j])) j++;
		if (j < to && !/\s/.test(text[j])) {
			i = j - 1;
			continue;
		}
		let k = j;
		while (k < to && /\s/.test(text[k])) k++;
		if (k < to && /\p{Ll}/u.test(text[k])) {
			i = k - 1;
			continue;
		}
		push(sentenceStart, j);
		sentenceStart = k;
		i = k - 1;
	}
	push(sentenceStart, to);
	return sentences;
}

const round = (value: number, decimals: number) => {
	const f = 10 ** decimals;
	return Math.round(value * f) / f;
};
const nl = (value: number) => String(value).replace('.', ',');
const joinDutch = (parts: string[]) => (parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1]}`);

export function analyzeReadability(markdown: string, options: ReadabilityOptions = {}): ReadabilityReport {
	const source = markdown ?? '';
	const { text, map, blocks } = stripMarkdown(source);
	const span = (from: number, to: number) => {
		const start = map[from];
		const end = map[to - 1] + 1;
		return { start, end, text: source.slice(start, end) };
	};

	// Known terms: single words by lower-case form, phrases by searching the plain text.
	const knownWords = new Set<string>();
	const knownPositions = new Set<number>();
	for (const raw of options.knownTerms ?? []) {
		const term = raw.trim().normalize('NFC').toLowerCase();
		if (!term) continue;
		if (!/\s/.test(term)) {
			knownWords.add(term);
			continue;
		}
		const escaped = term
			.split(/\s+/)
			.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
			.join('\\s+');
		for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))) {
			for (let i = m.index; i < m.index + m[0].length; i++) knownPositions.add(i);
		}
	}
	const isKnown = (token: Token) => knownWords.has(token.text.normalize('NFC').toLowerCase()) || knownPositions.has(token.start);

	const issues: ReadabilityIssue[] = [];
	let words = 0;
	let sentences = 0;
	let syllables = 0;
	let longAll = 0;
	let longUnknown = 0;
	let overMax = 0;

	for (const block of blocks) {
		for (const sentence of splitSentences(text, block.start, block.end)) {
			const body = text.slice(sentence.start, sentence.end);
			const tokens: Token[] = [];
			for (const m of body.matchAll(WORD)) {
				tokens.push({ text: m[0], start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
			}
			if (!tokens.length) continue;
			sentences++;
			words += tokens.length;
			if (tokens.length > B1_RULES.maxSentenceLength) overMax++;
			if (tokens.length > B1_RULES.adviseSentenceLength) {
				issues.push({
					kind: 'long-sentence',
					...span(sentence.start, sentence.end),
					message:
						tokens.length > B1_RULES.maxSentenceLength
							? `Deze zin heeft ${tokens.length} woorden. Dat is te lang: maak er twee of drie zinnen van.`
							: `Deze zin heeft ${tokens.length} woorden. Maak er twee zinnen van.`
				});
			}
			for (const token of tokens) {
				const count = countSyllables(token.text);
				const letters = letterCount(token.text);
				syllables += count;
				const known = isKnown(token);
				if (letters > 6) {
					longAll++;
					if (!known) longUnknown++;
				}
				if (known) continue;
				if (count >= B1_RULES.longWordSyllables) {
					issues.push({
						kind: 'long-word',
						...span(token.start, token.end),
						message: `"${token.text}" heeft ${count} lettergrepen. Kies een korter woord, of leg het woord uit.`
					});
				} else if (letters > B1_RULES.longWordLetters) {
					issues.push({
						kind: 'long-word',
						...span(token.start, token.end),
						message: `"${token.text}" is een lang woord (${letters} letters). Kies een korter woord, of leg het woord uit.`
					});
				}
			}
			for (const entry of UNCOMMON) {
				for (const m of body.matchAll(entry.pattern)) {
					const from = sentence.start + m.index;
					issues.push({
						kind: 'uncommon-word',
						...span(from, from + m[0].length),
						message: `"${m[0].replace(/\s+/g, ' ')}" is ambtelijke taal. Schrijf liever ${entry.alternative}.`
					});
				}
			}
		}
	}
	issues.sort((a, b) => a.start - b.start || a.end - b.end);

	if (words === 0) {
		return {
			words: 0,
			sentences: 0,
			avgSentenceLength: 0,
			avgSyllablesPerWord: 0,
			fleschDouma: 0,
			lix: 0,
			longWordShare: 0,
			passes: false,
			level: 'C1',
			summary: 'Er is nog geen tekst om te meten.',
			issues: []
		};
	}

	const wordsPerSentence = words / sentences;
	const syllablesPerWord = syllables / words;
	const avgSentenceLength = round(wordsPerSentence, 1);
	const fleschDouma = round(206.835 - 0.93 * wordsPerSentence - 77 * syllablesPerWord, 1);
	const lix = round(wordsPerSentence + (100 * longAll) / words, 1);

	const reasons: string[] = [];
	if (fleschDouma < B1_RULES.minFleschDouma) reasons.push(`de leesscore is ${nl(fleschDouma)} en moet minstens ${B1_RULES.minFleschDouma} zijn`);
	if (avgSentenceLength > B1_RULES.maxAvgSentenceLength)
		reasons.push(`de zinnen hebben gemiddeld ${nl(avgSentenceLength)} woorden en dat mag maximaal ${B1_RULES.maxAvgSentenceLength} zijn`);
	if (overMax) reasons.push(`${overMax === 1 ? 'één zin heeft' : `${overMax} zinnen hebben`} meer dan ${B1_RULES.maxSentenceLength} woorden`);
	const passes = reasons.length === 0;
	const level: ReadabilityReport['level'] = passes ? 'B1' : fleschDouma >= B1_RULES.minFleschDoumaB2 ? 'B2' : 'C1';
	const summary = passes
		? issues.length
			? `De tekst is goed te lezen op B1-niveau, maar kijk nog naar ${issues.length === 1 ? 'één punt' : `${issues.length} punten`}.`
			: 'De tekst is goed te lezen op B1-niveau.'
		: `De tekst is nog niet op B1-niveau (nu ${level}): ${joinDutch(reasons)}.`;

	return {
		words,
		sentences,
		avgSentenceLength,
		avgSyllablesPerWord: round(syllablesPerWord, 2),
		fleschDouma,
		lix,
		longWordShare: round(longUnknown / words, 3),
		passes,
		level,
		summary,
		issues
	};
}
