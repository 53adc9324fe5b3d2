/** Request schemas the customer's and the agents' conversation routes share. */
import * as z from '../../contracts/schema';

export const conversationPath = z.object({ conversationId: z.uuid() });
export const messagesQuery = z.object({ after: z.optional(z.coerce.number().check(z.int(), z.gte(0))) });
export const newMessageBody = z.strictObject({
  clientMessageId: z.string(),
  text: z.string(),
  /** The page's language when sent (it can switch mid-chat): the assistant replies in it. */
  language: z.optional(z.enum(['en', 'zh-CN'])),
});
