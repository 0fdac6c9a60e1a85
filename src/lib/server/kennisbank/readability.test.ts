import { describe, it, expect } from 'vitest';
import { analyzeReadability, countSyllables, plainText, type ReadabilityIssue } from './readability';

/** Every issue must point at exactly its own text in the input (the editor highlights that range). */
function expectOffsetsMatch(input: string, issues: ReadabilityIssue[]) {
	for (const issue of issues) expect(input.slice(issue.start, issue.end)).toBe(issue.text);
}

describe('countSyllables', () => {
	// Counted by hand (lettergrepen): sa-men-wer-kings-ver-band, ont-wik-ke-lings-per-spec-tief, ge-eerd, ...
	it.each([
		['school', 1],
		['ouders', 2],
		['kinderen', 3],
		['samenwerkingsverband', 6],
		['ontwikkelingsperspectief', 7],
		['toelaatbaarheidsverklaring', 7],
		['geëerd', 2],
		['ruïne', 3],
		['ideeën', 3],
		['niveau', 2],
		['financiële', 5],
		['één', 1],
		['café', 2],
		['nieuwe', 2],
		['leeuw', 1],
		['mooie', 2],
		['groeien', 2],
		['bijeenkomst', 3],
		['speciaal', 3],
		['situatie', 4],
		['beoordelen', 4],
		['politie', 3],
		['e-mail', 2],
		["auto's", 2],
		['TLV', 3],
		['8', 1]
	])('%s has %i syllables', (word, syllables) => {
		expect(countSyllables(word)).toBe(syllables);
	});
});

describe('plainText', () => {
	it('removes markup and keeps the words', () => {
		const md = [
			'## Wat is een **TLV**?',
			'',
			'Lees [hier](https://example.nl/tlv "meer") wat een *TLV* is, of kijk op https://example.nl.',
			'Typ `npm run` niet over.',
			'',
			'- eerste stap',
			'1. tweede stap',
			'',
			'> Een citaat met <br> een tag',
			'',
			'```',
			'code telt niet mee',
			'```',
			'![plaatje](foto.png)Einde\\*.'
		].join('\n');
		expect(plainText(md)).toBe(
			['Wat is een TLV?', 'Lees hier wat een TLV is, of kijk op . Typ niet over.', 'eerste stap', 'tweede stap', 'Een citaat met een tag', 'Einde*.'].join(
				'\n\n'
			)
		);
	});

	it('ignores a frontmatter block', () => {
		expect(plainText('---\nslug: x\ntitle: Titel\n---\nDe tekst.')).toBe('De tekst.');
	});
});

