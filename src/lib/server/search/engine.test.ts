import { describe, it, expect } from 'vitest';
import { buildSearchIndex, searchIndex, explainQuery, type SearchDoc } from './engine';
import { analyze, normalize, stemDutch, tokenize, isStopword } from './text';
import { evaluateSearch } from './evaluate';

const doc = (id: string, title: string, body: string, topics: string[], keywords: string[] = [], summary = ''): SearchDoc => ({
	id,
	title,
	summary,
	body,
	keywords,
	topics,
	phase: 'orientatie'
});

/** A small library; each page uses the official words, not the words parents type. */
const DOCS: SearchDoc[] = [
	doc('schorsing', 'Regels bij een schorsing', 'Een schorsing duurt hooguit een week. Het schoolbestuur meldt de schorsing op papier met de reden.', [
		'schorsing-verwijdering'
	]),
	doc(
		'verwijdering',
		'Wanneer mag school een leerling verwijderen?',
		'Verwijdering mag pas als een andere school de leerling toelaat. Tegen het verwijderingsbesluit kun je bezwaar maken.',
		['schorsing-verwijdering', 'klacht-geschil']
	),
	doc(
		'thuiszitter',
		'Als je kind een thuiszitter is',
		'Een thuiszitter krijgt geen onderwijs. De leerplichtambtenaar en de school zoeken samen naar een oplossing.',
		['thuiszitten-verzuim']
	),
	doc(
		'vo',
		'Van de basisschool naar de middelbare school',
		'In groep 8 krijgt je kind een schooladvies. Daarna kies je samen een middelbare school die past.',
		['overgang-po-vo']
	),
	doc('arrangement', 'Wat is een arrangement?', 'Een arrangement is extra ondersteuning op maat. Het samenwerkingsverband betaalt vaak mee.', [
		'ondersteuning-arrangement'
	]),
	doc(
		'opp',
		'Het ontwikkelingsperspectief',
		'Het ontwikkelingsperspectief beschrijft doelen en het verwachte eindniveau. Je stemt in met het handelingsdeel.',
		['opp']
	),
	doc('tlv', 'De toelaatbaarheidsverklaring aanvragen', 'Voor speciaal onderwijs is een toelaatbaarheidsverklaring nodig. Twee deskundigen geven advies.', [
		'tlv-speciaal-onderwijs'
	]),
	doc('dyscalculie', 'Dyscalculie op school', 'Bij dyscalculie heeft je kind veel moeite met getallen. Vraag om hulpmiddelen zoals een tafelkaart.', [
		'dyslexie-dyscalculie'
	]),
	doc('ib', 'De intern begeleider', 'De intern begeleider regelt de extra hulp op de basisschool en is je aanspreekpunt.', ['communicatie-school']),
	doc('gpo', 'De geschillencommissie passend onderwijs', 'Bij een geschil over toelating of verwijdering kun je naar de geschillencommissie. Dat is gratis.', [
		'klacht-geschil'
	]),
	doc('vervoer', 'Leerlingenvervoer aanvragen', 'De gemeente regelt leerlingenvervoer als je kind ver van school woont of niet zelf kan reizen.', [
		'leerlingenvervoer'
	]),
	doc('leerkracht', 'Praten met de leerkracht', 'Begin bij de leerkracht van je kind. Bereid het gesprek voor en schrijf afspraken op.', [
		'communicatie-school'
	]),
	doc('hoogbegaafd', 'Mijn kind is hoogbegaafd', 'Een hoogbegaafde leerling heeft uitdaging nodig, zoals verrijking of versnellen.', ['hoogbegaafdheid']),
	doc('vrijstelling', 'Vrijstelling van de leerplicht', 'Een vrijstelling geldt een jaar. Een onafhankelijke arts moet verklaren dat school niet gaat.', [
		'leerplicht-vrijstelling'
	]),
	doc('orientatie', 'Oriënteren op passend onderwijs', 'Wat betekent passend onderwijs voor ouders? Een overzicht van begrippen.', ['hulp-steun-vinden'])
];

const index = buildSearchIndex(DOCS);
const first = (q: string) => searchIndex(index, q)[0]?.id;

