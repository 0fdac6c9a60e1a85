/** What the national front door shows of a samenwerkingsverband and its steunpunt. */

export interface SteunpuntContact {
	slug: string;
	naam: string;
	telefoon: string | null;
	email: string | null;
}

/** A samenwerkingsverband passend onderwijs, presented. */
export interface SwvInfo {
	code: string;
	sector: 'PO' | 'VO';
	/** Entered by a beheerder; null until then (the public data gives codes only). */
	naam: string | null;
	website: string | null;
	/** Municipality names in the region (main ones first, then alphabetical), at most 12. */
	gemeenten: string[];
	/** All municipalities in the region (more than `gemeenten.length` when the list was cut). */
	gemeentenTotal: number;
	/** Null when no steunpunt in Steunpunt serves this SWV yet. */
	steunpunt: SteunpuntContact | null;
}
