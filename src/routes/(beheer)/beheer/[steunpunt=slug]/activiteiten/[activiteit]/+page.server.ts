import { load as handle, staffAction } from '$lib/server/http';
import { staffContext } from '$lib/server/auth/request';
import { cancelActivity, copyActivity } from '$lib/server/activiteiten/activities';
import { checkIn, getActivity } from '$lib/server/activiteiten/participants';
import { registerTopics, sendFeedbackNow } from '$lib/server/activiteiten/aftercare';
import { addParticipant, confirmOffer, removeParticipant } from '$lib/server/activiteiten/signups';

export async function load({ locals, params, url }) {
	return handle(async () => {
		const { actor } = await staffContext(locals, params.steunpunt);
		return { activity: await getActivity(actor, { activityId: params.activiteit }), planned: url.searchParams.has('gepland') };
	});
}

/** Every action works on the activity of the route; `saved` names the form that succeeded (for the message). */
export const actions = {
	aftekenen: staffAction(async ({ actor, values, params }) => {
		await checkIn(actor, { ...values, activityId: params.activiteit });
		return { saved: 'aftekenen' as const };
	}),
	afmelden: staffAction(async ({ actor, values, params, url }) => {
		await removeParticipant(actor, { ...values, activityId: params.activiteit, origin: url.origin });
		return { saved: 'afmelden' as const };
	}),
	toevoegen: staffAction(async ({ actor, values, params, url }) => {
		const { status } = await addParticipant(actor, { ...values, activityId: params.activiteit, origin: url.origin });
		return { saved: 'toevoegen' as const, status };
	}),
	plek: staffAction(async ({ actor, values, params, url }) => {
		await confirmOffer(actor, { ...values, activityId: params.activiteit, origin: url.origin });
		return { saved: 'plek' as const };
	}),
	feedback: staffAction(async ({ actor, params, url }) => {
		const sent = await sendFeedbackNow(actor, { activityId: params.activiteit, origin: url.origin });
		return { saved: 'feedback' as const, sent };
	}),
	onderwerpen: staffAction(async ({ actor, values, params }) => {
		await registerTopics(actor, { ...values, activityId: params.activiteit });
		return { saved: 'onderwerpen' as const };
	}),
	afgelasten: staffAction(async ({ actor, values, params }) => {
		await cancelActivity(actor, { ...values, activityId: params.activiteit });
		return { saved: 'afgelasten' as const };
	}),
	/** The copy opens on its own page. */
	kopieren: staffAction(
		async ({ actor, values, params }) => ({ copyId: await copyActivity(actor, { ...values, activityId: params.activiteit }) }),
		({ copyId }, { params }) => `/beheer/${params.steunpunt}/activiteiten/${copyId}?gepland=1`
	)
};
