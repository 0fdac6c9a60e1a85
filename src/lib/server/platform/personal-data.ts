/**
 * The one map of personal data (AVG): every column of every table, keyed by its SQL table and
 * column name, with what a row is, whom it is about, how long it is kept (and which code deletes
 * it), and what an inzage or deletion request does with it. `personal-data.db.test.ts` fails
 * when a table or column exists (in the Drizzle schema or the live database) that is not here, so
 * a new column cannot arrive without someone deciding what it holds.
 *
 * How columns are classified:
 * - By what the column holds while the row still names a person. Coded values that the code keeps
 *   for the figures after a wipe (topics, school type, who) keep that class; the entry's
 *   `retention` says what stays.
 * - Ids, foreign keys, dossier numbers (`reference`) and hashes of link tokens are `operationeel`:
 *   a hash of a random token cannot be turned back into a person, and the mail holding the token
 *   is deleted after 30 days. The personal data an id points at is classified where it lives.
 * - Public reference data and published content (gemeenten, schools, texts, an activity's venue,
 *   the steunpunt's own contact details, outside organisations) are `operationeel`: about no one.
 * - In anonymous tables (no way back to a person) coded answers are `anoniem`; a free-text answer
 *   is still `vrije-tekst`, because people type names into any box.
 *
 * `retention` starts with "Geen persoonsgegevens" for tables that hold none. `inzage` and
 * `deletion` state the rule; where no code carries it out yet, `gap` says so. Code is named as
 * `<path under src/lib/server> <function>`, and the test checks that the function exists.
 */
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema';

/**
 * - persoonlijk: names or reaches a person (name, e-mail, phone, a client address), or says
 *   something ordinary about a named person (preferences, answers, the gemeenten a buddy covers).
 * - bijzonder: sensitive: health, the child's situation and support needs, a question about a child.
 * - vrije-tekst: free text that may hold personal data (notes, comments, messages, mail bodies).
 * - anoniem: about people but cannot be traced to one (anonymous registrations, scores, counts).
 * - operationeel: ids, keys, timestamps, statuses, settings, hashes, reference data and content.
 */
export type DataCategory = 'persoonlijk' | 'bijzonder' | 'vrije-tekst' | 'anoniem' | 'operationeel';

/** The categories that hold personal data. */
export const PERSONAL_CATEGORIES: readonly DataCategory[] = ['persoonlijk', 'bijzonder', 'vrije-tekst'];

/** Whom rows are about: a parent (and their child), a participant in an activity, a buddy, staff, or a site visitor. */
export type Subject = 'ouder' | 'kind' | 'deelnemer' | 'buddy' | 'medewerker' | 'bezoeker';

/** An inzage answer shows these rows, or does not (and says why). */
export type Inzage = 'tonen' | `niet: ${string}`;

/**
 * What a deletion request does: delete the rows, wipe the personal fields (the row stays for the
 * figures), nothing because the rows are anonymous, or nothing because there is nothing personal.
 */
export type Deletion = 'rij-verwijderen' | 'velden-wissen' | 'blijft-anoniem' | 'niet-van-toepassing';

export interface TableEntry {
	/** Dutch, one sentence: what a row is. */
	about: string;
	/** Whom the rows are about; empty: no one. */
	subjects: readonly Subject[];
	/** The retention rule in Dutch (B1), with the code that enforces it. */
	retention: string;
	inzage: Inzage;
	deletion: Deletion;
	/** The code that carries out inzage and deletion requests for these rows today. */
	handledBy?: string;
	/** Where the code does not (yet) do what the rule says: what personal data is left behind. */
	gap?: string;
	/**
	 * For anonymous tables with free text: the column that dates a row. The `vrije-tekst` columns
	 * are emptied once a row is older than the steunpunt's retention (platform/free-text-retention.ts).
	 */
	freeTextAfter?: string;
	columns: Record<string, DataCategory>;
}

const NONE = 'niet: geen persoonsgegevens';

/** Tables that exist in the database but are not the app's data, with the reason. */
export const NOT_CLASSIFIED: Record<string, string> = {
	'drizzle.__drizzle_migrations': 'Het logboek van Drizzle zelf (hash en tijd per migratie), in het schema drizzle; geen persoonsgegevens.'
};

