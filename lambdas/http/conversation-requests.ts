/** Request schemas the customer's and the agents' conversation routes share. */
import * as z from 'zod';

export const conversationPath = z.object({ conversationId: z.uuid() });
export const messagesQuery = z.object({ after: z.coerce.number().int().min(0).optional() });
export const newMessageBody = z.strictObject({
  clientMessageId: z.string(),
  text: z.string(),
  /** The page's language when sent (it can switch mid-chat): the assistant replies in it. */
  language: z.enum(['en', 'zh-CN']).optional(),
});
