/**
 * Regenerates `examples.ts` from `examples.jsonl` (the source of truth, one example per line).
 * Why a generated module: the training data must be bundled by `vite build` into the server chunks
 * and also load under tsx and vitest; a plain TypeScript module works in all three, where a
 * `?raw` import does not work under tsx and a file read breaks after bundling.
 *
 * Run after editing the examples: `npx tsx src/lib/server/signalering/training/generate-examples.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseExamples } from './parse-examples';

const jsonlPath = fileURLToPath(new URL('./examples.jsonl', import.meta.url));
const outPath = fileURLToPath(new URL('./examples.ts', import.meta.url));
const examples = parseExamples(readFileSync(jsonlPath, 'utf8'));
const body = examples.map((e) => '\t' + JSON.stringify(e)).join(',\n');
writeFileSync(
	outPath,
	`// GENERATED from examples.jsonl by generate-examples.ts — do not edit by hand.\n` +
		`import type { TrainingExample } from '../model';\n\n` +
		`export const EXAMPLES: readonly TrainingExample[] = [\n${body}\n];\n`
);
console.info(`${examples.length} examples → ${outPath}`);
