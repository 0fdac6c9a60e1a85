/**
 * The steunpunt's directory of outside organisations to refer parents to. New steunpunten start
 * with the national route (../shared/domain/escalation-route.md); each keeps its own list.
 */
import { and, asc, eq } from 'drizzle-orm';
import { withTenant } from '../db';
import { organisation } from '../db/schema';
import { policies, tenantOf } from '../auth/policy';
import type { Actor } from '../auth/roles';
import { recordAudit } from '../audit/record';
import { NotFoundError, ValidationError } from '../errors';
import { parse } from '../validation';
import { ZOrganisationInput } from './schemas';
import { uuidLike } from '../platform/fields';

/** Facts from the escalation route; phone numbers and sites only where a public source names them. */
export const DEFAULT_ORGANISATIONS = [
	{
		name: 'Onderwijsconsulenten',
		description:
			'Landelijk en onafhankelijk. Gratis advies als je kind langer dan 4 weken thuiszit of als school en ouders vastlopen. Aanmelden met een quickscan.',
		phone: '070-312 28 87',
		website: 'https://www.onderwijsconsulenten.nl/aanmelden/'
	},
	{
		name: 'CCE (Centrum voor Consultatie en Expertise)',
		description: 'Landelijk expertisecentrum bij complexe zorgvragen, als zorg en onderwijs vastlopen.',
		phone: null,
		website: 'https://www.cce.nl/'
	},
	{
		name: 'Geschillencommissie passend onderwijs (GPO)',
		description: 'Over toelating, verwijdering en het OPP. Verzoek binnen 6 weken na het besluit. Gratis.',
		phone: null,
		website: 'https://www.onderwijsgeschillen.nl/commissie/geschillencommissie-passend-onderwijs-gpo/procedure'
	},
	{
		name: 'Landelijke Klachtencommissie Onderwijs (LKC)',
		description: 'Klachten over gedrag en beslissingen van school, bestuur of samenwerkingsverband.',
		phone: null,
		website: 'https://www.onderwijsgeschillen.nl/commissie/landelijke-klachtencommissie-onderwijs-lkc/procedure'
	},
	{
		name: 'College voor de Rechten van de Mens',
		description: 'Bij een vermoeden van discriminatie om een handicap of chronische ziekte, bijvoorbeeld als een aanpassing wordt geweigerd. Gratis.',
		phone: null,
		website: null
	},
	{
		name: 'Inspectie van het Onderwijs',
		description: 'Melden via het Loket. De inspectie behandelt geen individuele klachten.',
		phone: '088-669 60 60',
		website: 'https://www.onderwijsinspectie.nl/onderwerpen/meldpunt-inspectie'
	},
	{
		name: 'Vertrouwensinspecteur',
		description: 'Bij seksuele intimidatie, ernstig geweld (ook zwaar pesten), discriminatie en radicalisering. Werkdagen 8 tot 17 uur.',
		phone: '0900-111 3 111',
		website: null
	},
	{
		name: 'Leerplichtambtenaar van de gemeente',
		description: 'Bij verzuim en dreigende uitval, en voor vrijstelling van de leerplicht.',
		phone: null,
		website: null
	},
	{ name: 'Jeugdteam of wijkteam van de gemeente', description: 'Voor jeugdhulp, thuis en op school.', phone: null, website: null },
	{
		name: 'MEE (cliëntondersteuning)',
		description: 'Onafhankelijke cliëntondersteuning voor mensen met een beperking en hun ouders.',
		phone: null,
		website: null
	},
	{
		name: 'Consulent onderwijsondersteuning zieke leerlingen',
		description: 'Voor kinderen die ziek zijn; ouders mogen zelf om een consulent vragen.',
		phone: null,
		website: 'https://www.regelhulp.nl/ik-heb-hulp-nodig/onderwijs-bij-langdurige-ziekte'
	}
] as const;

/** Fills a steunpunt's directory with the national route (skips names it already has). */
export async function seedOrganisations(steunpuntId: string): Promise<void> {
	await withTenant(steunpuntId, async (tx) => {
		await tx
			.insert(organisation)
			.values(DEFAULT_ORGANISATIONS.map((o) => ({ ...o, steunpuntId })))
			.onConflictDoNothing();
	});
}

/** One organisation of the directory. */
export interface Organisation {
	id: string;
	name: string;
	description: string | null;
	phone: string | null;
	website: string | null;
}

/** The actor's steunpunt's directory, by name. */
export async function findOrganisations(actor: Actor): Promise<Organisation[]> {
	const steunpuntId = tenantOf(actor, policies.canManageOrganisations(actor));
	return withTenant(steunpuntId, (tx) =>
		tx
			.select({ id: organisation.id, name: organisation.name, description: organisation.description, phone: organisation.phone, website: organisation.website })
			.from(organisation)
			.where(eq(organisation.steunpuntId, steunpuntId))
			.orderBy(asc(organisation.name))
	);
}

/** Adds an organisation (the form's fields) to the directory; a name already there is refused. */
export async function addOrganisation(actor: Actor, input: Record<string, unknown>): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageOrganisations(actor));
	const data = parse(ZOrganisationInput, input);
	await withTenant(steunpuntId, async (tx) => {
		const added = await tx
			.insert(organisation)
			.values({ steunpuntId, name: data.naam, description: data.omschrijving, phone: data.telefoon, website: data.website })
			.onConflictDoNothing()
			.returning({ id: organisation.id });
		if (!added.length) throw new ValidationError({ naam: 'Deze organisatie staat al in de lijst.' });
		await recordAudit(tx, actor, { action: 'organisation.add', entity: 'organisation', entityId: added[0].id, detail: { name: data.naam } });
	});
}

/** Removes one organisation of the directory; another steunpunt's (or an unknown id) → 404. */
export async function removeOrganisation(actor: Actor, input: { organisationId: string }): Promise<void> {
	const steunpuntId = tenantOf(actor, policies.canManageOrganisations(actor));
	const id = input.organisationId;
	if (!uuidLike.test(id)) throw new NotFoundError();
	await withTenant(steunpuntId, async (tx) => {
		const removed = await tx
			.delete(organisation)
			.where(and(eq(organisation.id, id), eq(organisation.steunpuntId, steunpuntId)))
			.returning({ name: organisation.name });
		if (!removed.length) throw new NotFoundError();
		await recordAudit(tx, actor, { action: 'organisation.remove', entity: 'organisation', entityId: id, detail: { name: removed[0].name } });
	});
}
