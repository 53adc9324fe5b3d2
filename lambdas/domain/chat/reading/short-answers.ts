/**
 * Whole-message short answers ("yes", "cancel", "不用了", "转人工", "let me think"): a handful of words carry
 * too little for n-gram statistics, and these have one reading. Checked only on messages of a few words; a
 * longer message is the classifier's.
 */
import type { IntentName } from '../taxonomy';

const PLEASE =
  '(?:[,.!]*\\s*(?:please|pls|plz|thanks|thank you|thx|then|mate|lol|haha|ok|sir|madam|我|吧|了|啊|呀|哦|嗯|的|呢))*[\\s.!。！~～]*';
const whole = (words: string) => new RegExp(`^\\s*(?:${words})${PLEASE}$`, 'u');

const SHORT: readonly (readonly [IntentName, RegExp])[] = [
  [
    'confirm',
    whole(
      "yes|yeah|yep|yup|ya|yea|yes please|ok|okay|k|kk|sure|correct|that'?s (?:right|correct|fine|it)|right|confirm(?:ed)?|i confirm|go ahead|do it|sounds good|deal|perfect|agreed?|i agree|accept(?:ed)?|alright|all right|fine|no problem|no worries|works for me|that works|yes that'?s fine|好|好的|好啊|好吧|行|行吧|可以|可以的|是|是的|对|对的|嗯|嗯嗯|确认|同意|没问题|就这样|就这么办|确定|ok的|没毛病",
    ),
  ],
  [
    'decline',
    whole(
      "no|nope|nah|no thanks|no thank you|not really|none|neither|none of (?:them|these|those)|not that one|cancel|cancel it|never ?mind|not now|changed my mind|i changed my mind|not interested|don'?t want (?:it|that)|go back|不|不要|不用|不行|不了|算了|取消|不同意|不确认|再想想|都不要|不需要|不合适|没兴趣|返回",
    ),
  ],
  [
    'greeting',
    whole(
      'hi+|hello+|hey+|hiya|howdy|hi there|hello there|(?:good )?(?:morning|afternoon|evening)|yo|你好|您好|在吗|在么|在嘛|在不在|哈喽|嗨|hello\\s*有人吗|有人吗|早上好|下午好|晚上好',
    ),
  ],
  [
    'request_person',
    whole(
      'agent|human|real person|a person|person|representative|operator|speak to (?:an agent|a person|someone|a human)|talk to (?:an agent|a person|someone|a human)|call me back|人工|转人工|人工客服|客服|真人|找人工|要人工',
    ),
  ],
  [
    'show_options',
    whole(
      'options|my options|what are my options|what options do i have|plans|show (?:me )?(?:my |the )?options|menu|help|方案|有什么方案|有啥方案|还款方案|选项|看看方案',
    ),
  ],
  [
    'stop_contact',
    whole('stop|unsubscribe|leave me alone|stop contacting me|停止|停|别联系我|不要联系我|别再联系我'),
  ],
  [
    'promise_to_pay',
    whole(
      '(?:我)?(?:先|就|可以|能|会)?(?:还|付|转|交)(?:你们|给你们)?\\s*(?:¥|￥)?[\\d一二两三四五六七八九十百千万.]+\\s*(?:元|块|块钱|刀)?',
    ),
  ],
  [
    'unknown',
    whole(
      "(?:hmm+|um+|uh+|ok|okay)?[,.\\s]*(?:let me think|i'?ll think about it|i need to think|let me think about it)|hmm+|h+m+|um+|uh+|i'?ll think about it|i need to think|let me think about it|thinking|wait|hold on|one sec|brb|\\?+|\\.+|嗯+\\.{0,3}|让我想想|我想想|考虑一下|我考虑一下|等一下|等等|稍等",
    ),
  ],
];

/** The intent of a short whole-message answer; undefined for anything else. */
export function shortAnswer(text: string): IntentName | undefined {
  if (text.length > 40) return undefined;
  return SHORT.find(([, pattern]) => pattern.test(text))?.[0];
}
