/**
 * A few made-up questions for the demo steunpunt, so the inbox is not empty on a first look.
 * Names and addresses are fictional (.invalid); the texts are written for the demo.
 */
import { PRIVACY_VERSION } from '$lib/contacten';
import { withTenant } from '../db';
import { casePerson, contactCase, registration } from '../db/schema';
import { addEvent } from '../contacten/cases';
import { newReference } from '../platform/references';
import { addWorkingDays, dayInNL } from '$lib/working-days';

const DEMO_CASES = [
	{
		source: 'vraag',
		person: {
			name: 'Demo-ouder Sanne',
			email: 'sanne@demo.invalid',
			phone: null,
			contactPreference: 'mailen',
			followUpByMail: true,
			question: 'Mijn zoon zit in groep 8 en krijgt een vmbo-advies. Hij heeft dyslexie en wij denken dat hij meer kan. Kunnen we het advies laten veranderen?'
		},
		registration: {
			channel: 'web',
			who: 'ouder',
			schoolType: 'po',
			phase: 'schoolkeuze-overstap',
			ageGroup: '4-12',
			topics: ['overgang-po-vo', 'dyslexie-dyscalculie']
		}
	},
	{
		source: 'terugbellen',
		person: {
			name: 'Demo-ouder Karim',
			email: null,
			phone: '06 00000000',
			contactPreference: 'bellen',
			followUpByMail: false,
			question: 'Mijn dochter gaat al drie weken niet naar school.',
			preferredMoments: 'In de ochtend (9.00 tot 12.00 uur)'
		},
		registration: { channel: 'terugbellen', who: 'ouder', topics: ['thuiszitten-verzuim'] }
	},
	{
		source: 'vraag',
		person: {
			name: null,
			email: null,
			phone: null,
			contactPreference: 'geen',
			followUpByMail: false,
			question: 'Ik word gepest in de klas en mijn mentor doet er niks mee. Ik wil niet meer naar school.'
		},
		registration: {
			channel: 'web',
			who: 'jongere',
			schoolType: 'vo',
			phase: 'zorgen-signaleren',
			ageGroup: '12-16',
			topics: ['pesten-veiligheid', 'schoolangst-welzijn']
		}
	}
] as const;

export async function seedDemoContacts(steunpuntId: string, responseDays: number): Promise<void> {
	const today = dayInNL();
	for (const demo of DEMO_CASES) {
		await withTenant(steunpuntId, async (tx) => {
			const [c] = await tx
				.insert(contactCase)
				.values({ steunpuntId, reference: newReference(), source: demo.source, dueOn: addWorkingDays(today, responseDays) })
				.returning({ id: contactCase.id });
			await tx.insert(casePerson).values({ caseId: c.id, steunpuntId, ...demo.person, consentVersion: PRIVACY_VERSION, consentAt: new Date() });
			const [reg] = await tx
				.insert(registration)
				.values({ steunpuntId, day: today, ...demo.registration, topics: [...demo.registration.topics] })
				.returning({ id: registration.id });
			await addEvent(tx, { caseId: c.id, steunpuntId, userId: null, kind: 'aangemaakt', data: { source: demo.source, registrationId: reg.id } });
		});
	}
}