export const PERSONAL_DATA: Record<string, TableEntry> = {
	// ------------------------------------------------------------ reference data (national, public)
	gemeente: {
		about: 'Een gemeente uit de landelijke lijst (CBS).',
		subjects: [],
		retention: 'Geen persoonsgegevens: openbare gegevens, bijgewerkt bij de import.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: { code: 'operationeel', naam: 'operationeel', provincie: 'operationeel' }
	},
	pc4: {
		about: 'Een postcode van 4 cijfers met de gemeente en de samenwerkingsverbanden die erbij horen.',
		subjects: [],
		retention: 'Geen persoonsgegevens: openbare gegevens, bijgewerkt bij de import.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: { pc4: 'operationeel', gemeente_code: 'operationeel', swv_po: 'operationeel', swv_vo: 'operationeel' }
	},
	woonplaats: {
		about: 'Een woonplaats met de gemeente waar die bij hoort (Kadaster/BAG).',
		subjects: [],
		retention: 'Geen persoonsgegevens: openbare gegevens, bijgewerkt bij de import.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: { code: 'operationeel', naam: 'operationeel', gemeente_code: 'operationeel' }
	},
	swv: {
		about: 'Een samenwerkingsverband passend onderwijs, met het steunpunt dat erbij hoort.',
		subjects: [],
		retention: 'Geen persoonsgegevens: openbare gegevens, bijgewerkt bij de import.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: { code: 'operationeel', sector: 'operationeel', naam: 'operationeel', website: 'operationeel', steunpunt_id: 'operationeel' }
	},
	swv_gemeente: {
		about: 'Welk deel van een gemeente bij een samenwerkingsverband hoort.',
		subjects: [],
		retention: 'Geen persoonsgegevens: openbare gegevens, bijgewerkt bij de import.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: { swv_code: 'operationeel', gemeente_code: 'operationeel', sector: 'operationeel', aandeel: 'operationeel' }
	},
	school: {
		about: 'Een schoolvestiging uit de openbare lijst van DUO.',
		subjects: [],
		retention: 'Geen persoonsgegevens: openbare gegevens, bijgewerkt bij de import.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: {
			vestigingscode: 'operationeel',
			naam: 'operationeel',
			soort: 'operationeel',
			plaats: 'operationeel',
			postcode: 'operationeel',
			pc4: 'operationeel',
			gemeente_code: 'operationeel',
			swv_po: 'operationeel',
			swv_vo: 'operationeel',
			website: 'operationeel'
		}
	},

	// ------------------------------------------------------------ tenants and people
	steunpunt: {
		about: 'Een steunpunt (de tenant) met zijn openbare contactgegevens en instellingen.',
		subjects: [],
		retention: 'Geen persoonsgegevens: naam, telefoon en e-mail zijn die van het steunpunt zelf en staan openbaar op de site.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: {
			id: 'operationeel',
			slug: 'operationeel',
			naam: 'operationeel',
			telefoon: 'operationeel',
			email: 'operationeel',
			openingstijden: 'operationeel',
			intro: 'operationeel',
			regio_info: 'operationeel',
			response_days: 'operationeel',
			reviewers_required: 'operationeel',
			retention_months: 'operationeel',
			vog_max_years: 'operationeel',
			buddy_check_in_weeks: 'operationeel',
			activity_retention_days: 'operationeel',
			audit_retention_months: 'operationeel',
			created_at: 'operationeel'
		}
	},
	app_user: {
		about: 'Een account om in te loggen, van een medewerker of een buddy.',
		subjects: ['medewerker', 'buddy'],
		retention: 'Zolang het account bestaat: er is geen termijn. Alleen sessies en wachtwoordlinks worden opgeruimd.',
		inzage: 'tonen',
		deletion: 'rij-verwijderen',
		gap: 'Geen code verwijdert, anonimiseert of sluit een account (disabled_at wordt alleen met de hand gezet): naam en e-mailadres blijven altijd staan. Er is ook geen inzage voor accounts.',
		columns: {
			id: 'operationeel',
			email: 'persoonlijk',
			naam: 'persoonlijk',
			password_hash: 'operationeel',
			totp_secret: 'operationeel',
			totp_enabled_at: 'operationeel',
			totp_last_step: 'operationeel',
			is_landelijk: 'operationeel',
			created_at: 'operationeel',
			disabled_at: 'operationeel'
		}
	},
	membership: {
		about: 'Een rol van een account bij een steunpunt.',
		subjects: ['medewerker', 'buddy'],
		retention: 'Geen persoonsgegevens naast het account: gaat mee weg als het account wordt verwijderd (cascade).',
		inzage: 'niet: alleen de rol; hoort bij het account',
		deletion: 'rij-verwijderen',
		columns: { id: 'operationeel', steunpunt_id: 'operationeel', user_id: 'operationeel', role: 'operationeel' }
	},
	session: {
		about: 'Een ingelogde sessie: de hash van het cookie, van wie en tot wanneer.',
		subjects: ['medewerker', 'buddy'],
		retention:
			'Geen persoonsgegevens naast het account: weg bij uitloggen (auth/sessions.ts deleteSession) of als de sessie verlopen is (maintenance.ts purgeExpired, stap sessies).',
		inzage: 'niet: technisch; alleen een hash en tijden',
		deletion: 'rij-verwijderen',
		columns: { id: 'operationeel', user_id: 'operationeel', created_at: 'operationeel', expires_at: 'operationeel', two_factor_verified: 'operationeel' }
	},
	login_throttle: {
		about: 'Een teller van mislukte inlogpogingen per e-mailadres, account of IP-adres.',
		subjects: ['medewerker', 'bezoeker'],
		retention: 'Een dag na het begin van het venster, als er geen blokkade meer loopt (maintenance.ts purgeExpired, stap inlogtellers).',
		inzage: 'niet: een teller van hooguit een dag, om inbraak tegen te gaan',
		deletion: 'rij-verwijderen',
		columns: {
			key: 'persoonlijk', // 'email:<address>', 'ip:<client address>' or '2fa:<user id>'
			failures: 'operationeel',
			window_start: 'operationeel',
			locked_until: 'operationeel'
		}
	},
	password_reset: {
		about: 'Een link om een nieuw wachtwoord te kiezen (alleen de hash van de link).',
		subjects: ['medewerker', 'buddy'],
		retention: 'Geen persoonsgegevens naast het account: een dag na het verlopen weg (maintenance.ts purgeExpired, stap wachtwoordlinks).',
		inzage: 'niet: technisch; alleen een hash en tijden',
		deletion: 'rij-verwijderen',
		columns: { token_hash: 'operationeel', user_id: 'operationeel', expires_at: 'operationeel', used_at: 'operationeel' }
	},
	audit_log: {
		about: 'Wie wat heeft bekeken of veranderd, en wanneer (verantwoording volgens de AVG).',
		subjects: ['medewerker', 'ouder', 'buddy', 'deelnemer'],
		retention:
			'Het aantal maanden van steunpunt.audit_retention_months (standaard 24), daarna weg; regels zonder steunpunt na 24 maanden (audit/retention.ts purgeAuditLog). Gaat een dossier weg, dan blijven de regels met alleen het nummer staan tot hun eigen termijn.',
		inzage: 'niet: verantwoording van het werk van medewerkers; noemt alleen nummers van dossiers, geen namen van ouders',
		deletion: 'blijft-anoniem',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			user_id: 'operationeel',
			action: 'operationeel',
			entity: 'operationeel',
			entity_id: 'operationeel',
			at: 'operationeel',
			detail: 'vrije-tekst' // filled per action: counts, dossier numbers, names of organisations, titles
		}
	},
	mail_outbox: {
		about: 'Een mail die het systeem verstuurt of heeft verstuurd (de outbox).',
		subjects: ['ouder', 'deelnemer', 'buddy', 'medewerker'],
		retention:
			'30 dagen na het maken weg (maintenance.ts purgeExpired, stap mail). Een mail met erase_after_send (een inzage-export) verliest zijn inhoud direct na versturen (platform/outbox.ts deliverOne).',
		inzage: 'niet: een kopie van berichten; wat erin staat, staat ook in het dossier, en na 30 dagen is de mail weg',
		deletion: 'rij-verwijderen',
		handledBy:
			'platform/person-data.ts findPersonRecords, erasePersonRecords (bij "deze vraag": mail die het nummer of de persoonlijke link van het dossier noemt; bij "alles over mij": alle mail aan het adres in dit steunpunt. Verstuurde mail gaat weg; mail die nog wacht, gaat eerst de deur uit en verliest dan adres en inhoud)',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			to: 'persoonlijk',
			subject: 'vrije-tekst', // dossier number, activity title
			text: 'bijzonder', // names, personal links; an inzage export holds the parent's question
			html: 'bijzonder',
			via_smtp: 'operationeel',
			attachments: 'vrije-tekst', // the activity's .ics
			status: 'operationeel',
			attempts: 'operationeel',
			next_attempt_at: 'operationeel',
			last_error: 'operationeel', // an error code only, never the address
			erase_after_send: 'operationeel',
			created_at: 'operationeel',
			sent_at: 'operationeel'
		}
	},

	// ------------------------------------------------------------ kennisbank
	library_text: {
		about: 'Een landelijke tekst uit de kennisbank.',
		subjects: [],
		retention: 'Geen persoonsgegevens: openbare inhoud, bijgewerkt bij de import.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: {
			slug: 'operationeel',
			title: 'operationeel',
			phase: 'operationeel',
			topics: 'operationeel',
			subject: 'operationeel',
			audience: 'operationeel',
			summary: 'operationeel',
			body: 'operationeel',
			keywords: 'operationeel',
			related: 'operationeel',
			version: 'operationeel',
			updated_at: 'operationeel'
		}
	},
	glossary_term: {
		about: 'Een begrip uit de landelijke woordenlijst met de uitleg.',
		subjects: [],
		retention: 'Geen persoonsgegevens: openbare inhoud, bijgewerkt bij de import.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: { slug: 'operationeel', term: 'operationeel', aliases: 'operationeel', definition: 'operationeel' }
	},
	route_step: {
		about: 'Een stap van de landelijke routekaart voor ouders.',
		subjects: [],
		retention: 'Geen persoonsgegevens: openbare inhoud, bijgewerkt bij de import.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: {
			slug: 'operationeel',
			position: 'operationeel',
			title: 'operationeel',
			who: 'operationeel',
			what: 'operationeel',
			tips: 'operationeel',
			costs: 'operationeel',
			deadlines: 'operationeel',
			regional: 'operationeel'
		}
	},
	text: {
		about: 'Een eigen tekst van een steunpunt, of zijn aanpassing van een landelijke tekst.',
		subjects: [],
		retention: 'Geen persoonsgegevens: inhoud van het steunpunt.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			slug: 'operationeel',
			library_slug: 'operationeel',
			library_version: 'operationeel',
			published_version_id: 'operationeel',
			review_before: 'operationeel',
			created_at: 'operationeel'
		}
	},
	text_version: {
		about: 'Een versie van een tekst van een steunpunt (concept, ter review, gepubliceerd of vervangen).',
		subjects: ['medewerker'],
		retention: 'Zolang de tekst bestaat: de versies zijn de geschiedenis van de tekst. Geen termijn.',
		inzage: 'niet: werk van een medewerker over een tekst, niet over een persoon',
		deletion: 'velden-wissen',
		gap: 'De reden om toch te publiceren (override_reason) is vrije tekst van een medewerker zonder termijn; geen code wist die.',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			text_id: 'operationeel',
			number: 'operationeel',
			title: 'operationeel',
			phase: 'operationeel',
			topics: 'operationeel',
			subject: 'operationeel',
			audience: 'operationeel',
			summary: 'operationeel',
			body: 'operationeel', // published content
			keywords: 'operationeel',
			related: 'operationeel',
			status: 'operationeel',
			readability: 'operationeel',
			override_reason: 'vrije-tekst',
			created_by: 'operationeel',
			created_at: 'operationeel',
			published_at: 'operationeel'
		}
	},
	text_review: {
		about: 'Het oordeel van een meelezer over een versie van een tekst, met een opmerking.',
		subjects: ['medewerker'],
		retention: 'Zolang de tekstversie bestaat (cascade met de versie). Geen termijn.',
		inzage: 'niet: werk van een medewerker over een tekst, niet over een persoon',
		deletion: 'velden-wissen',
		gap: 'De opmerking (comment) is vrije tekst van een medewerker zonder termijn; geen code wist die.',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			version_id: 'operationeel',
			reviewer_id: 'operationeel',
			supported: 'operationeel',
			comment: 'vrije-tekst',
			created_at: 'operationeel'
		}
	},
	text_feedback: {
		about: 'Anonieme feedback van een bezoeker op een tekst: hielp het, en een opmerking.',
		subjects: ['bezoeker'],
		retention:
			'Anoniem, zonder koppeling aan een bezoeker (kennisbank/feedback.ts giveFeedback slaat geen adres op). De opmerking wordt na de bewaartermijn van het steunpunt leeggemaakt (platform/free-text-retention.ts wipeOldFreeText); of het hielp blijft voor de cijfers.',
		inzage: 'niet: anoniem; niet terug te vinden per persoon',
		deletion: 'blijft-anoniem',
		freeTextAfter: 'created_at',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			slug: 'operationeel',
			helped: 'anoniem',
			comment: 'vrije-tekst',
			created_at: 'operationeel'
		}
	},
	rate_limit: {
		about: 'Een teller tegen misbruik van openbare formulieren, per soort, steunpunt en IP-adres.',
		subjects: ['bezoeker'],
		retention: 'Een dag na het begin van het venster weg (maintenance.ts purgeExpired, stap limieten).',
		inzage: 'niet: een teller van hooguit een dag, tegen misbruik',
		deletion: 'rij-verwijderen',
		columns: {
			key: 'persoonlijk', // '<kind>:<steunpunt>:<client address>' or 'feedback:<client address>'
			count: 'operationeel',
			window_start: 'operationeel'
		}
	},

	// ------------------------------------------------------------ vragen en contacten
	registration: {
		about: 'De anonieme registratie van een contact: waar het over ging, zonder naam en zonder dossier.',
		subjects: [],
		retention: 'Geen persoonsgegevens: anoniem vanaf het begin; blijft voor de cijfers (signalering).',
		inzage: NONE,
		deletion: 'blijft-anoniem',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			day: 'anoniem',
			channel: 'anoniem',
			who: 'anoniem',
			school_type: 'anoniem',
			phase: 'anoniem',
			age_group: 'anoniem',
			gemeente_code: 'anoniem',
			topics: 'anoniem',
			topics_confirmed: 'operationeel',
			outcome: 'anoniem',
			referral_kind: 'anoniem',
			duration_minutes: 'anoniem',
			created_at: 'operationeel'
		}
	},
	contact_case: {
		about: 'Een dossier: de vraag van één ouder, van het eerste contact tot het afsluiten.',
		subjects: ['ouder', 'kind'],
		retention:
			'Dossier: het aantal maanden van steunpunt.retention_months (standaard 12) na het afsluiten helemaal weg, met alles wat eraan hangt (contacten/purge-cases.ts purgeClosedCases). Een open dossier waarin zo lang niets is gewijzigd, wordt eerst vanzelf afgesloten (contacten/purge-cases.ts closeDormantCases).',
		inzage: 'tonen',
		deletion: 'rij-verwijderen',
		handledBy: 'contacten/privacy.ts exportCase, carryOutPrivacyRequest',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			reference: 'operationeel',
			source: 'operationeel',
			status: 'operationeel',
			assigned_to: 'operationeel',
			consulent_id: 'operationeel',
			due_on: 'operationeel',
			follow_up_on: 'operationeel',
			created_at: 'operationeel',
			updated_at: 'operationeel',
			closed_at: 'operationeel'
		}
	},
	case_person: {
		about: 'De persoon achter een dossier: naam, contactgegevens, de vraag en de toestemming.',
		subjects: ['ouder', 'kind'],
		retention: 'Gaat weg met het dossier (cascade; contacten/purge-cases.ts purgeClosedCases).',
		inzage: 'tonen',
		deletion: 'rij-verwijderen',
		handledBy: 'contacten/privacy.ts exportCase, carryOutPrivacyRequest',
		gap: 'Is het dossier doorverwezen naar het buddyprogramma, dan staan naam, e-mail, telefoon en vraag ook in buddy_request. Een verwijderverzoek wist die kopie mee; gaat het dossier na de bewaartermijn weg, dan volgt de kopie haar eigen termijn (zie buddy_request).',
		columns: {
			case_id: 'operationeel',
			steunpunt_id: 'operationeel',
			name: 'persoonlijk',
			phone: 'persoonlijk',
			phone_digits: 'persoonlijk', // generated from phone
			email: 'persoonlijk',
			question: 'bijzonder',
			preferred_moments: 'vrije-tekst',
			contact_preference: 'persoonlijk',
			follow_up_by_mail: 'persoonlijk',
			consent_version: 'operationeel',
			consent_at: 'operationeel'
		}
	},
	case_event: {
		about: 'Een gebeurtenis in een dossier: een wijziging, aantekening, contact, doorverwijzing of mail.',
		subjects: ['ouder', 'kind', 'medewerker'],
		retention: 'Gaat weg met het dossier (cascade; contacten/purge-cases.ts purgeClosedCases).',
		inzage: 'tonen',
		deletion: 'rij-verwijderen',
		handledBy: 'contacten/privacy.ts exportCase, carryOutPrivacyRequest',
		columns: {
			id: 'operationeel',
			case_id: 'operationeel',
			steunpunt_id: 'operationeel',
			at: 'operationeel',
			user_id: 'operationeel',
			kind: 'operationeel',
			text: 'vrije-tekst', // notes, contact summaries, what was handed over
			data: 'bijzonder' // per kind: the mail address, the consulent's name, topics, the parent's answer
		}
	},
	organisation: {
		about: 'Een organisatie buiten het steunpunt waarnaar het steunpunt doorverwijst.',
		subjects: [],
		retention: 'Geen persoonsgegevens: gegevens van een organisatie; de beheerder haalt ze weg.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			name: 'operationeel',
			description: 'operationeel',
			phone: 'operationeel',
			website: 'operationeel',
			created_at: 'operationeel'
		}
	},
	referral: {
		about: 'Een doorverwijzing vanuit een dossier: naar een consulent, het buddyprogramma of een organisatie.',
		subjects: ['ouder', 'kind'],
		retention: 'Gaat weg met het dossier (cascade; contacten/purge-cases.ts purgeClosedCases).',
		inzage: 'tonen',
		deletion: 'rij-verwijderen',
		handledBy: 'contacten/privacy.ts exportCase, carryOutPrivacyRequest',
		columns: {
			id: 'operationeel',
			case_id: 'operationeel',
			steunpunt_id: 'operationeel',
			kind: 'operationeel',
			consulent_id: 'operationeel',
			organisation_id: 'operationeel',
			organisation_name: 'operationeel',
			handed_over: 'vrije-tekst',
			parent_agreed: 'operationeel', // the parent's consent to the referral
			created_by: 'operationeel',
			created_at: 'operationeel'
		}
	},
	follow_up: {
		about: 'Een mail "Hoe gaat het nu?" bij een dossier, met het antwoord van de ouder.',
		subjects: ['ouder', 'kind'],
		retention: 'Gaat weg met het dossier (cascade; contacten/purge-cases.ts purgeClosedCases).',
		inzage: 'tonen',
		deletion: 'rij-verwijderen',
		handledBy: 'contacten/privacy.ts exportCase, carryOutPrivacyRequest',
		columns: {
			id: 'operationeel',
			case_id: 'operationeel',
			steunpunt_id: 'operationeel',
			token_hash: 'operationeel',
			sent_at: 'operationeel',
			expires_at: 'operationeel',
			answered_at: 'operationeel',
			trend: 'persoonlijk',
			supported: 'persoonlijk',
			comment: 'vrije-tekst'
		}
	},
	support_score: {
		about: 'Anoniem: hoe gesteund een ouder zich voelde, voor de cijfers, zonder dossier.',
		subjects: [],
		retention: 'Geen persoonsgegevens: anoniem vanaf het begin; blijft voor de cijfers.',
		inzage: NONE,
		deletion: 'blijft-anoniem',
		columns: { id: 'operationeel', steunpunt_id: 'operationeel', day: 'anoniem', trend: 'anoniem', supported: 'anoniem' }
	},
	privacy_request: {
		about: 'Een verzoek van een ouder om inzage of verwijdering, en wanneer het is uitgevoerd.',
		subjects: ['ouder'],
		retention:
			'Geen persoonsgegevens naast het dossier: blijft als bewijs dat het verzoek is uitgevoerd. Gaat het dossier weg, dan wordt case_id leeg en blijft alleen het nummer.',
		inzage: 'niet: het verzoek zelf; de ouder krijgt een mail als het is uitgevoerd',
		deletion: 'blijft-anoniem',
		handledBy: 'contacten/privacy.ts carryOutPrivacyRequest',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			case_id: 'operationeel',
			reference: 'operationeel',
			kind: 'operationeel',
			scope: 'operationeel',
			source: 'operationeel',
			source_id: 'operationeel',
			outcome: 'operationeel', // counts per table only
			created_at: 'operationeel',
			handled_at: 'operationeel',
			handled_by: 'operationeel'
		}
	},
	topic_confirmation: {
		about: 'Onderwerpen die een medewerker bevestigde, met alleen bekende woordstammen uit de vraag (nooit de tekst).',
		subjects: [],
		retention:
			'Geen persoonsgegevens: alleen woordstammen die het model al kent (signalering/topic-classifier.ts confirmedTermsOf laat namen en zeldzame woorden weg), zonder dossier; blijft om het model te leren.',
		inzage: NONE,
		deletion: 'blijft-anoniem',
		columns: { id: 'operationeel', steunpunt_id: 'operationeel', terms: 'anoniem', topics: 'anoniem', created_at: 'operationeel' }
	},
	app_secret: {
		about: 'Een geheime sleutel die de app-processen delen (bijvoorbeeld voor formulieren en persoonlijke links).',
		subjects: [],
		retention: 'Geen persoonsgegevens.',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: { name: 'operationeel', value: 'operationeel' }
	},

	// ------------------------------------------------------------ buddyprogramma
	buddy: {
		about: 'Een buddy: een getrainde ervaringsdeskundige ouder, met profiel en gereedheid (training, intake, VOG).',
		subjects: ['buddy'],
		retention: 'Zolang de buddy bij het steunpunt is; er is geen termijn, ook niet na ended_at.',
		inzage: 'tonen',
		deletion: 'velden-wissen',
		gap: 'Geen code wist of verwijdert een buddy: naam, contactgegevens, ervaringen en "over mij" blijven ook na het stoppen (ended_at) staan. Een buddy kan geen inzage- of verwijderverzoek doen (verzoeken gaan via de persoonlijke link van een dossier).',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			user_id: 'operationeel',
			name: 'persoonlijk',
			email: 'persoonlijk',
			phone: 'persoonlijk',
			phone_digits: 'persoonlijk', // generated from phone
			experiences: 'bijzonder', // the buddy's own experience with their child (e.g. autism, thuiszitten)
			school_types: 'persoonlijk',
			gemeenten: 'persoonlijk',
			languages: 'persoonlijk',
			support_ways: 'persoonlijk',
			capacity: 'operationeel',
			paused: 'operationeel',
			training_on: 'persoonlijk',
			intake_on: 'persoonlijk',
			vog_on: 'persoonlijk',
			about: 'vrije-tekst',
			created_at: 'operationeel',
			ended_at: 'operationeel'
		}
	},
	buddy_request: {
		about: 'Een aanvraag van een ouder voor een buddy: via de site, of uit een dossier (doorverwijzing).',
		subjects: ['ouder', 'kind'],
		retention:
			'Hulpvraag, naam, e-mail en telefoon: het aantal maanden van steunpunt.retention_months (standaard 12) na het afsluiten van de aanvraag gewist (buddies/retention.ts purgeBuddyPersonalData). Een aanvraag die langer dan die termijn op een buddy wacht (aangevraagd), wordt afgesloten en gewist. Onderwerpen, ervaringen, schoolsoort, gemeente, taal en manieren van steun blijven voor de cijfers, zonder naam.',
		inzage: 'tonen',
		deletion: 'velden-wissen',
		handledBy:
			'platform/person-data.ts findPersonRecords, erasePersonRecords (de aanvraag uit het dossier; bij "alles over mij" ook elke aanvraag met hetzelfde e-mailadres of telefoonnummer; de aanvraag wordt afgesloten)',
		gap: 'Een aanvraag uit een dossier is een kopie van naam, e-mail, telefoon en vraag: als het dossier na zijn bewaartermijn weggaat (contacten/purge-cases.ts purgeClosedCases), volgt de kopie haar eigen termijn. Wie alleen een buddy aanvroeg (zonder dossier), heeft geen eigen persoonlijke link voor inzage of verwijderen; een verzoek via een dossier met hetzelfde adres of nummer vindt de aanvraag wel.',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			reference: 'operationeel',
			case_id: 'operationeel',
			source: 'operationeel',
			need: 'bijzonder',
			topics: 'bijzonder',
			experiences: 'bijzonder',
			school_type: 'persoonlijk',
			gemeente_code: 'persoonlijk',
			language: 'persoonlijk',
			support_ways: 'persoonlijk',
			name: 'persoonlijk',
			email: 'persoonlijk',
			phone: 'persoonlijk',
			phone_digits: 'persoonlijk', // generated from phone: empty once phone is wiped
			consent_version: 'operationeel',
			consent_at: 'operationeel',
			status: 'operationeel',
			created_at: 'operationeel',
			closed_at: 'operationeel'
		}
	},
	buddy_match: {
		about: 'Een koppeling van een aanvraag aan een buddy, van voorstel tot einde, met de reflectie van de buddy.',
		subjects: ['ouder', 'buddy'],
		retention:
			'Reflectie en reden van stoppen: gewist samen met de aanvraag, het aantal maanden van steunpunt.retention_months na het afsluiten (buddies/retention.ts purgeBuddyPersonalData). Status en datums blijven voor de cijfers.',
		inzage: 'tonen',
		deletion: 'velden-wissen',
		handledBy: 'platform/person-data.ts erasePersonRecords (een lopende koppeling stopt; reflectie, redenen en links gewist)',
		gap: 'Het veld reason wordt bij de bewaartermijn niet gewist (de code schrijft er nu niets in; een verwijderverzoek wist het wel). Reflectie en reden van stoppen bij een aanvraag met een lopende koppeling blijven tot de aanvraag is afgesloten en haar termijn voorbij is.',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			request_id: 'operationeel',
			buddy_id: 'operationeel',
			status: 'operationeel',
			reason: 'vrije-tekst',
			proposed_at: 'operationeel',
			accepted_at: 'operationeel',
			active_at: 'operationeel',
			ended_at: 'operationeel',
			end_reason: 'vrije-tekst',
			buddy_token_hash: 'operationeel',
			survey_token_hash: 'operationeel',
			survey_answered_at: 'operationeel',
			reflection: 'vrije-tekst',
			last_contact_on: 'operationeel',
			last_reminder_at: 'operationeel'
		}
	},
	buddy_match_event: {
		about: 'Een stap in de geschiedenis van een koppeling (van welke status naar welke), met een notitie.',
		subjects: ['ouder', 'buddy', 'medewerker'],
		retention:
			'De notitie: gewist samen met de aanvraag, het aantal maanden van steunpunt.retention_months na het afsluiten (buddies/retention.ts purgeBuddyPersonalData). De stappen blijven.',
		inzage: 'tonen',
		deletion: 'velden-wissen',
		handledBy: 'platform/person-data.ts erasePersonRecords',
		gap: 'Notities bij een aanvraag met een lopende koppeling blijven tot de aanvraag is afgesloten en haar termijn voorbij is.',
		columns: {
			id: 'operationeel',
			match_id: 'operationeel',
			steunpunt_id: 'operationeel',
			at: 'operationeel',
			user_id: 'operationeel',
			from: 'operationeel',
			to: 'operationeel',
			note: 'vrije-tekst',
			data: 'operationeel' // always {} today (buddies/matches.ts writes none); classify again when code writes to it
		}
	},
	buddy_moment: {
		about: 'Een contactmoment dat de buddy noteert: datum, vorm, minuten, onderwerpen en een notitie.',
		subjects: ['ouder', 'kind', 'buddy'],
		retention:
			'De notitie: gewist samen met de aanvraag, het aantal maanden van steunpunt.retention_months na het afsluiten (buddies/retention.ts purgeBuddyPersonalData). Datum, vorm, minuten en onderwerpen blijven voor de cijfers, zonder naam van de ouder.',
		inzage: 'tonen',
		deletion: 'velden-wissen',
		handledBy: 'platform/person-data.ts erasePersonRecords',
		gap: 'Notities bij een aanvraag met een lopende koppeling blijven tot de aanvraag is afgesloten en haar termijn voorbij is.',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			match_id: 'operationeel',
			day: 'operationeel',
			form: 'operationeel',
			minutes: 'operationeel',
			topics: 'bijzonder',
			note: 'vrije-tekst',
			created_at: 'operationeel'
		}
	},
	buddy_survey: {
		about: 'Anoniem: de enquête van de ouder aan het eind van een koppeling, of het cijfer van de buddy.',
		subjects: ['ouder', 'buddy'],
		retention:
			'Anoniem vanaf het begin (geen koppeling, geen aanvraag; buddies/survey.ts answerSurvey). De antwoorden "wat hielp" en "wat kan beter" worden na de bewaartermijn van het steunpunt leeggemaakt (platform/free-text-retention.ts wipeOldFreeText); de cijfers blijven.',
		inzage: 'niet: anoniem; niet terug te vinden per persoon',
		deletion: 'blijft-anoniem',
		freeTextAfter: 'day',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			day: 'anoniem',
			who: 'anoniem',
			supported: 'anoniem',
			helped: 'vrije-tekst',
			better: 'vrije-tekst'
		}
	},

	// ------------------------------------------------------------ activiteiten
	activity: {
		about: 'Een activiteit van een steunpunt (oudercafé, themamiddag, online), met plaats, tijd en plekken.',
		subjects: [],
		retention:
			'Geen persoonsgegevens: openbare gegevens van de activiteit. De link om online mee te doen wordt gewist als de gegevens van de deelnemers weggaan (activiteiten/jobs.ts purgeActivityPersonalData).',
		inzage: NONE,
		deletion: 'niet-van-toepassing',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			kind: 'operationeel',
			title: 'operationeel',
			theme: 'operationeel',
			audience: 'operationeel',
			description: 'operationeel',
			starts_at: 'operationeel',
			ends_at: 'operationeel',
			online: 'operationeel',
			location_name: 'operationeel',
			address: 'operationeel', // the venue's address
			place: 'operationeel',
			accessibility: 'operationeel',
			online_url: 'operationeel', // a meeting link, not about a person
			capacity: 'operationeel',
			max_per_signup: 'operationeel',
			offer_hours: 'operationeel',
			series_id: 'operationeel',
			status: 'operationeel',
			sequence: 'operationeel',
			topics: 'operationeel', // topics discussed at the activity, not of a person
			registration_id: 'operationeel',
			feedback_sent_at: 'operationeel',
			personal_data_purged_at: 'operationeel',
			created_by: 'operationeel',
			created_at: 'operationeel',
			updated_at: 'operationeel'
		}
	},
	activity_signup: {
		about: 'Een aanmelding voor een activiteit (bevestigd, wachtlijst, aangeboden, afgemeld of verlopen).',
		subjects: ['deelnemer'],
		retention:
			'Naam, e-mail, telefoon en behoeften: het aantal dagen van steunpunt.activity_retention_days (standaard 30) na de activiteit gewist (activiteiten/jobs.ts purgeActivityPersonalData). Status, aantal, soort deelnemer en aanwezig blijven voor de cijfers.',
		inzage: 'tonen',
		deletion: 'velden-wissen',
		handledBy: 'activiteiten/signups.ts getOwnSignup, changeOwnSignup, cancelOwnSignup (de deelnemer zelf, via de persoonlijke link)',
		gap: 'Wie zich alleen aanmeldde (zonder dossier), heeft geen eigen link voor een inzage- of verwijderverzoek (een verzoek "alles over mij" via een dossier met hetzelfde adres of nummer vindt de aanmelding wel: platform/person-data.ts erasePersonRecords); afmelden (activiteiten/signups.ts cancelOwnSignup) wist niets, de gegevens blijven tot de termijn na de activiteit.',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			activity_id: 'operationeel',
			queue_no: 'operationeel',
			status: 'operationeel',
			people: 'operationeel',
			who: 'persoonlijk', // ouder | professional | jongere | anders
			name: 'persoonlijk',
			email: 'persoonlijk',
			phone: 'persoonlijk',
			phone_digits: 'persoonlijk', // generated from phone
			needs: 'bijzonder', // e.g. wheelchair access, a hearing loop
			needs_note: 'bijzonder',
			consent_version: 'operationeel',
			token_expires_at: 'operationeel',
			was_waiting: 'operationeel',
			offered_at: 'operationeel',
			offer_expires_at: 'operationeel',
			confirmed_at: 'operationeel',
			cancelled_at: 'operationeel',
			checked_in_at: 'operationeel',
			reminded_at: 'operationeel',
			feedback_sent_at: 'operationeel',
			feedback_given: 'operationeel',
			created_at: 'operationeel',
			updated_at: 'operationeel'
		}
	},
	activity_feedback: {
		about: 'Anonieme feedback na een activiteit: hoe nuttig, en wat een volgende keer beter kan.',
		subjects: ['deelnemer'],
		retention:
			'Anoniem vanaf het begin, zonder aanmelding of persoon (activiteiten/aftercare.ts giveFeedback). Het antwoord "volgende keer" wordt na de bewaartermijn van het steunpunt leeggemaakt (platform/free-text-retention.ts wipeOldFreeText); het cijfer blijft.',
		inzage: 'niet: anoniem; niet terug te vinden per persoon',
		deletion: 'blijft-anoniem',
		freeTextAfter: 'created_at',
		columns: {
			id: 'operationeel',
			steunpunt_id: 'operationeel',
			activity_id: 'operationeel',
			useful: 'anoniem',
			next_time: 'vrije-tekst',
			created_at: 'operationeel'
		}
	}
};

