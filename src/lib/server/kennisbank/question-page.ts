import { NotFoundError } from '../errors';
import { phaseBySlug, subjectBySlug, topicBySlug } from '../../taxonomy';
import { findGlossary, findVisibleTexts } from './texts';
import { linkGlossaryTerms, renderMarkdown } from './render';

export interface QuestionPage {
	slug: string;
	title: string;
	summary: string;
	audience: string;
	phase: { slug: string; label: string };
	subject: { slug: string; label: string } | null;
	topics: { slug: string; label: string }[];
	answerHtml: string;
	actionsHtml: string;
	related: { slug: string; title: string }[];
	terms: { slug: string; term: string; definition: string }[];
}

const ACTIONS_HEADING = /^##\s+Wat kun je nu doen\?\s*$/m;

/**
 * One question page of a steunpunt: the answer, "Wat kun je nu doen?", related questions and
 * the glossary terms it uses (linked in the text and listed below it). 404 when unknown.
 */
export async function getQuestionPage(options: { steunpuntId: string; steunpuntSlug: string; slug: string }): Promise<QuestionPage> {
	const { bySlug } = await findVisibleTexts(options.steunpuntId);
	const text = bySlug.get(options.slug);
	if (!text) throw new NotFoundError('Deze vraag staat niet (meer) in de kennisbank.');
	const glossary = await findGlossary();
	const [answer, actions = ''] = text.body.split(ACTIONS_HEADING);
	const href = (slug: string) => `/${options.steunpuntSlug}/begrippen#${slug}`;
	const linkedAnswer = linkGlossaryTerms(renderMarkdown(answer), glossary, href);
	const alreadyLinked = new Set(linkedAnswer.used);
	const linkedActions = linkGlossaryTerms(
		renderMarkdown(actions),
		glossary.filter((t) => !alreadyLinked.has(t.slug)),
		href
	);
	const used = new Set([...linkedAnswer.used, ...linkedActions.used]);
	const phase = phaseBySlug.get(text.phase);
	return {
		slug: text.slug,
		title: text.title,
		summary: text.summary,
		audience: text.audience,
		phase: { slug: text.phase, label: phase?.label ?? text.phase },
		subject: subjectBySlug.get(text.subject) ?? null,
		topics: text.topics.map((t) => ({ slug: t, label: topicBySlug.get(t)?.label ?? t })),
		answerHtml: linkedAnswer.html,
		actionsHtml: linkedActions.html,
		related: text.related
			.map((s) => bySlug.get(s))
			.filter((t) => t !== undefined)
			.map((t) => ({ slug: t.slug, title: t.title })),
		terms: glossary.filter((t) => used.has(t.slug)).map((t) => ({ slug: t.slug, term: t.term, definition: t.definition }))
	};
}

export interface TextListItem {
	slug: string;
	title: string;
	summary: string;
}

/** The questions of one phase, one subject or one taxonomy topic (main topic first). */
export async function findQuestions(options: { steunpuntId: string; by: 'phase' | 'subject' | 'topic'; value: string }): Promise<TextListItem[]> {
	const known =
		options.by === 'phase' ? phaseBySlug.has(options.value) : options.by === 'subject' ? subjectBySlug.has(options.value) : topicBySlug.has(options.value);
	if (!known) throw new NotFoundError();
	const { texts } = await findVisibleTexts(options.steunpuntId);
	const matches = texts.filter((t) =>
		options.by === 'phase' ? t.phase === options.value : options.by === 'subject' ? t.subject === options.value : t.topics.includes(options.value)
	);
	if (options.by === 'topic') matches.sort((a, b) => a.topics.indexOf(options.value) - b.topics.indexOf(options.value));
	return matches.map((t) => ({ slug: t.slug, title: t.title, summary: t.summary }));
}
