/**
 * Reads the national library from the `content/` folder (format: content/README.md).
 * Pure file parsing, no database: used by the library import, the search evaluation and tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { phaseBySlug, subjectBySlug, topicBySlug } from '../../taxonomy';

export interface LibraryQuestion {
	slug: string;
	title: string;
	phase: string;
	topics: string[];
	subject: string;
	audience: 'ouder' | 'jongere';
	summary: string;
	related: string[];
	keywords: string[];
	body: string;
}

export interface LibraryGlossaryTerm {
	slug: string;
	term: string;
	aliases: string[];
	definition: string;
}

export interface LibraryRouteStep {
	slug: string;
	title: string;
	who: string;
	what: string;
	tips: string[];
	costs: string | null;
	deadlines: string | null;
	regional: string | null;
}

export const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR || 'content');

const list = (value: string | undefined) =>
	(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

/** Parses one question file; throws with the file name and the problem when it is malformed. */
export function parseQuestion(source: string, file = 'vraag'): LibraryQuestion {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(source);
	if (!match) throw new Error(`${file}: frontmatter ontbreekt`);
	const meta: Record<string, string> = {};
	for (const line of match[1].split(/\r?\n/)) {
		const i = line.indexOf(':');
		if (i > 0) meta[line.slice(0, i).trim()] = line.slice(i + 1).trim();
	}
	const q: LibraryQuestion = {
		slug: meta.slug,
		title: meta.title,
		phase: meta.phase,
		topics: list(meta.topics),
		subject: meta.subject,
		audience: meta.audience === 'jongere' ? 'jongere' : 'ouder',
		summary: meta.summary ?? '',
		related: list(meta.related),
		keywords: list(meta.keywords),
		body: match[2].trim()
	};
	const problems: string[] = [];
	if (!/^[a-z0-9-]+$/.test(q.slug ?? '')) problems.push('slug');
	if (!q.title) problems.push('title');
	if (!phaseBySlug.has(q.phase)) problems.push(`phase "${q.phase}"`);
	if (q.topics.length < 1 || q.topics.length > 3 || q.topics.some((t) => !topicBySlug.has(t))) problems.push(`topics "${meta.topics}"`);
	if (!subjectBySlug.has(q.subject)) problems.push(`subject "${q.subject}"`);
	if (!q.body.includes('## Wat kun je nu doen?')) problems.push('kop "Wat kun je nu doen?"');
	if (problems.length) throw new Error(`${file}: ${problems.join(', ')} ontbreekt of klopt niet`);
	return q;
}

export function loadQuestions(dir = path.join(CONTENT_DIR, 'vragen')): LibraryQuestion[] {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.md'))
		.sort()
		.map((f) => parseQuestion(fs.readFileSync(path.join(dir, f), 'utf8'), f));
}

export function loadGlossary(file = path.join(CONTENT_DIR, 'begrippen.json')): LibraryGlossaryTerm[] {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as LibraryGlossaryTerm[];
}

export function loadRoute(file = path.join(CONTENT_DIR, 'routekaart.json')): LibraryRouteStep[] {
	return JSON.parse(fs.readFileSync(file, 'utf8')) as LibraryRouteStep[];
}
