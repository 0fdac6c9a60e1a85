/**
 * Dutch text analysis for search: normalising, tokenizing, stopwords and the Snowball Dutch stemmer.
 * Pure functions, no dependencies.
 *
 * Conventions used throughout the search module:
 * - text is lowercased and stripped of accents (é → e, ë → e, ï → i);
 * - "ij" is folded to "y" after stemming (`fold`), so "mijn", "myn" and "m-ij-n" meet, and a typo
 *   distance counts "ij" as one letter;
 * - digits are kept ("groep 8", "5a", "16 jaar").
 */

/** Longest input we look at (characters) and most tokens we analyse. Parent stories can be long. */
export const MAX_INPUT_CHARS = 10_000;
export const MAX_TOKENS = 300;

/** Lowercase, remove diacritics, the ij-ligature to "ij", apostrophes inside words removed. */
export function normalize(text: string): string {
	if (typeof text !== 'string' || text.length === 0) return '';
	return text
		.slice(0, MAX_INPUT_CHARS)
		.replace(/[\u0080-\uffff]/g, foldChar) // "ĳ" → "ij", "é" → "e"
		.toLowerCase()
		.replace(/<[^>]{0,200}>/g, ' ') // HTML tags
		.replace(/([a-z0-9])['’`´]+(?=[a-z])/g, '$1'); // ib'er → iber, opa's → opas
}

const charCache = new Map<string, string>();
/** One non-ASCII character without its diacritics ("é" → "e", "ĳ" → "ij", "ß" stays). */
function foldChar(ch: string): string {
	let out = charCache.get(ch);
	if (out === undefined) {
		out = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
		if (charCache.size < 5000) charCache.set(ch, out);
	}
	return out;
}

/** Splits normalised text into words of letters and digits. */
export function tokenize(text: string, max = MAX_TOKENS): string[] {
	const out: string[] = [];
	const re = /[a-z0-9]+/g;
	let m: RegExpExecArray | null;
	const s = normalize(text);
	while ((m = re.exec(s)) !== null && out.length < max) out.push(m[0]);
	return out;
}

/** "ij" → "y": the index form of a (stemmed) word. */
export function fold(word: string): string {
	return word.includes('ij') ? word.replace(/ij/g, 'y') : word;
}

/** A "y" typed instead of "ij" between consonants ("myn", "mogelyk") back to "ij", before stemming. */
function unfoldY(word: string): string {
	return word.replace(/([^aeiouy])y(?=[^aeiouy]|$)/g, '$1ij');
}

/** Snowball's Dutch stopword list plus a few filler words parents use in questions. */
const STOPWORD_LIST = `de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan
zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want
nog zal me zij nu ge geen omdat iets worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja
eens hier wie werd altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere
we wij jij jou jouw jullie onze ons mn m n hebt bent kunnen moeten mag mogen willen zouden kun kunt gaat gaan ga
doet deed dan nou eigenlijk gewoon echt even wel heel erg zeer best weer steeds nog waar wanneer waarom welke welk
hoeveel hierover daarover dat dus toch hè he hoi hallo beste vraag vragen graag alvast bedankt dank groet groeten
zoon zonen dochter dochters
a b c d e f g h i j k l m n o p q r s t u v w x y z`;

export const STOPWORDS: ReadonlySet<string> = new Set(
	STOPWORD_LIST.split(/\s+/)
		.filter(Boolean)
		.map((w) => fold(w))
);

export function isStopword(word: string): boolean {
	return STOPWORDS.has(fold(word));
}

// ---------------------------------------------------------------------------------------------
// Snowball Dutch stemmer (the original Snowball "dutch" algorithm by Martin Porter).
// ---------------------------------------------------------------------------------------------

const isV = (c: string | undefined) => c !== undefined && 'aeiouyè'.includes(c);

/**
 * Stems one Dutch word with the Snowball Dutch algorithm: "kinderen" → "kinder",
 * "lichamelijk" → "licham", "maan" → "man". Input is lowercased and stripped of accents first.
 */
export function stemDutch(word: string): string {
	let w = (word ?? '')
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '');
	if (w.length < 3) return w;

	// Prelude: initial y, y after a vowel, and i between vowels are consonants (upper case).
	const chars = w.split('');
	if (chars[0] === 'y') chars[0] = 'Y';
	for (let i = 1; i < chars.length; i++) {
		if (!isV(chars[i - 1])) continue;
		if (chars[i] === 'i' && isV(chars[i + 1])) chars[i] = 'I';
		else if (chars[i] === 'y') chars[i] = 'Y';
	}
	w = chars.join('');
	const n = w.length;

	// Regions: R1 after the first non-vowel following a vowel (at least 3 letters before it), R2 likewise after R1.
	let p1 = n;
	let p2 = n;
	let i = 0;
	while (i < n && !isV(w[i])) i++;
	while (i < n && isV(w[i])) i++;
	if (i < n) {
		const r1 = i + 1;
		p1 = Math.max(r1, 3);
		let j = r1;
		while (j < n && !isV(w[j])) j++;
		while (j < n && isV(w[j])) j++;
		if (j < n) p2 = j + 1;
	}

	const undouble = () => {
		if (/(kk|dd|tt)$/.test(w)) w = w.slice(0, -1);
	};
	/** Deletes the suffix of length len when it starts in R1 and follows a valid en-ending. */
	const enEnding = (len: number): boolean => {
		const pos = w.length - len;
		if (pos < p1 || pos < 1) return false;
		if (isV(w[pos - 1])) return false;
		if (w.slice(0, pos).endsWith('gem')) return false;
		w = w.slice(0, pos);
		undouble();
		return true;
	};
	let eFound = false;
	const eEnding = () => {
		eFound = false;
		const pos = w.length - 1;
		if (w.endsWith('e') && pos >= p1 && pos >= 1 && !isV(w[pos - 1])) {
			w = w.slice(0, pos);
			eFound = true;
			undouble();
		}
	};

	// Step 1
	if (w.endsWith('heden')) {
		if (w.length - 5 >= p1) w = w.slice(0, -5) + 'heid';
	} else if (w.endsWith('ene')) {
		enEnding(3);
	} else if (w.endsWith('en')) {
		enEnding(2);
	} else if (w.endsWith('se') || w.endsWith('s')) {
		const len = w.endsWith('se') ? 2 : 1;
		const pos = w.length - len;
		const before = w[pos - 1];
		if (pos >= p1 && pos >= 1 && !isV(before) && before !== 'j') w = w.slice(0, pos);
	}
	// Step 2
	eEnding();
	// Step 3a
	if (w.endsWith('heid') && w.length - 4 >= p2 && w[w.length - 5] !== 'c') {
		w = w.slice(0, -4);
		if (w.endsWith('en')) enEnding(2);
	}
	// Step 3b: derivational suffixes
	const inR2 = (len: number) => w.length - len >= p2;
	if (w.endsWith('end') || w.endsWith('ing')) {
		if (inR2(3)) {
			w = w.slice(0, -3);
			if (w.endsWith('ig') && inR2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
			else undouble();
		}
	} else if (w.endsWith('ig')) {
		if (inR2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
	} else if (w.endsWith('lijk')) {
		if (inR2(4)) {
			w = w.slice(0, -4);
			eEnding();
		}
	} else if (w.endsWith('baar')) {
		if (inR2(4)) w = w.slice(0, -4);
	} else if (w.endsWith('bar')) {
		if (inR2(3) && eFound) w = w.slice(0, -3);
	}
	// Step 4: undouble a vowel in a final CVVD ("maan" → "man")
	const m = w.length;
	if (m >= 4) {
		const d = w[m - 1];
		const pair = w.slice(m - 3, m - 1);
		if (!isV(d) && d !== 'I' && /^(aa|ee|oo|uu)$/.test(pair) && !isV(w[m - 4])) {
			w = w.slice(0, m - 2) + d;
		}
	}
	return w.replace(/I/g, 'i').replace(/Y/g, 'y');
}

/** The index form of one already-normalised word: unfold a typed y, stem, fold ij → y. */
export function termOf(word: string): string {
	let term = termCache.get(word);
	if (term === undefined) {
		term = /[0-9]/.test(word) ? word : fold(stemDutch(unfoldY(word)));
		if (termCache.size > 50_000) termCache.clear();
		termCache.set(word, term);
	}
	return term;
}
const termCache = new Map<string, string>();

export interface Token {
	/** Normalised word with ij folded to y. */
	word: string;
	/** Stem, folded. */
	term: string;
	stop: boolean;
}

/** Tokens with their stems; stopwords are kept (marked) so phrases like "naar huis gestuurd" still match. */
export function analyzeTokens(text: string, max = MAX_TOKENS): Token[] {
	return tokenize(text, max).map((w) => {
		const word = fold(w);
		const stop = STOPWORDS.has(word);
		return { word, term: stop ? word : termOf(w), stop };
	});
}

/** The stems of the meaningful words in a text (no stopwords), at most MAX_TOKENS. */
export function analyze(text: string): string[] {
	return analyzeTokens(text)
		.filter((t) => !t.stop)
		.map((t) => t.term);
}

/**
 * Extra stems for a Dutch past participle ("gepest" → "pest", "geschorst" → "schors",
 * "geweigerd" → "weiger"), so it meets the infinitive ("pesten", "schorsen", "weigeren").
 * Returns [] for words that do not look like a participle.
 */
export function participleTerms(word: string): string[] {
	const m = /^ge([a-z]{3,})([dt])$/.exec(word);
	if (!m || word.length < 6) return [];
	// "gepest" → stem("pest"); "geschorst" → "schors" (as stemmed "schorsen"); "gestuurd" → "stur" ("sturen").
	const bare = m[1].replace(/([^aeiouy])(aa|ee|oo|uu)([^aeiouy])$/, (_, c: string, v: string, d: string) => c + v[0] + d);
	const out = new Set<string>([termOf(m[1] + m[2]), fold(bare)]);
	out.delete(termOf(word));
	return [...out].filter((t) => t.length >= 3);
}

/**
 * The stem without a present-tense -t ("aanmeldt" → "aanmeld", "weigert" → "weiger", "krijgt" →
 * "krijg"), which the Snowball stemmer leaves on. The caller keeps it only when that stem is a known word.
 */
export function verbFormTerms(word: string): string[] {
	if (word.length < 5 || !/[^aeiouy]t$/.test(word) || word.endsWith('st')) return [];
	const t = termOf(word.slice(0, -1));
	return t !== termOf(word) && t.length >= 3 ? [t] : [];
}
