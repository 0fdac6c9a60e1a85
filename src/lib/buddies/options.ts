/** The words of the buddy programme (statuses, forms of contact), with Dutch labels. */

export const MATCH_STATUSES = [
	{ value: 'voorgesteld', label: 'Voorgesteld aan de buddy' },
	{ value: 'geaccepteerd', label: 'Geaccepteerd door de buddy' },
	{ value: 'afgewezen', label: 'Afgewezen door de buddy' },
	{ value: 'actief', label: 'Actief' },
	{ value: 'afgerond', label: 'Afgerond' },
	{ value: 'gestopt', label: 'Gestopt' }
] as const;

export const REQUEST_STATUSES = [
	{ value: 'aangevraagd', label: 'Aangevraagd' },
	{ value: 'voorgesteld', label: 'Buddy voorgesteld' },
	{ value: 'actief', label: 'Gekoppeld' },
	{ value: 'afgesloten', label: 'Afgesloten' }
] as const;

export const MOMENT_FORMS = [
	{ value: 'telefoon', label: 'Telefoon' },
	{ value: 'afspraak', label: 'Afspraak' },
	{ value: 'mee-naar-school', label: 'Mee naar school' }
] as const;

/** Statuses that hold one of the buddy's places. */
export const PLACE_HOLDING = ['voorgesteld', 'geaccepteerd', 'actief'] as const;

export function labelFor(list: readonly { value: string; label: string }[], value: string | null | undefined): string {
	return list.find((o) => o.value === value)?.label ?? '';
}
