import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
const m = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
for (const t of ['you l0ser', 'st*pid', 'f u c k you', 'fuuuuck', 'Scunthorpe', 'assessment', 'what a b1tch', 'sh1t happens', 'you are a c*nt', 'retard', 'idiot', 'n1gger', 'dick', 'Dick Smith', 'bastard', 'asshole', 'a$$hole','cocktail','shitake', 'class assistant', 'pussycat','f*ck','fck you', 'motherf*cker', 'whore']) {
  const ms = m.getAllMatches(t, true);
  console.log(t, '->', ms.map(x => { const p = englishDataset.getPayloadWithPhraseMetadata(x); return `${p.phraseMetadata?.originalWord}@${x.startIndex}-${x.endIndex}`; }).join(','));
}