describe('text: normalising and stemming', () => {
	it('stems Dutch words with the Snowball algorithm', () => {
		expect(stemDutch('kinderen')).toBe('kinder');
		expect(stemDutch('scholen')).toBe('schol');
		expect(stemDutch('aanmelding')).toBe('aanmeld');
		expect(stemDutch('aanmelden')).toBe('aanmeld');
		expect(stemDutch('lichamelijk')).toBe('licham');
		expect(stemDutch('aangelegenheden')).toBe('aangeleg');
		expect(stemDutch('aanbiddelijk')).toBe('aanbid');
		expect(stemDutch('maan')).toBe('man');
		expect(stemDutch('aandoen')).toBe('aandoen');
		expect(stemDutch('aannames')).toBe('aannames');
	});

	it('strips accents and lowercases', () => {
		expect(normalize('Café NAÏEF één Ĳssel')).toBe('cafe naief een ijssel');
		expect(analyze('oriënteren')).toEqual(analyze('orienteren'));
		expect(analyze('ÉÉN DOCENT')).toEqual(analyze('een docent'));
	});

	it('keeps digits and drops stopwords', () => {
		expect(tokenize('Groep 8 en cluster 4, vrijstelling 5a')).toEqual(['groep', '8', 'en', 'cluster', '4', 'vrijstelling', '5a']);
		expect(analyze('wat moet ik nu doen met de school')).toEqual(analyze('school'));
		expect(isStopword('niet')).toBe(true);
		expect(isStopword('schorsing')).toBe(false);
	});

	it('treats "ij" and a typed "y" alike', () => {
		expect(analyze('vrystelling')).toEqual(analyze('vrijstelling'));
		expect(analyze('myn kind blyft')).toEqual(analyze('mijn kind blijft'));
	});
});

describe('search: words, accents and typos', () => {
	it('finds a page by its own words, title first', () => {
		expect(first('schorsing')).toBe('schorsing');
		expect(first('geschillencommissie')).toBe('gpo');
	});

	it('is accent-insensitive both ways', () => {
		expect(first('orienteren passend onderwijs')).toBe('orientatie');
		expect(first('ontwikkelingspérspectief')).toBe('opp');
	});

	it('tolerates typos in words it does not know', () => {
		expect(first('dyscalcullie')).toBe('dyscalculie');
		expect(first('schorsign')).toBe('schorsing');
		expect(first('toelaatbaarheidsverklring')).toBe('tlv');
		expect(first('leerlingenvervoor')).toBe('vervoer');
	});

	it('does not "correct" short or known words into something else', () => {
		const e = explainQuery(index, 'doof');
		expect(e.terms.map((t) => t.term)).toEqual(['dof']);
	});
});

describe('search: synonyms and phrases', () => {
	it('relates "geschorst" to "schorsing"', () => {
		expect(first('mijn kind is geschorst')).toBe('schorsing');
	});

	it('understands "zit thuis" and "thuiszitten" as thuiszitter', () => {
		expect(first('kind zit thuis')).toBe('thuiszitter');
		expect(first('mijn zoon zit al weken thuis')).toBe('thuiszitter');
		expect(first('thuiszitten')).toBe('thuiszitter');
	});

	it('maps "naar huis gestuurd" and "weggestuurd" to schorsing/verwijdering', () => {
		expect(['schorsing', 'verwijdering']).toContain(first('mijn kind wordt steeds naar huis gestuurd'));
		expect(['schorsing', 'verwijdering']).toContain(first('weggestuurd'));
	});

	it('maps "overstap brugklas" to the middelbare school', () => {
		expect(first('overstap brugklas')).toBe('vo');
	});

	it('maps "rugzakje" to arrangement', () => {
		expect(first('rugzakje')).toBe('arrangement');
	});

	it('expands abbreviations both ways', () => {
		expect(first('opp')).toBe('opp');
		expect(first('tlv')).toBe('tlv');
		expect(first('gpo')).toBe('gpo');
		expect(first("de ib'er")).toBe('ib');
		expect(first('hb')).toBe('hoogbegaafd');
		expect(first('sbo of so')).toBe('tlv');
	});

	it('maps everyday words to the terms in the texts', () => {
		expect(first('de taxi komt te laat')).toBe('vervoer');
		expect(first('busje naar school')).toBe('vervoer');
		expect(first('de juf')).toBe('leerkracht');
		expect(first('de docent')).toBe('leerkracht');
	});
});

