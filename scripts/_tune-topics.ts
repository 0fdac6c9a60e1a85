import { trainClassifier } from '../src/lib/server/signalering/topic-classifier';
import { EXAMPLES } from '../src/lib/server/signalering/training/examples';
for (let fold = 0; fold < 5; fold++) {
	const c = trainClassifier(EXAMPLES.filter((_, i) => i % 5 !== fold));
	for (const e of EXAMPLES.filter((_, i) => i % 5 === fold)) {
		const got = c.suggest(e.text, { limit: 3 });
		if (!got.slice(0, 3).some((g) => g.slug === e.topics[0])) console.log(`${e.topics[0]} | ${e.text.slice(0, 80)} → ${got.map((g) => g.slug + ':' + g.score.toFixed(2)).join(' ')}`);
	}
}
