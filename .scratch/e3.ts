import { RegExpMatcher } from 'obscenity'; console.log(RegExpMatcher)
