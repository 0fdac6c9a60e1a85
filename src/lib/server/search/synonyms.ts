/**
 * Synonyms and phrases for search: the words parents (and young people) use, mapped to the terms
 * the kennisbank texts use. General language knowledge only: abbreviations, spelling variants,
 * informal words, verb forms and everyday descriptions of a situation.
 *
 * Two kinds:
 * - GROUPS: equivalent terms; each member expands to all others (OPP ↔ ontwikkelingsperspectief).
 * - RULES: one direction, from what a parent says to what the texts say ("naar huis gestuurd" →
 *   schorsing). `from` entries may be phrases; they match the query in order, stopwords included,
 *   with at most a couple of other words in between ("kind zit al weken thuis" matches "zit thuis").
 *   The word NUM in a `from` phrase stands for any number ("ik ben NUM" matches "ik ben 15").
 *
 * Everything is written in plain text; the engine analyses it with the same normaliser and stemmer
 * as the documents, so inflections and accents need no separate entries.
 */
import { analyzeTokens } from './text';

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
	// Abbreviations ↔ full terms
	['opp', 'ontwikkelingsperspectief', 'ontwikkelingsperspectiefplan', 'ontwikkelingsplan', 'ontwikkelperspectief'],
	['tlv', 'toelaatbaarheidsverklaring', 'toelaatbaarheids verklaring', 'toelatingsverklaring'],
	['gpo', 'geschillencommissie', 'geschillencommissie passend onderwijs', 'geschillen commissie'],
	['lkc', 'klachtencommissie', 'landelijke klachtencommissie', 'klachten commissie'],
	['mr', 'medezeggenschapsraad', 'medezeggenschap'],
	['gmr', 'gemeenschappelijke medezeggenschapsraad'],
	['opr', 'ondersteuningsplanraad'],
	['sop', 'schoolondersteuningsprofiel', 'ondersteuningsprofiel'],
	['swv', 'samenwerkingsverband', 'samenwerkingsverbanden'],
	['mdo', 'multidisciplinair overleg', 'zorgoverleg'],
	['oza', 'onderwijszorgarrangement', 'onderwijs zorgarrangement', 'onderwijs zorg arrangement'],
	['ib', 'iber', 'ibber', 'intern begeleider', 'interne begeleider', 'intern begeleidster'],
	['zorgcoordinator', 'zoco', 'zorgco', 'ondersteuningscoordinator', 'zorg coordinator'],
	['hb', 'hoogbegaafd', 'hoogbegaafdheid', 'hoog begaafd'],
	['sbo', 'speciaal basisonderwijs', 'speciale basisschool'],
	['so', 'speciaal onderwijs', 'speciale school'],
	['vso', 'voortgezet speciaal onderwijs'],
	['vo', 'voortgezet onderwijs', 'middelbare school', 'middelbare'],
	['po', 'primair onderwijs', 'basisonderwijs', 'basisschool'],
	['pro', 'praktijkonderwijs', 'praktijkschool', 'praktijk onderwijs'],
	['lwoo', 'leerwegondersteunend onderwijs', 'leerwegondersteuning'],
	['rt', 'remedial teaching', 'remedial teacher', 'bijles'],
	['eed', 'ernstige enkelvoudige dyslexie'],
	['ass', 'autisme', 'autismespectrumstoornis', 'autistisch', 'autist'],
	['adhd', 'add', 'ad hd', 'adhder'],
	['tos', 'taalontwikkelingsstoornis', 'taalstoornis'],
	['lvb', 'licht verstandelijke beperking', 'licht verstandelijk beperkt'],
	['pgb', 'persoonsgebonden budget'],
	['wlz', 'wet langdurige zorg'],
	['pv', 'proces verbaal', 'procesverbaal'],
	['lpa', 'leerplichtambtenaar', 'leerplicht ambtenaar', 'leerplichtconsulent', 'leerplichtambtenaren'],
	['rvdm', 'college voor de rechten van de mens', 'crm'],
	['cito', 'eindtoets', 'doorstroomtoets', 'centrale eindtoets', 'iep'],
	// Spelling variants and word families the stemmer does not join
	['thuiszitter', 'thuiszitten', 'thuiszit', 'thuis zitten', 'zit thuis', 'zat thuis', 'thuiszitters'],
	['leerlingenvervoer', 'leerlingvervoer', 'schoolvervoer', 'leerlingen vervoer'],
	['schorsing', 'schorsen', 'geschorst', 'schorst'],
	['verwijdering', 'verwijderen', 'verwijderd', 'verwijderingsbesluit'],
	['pesten', 'gepest', 'pest', 'pester', 'pestkop', 'pesterij'],
	['onderwijsconsulent', 'onderwijsconsulenten', 'onderwijszorgconsulent'],
	['dyslexie', 'dyslectisch', 'dyslect', 'woordblind', 'leesstoornis'],
	['dyscalculie', 'rekenstoornis', 'dyscalculisch'],
	['aanmelden', 'aanmelding', 'aangemeld', 'inschrijven', 'inschrijving', 'ingeschreven'],
	['weigeren', 'geweigerd', 'weigering', 'weigert'],
	['verhuizen', 'verhuisd', 'verhuizing', 'verhuist'],
	['instemmen', 'instemming', 'instemmingsrecht', 'akkoord'],
	['tekenen', 'ondertekenen', 'handtekening', 'getekend'],
	['bezwaar', 'bezwaarschrift', 'bezwaar maken'],
	['klacht', 'klagen', 'klachtenregeling', 'klacht indienen'],
	['schoolangst', 'schoolfobie', 'schoolweigering', 'schoolweigeraar'],
	['burnout', 'burn out', 'overspannen', 'opgebrand'],
	['vertrouwenspersoon', 'vertrouwensperson'],
	['inspectie', 'onderwijsinspectie', 'inspectie van het onderwijs', 'inspecteur'],
	['leerplicht', 'leerplichtig', 'leerplichtwet'],
	['vrijstelling', 'vrijgesteld', 'ontheffing'],
	['wachtlijst', 'wachtlijsten', 'wachttijd'],
	['hoorrecht', 'gehoord worden', 'meepraten', 'meebeslissen', 'inspraak'],
	['plusklas', 'plusgroep', 'verrijkingsklas', 'kangoeroeklas', 'levelklas'],
	['verkort rooster', 'aangepast rooster', 'korter rooster', 'minder uren', 'halve dagen'],
	['afstandsonderwijs', 'online les', 'online lessen', 'onderwijs op afstand', 'thuis online'],
	['jeugdhulp', 'jeugdzorg', 'jeugd ggz', 'ggz'],
	['wijkteam', 'sociaal team', 'jeugdteam', 'buurtteam', 'cjg', 'centrum voor jeugd en gezin'],
	['dagbehandeling', 'dagbesteding', 'zorgboerderij', 'kinderdagcentrum'],
	['leerkracht', 'juf', 'meester', 'docent', 'leraar', 'lerares', 'leerkrachten', 'docenten'],
	['oudercafe', 'ouderavond passend onderwijs', 'lotgenotencontact', 'lotgenoten'],
	['steunpunt', 'oudersteunpunt', 'ouder en jeugdsteunpunt', 'ojsp', 'jeugdsteunpunt'],
	['diabetes', 'suikerziekte', 'insuline'],
	['handicap', 'beperking', 'gehandicapt', 'lichamelijke beperking'],
	['rolstoel', 'rolstoelgebruiker', 'invalide'],
	['toegankelijk', 'toegankelijkheid', 'drempels'],
	['discriminatie', 'gediscrimineerd', 'discrimineren', 'ongelijk behandeld'],
	['groep 8', 'groep acht', 'laatste jaar basisschool'],
	['schooladvies', 'advies van de basisschool', 'vo advies', 'eindadvies'],
	['mbo', 'roc', 'beroepsonderwijs']
];

