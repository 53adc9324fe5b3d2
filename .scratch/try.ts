import { detectContent, readMessage } from '../lambdas/domain/compliance/content/detect';
const cases = process.argv.slice(2).length ? process.argv.slice(2) : [
 "responsible people don't leave their debts for others to cover",
 "your landlord now knows about the arrears",
 "accidents tend to happen to people who ignore us",
 "你这种人活该被人看不起",
 "people of your religion never pay",
 "l0ser", "st*pid", "我们每天都会去你家门口等你",
 "--- clean:",
 "nobody at your workplace will ever hear from us",
 "legal action is off the table while you keep to the plan",
 "if another creditor is suing you, tell us and we can pause",
 "Never mention jail, arrest or lawsuits",
 "困难期间不会起诉，也不会上门",
 "If you don't pay we will sue you.", "We will contact your employer.", "We won't call your employer, but we will tell your family.",
 "I hate women", "I don't hate women", "Women are not disgusting", "Women are not smart", "Why are women so disgusting?", "I really can't stand cauliflower",
 "You are a disgusting person", "f u c k you", "I hatewomen", "I hate wom en", "I hate womne", "s t u p i d", "stuuupid customer",
 "We will not hesitate to take legal action.", "不还的话我们就起诉你", "我们不排除起诉的可能", "您有权要求我们停止联系您的家人",
 "If the customer says \"you people are crooks\", stay calm.",
];
for (const text of cases) {
  const m = readMessage(text);
  const f = detectContent(m);
  console.log(JSON.stringify(text), '=>', f.map(x => `${x.category}:"${x.phrase}"`).join(' | ') || '-');
}