describe('analyzeReadability', () => {
	const simple = [
		'Misschien zegt de school dat je kind beter naar een andere school kan. Dat is schrikken. Hier lees je wat je kunt doen.',
		'',
		'### Wat kun je doen?',
		'Vraag eerst om een gesprek. Neem iemand mee die je vertrouwt. Schrijf op wat de school zegt.',
		'Vraag ook wat de school al heeft geprobeerd. Je mag altijd om uitleg vragen.',
		'',
		'## Wat kun je nu doen?',
		'- Maak een afspraak met de leraar.',
		'- Bel het steunpunt als je twijfelt.'
	].join('\n');

	it('passes a simple B1 text', () => {
		const report = analyzeReadability(simple);
		expect(report.passes).toBe(true);
		expect(report.level).toBe('B1');
		expect(report.fleschDouma).toBeGreaterThanOrEqual(60);
		expect(report.avgSentenceLength).toBeLessThanOrEqual(15);
		// 2 headings + 3 + 5 sentences + 2 list items
		expect(report.sentences).toBe(12);
		expect(report.issues.filter((i) => i.kind === 'long-sentence')).toEqual([]);
		expect(report.summary).toMatch(/B1/);
	});

	const bureaucratic =
		'Indien het bevoegd gezag van de school van oordeel is dat de leerling, gelet op de ondersteuningsbehoefte, ' +
		'niet langer binnen de reguliere onderwijsvoorziening kan worden begeleid, wordt teneinde een passende onderwijsplek ' +
		'te realiseren middels een aanvraag bij het samenwerkingsverband een **toelaatbaarheidsverklaring** verkregen. ' +
		'Derhalve worden de ouders alsmede de leerling tijdig geïnformeerd omtrent de consequenties van de besluitvorming ' +
		'ten behoeve van de continuering van het onderwijsprogramma.';

	it('fails a long bureaucratic text, with issues that point at the right text', () => {
		const report = analyzeReadability(bureaucratic);
		expect(report.passes).toBe(false);
		expect(['B2', 'C1']).toContain(report.level);
		expect(report.level).toBe('C1');
		expect(report.fleschDouma).toBeLessThan(45);
		expect(report.summary).toMatch(/nog niet op B1-niveau/);
		expectOffsetsMatch(bureaucratic, report.issues);

		const uncommon = report.issues.filter((i) => i.kind === 'uncommon-word').map((i) => i.text);
		expect(uncommon).toEqual(['Indien', 'teneinde', 'middels', 'Derhalve', 'alsmede', 'omtrent', 'ten behoeve van']);
		const indien = report.issues.find((i) => i.text === 'Indien');
		expect(indien).toMatchObject({ start: 0, end: 6 });
		expect(indien?.message).toMatch(/"als"/);
		expect(report.issues.find((i) => i.text === 'middels')?.start).toBe(bureaucratic.indexOf('middels'));

		const sentences = report.issues.filter((i) => i.kind === 'long-sentence');
		expect(sentences).toHaveLength(2);
		expect(sentences[0].start).toBe(0);
		expect(sentences[0].text.endsWith('verkregen.')).toBe(true);
		expect(sentences[0].message).toMatch(/^Deze zin heeft \d+ woorden\./);
		expect(sentences[1].text.startsWith('Derhalve')).toBe(true);

		// The highlight of a word in bold covers the word, not the asterisks.
		const tlv = report.issues.find((i) => i.kind === 'long-word' && i.text === 'toelaatbaarheidsverklaring');
		expect(tlv?.start).toBe(bureaucratic.indexOf('**toelaatbaarheidsverklaring') + 2);
		expect(report.issues.some((i) => i.kind === 'long-word' && i.text === 'ondersteuningsbehoefte')).toBe(true);
	});

	it('points at the original input when the markdown has markup and frontmatter', () => {
		const input = '---\nslug: x\n---\n## Kop\n\n- Je kunt **indien** nodig bellen.\n- Stuur het formulier [middels](https://x.nl) de post.';
		const report = analyzeReadability(input);
		expectOffsetsMatch(input, report.issues);
		expect(report.issues.map((i) => [i.text, i.start])).toEqual([
			['indien', input.indexOf('indien')],
			['middels', input.indexOf('middels')]
		]);
		expect(report.sentences).toBe(3);
	});

	it('ignores markdown markup when measuring', () => {
		const md = '# Een kop\n\nDit is **vet** en *schuin* met een [link](https://example.nl/heel/lang/pad).\n\n- Een `code` punt\n- Nog een punt';
		const plain = 'Een kop\n\nDit is vet en schuin met een link.\n\nEen punt\n\nNog een punt';
		const a = analyzeReadability(md);
		const b = analyzeReadability(plain);
		expect(a.words).toBe(15);
		expect(a.sentences).toBe(4);
		expect({ ...a, issues: [] }).toEqual({ ...b, issues: [] });
	});

	it('counts a heading and a list item as their own sentence, even without a full stop', () => {
		const report = analyzeReadability('## Wat kun je doen\nBel ons\n\n- Vraag om hulp\n- Wacht niet te lang');
		// the heading, the paragraph "Bel ons" and the 2 list items
		expect(report.sentences).toBe(4);
		expect(report.words).toBe(13);
	});

	it('does not end a sentence after an abbreviation followed by a small letter', () => {
		const report = analyzeReadability('Je kind krijgt extra hulp, d.w.z. een plan met doelen. Dat is fijn.');
		expect(report.sentences).toBe(2);
		expect(report.words).toBe(13);
	});

	it('exempts knownTerms from long-word issues and the long-word share, case-insensitively', () => {
		const text =
			'Het Ontwikkelingsperspectief is een plan. Het samenwerkingsverband helpt. ' +
			'Je kunt een toelaatbaarheidsverklaring krijgen. De ondersteuningsbehoefte is groot.';
		const without = analyzeReadability(text);
		const withTerms = analyzeReadability(text, {
			knownTerms: ['ontwikkelingsperspectief', 'SAMENWERKINGSVERBAND', 'toelaatbaarheidsverklaring']
		});
		const longWords = (issues: ReadabilityIssue[]) => issues.filter((i) => i.kind === 'long-word').map((i) => i.text);
		expect(longWords(without.issues)).toEqual(['Ontwikkelingsperspectief', 'samenwerkingsverband', 'toelaatbaarheidsverklaring', 'ondersteuningsbehoefte']);
		expect(longWords(withTerms.issues)).toEqual(['ondersteuningsbehoefte']);
		expect(withTerms.longWordShare).toBeLessThan(without.longWordShare);
		// 17 words; longer than 6 letters: the 4 long words and "krijgen". With the glossary 2 of them remain.
		expect(without.longWordShare).toBe(Math.round((5 / 17) * 1000) / 1000);
		expect(withTerms.longWordShare).toBe(Math.round((2 / 17) * 1000) / 1000);
		// The standard formulas do not change.
		expect(withTerms.fleschDouma).toBe(without.fleschDouma);
		expect(withTerms.lix).toBe(without.lix);
	});

	it('matches a known term of several words as a phrase', () => {
		const text = 'Vraag naar de ondersteuningsbehoefte thuis.';
		expect(analyzeReadability(text).issues.map((i) => i.text)).toEqual(['ondersteuningsbehoefte']);
		expect(analyzeReadability(text, { knownTerms: ['Ondersteuningsbehoefte  thuis'] }).issues).toEqual([]);
		// A phrase term does not exempt its words elsewhere.
		expect(analyzeReadability(text, { knownTerms: ['ondersteuningsbehoefte school'] }).issues).toHaveLength(1);
	});

	it('flags "dient ... te" but not "dient als"', () => {
		const report = analyzeReadability('U dient het formulier te tekenen. Dat dient als voorbeeld.');
		const uncommon = report.issues.filter((i) => i.kind === 'uncommon-word');
		expect(uncommon).toHaveLength(1);
		expect(uncommon[0]).toMatchObject({ text: 'dient', start: 2, end: 7 });
		expect(uncommon[0].message).toMatch(/moeten/);
	});

	it('fails a text with one sentence over 25 words, even when the score and the average are fine', () => {
		const long = 'Je kind mag naar een school die bij hem past en waar hij zich goed voelt en waar de juf hem helpt als het even niet gaat.';
		const text = `${long} Dat is fijn. Vraag het na. Bel ons. Wij zijn er voor jou. Kom langs.`;
		const report = analyzeReadability(text);
		expect(report.issues.find((i) => i.kind === 'long-sentence')?.message).toMatch(/^Deze zin heeft 27 woorden\./);
		expect(report.fleschDouma).toBeGreaterThanOrEqual(60);
		expect(report.avgSentenceLength).toBeLessThanOrEqual(15);
		expect(report.passes).toBe(false);
		expect(report.level).toBe('B2');
		expect(report.summary).toMatch(/meer dan 25 woorden/);
	});

	it('gives advice for a sentence of 21–25 words without failing the text', () => {
		const advice = 'Je kind mag naar een school die bij hem past en waar hij zich goed voelt en waar de juf hem helpt.';
		const report = analyzeReadability(`${advice} Dat is fijn. Vraag het na. Bel ons. Wij zijn er voor jou. Kom langs.`);
		const sentence = report.issues.find((i) => i.kind === 'long-sentence');
		expect(sentence?.message).toBe('Deze zin heeft 22 woorden. Maak er twee zinnen van.');
		expect(report.passes).toBe(true);
	});

	it('fails when sentences are 16+ words on average', () => {
		const sentence = 'Je kind mag naar een school die bij hem past en waar hij zich goed voelt.'; // 16 words
		const report = analyzeReadability(`${sentence} ${sentence}`);
		expect(report.avgSentenceLength).toBe(16);
		expect(report.passes).toBe(false);
		expect(report.summary).toMatch(/gemiddeld 16 woorden/);
	});

	it.each(['', '   \n\n', '## \n- \n---', '```\nalleen code\n```'])('does not throw on empty text (%j): passes is false', (input) => {
		const report = analyzeReadability(input);
		expect(report).toMatchObject({ words: 0, sentences: 0, fleschDouma: 0, passes: false, issues: [] });
		expect(report.summary).toBe('Er is nog geen tekst om te meten.');
	});
});
