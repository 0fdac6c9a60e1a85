/**
 * Demo activities, so the agenda is not empty on a first look: an oudercafé four times a year
 * (around the Ouderschapsspel), a passend-onderwijscafé and an online themamiddag. Places and
 * names are made up (.invalid); the texts are written for the demo.
 */
import { PRIVACY_VERSION } from '$lib/contacten';
import { withTenant } from '../db';
import { activity, activitySignup } from '../db/schema';
import { addLocal, nlLocalToDate } from '../activiteiten/time';
import { dayInNL } from '$lib/working-days';
import { randomUUID } from 'node:crypto';

export async function seedDemoActivities(steunpuntId: string, now = new Date()): Promise<void> {
	const today = dayInNL(now);
	const at = (day: string, from: string, to: string) => ({ startsAt: nlLocalToDate(day, from), endsAt: nlLocalToDate(day, to) });
	const place = {
		online: false,
		locationName: 'Ouderkamer (demo)',
		address: 'Voorbeeldstraat 1',
		place: 'Alkmaar',
		accessibility: 'Gelijkvloers en rolstoeltoegankelijk. Er is een ringleiding.'
	};
	const seriesId = randomUUID();
	const cafe = {
		steunpuntId,
		kind: 'oudercafe',
		title: 'Oudercafé: samen praten over school',
		theme: 'Het Ouderschapsspel',
		audience: 'ouders',
		description:
			'Een avond met andere ouders van kinderen die extra steun nodig hebben op school. We spelen het Ouderschapsspel en praten in een veilige sfeer. Je hoeft niets voor te bereiden.',
		...place,
		capacity: 12,
		maxPerSignup: 2,
		seriesId
	};
	await withTenant(steunpuntId, async (tx) => {
		const first = addLocal(today, 'weken', 2);
		const rows = await tx
			.insert(activity)
			.values([0, 3, 6, 9].map((months) => ({ ...cafe, ...at(addLocal(first, 'maanden', months), '19:30', '21:30') })))
			.returning({ id: activity.id, endsAt: activity.endsAt });
		await tx.insert(activity).values([
			{
				steunpuntId,
				kind: 'po-cafe',
				title: 'Passend-onderwijscafé: de overstap naar de middelbare school',
				theme: 'Overstap po-vo',
				audience: 'ouders-professionals',
				description:
					'Ouders, leerkrachten en mensen van het samenwerkingsverband praten samen over de overstap naar het voortgezet onderwijs. Wat werkt, en wat kan beter?',
				...place,
				capacity: 30,
				maxPerSignup: 2,
				...at(addLocal(today, 'weken', 5), '19:30', '21:30')
			},
			{
				steunpuntId,
				kind: 'online',
				title: 'Online themamiddag: thuiszitten, wat nu?',
				theme: 'Thuiszitten',
				audience: 'ouders',
				description: 'Een online middag voor ouders van een kind dat (bijna) niet naar school gaat. We leggen uit welke stappen er zijn en wie je kan helpen.',
				online: true,
				onlineUrl: 'https://demo.invalid/themamiddag-thuiszitten',
				capacity: 25,
				maxPerSignup: 2,
				...at(addLocal(today, 'weken', 3), '13:30', '15:00')
			}
		]);
		const people = [
			{ name: 'Demo-ouder Fatima', email: 'fatima@demo.invalid', people: 1, needs: [] as string[] },
			{ name: 'Demo-ouder Peter', email: 'peter@demo.invalid', people: 2, needs: ['rolstoel'] },
			{ name: 'Demo-ouder Joyce', email: null, phone: '06 00000001', people: 1, needs: ['tolk'], needsNote: 'Tolk Turks' }
		];
		await tx.insert(activitySignup).values(
			people.map((p) => ({
				steunpuntId,
				activityId: rows[0].id,
				status: 'bevestigd',
				people: p.people,
				who: 'ouder',
				name: p.name,
				email: p.email,
				phone: 'phone' in p ? p.phone : null,
				needs: p.needs,
				needsNote: 'needsNote' in p ? p.needsNote : null,
				consentVersion: PRIVACY_VERSION,
				tokenExpiresAt: rows[0].endsAt,
				confirmedAt: now
			}))
		);
	});
}
