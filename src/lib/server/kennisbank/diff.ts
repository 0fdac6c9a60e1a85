/** A readable word diff (LCS) between two versions of a text, for editors. */
export interface DiffPart {
	type: 'same' | 'add' | 'del';
	text: string;
}

export function diffWords(before: string, after: string): DiffPart[] {
	const a = before.split(/(\s+)/).filter(Boolean);
	const b = after.split(/(\s+)/).filter(Boolean);
	const n = a.length;
	const m = b.length;
	// lengths[i][j] = LCS length of a[i..] and b[j..]
	const lengths: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
		}
	}
	const parts: DiffPart[] = [];
	const push = (type: DiffPart['type'], text: string) => {
		const last = parts[parts.length - 1];
		if (last?.type === type) last.text += text;
		else parts.push({ type, text });
	};
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (a[i] === b[j]) {
			push('same', a[i]);
			i++;
			j++;
		} else if (lengths[i + 1][j] >= lengths[i][j + 1]) push('del', a[i++]);
		else push('add', b[j++]);
	}
	while (i < n) push('del', a[i++]);
	while (j < m) push('add', b[j++]);
	return parts;
}