describe('search: ranking', () => {
	it('weighs the title above the body', () => {
		const docs = [
			doc('body', 'Over school', 'Hier staat iets over de wachtlijst en meer.', ['tlv-speciaal-onderwijs']),
			doc('title', 'De wachtlijst', 'Lees hoe dit werkt.', ['tlv-speciaal-onderwijs'])
		];
		expect(searchIndex(buildSearchIndex(docs), 'wachtlijst')[0].id).toBe('title');
	});

	it('boosts pages whose topic matches the signal words of the query', () => {
		// Identical texts: only the topics differ, and ties would sort by id ("a" before "b").
		const same = 'Lees wat je als ouder kunt doen en wie je kan helpen.';
		const docs = [doc('a', 'Wat je als ouder kunt doen', same, ['klacht-geschil']), doc('b', 'Wat je als ouder kunt doen', same, ['pesten-veiligheid'])];
		const idx = buildSearchIndex(docs);
		const hits = searchIndex(idx, 'mijn kind wordt gepest, wat kan ik als ouder doen');
		expect(hits.map((h) => h.id)).toEqual(['b', 'a']);
		expect(hits[0].score).toBeGreaterThan(hits[1].score);
		expect(searchIndex(idx, 'ik wil als ouder een klacht indienen')[0].id).toBe('a');
	});

	it('counts the main topic more than a second topic', () => {
		const same = 'Lees wat je als ouder kunt doen.';
		const docs = [
			doc('a-second', 'Wat je als ouder kunt doen', same, ['klacht-geschil', 'pesten-veiligheid']),
			doc('b-main', 'Wat je als ouder kunt doen', same, ['pesten-veiligheid'])
		];
		expect(searchIndex(buildSearchIndex(docs), 'gepest, wat kan ik als ouder doen')[0].id).toBe('b-main');
	});

	it('returns hits best first, within the limit', () => {
		const hits = searchIndex(index, 'school', { limit: 3 });
		expect(hits.length).toBeLessThanOrEqual(3);
		for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
	});
});

describe('search: bad input never throws', () => {
	const bad: unknown[] = [
		'',
		'   ',
		'😀😀🙈',
		'<script>alert("x")</script>',
		"'; DROP TABLE vragen; --",
		"' OR 1=1 --",
		'\u0000\u0001\u001f',
		'\ud800 kapot',
		'%%%%____****',
		'a'.repeat(50_000),
		'schorsing '.repeat(5_000),
		null,
		undefined,
		42,
		{}
	];
	it.each(bad.map((b, i) => [i, b]))('input %i', (_, input) => {
		expect(() => searchIndex(index, input as string)).not.toThrow();
		expect(Array.isArray(searchIndex(index, input as string))).toBe(true);
	});

	it('returns nothing for empty or meaningless input', () => {
		expect(searchIndex(index, '')).toEqual([]);
		expect(searchIndex(index, '😀')).toEqual([]);
		expect(searchIndex(index, "' OR 1=1 --")).toEqual([]);
	});

	it('still understands a long parent story', () => {
		const story = `Ik weet het echt niet meer. ${'Elke ochtend is er weer strijd. '.repeat(20)} Onze zoon is vorige week geschorst en nu zit hij thuis.`;
		const hits = searchIndex(index, story);
		expect(hits.length).toBeGreaterThan(0);
	});

	it('builds an index from an empty or odd list', () => {
		expect(searchIndex(buildSearchIndex([]), 'schorsing')).toEqual([]);
		const odd = [doc('x', '', '', []), { ...doc('y', 'Schorsing', 'tekst', ['schorsing-verwijdering']), keywords: undefined as unknown as string[] }];
		expect(searchIndex(buildSearchIndex(odd), 'schorsing')[0].id).toBe('y');
	});
});

describe('evaluateSearch', () => {
	it('counts a hit when the first expected topic is among the top-3 results', () => {
		const r = evaluateSearch(DOCS, [
			{ id: 'q1', text: 'geschorst', topics: ['schorsing-verwijdering'] },
			{ id: 'q2', text: 'taxi', topics: ['leerlingenvervoer', 'zorgplicht'] },
			{ id: 'q3', text: 'taxi', topics: ['zorgplicht', 'leerlingenvervoer'] }
		]);
		expect(r.top3TopicHit).toBeCloseTo(2 / 3);
		expect(r.top1TopicHit).toBeCloseTo(2 / 3);
		expect(r.misses.map((m) => m.id)).toEqual(['q3']);
	});
});
