import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { addOrganisation, findOrganisations, removeOrganisation } from '$lib/server/contacten/organisations';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { organisations: await findOrganisations(actor) };
	});
}

export const actions = {
	toevoegen: staffAction(async ({ actor, values }) => {
		await addOrganisation(actor, values);
		return { added: true as const };
	}),
	/** The list's "Verwijderen" button names the organisation in the hidden field `id`. */
	verwijderen: staffAction(async ({ actor, values }) => {
		await removeOrganisation(actor, { organisationId: String(values.id ?? '') });
		return { removed: true as const };
	})
};
