/**
 * The topic taxonomy and the parents' phases (../shared/domain/taxonomy.md). Slugs are stable:
 * never rename, only add. Labels are Dutch user text.
 */

export interface Topic {
	slug: string;
	label: string;
	/** Words parents use for this topic (from the taxonomy), used by search and suggestions. */
	signals: string[];
}

export const TOPICS: readonly Topic[] = [
	{
		slug: 'thuiszitten-verzuim',
		label: 'Thuiszitten en verzuim',
		signals: [
			'thuis',
			'zit thuis',
			'thuiszitter',
			'gaat niet meer',
			'wil niet naar school',
			'ziek gemeld',
			'verzuim',
			'spijbelen',
			'al weken',
			'maanden geen school',
			'niet ingeschreven'
		]
	},
	{
		slug: 'toelating-aanmelding',
		label: 'Aanmelden en toelating',
		signals: ['aanmelden', 'inschrijven', 'toelaten', 'geweigerd', 'past hier niet', 'aanmeldformulier', 'school vol', 'nieuwe school', 'verhuizen']
	},
	{
		slug: 'zorgplicht',
		label: 'Zorgplicht van de school',
		signals: ['zorgplicht', 'moet school zoeken', 'andere school regelen', '6 weken', 'verlengen', 'tussen wal en schip', 'niemand verantwoordelijk']
	},
	{
		slug: 'ondersteuning-arrangement',
		label: 'Ondersteuning op school en arrangement',
		signals: [
			'extra hulp',
			'begeleiding',
			'arrangement',
			'basisondersteuning',
			'ondersteuningsprofiel',
			'sop',
			'mdo',
			'groeidocument',
			'ambulant begeleider',
			'onderwijsassistent',
			'rugzakje',
			'handelingsverlegen'
		]
	},
	{
		slug: 'opp',
		label: 'Ontwikkelingsperspectief (OPP)',
		signals: ['opp', 'ontwikkelingsperspectief', 'handelingsdeel', 'tekenen', 'instemmen', 'uitstroomprofiel', 'doelen', 'evaluatie', 'plan']
	},
	{
		slug: 'tlv-speciaal-onderwijs',
		label: 'TLV en speciaal (basis)onderwijs',
		signals: [
			'tlv',
			'toelaatbaarheidsverklaring',
			'speciaal onderwijs',
			'sbo',
			'so',
			'vso',
			'cluster 3',
			'cluster 4',
			'praktijkonderwijs',
			'wachtlijst',
			'commissie van toelaatbaarheid'
		]
	},
	{
		slug: 'overgang-po-vo',
		label: 'Overgang naar het vo en schooladvies',
		signals: [
			'groep 8',
			'schooladvies',
			'doorstroomtoets',
			'eindtoets',
			'brugklas',
			'middelbare school',
			'lwoo',
			'praktijkonderwijs',
			'open dag',
			'overstap',
			'onderwijskundig rapport'
		]
	},
	{
		slug: 'schorsing-verwijdering',
		label: 'Schorsing en verwijdering',
		signals: [
			'geschorst',
			'schorsing',
			'verwijderd',
			'van school gestuurd',
			'naar huis gestuurd',
			'ophalen',
			'niet meer welkom',
			'verwijderingsbesluit',
			'time-out'
		]
	},
	{
		slug: 'leerlingenvervoer',
		label: 'Leerlingenvervoer',
		signals: [
			'taxi',
			'taxibusje',
			'schoolvervoer',
			'leerlingenvervoer',
			'vergoeding',
			'chauffeur',
			'te lang onderweg',
			'vergeten',
			'gemeente',
			'afstand',
			'kilometers'
		]
	},
	{
		slug: 'leerplicht-vrijstelling',
		label: 'Leerplicht, vrijstelling en thuisonderwijs',
		signals: [
			'leerplicht',
			'leerplichtambtenaar',
			'proces-verbaal',
			'boete',
			'vrijstelling',
			'5a',
			'5 onder a',
			'thuisonderwijs',
			'kwalificatieplicht',
			'halt',
			'rechter'
		]
	},
	{
		slug: 'zorg-jeugdhulp',
		label: 'Zorg in onderwijstijd en jeugdhulp',
		signals: [
			'jeugdhulp',
			'zorg op school',
			'begeleider in de klas',
			'onderwijszorgarrangement',
			'oza',
			'wijkteam',
			'gemeente betaalt',
			'dagbehandeling',
			'zorgarrangeur',
			'wlz',
			'pgb'
		]
	},
	{
		slug: 'ziekte-onderwijs',
		label: 'Ziek zijn en onderwijs',
		signals: [
			'chronisch ziek',
			'ziekenhuis',
			'langdurig ziek',
			'diabetes',
			'epilepsie',
			'operatie',
			'les thuis',
			'consulent zieke leerlingen',
			'ziezon',
			'klassecontact',
			'burn-out'
		]
	},
	{
		slug: 'hoogbegaafdheid',
		label: '(Hoog)begaafdheid',
		signals: [
			'hoogbegaafd',
			'hb',
			'plusklas',
			'verveelt zich',
			'te makkelijk',
			'klas overslaan',
			'versnellen',
			'verrijking',
			'onderpresteert',
			'iq-test',
			'uitzonderlijk begaafd'
		]
	},
	{
		slug: 'dyslexie-dyscalculie',
		label: 'Dyslexie en dyscalculie',
		signals: [
			'dyslexie',
			'dyscalculie',
			'dyslexieverklaring',
			'eed',
			'extra tijd',
			'voorleessoftware',
			'kurzweil',
			'lezen',
			'spellen',
			'rekenen',
			'rt',
			'remedial teaching'
		]
	},
	{
		slug: 'gedrag-autisme-adhd',
		label: 'Gedrag, autisme, ADHD en ontwikkeling',
		signals: ['autisme', 'ass', 'adhd', 'add', 'gedrag', 'boos', 'agressief', 'overprikkeld', 'prikkels', 'tos', 'lvb', 'diagnose', 'onderzoek', 'drukte']
	},
	{
		slug: 'schoolangst-welzijn',
		label: 'Schoolangst en psychisch welzijn',
		signals: [
			'angst',
			'schoolangst',
			'schoolweigering',
			'paniek',
			'buikpijn',
			'spugen',
			'somber',
			'depressief',
			'burn-out',
			'faalangst',
			'schooltrauma',
			'overgeven'
		]
	},
	{
		slug: 'communicatie-school',
		label: 'Communicatie en samenwerking met school',
		signals: [
			'niet gehoord',
			'luistert niet',
			'gesprek',
			'dossier inzien',
			'informatie',
			'afspraken',
			'mail',
			'verslag',
			'vertrouwen',
			'samenwerking',
			'wie is mijn aanspreekpunt'
		]
	},
	{
		slug: 'klacht-geschil',
		label: 'Klacht, bezwaar en geschil',
		signals: [
			'klacht',
			'bezwaar',
			'geschil',
			'geschillencommissie',
			'gpo',
			'klachtencommissie',
			'lkc',
			'advocaat',
			'rechter',
			'kort geding',
			'beroep',
			'niet eens met besluit'
		]
	},
	{
		slug: 'medezeggenschap',
		label: 'Medezeggenschap',
		signals: ['mr', 'medezeggenschapsraad', 'opr', 'ondersteuningsplanraad', 'ondersteuningsplan', 'inspraak beleid', 'ouderraad']
	},
	{
		slug: 'pesten-veiligheid',
		label: 'Pesten en veiligheid',
		signals: [
			'gepest',
			'pesten',
			'online pesten',
			'buitengesloten',
			'onveilig',
			'geslagen',
			'anti-pestcoördinator',
			'vertrouwenspersoon',
			'vertrouwensinspecteur'
		]
	},
	{
		slug: 'hulp-steun-vinden',
		label: 'Hulp en steun vinden',
		signals: [
			'wie kan helpen',
			'steunpunt',
			'onderwijsconsulent',
			'consulent',
			'lotgenoten',
			'andere ouders',
			'buddy',
			'oudercafé',
			'luisterend oor',
			'ben het zat',
			'hulp'
		]
	},
	{
		slug: 'inspraak-jongere',
		label: 'Meepraten als leerling (hoorrecht)',
		signals: ['ik wil meepraten', 'niemand vraagt mij', 'mijn mening', 'hoorrecht', 'opp van mij', '16 jaar', 'toestemming', 'mentor', 'vertrouwenspersoon']
	},
	{
		slug: 'gelijke-behandeling',
		label: 'Aanpassingen en gelijke behandeling',
		signals: [
			'discriminatie',
			'handicap',
			'rolstoel',
			'lift',
			'aanpassing',
			'doeltreffende aanpassing',
			'college voor de rechten van de mens',
			'toegankelijk',
			'geweigerd om beperking'
		]
	},
	{
		slug: 'maatwerk-onderwijstijd',
		label: 'Maatwerk en onderwijstijd',
		signals: [
			'halve dagen',
			'verkort rooster',
			'paar uur per dag',
			'deeltijd',
			'afwijken onderwijstijd',
			'variawet',
			'online les',
			'afstandsonderwijs',
			'opbouwen',
			'maatwerk'
		]
	}
];

