import { act, formValues, load as handle } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { addOrganisation, findOrganisations, removeOrganisation } from '$lib/server/contacten/organisations';

export async function load({ locals, params }) {
	return handle(async () => {
		const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
		return { organisations: await findOrganisations(actor, steunpunt.id) };
	});
}

export const actions = {
	toevoegen: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			await addOrganisation(actor, steunpunt.id, values);
			return { added: true };
		});
	},
	verwijderen: async ({ locals, params, request }) => {
		const values = await formValues(request);
		return act(values, async () => {
			const { actor, steunpunt } = await staffContext(locals, params.steunpunt);
			await removeOrganisation(actor, steunpunt.id, String(values.id ?? ''));
			return { removed: true };
		});
	}
};
