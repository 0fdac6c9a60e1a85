/** What the readability check reports (server-side analysis; shown by the editor's component). */

export interface ReadabilityIssue {
	kind: 'long-sentence' | 'long-word' | 'uncommon-word';
	/** The original Markdown between start and end (markup included if it sits inside the span). */
	text: string;
	/** Character offsets in the input: `input.slice(start, end) === text`. */
	start: number;
	end: number;
	/** Advice for the editor, in plain Dutch. */
	message: string;
}

export interface ReadabilityReport {
	words: number;
	sentences: number;
	/** Words per sentence, 1 decimal. */
	avgSentenceLength: number;
	/** Syllables per word, 2 decimals. */
	avgSyllablesPerWord: number;
	/** Flesch-Douma reading ease, 1 decimal. Not clamped: very short, easy texts can score above 100. */
	fleschDouma: number;
	/** LIX, 1 decimal (standard: all words longer than 6 letters count). */
	lix: number;
	/** Share (0–1, 3 decimals) of words longer than 6 letters, not counting `knownTerms`. */
	longWordShare: number;
	passes: boolean;
	level: 'B1' | 'B2' | 'C1';
	/** One Dutch sentence for the editor. */
	summary: string;
	issues: ReadabilityIssue[];
}