export interface Phase {
	slug: string;
	/** How a parent says it: the entry on the home page ("Waar sta je nu?"). */
	label: string;
	/** The taxonomy's name of the phase. */
	name: string;
	description: string;
}

export const PHASES: readonly Phase[] = [
	{
		slug: 'zorgen-signaleren',
		label: 'Ik maak me zorgen over mijn kind',
		name: 'Zorgen en signaleren',
		description: 'Je merkt dat het op school niet goed gaat, en je twijfelt wat je moet doen.'
	},
	{
		slug: 'in-gesprek',
		label: 'Ik ga in gesprek met school',
		name: 'In gesprek met school',
		description: 'Je praat met de leerkracht, mentor of intern begeleider over wat je kind nodig heeft.'
	},
	{
		slug: 'extra-ondersteuning',
		label: 'Mijn kind heeft extra ondersteuning nodig',
		name: 'Extra ondersteuning',
		description: 'Er is een OPP, een arrangement of zorg. Je hebt vragen over hoe dat gaat.'
	},
	{
		slug: 'schoolkeuze-overstap',
		label: 'Ik zoek een school of mijn kind gaat naar het vo',
		name: 'Schoolkeuze en overstap',
		description: 'Aanmelden, een nieuwe school zoeken, de overstap van groep 8 naar de middelbare school.'
	},
	{
		slug: 'vastgelopen',
		label: 'We komen er met school niet uit',
		name: 'Vastgelopen',
		description: 'Jij en school zijn het niet eens, of school wil je kind schorsen of verwijderen.'
	},
	{
		slug: 'thuiszitten',
		label: 'Mijn kind zit thuis',
		name: 'Thuiszitten',
		description: 'Je kind gaat (bijna) niet naar school, of bouwt weer op na een tijd thuis.'
	},
	{
		slug: 'orientatie',
		label: 'Ik wil eerst weten hoe het werkt',
		name: 'Oriënteren',
		description: 'Je wilt weten wat begrippen en regels betekenen, zonder dat er al iets speelt.'
	}
];

/** Subjects from simple to complex (seed 004 §4.1). */
export const SUBJECTS = [
	{ slug: 'schoolkeuze', label: 'Schoolkeuze' },
	{ slug: 'hoe-school-werkt', label: 'Hoe school werkt' },
	{ slug: 'ondersteuning-op-school', label: 'Ondersteuning op school' },
	{ slug: 'als-school-niet-lukt', label: 'Als school niet lukt' },
	{ slug: 'regels-en-rechten', label: 'Regels en rechten' }
] as const;

export const topicBySlug = new Map(TOPICS.map((t) => [t.slug, t]));
export const phaseBySlug = new Map(PHASES.map((p) => [p.slug, p]));
export const subjectBySlug = new Map(SUBJECTS.map((s) => [s.slug as string, s]));
