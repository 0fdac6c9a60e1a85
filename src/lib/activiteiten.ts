/**
 * The words of Activiteiten: kinds, audiences, needs and statuses with their Dutch labels, shared
 * by the forms, the presenters and the validation.
 */
import { options } from './options';

export { labelOf } from './options';

export const ACTIVITY_KINDS = options([
	{ value: 'oudercafe', label: 'Oudercafé (alleen voor ouders)' },
	{ value: 'po-cafe', label: 'Passend-onderwijscafé (ouders en professionals)' },
	{ value: 'themamiddag', label: 'Themamiddag' },
	{ value: 'online', label: 'Online bijeenkomst' }
] as const);

/** Short names for lists and the agenda. */
export const KIND_SHORT: Record<string, string> = {
	oudercafe: 'Oudercafé',
	'po-cafe': 'Passend-onderwijscafé',
	themamiddag: 'Themamiddag',
	online: 'Online'
};

export const AUDIENCES = options([
	{ value: 'ouders', label: 'Ouders en verzorgers' },
	{ value: 'ouders-professionals', label: 'Ouders en professionals' },
	{ value: 'jongeren', label: 'Jongeren' },
	{ value: 'iedereen', label: 'Iedereen' }
] as const);

/** Who signs up; at a passend-onderwijscafé also professionals. */
export const PARTICIPANTS = options([
	{ value: 'ouder', label: 'Ouder of verzorger' },
	{ value: 'professional', label: 'Professional (school, zorg, gemeente)' },
	{ value: 'jongere', label: 'Jongere' },
	{ value: 'anders', label: 'Iemand anders' }
] as const);

export const NEEDS = options([
	{ value: 'tolk', label: 'Een tolk' },
	{ value: 'rolstoel', label: 'Toegang met een rolstoel' },
	{ value: 'ringleiding', label: 'Een ringleiding (voor slechthorenden)' },
	{ value: 'kinderopvang', label: 'Opvang voor een kind' },
	{ value: 'anders', label: 'Iets anders (schrijf het hieronder)' }
] as const);

export const SIGNUP_STATUSES = options([
	{ value: 'bevestigd', label: 'Aangemeld' },
	{ value: 'wachtlijst', label: 'Op de wachtlijst' },
	{ value: 'aangeboden', label: 'Plek aangeboden' },
	{ value: 'geannuleerd', label: 'Afgemeld' },
	{ value: 'verlopen', label: 'Aanbod verlopen' }
] as const);

/** Sign-ups that hold places. */
export const HOLDS_PLACE = ['bevestigd', 'aangeboden'] as const;

export const REPEATS = options([
	{ value: 'weken', label: 'Elke zoveel weken' },
	{ value: 'maanden', label: 'Elke zoveel maanden' }
] as const);
