/**
 * The architecture's import rules, checked on every file under src/ (run by `npm run lint` and
 * `.ci/run`; exits 1 with one line per violation):
 *
 * 1. Routes never import the database (`$lib/server/db`, drizzle-orm): parse → domain call → present.
 * 2. Components and shared pure code (`src/lib/*.ts`, `src/lib/components`, `src/lib/buddies`)
 *    never import server code (`$lib/server`, `node:`).
 * 3. The base layers (`db`, `platform`, `auth`, `audit`) never import a domain.
 * 4. No import cycles between files, and none between domain folders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');
const SERVER = path.join(SRC, 'lib/server');
const BASE = new Set(['db', 'platform', 'auth', 'audit', 'testing']);
/** Composition roots: they wire domains together (start-up, jobs). */
const ROOTS = new Set(['app.ts', 'maintenance.ts']);

export interface Violation {
	file: string;
	rule: string;
	detail: string;
}

function walk(dir: string, out: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) walk(full, out);
		else if (/\.(ts|svelte)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(full);
	}
	return out;
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The specifiers a file imports (type-only imports count too: they state a dependency). */
export function importsOf(source: string): string[] {
	const out: string[] = [];
	for (const m of source.matchAll(IMPORT)) out.push(m[1] ?? m[2]);
	return out;
}

/** A specifier as a file path under src (or null for packages). */
function resolve(from: string, spec: string): string | null {
	let target: string;
	if (spec.startsWith('$lib/')) target = path.join(SRC, 'lib', spec.slice(5));
	else if (spec === '$lib') target = path.join(SRC, 'lib');
	else if (spec.startsWith('.')) target = path.resolve(path.dirname(from), spec);
	else return null;
	for (const candidate of [target, `${target}.ts`, path.join(target, 'index.ts'), `${target}.svelte`]) {
		try {
			if (statSync(candidate).isFile()) return candidate;
		} catch {
			/* not this one */
		}
	}
	return target;
}

/** The server folder a file belongs to (`contacten`, `platform`, …), or null. */
const serverArea = (file: string) => {
	if (!file.startsWith(SERVER + path.sep)) return null;
	const rel = path.relative(SERVER, file).split(path.sep);
	return rel.length > 1 ? rel[0] : null;
};

export function checkBoundaries(files: string[] = walk(SRC)): Violation[] {
	const violations: Violation[] = [];
	const graph = new Map<string, string[]>();
	const rel = (f: string) => path.relative(ROOT, f);
	for (const file of files) {
		const source = readFileSync(file, 'utf8');
		const specs = importsOf(source);
		const deps: string[] = [];
		const isRoute = file.startsWith(path.join(SRC, 'routes') + path.sep);
		const isShared = !file.startsWith(SERVER + path.sep) && file.startsWith(path.join(SRC, 'lib') + path.sep);
		const area = serverArea(file);
		for (const spec of specs) {
			const target = resolve(file, spec);
			if (target) deps.push(target);
			if (isRoute && (spec === 'drizzle-orm' || spec.startsWith('drizzle-orm/') || (target && target.startsWith(path.join(SERVER, 'db')))))
				violations.push({ file: rel(file), rule: 'route-imports-database', detail: spec });
			if (isShared && (spec.startsWith('node:') || (target && target.startsWith(SERVER))))
				violations.push({ file: rel(file), rule: 'shared-imports-server', detail: spec });
			const targetArea = target ? serverArea(target) : null;
			if (area && BASE.has(area) && area !== 'testing' && targetArea && !BASE.has(targetArea))
				violations.push({ file: rel(file), rule: 'base-imports-domain', detail: spec });
		}
		graph.set(file, deps);
	}
	// File cycles (depth-first search with colours).
	const state = new Map<string, 1 | 2>();
	const stack: string[] = [];
	const seen = new Set<string>();
	const visit = (file: string) => {
		state.set(file, 1);
		stack.push(file);
		for (const dep of graph.get(file) ?? []) {
			if (!graph.has(dep)) continue;
			if (state.get(dep) === 1) {
				const cycle = [...stack.slice(stack.indexOf(dep)), dep].map(rel);
				const key = [...cycle].sort().join('|');
				if (!seen.has(key)) {
					seen.add(key);
					violations.push({ file: rel(dep), rule: 'import-cycle', detail: cycle.join(' → ') });
				}
			} else if (!state.has(dep)) visit(dep);
		}
		stack.pop();
		state.set(file, 2);
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	// Domain folder cycles: a → b and b → a (through any files).
	const areas = new Map<string, Set<string>>();
	for (const [file, deps] of graph) {
		const from = serverArea(file);
		if (!from || BASE.has(from) || ROOTS.has(path.basename(file))) continue;
		for (const dep of deps) {
			const to = serverArea(dep);
			if (to && to !== from && !BASE.has(to)) (areas.get(from) ?? areas.set(from, new Set()).get(from)!).add(to);
		}
	}
	for (const [from, tos] of areas)
		for (const to of tos)
			if (from < to && areas.get(to)?.has(from)) violations.push({ file: `src/lib/server/${from}`, rule: 'domain-cycle', detail: `${from} ⇄ ${to}` });
	return violations;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('check-boundaries.ts')) {
	const violations = checkBoundaries();
	for (const v of violations) console.error(`${v.file}: ${v.rule}: ${v.detail}`);
	console.info(violations.length ? `${violations.length} overtreding(en) van de importregels` : 'importregels: in orde');
	process.exit(violations.length ? 1 : 0);
}