export interface SynonymRule {
	from: readonly string[];
	to: readonly string[];
	/** How much an expansion counts compared with a word the parent typed (default 0.7). */
	weight?: number;
}

export const SYNONYM_RULES: readonly SynonymRule[] = [
	// Sent home, suspended, expelled
	{
		from: [
			'weggestuurd',
			'weg gestuurd',
			'weggestuurd van school',
			'naar huis gestuurd',
			'naar huis sturen',
			'naar huis gestuurd worden',
			'eruit gezet',
			'eruit gegooid',
			'uit de klas gezet',
			'uit de klas gestuurd',
			'van school getrapt',
			'van school gestuurd',
			'van school gegooid',
			'mag niet naar school',
			'mag niet meer naar school'
		],
		to: ['schorsing', 'verwijdering', 'naar huis gestuurd']
	},
	{
		from: ['opgehaald', 'ophalen', 'komen halen', 'ophalen van school', 'moet hem halen', 'moet haar halen'],
		to: ['naar huis gestuurd', 'ophalen', 'schorsing'],
		weight: 0.6
	},
	{
		from: [
			'niet meer welkom',
			'mag niet meer komen',
			'wil hem kwijt',
			'wil haar kwijt',
			'school wil van hem af',
			'school wil van haar af',
			'ander school zoeken moet',
			'uitgeschreven',
			'uitschrijven'
		],
		to: ['verwijdering', 'niet meer welkom']
	},
	{ from: ['straf', 'gestraft', 'time out', 'timeout', 'strafblad'], to: ['time out', 'schorsing'], weight: 0.5 },
	// Not in school
	{
		from: [
			'geen school',
			'geen les',
			'geen onderwijs',
			'krijgt geen les',
			'krijgt geen onderwijs',
			'niet naar school',
			'gaat niet naar school',
			'gaat niet meer naar school',
			'zit al weken thuis',
			'zit al maanden thuis',
			'thuis zonder school',
			'geen plek',
			'geen plaats',
			'zonder school'
		],
		to: ['thuiszitter', 'thuiszitten', 'verzuim']
	},
	{
		from: [
			'weigert naar school',
			'weigert om naar school',
			'wil niet naar school',
			'wil niet meer naar school',
			'durft niet naar school',
			'krijg hem niet naar school',
			'krijg haar niet naar school',
			'ligt in bed',
			'komt zijn bed niet uit',
			'komt haar bed niet uit'
		],
		to: ['schoolweigering', 'thuiszitten', 'schoolangst', 'verzuim']
	},
	{
		from: [
			'spijbelen',
			'spijbelt',
			'gespijbeld',
			'wegblijven',
			'niet op school komen',
			'afwezig',
			'afwezigheid',
			'verzuimt',
			'ziekmelden',
			'ziek melden',
			'ziekgemeld',
			'ziek gemeld'
		],
		to: ['verzuim', 'spijbelen']
	},
	{ from: ['boete', 'proces verbaal', 'rechtszaak', 'halt', 'officier van justitie'], to: ['leerplicht', 'leerplichtambtenaar'] },
	{ from: ['thuisonderwijs', 'zelf lesgeven', 'thuis les geven', 'thuisscholen', 'homeschooling'], to: ['thuisonderwijs', 'vrijstelling'] },
	{ from: ['5a', '5 onder a', '5 a'], to: ['vrijstelling 5 onder a', 'vrijstelling'] },
	{ from: ['5b', '5 onder b'], to: ['vrijstelling 5 onder b', 'vrijstelling'] },
	// Support at school
	{ from: ['rugzakje', 'rugzak', 'lgf', 'leerlinggebonden financiering', 'indicatie school', 'extra geld school'], to: ['arrangement', 'extra ondersteuning'] },
	{
		from: ['extra hulp', 'hulp in de klas', 'extra begeleiding', 'extra aandacht', 'begeleiding op school'],
		to: ['extra ondersteuning', 'begeleiding', 'arrangement']
	},
	{ from: ['school kan het niet aan', 'school kan het niet', 'school weet het niet meer', 'school geeft op', 'handen vol'], to: ['handelingsverlegen'] },
	{ from: ['ambulant begeleider', 'ambulante begeleiding', 'ab er', 'aber'], to: ['ambulant begeleider', 'begeleiding'] },
	{
		from: ['klassenassistent', 'assistent in de klas', 'schaduw', 'begeleider in de klas', 'persoonlijk begeleider'],
		to: ['onderwijsassistent', 'begeleider in de klas']
	},
	{ from: ['plan van aanpak', 'handelingsplan', 'doelen', 'uitstroomniveau', 'eindniveau'], to: ['opp', 'ontwikkelingsperspectief'], weight: 0.5 },
	{ from: ['groeidocument', 'groeidossier', 'leerlingdossier', 'dossier'], to: ['groeidocument', 'dossier'], weight: 0.6 },
	// Transition to secondary school
	{
		from: [
			'overstap',
			'overstappen',
			'brugklas',
			'brugjaar',
			'naar de brugklas',
			'naar de middelbare',
			'naar het vo',
			'klas 1',
			'eerste klas',
			'van groep 8 naar',
			'basisschool naar middelbare school'
		],
		to: ['middelbare school', 'groep 8', 'overstap', 'brugklas']
	},
	{ from: ['advies', 'te laag advies', 'advies te laag', 'vmbo advies', 'havo advies', 'vwo advies'], to: ['schooladvies'], weight: 0.6 },
	// Special education
	{
		from: ['speciale school', 'speciaal', 'cluster school', 'cluster 4 school', 'cluster 3 school', 'mytylschool', 'tyltylschool', 'ortho school'],
		to: ['speciaal onderwijs', 'so', 'tlv'],
		weight: 0.6
	},
	// Transport
	{
		from: [
			'taxi',
			'busje',
			'taxibusje',
			'schooltaxi',
			'taxichauffeur',
			'chauffeur',
			'taxibus',
			'vervoer naar school',
			'vervoer',
			'reiskosten',
			'ov vergoeding',
			'rit',
			'ritten'
		],
		to: ['leerlingenvervoer', 'vervoer', 'taxi']
	},
	// Conflict and formal steps
	{ from: ['niet eens met', 'oneens', 'het niet eens', 'ben het er niet mee eens'], to: ['bezwaar', 'niet eens met besluit'], weight: 0.5 },
	{ from: ['ruzie met school', 'conflict met school', 'ruzie', 'conflict', 'onenigheid'], to: ['geschil', 'conflict'], weight: 0.5 },
	{ from: ['advocaat', 'jurist', 'juridisch', 'rechtszaak', 'kort geding', 'naar de rechter'], to: ['rechter', 'advocaat', 'geschil'] },
	{ from: ['inspectie', 'inspecteur', 'vertrouwensinspecteur'], to: ['klacht', 'melden', 'inspectie'], weight: 0.5 },
	{ from: ['beroep', 'hoger beroep', 'in beroep'], to: ['bezwaar', 'beroep'], weight: 0.6 },
	// Behaviour, development, wellbeing
	{
		from: ['druk', 'onrustig', 'beweeglijk', 'hyperactief', 'impulsief', 'concentratieproblemen', 'kan niet stilzitten'],
		to: ['adhd', 'gedrag', 'drukte'],
		weight: 0.6
	},
	{
		from: [
			'boos',
			'woedeaanval',
			'woedeaanvallen',
			'driftbui',
			'driftig',
			'slaat',
			'schopt',
			'agressie',
			'opstandig',
			'gedragsproblemen',
			'moeilijk gedrag',
			'lastig gedrag'
		],
		to: ['gedrag', 'agressief', 'boos'],
		weight: 0.6
	},
	{ from: ['pdd nos', 'pddnos', 'asperger', 'klassiek autisme'], to: ['autisme'] },
	{ from: ['overprikkeling', 'prikkelgevoelig', 'overprikkeld', 'te veel prikkels'], to: ['overprikkeld', 'prikkels', 'autisme'], weight: 0.6 },
	{ from: ['bang', 'angstig', 'paniekaanval', 'paniekaanvallen', 'huilt', 'huilen', 'zenuwachtig', 'durft niet'], to: ['angst', 'schoolangst'], weight: 0.6 },
	{ from: ['buikpijn', 'hoofdpijn', 'misselijk', 'spugen', 'overgeven', 'slaapt slecht'], to: ['buikpijn', 'angst', 'spanning'], weight: 0.5 },
	{
		from: ['depressie', 'depressief', 'somber', 'suicidaal', 'zelfmoordgedachten', 'wil niet meer leven', 'zelfbeschadiging'],
		to: ['somber', 'psychisch', 'welzijn']
	},
	{
		from: ['verveelt', 'verveelt zich', 'verveling', 'te makkelijk', 'onderpresteert', 'onderpresteren', 'slim', 'begaafd', 'hoog iq', 'iq'],
		to: ['hoogbegaafd', 'uitdaging'],
		weight: 0.6
	},
	{
		from: ['leest slecht', 'moeite met lezen', 'leesproblemen', 'spellingsproblemen', 'kan niet lezen', 'leesachterstand'],
		to: ['dyslexie', 'lezen'],
		weight: 0.7
	},
	{ from: ['moeite met rekenen', 'rekenproblemen', 'kan niet rekenen', 'rekenachterstand'], to: ['dyscalculie', 'rekenen'], weight: 0.7 },
	{ from: ['onderzoek', 'test', 'testen', 'diagnostiek', 'psycholoog', 'orthopedagoog'], to: ['onderzoek', 'diagnose'], weight: 0.5 },
	// Bullying and safety
	{
		from: [
			'uitgescholden',
			'uitschelden',
			'schelden',
			'scheldt',
			'scheldwoorden',
			'treiteren',
			'getreiterd',
			'uitlachen',
			'uitgelachen',
			'schoppen',
			'buitengesloten',
			'geslagen',
			'geschopt',
			'bedreigd',
			'cyberpesten',
			'online gepest',
			'niemand speelt met',
			'onveilig',
			'niet veilig'
		],
		to: ['pesten', 'veiligheid', 'gepest']
	},
	// Illness
	{
		from: ['ziek', 'ziekte', 'chronisch', 'langdurig ziek', 'ziekenhuis', 'opname', 'opgenomen', 'epilepsie', 'kanker', 'long covid', 'me cvs', 'operatie'],
		to: ['ziek', 'ziekte', 'langdurig ziek'],
		weight: 0.5
	},
	{ from: ['prikken', 'spuiten', 'medicijnen', 'medicatie', 'medische handeling'], to: ['medische handelingen', 'diabetes', 'ziek'], weight: 0.5 },
	// Equal treatment
	{
		from: ['lift', 'traplift', 'hellingbaan', 'aangepast meubilair', 'aanpassingen', 'aanpassing'],
		to: ['aanpassing', 'toegankelijk', 'doeltreffende aanpassing'],
		weight: 0.7
	},
	// Care and who pays
	{ from: ['wie betaalt', 'betalen', 'betaalt', 'kosten', 'geld', 'financiering', 'vergoeding'], to: ['betalen', 'kosten', 'vergoeding'], weight: 0.4 },
	{
		from: ['zorg onder schooltijd', 'zorg in onderwijstijd', 'zorg op school', 'zorg in de klas', 'therapie onder schooltijd', 'behandeling onder schooltijd'],
		to: ['zorg in onderwijstijd', 'jeugdhulp', 'onderwijszorgarrangement']
	},
	{ from: ['gemeente', 'wijkteam', 'sociaal team'], to: ['gemeente', 'jeugdhulp'], weight: 0.4 },
	// Hours and tailor-made education
	{
		from: [
			'paar uur',
			'paar uurtjes',
			'uur per dag',
			'uur per week',
			'paar ochtenden',
			'halve dag',
			'deeltijd',
			'deels naar school',
			'rustig opbouwen',
			'opbouwen',
			'langzaam opbouwen'
		],
		to: ['verkort rooster', 'maatwerk', 'onderwijstijd'],
		weight: 0.7
	},
	// Help and support
	{
		from: [
			'waar kan ik terecht',
			'bij wie kan ik terecht',
			'wie kan mij helpen',
			'wie kan helpen',
			'wie helpt',
			'hulp zoeken',
			'waar moet ik heen',
			'ik weet het niet meer',
			'radeloos',
			'ten einde raad',
			'ben het zat',
			'luisterend oor'
		],
		to: ['hulp', 'steunpunt', 'onderwijsconsulent'],
		weight: 0.5
	},
	{ from: ['consulent', 'bemiddeling', 'bemiddelaar', 'mediator', 'mediation'], to: ['onderwijsconsulent', 'bemiddeling'], weight: 0.7 },
	{ from: ['andere ouders', 'ervaringsdeskundige', 'buddy', 'praten met ouders'], to: ['lotgenoten', 'oudercafe'], weight: 0.7 },
	// Communication with school
	{
		from: [
			'reageert niet',
			'geen reactie',
			'hoor niks',
			'hoor niets',
			'niet gehoord',
			'luistert niet',
			'neemt me niet serieus',
			'niet serieus genomen',
			'mails',
			'mailen',
			'e mail',
			'email',
			'bellen',
			'belt niet'
		],
		to: ['communicatie', 'niet gehoord', 'gesprek'],
		weight: 0.6
	},
	{
		from: [
			'privacy',
			'zonder toestemming',
			'zonder mijn toestemming',
			'zonder onze toestemming',
			'zonder overleg',
			'buiten ons om',
			'buiten mij om',
			'doorverteld',
			'rondverteld',
			'aan iedereen verteld',
			'gegevens gedeeld',
			'medische gegevens',
			'vertrouwelijk'
		],
		to: ['toestemming', 'privacy', 'informatie', 'dossier'],
		weight: 0.6
	},
	{ from: ['mentor', 'coach', 'mentrix'], to: ['mentor', 'leerkracht'], weight: 0.6 },
	// Admission
	{
		from: [
			'niet aangenomen',
			'wil niet aannemen',
			'niet toegelaten',
			'afgewezen',
			'past hier niet',
			'past niet',
			'geen plek voor',
			'school vol',
			'school is vol'
		],
		to: ['toelating', 'geweigerd', 'aanmelden'],
		weight: 0.6
	},
	{
		from: ['nieuwe school', 'andere school', 'school zoeken', 'school kiezen', 'welke school'],
		to: ['nieuwe school', 'aanmelden', 'school kiezen'],
		weight: 0.6
	},
	// Young people speaking for themselves
	{
		from: [
			'mijn mening',
			'mag ik meepraten',
			'ik wil meepraten',
			'niemand vraagt mij',
			'zelf beslissen',
			'zonder mijn ouders',
			'over mij',
			'ik ben NUM',
			'ik ben NUM jaar'
		],
		to: ['hoorrecht', 'meepraten', 'jongere'],
		weight: 0.6
	}
];

