/**
 * The words of Vragen en contacten: the options of every field, with their Dutch labels, in one
 * place (shared by the forms, the presenters and the validation).
 */

import { options } from './options';

export { labelOf, values, type Option } from './options';

export const CHANNELS = options([
	{ value: 'telefoon', label: 'Telefoon' },
	{ value: 'mail', label: 'Mail' },
	{ value: 'inloop', label: 'Inloop (langs geweest)' },
	{ value: 'cafe', label: 'Gesprek op een oudercafé' },
	{ value: 'web', label: 'Vraag via de website' },
	{ value: 'terugbellen', label: 'Terugbelverzoek' },
	{ value: 'activiteit', label: 'Besproken op een activiteit' }
] as const);

/** Channels a regisseur picks when registering a contact (the web ones arrive by themselves). */
export const STAFF_CHANNELS = CHANNELS.filter((c) => c.value !== 'web' && c.value !== 'terugbellen' && c.value !== 'activiteit');

export const WHO = options([
	{ value: 'ouder', label: 'Ouder of verzorger' },
	{ value: 'jongere', label: 'Jongere' },
	{ value: 'professional', label: 'Professional' },
	{ value: 'anders', label: 'Iemand anders' }
] as const);

export const SCHOOL_TYPES = options([
	{ value: 'po', label: 'Basisschool (po)' },
	{ value: 'so', label: 'Speciaal (basis)onderwijs (sbo/so)' },
	{ value: 'vo', label: 'Middelbare school (vo)' },
	{ value: 'vso', label: 'Voortgezet speciaal onderwijs (vso)' },
	{ value: 'mbo', label: 'Mbo' }
] as const);

export const AGE_GROUPS = options([
	{ value: '0-4', label: 'Jonger dan 4 jaar' },
	{ value: '4-12', label: '4 tot 12 jaar' },
	{ value: '12-16', label: '12 tot 16 jaar' },
	{ value: '16-18', label: '16 tot 18 jaar' },
	{ value: '18+', label: '18 jaar of ouder' }
] as const);

export const CONTACT_PREFERENCES = options([
	{ value: 'bellen', label: 'Bel mij' },
	{ value: 'mailen', label: 'Mail mij' },
	{ value: 'geen', label: 'Ik hoef geen contact, ik wilde het alleen laten weten' }
] as const);

/** When a parent can be called back. */
export const MOMENTS = options([
	{ value: 'ochtend', label: 'In de ochtend (9.00 tot 12.00 uur)' },
	{ value: 'middag', label: 'In de middag (12.00 tot 17.00 uur)' },
	{ value: 'vooravond', label: 'In de vooravond (17.00 tot 19.00 uur)' }
] as const);

export const OUTCOMES = options([
	{ value: 'luisterend-oor', label: 'Luisterend oor' },
	{ value: 'informatie-advies', label: 'Informatie en advies' },
	{ value: 'terugleiding-school', label: 'Terugleiding naar school' },
	{ value: 'doorverwijzing', label: 'Doorverwijzing' }
] as const);

export const STATUSES = options([
	{ value: 'nieuw', label: 'Nieuw' },
	{ value: 'in-behandeling', label: 'In behandeling' },
	{ value: 'doorverwezen', label: 'Doorverwezen' },
	{ value: 'wacht-op-ouder', label: 'Wacht op ouder' },
	{ value: 'afgesloten', label: 'Afgesloten' }
] as const);

export const SOURCES = options([
	{ value: 'vraag', label: 'Vraag via de website' },
	{ value: 'terugbellen', label: 'Terugbelverzoek' },
	{ value: 'contact', label: 'Contact geregistreerd' }
] as const);

export const REFERRAL_KINDS = options([
	{ value: 'consulent', label: 'Consulent van het samenwerkingsverband' },
	{ value: 'buddy', label: 'Buddyprogramma' },
	{ value: 'extern', label: 'Organisatie buiten het steunpunt' }
] as const);

export const TRENDS = options([
	{ value: 'beter', label: 'Beter' },
	{ value: 'hetzelfde', label: 'Hetzelfde' },
	{ value: 'slechter', label: 'Slechter' }
] as const);

export const PRIVACY_KINDS = options([
	{ value: 'inzage', label: 'Inzage: een overzicht van mijn gegevens' },
	{ value: 'verwijderen', label: 'Verwijderen: wis mijn gegevens' }
] as const);

export type Channel = (typeof CHANNELS)[number]['value'];
export type Status = (typeof STATUSES)[number]['value'];
export type ReferralKind = (typeof REFERRAL_KINDS)[number]['value'];

/** The version of the privacy statement a parent agrees to; stored with every consent. */
export const PRIVACY_VERSION = '2026-11';