export interface ColumnRef {
	table: string;
	column: string;
}

/** Every classified column in one or more categories, in registry order. */
export function columnsOf(category: DataCategory | readonly DataCategory[]): ColumnRef[] {
	const wanted: readonly DataCategory[] = typeof category === 'string' ? [category] : category;
	const out: ColumnRef[] = [];
	for (const [table, entry] of Object.entries(PERSONAL_DATA))
		for (const [column, c] of Object.entries(entry.columns)) if (wanted.includes(c)) out.push({ table, column });
	return out;
}

export interface SqlColumn {
	/** The SQL type as Drizzle declares it: 'text', 'jsonb', 'text[]', 'uuid' … */
	type: string;
	/** A generated column (e.g. `phone_digits`): read it, never write it. */
	generated: boolean;
}

let sqlColumns: Map<string, Map<string, SqlColumn>> | undefined;

/** Table → column → SQL type, from the Drizzle schema (keyed by SQL names, like the registry). */
export function schemaColumns(): Map<string, Map<string, SqlColumn>> {
	if (sqlColumns) return sqlColumns;
	const out = new Map<string, Map<string, SqlColumn>>();
	for (const value of Object.values(schema)) {
		if (!is(value, PgTable)) continue;
		const config = getTableConfig(value);
		out.set(config.name, new Map(config.columns.map((c) => [c.name, { type: c.getSQLType(), generated: c.generated !== undefined }])));
	}
	sqlColumns = out;
	return out;
}

const TEXT_TYPE = /^(text|varchar(\(\d+\))?|character varying(\(\d+\))?|jsonb)(\[\])?$/;

/**
 * Every personal (persoonlijk, bijzonder, vrije-tekst) column that holds text: text, varchar,
 * jsonb, or an array of those. What a person search or a "nothing left behind" check reads.
 */
export function personalTextColumns(): (ColumnRef & { category: DataCategory } & SqlColumn)[] {
	const columns = schemaColumns();
	const out: (ColumnRef & { category: DataCategory } & SqlColumn)[] = [];
	for (const [table, entry] of Object.entries(PERSONAL_DATA)) {
		for (const [column, category] of Object.entries(entry.columns)) {
			if (!PERSONAL_CATEGORIES.includes(category)) continue;
			const sql = columns.get(table)?.get(column);
			if (sql && TEXT_TYPE.test(sql.type)) out.push({ table, column, category, ...sql });
		}
	}
	return out;
}