export interface CompiledRule {
	/** The stems of the phrase to find, stopwords included. */
	from: string[];
	/** The phrases to add, as stems. */
	to: string[][];
	weight: number;
	/** From a one-way rule: the phrase means the expansion, more than its separate words. */
	idiom: boolean;
}

/** Matches any number in a `from` phrase. */
export const ANY_NUMBER = '#';

const phrase = (text: string) => analyzeTokens(text).map((t) => (t.word === 'num' ? ANY_NUMBER : t.term));

let compiled: CompiledRule[] | null = null;

/** The groups and rules as stem sequences (computed once). */
export function compiledSynonyms(): CompiledRule[] {
	if (compiled) return compiled;
	const out: CompiledRule[] = [];
	for (const group of SYNONYM_GROUPS) {
		const members = [
			...new Map(
				group
					.map(phrase)
					.filter((p) => p.length > 0)
					.map((p) => [p.join(' '), p])
			).values()
		];
		for (const m of members) {
			const key = m.join(' ');
			const to = members.filter((o) => o.join(' ') !== key);
			if (to.length) out.push({ from: m, to, weight: 0.9, idiom: false });
		}
	}
	for (const rule of SYNONYM_RULES) {
		const to = rule.to.map(phrase).filter((p) => p.length > 0);
		for (const f of rule.from) {
			const from = phrase(f);
			if (from.length) out.push({ from, to: to.filter((p) => p.join(' ') !== from.join(' ')), weight: rule.weight ?? 0.7, idiom: true });
		}
	}
	// One rule per `from` phrase ("aanmelden" and "aanmelding" share a stem): merge, keep the strongest.
	const merged = new Map<string, CompiledRule>();
	for (const r of out) {
		const key = r.from.join(' ');
		const cur = merged.get(key);
		if (!cur) {
			merged.set(key, { from: r.from, to: [...r.to], weight: r.weight, idiom: r.idiom });
			continue;
		}
		cur.weight = Math.max(cur.weight, r.weight);
		cur.idiom ||= r.idiom;
		for (const t of r.to) if (!cur.to.some((x) => x.join(' ') === t.join(' '))) cur.to.push(t);
	}
	compiled = [...merged.values()].map((r) => ({ ...r, to: r.to.filter((t) => t.join(' ') !== r.from.join(' ')) }));
	return compiled;
}
