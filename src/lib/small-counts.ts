/**
 * The small-count rule for every figure that leaves the case file: a count from 1 to 4 is shown
 * as "minder dan 5" and an average only over at least 5 answers, so no family, buddy or
 * participant can be singled out.
 */

export const MIN_COUNT = 5;

/** A count as shown: the number, or "minder dan 5" (0 stays 0: nothing to hide). */
export function shown(n: number): string {
	return n > 0 && n < MIN_COUNT ? `minder dan ${MIN_COUNT}` : n.toLocaleString('nl-NL');
}

/** An average as shown, or `tooFew` when fewer than MIN_COUNT answers (or none) make it. */
export function averageShown(sum: number | null, n: number, options: { digits?: number; tooFew?: string } = {}): string {
	const digits = options.digits ?? 1;
	if (n < MIN_COUNT || sum === null) return options.tooFew ?? `te weinig (minder dan ${MIN_COUNT})`;
	return (sum / n).toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
