import { RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity'; console.log(RegExpMatcher, englishDataset, englishRecommendedTransformers)
