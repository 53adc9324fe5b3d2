/**
 * The debit notices as code writes them: every kind, channel, jurisdiction and language passes the gate,
 * states exactly the figures it was given, and carries the disclosures its jurisdiction and channel need.
 */
import { describe, expect, it } from 'vitest';
import type { Account, Jurisdiction, Language } from '../../lambdas/domain/accounts/account';
import { checkMessage } from '../../lambdas/domain/compliance';
import type { Outbox, OutboxMessage } from '../../lambdas/domain/outreach/outreach';
import {
  type DebitNoticeFigures,
  type DebitNoticeKind,
  debitNotice,
} from '../../lambdas/domain/payments/debit-notices';
import { MAX_MANDATE_AMOUNT_MINOR } from '../../lambdas/domain/payments/mandates';
import { directChannelFor, queueDebitNotices } from '../../lambdas/domain/payments/payment-notices';
import type { DomainEvent } from '../../lambdas/domain/ports';
import { anAccount } from '../support/accounts';

const CHANNELS = ['sms', 'email', 'portal'] as const;
const JURISDICTIONS: readonly Jurisdiction[] = ['US', 'CN'];
const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];

function customerIn(jurisdiction: Jurisdiction, language: Language, changes: Partial<Account> = {}): Account {
  const base = anAccount({ accountId: 'ACC-NOTICE-0042' });
  return {
    ...base,
    jurisdiction,
    currency: jurisdiction === 'US' ? 'USD' : 'CNY',
    customer: {
      ...base.customer,
      language,
      timezone: jurisdiction === 'US' ? 'America/New_York' : 'Asia/Shanghai',
    },
    ...changes,
  };
}

/** How the figures must read: written out by hand, not by the code under test. */
const MONEY: Record<Jurisdiction, Record<Language, (units: string) => string>> = {
  US: { en: (u) => `USD ${u}`, 'zh-CN': (u) => `${u}美元` },
  CN: { en: (u) => `CNY ${u}`, 'zh-CN': (u) => `人民币${u}元` },
};
const DATES: Record<Language, Record<string, string>> = {
  en: { '2026-12-08': 'Dec 8, 2026', '2026-12-03': 'Dec 3, 2026' },
  'zh-CN': { '2026-12-08': '2026年12月8日', '2026-12-03': '2026年12月3日' },
};

const MINI_MIRANDA: Record<Language, string> = {
  en: 'This is a communication from a debt collector.',
  'zh-CN': '本信息来自债务催收方',
};
const OPT_OUT: Record<Language, Record<'sms' | 'email', string>> = {
  en: { sms: 'Reply STOP to opt out.', email: 'To opt out of these e-mails, reply STOP.' },
  'zh-CN': { sms: '回复TD退订', email: '如不希望再收到此类邮件，请回复TD退订。' },
};
/** The re-presentment's first sentence, in the long and the short (text message) wording. */
const LAST_ONE_FAILED: Record<Language, RegExp> = {
  en: /^(Your last automatic payment|Last payment) did not go through\./,
  'zh-CN': /^(您上次的自动还款未能成功|上次扣款未成功)。/,
};

type Variant = DebitNoticeKind | 're-presentment';
const kindOf = (variant: Variant): DebitNoticeKind => (variant === 're-presentment' ? 'pre_debit' : variant);

const FIGURES: Record<Variant, DebitNoticeFigures> = {
  pre_debit: { amountMinor: 12_345, date: '2026-12-08', stopBy: '2026-12-03' },
  're-presentment': { amountMinor: 12_345, date: '2026-12-08', stopBy: '2026-12-03', retryOfRefused: true },
  receipt: { amountMinor: 12_345, date: '2026-12-08', remainingMinor: 7_250 },
  failure: { amountMinor: 12_345, date: '2026-12-08' },
};

const VARIANTS: readonly Variant[] = ['pre_debit', 're-presentment', 'receipt', 'failure'];
const MATRIX = VARIANTS.flatMap((variant) =>
  JURISDICTIONS.flatMap((jurisdiction) =>
    LANGUAGES.flatMap((language) =>
      CHANNELS.map((channel) => ({ variant, jurisdiction, language, channel })),
    ),
  ),
);

describe('debitNotice: the gate', () => {
  it.each(MATRIX)(
    '$variant in $jurisdiction/$language on $channel passes the gate',
    ({ variant, jurisdiction, language, channel }) => {
      const notice = debitNotice(
        kindOf(variant),
        customerIn(jurisdiction, language),
        channel,
        FIGURES[variant],
      );
      expect(notice.verdict.violations).toEqual([]);
      expect(notice.verdict.allowed).toBe(true);
    },
  );

  // The longest figures a notice can carry: the largest debit a mandate allows, with arrears as large.
  it.each(MATRIX)(
    '$variant in $jurisdiction/$language on $channel fits with the largest figures',
    ({ variant, jurisdiction, language, channel }) => {
      const figures = {
        ...FIGURES[variant],
        amountMinor: MAX_MANDATE_AMOUNT_MINOR,
        ...(FIGURES[variant].remainingMinor ? { remainingMinor: 9_999_999_999 } : {}),
        date: '2026-12-28',
        ...(FIGURES[variant].stopBy ? { stopBy: '2026-12-22' } : {}),
      };
      const notice = debitNotice(kindOf(variant), customerIn(jurisdiction, language), channel, figures);
      expect(notice.verdict.violations).toEqual([]);
    },
  );
});

describe('debitNotice: figures and disclosures', () => {
  it.each(MATRIX)(
    '$variant in $jurisdiction/$language on $channel states its figures and disclosures',
    ({ variant, jurisdiction, language, channel }) => {
      const figures = FIGURES[variant];
      const account = customerIn(jurisdiction, language);
      const notice = debitNotice(kindOf(variant), account, channel, figures);
      const money = MONEY[jurisdiction][language];

      expect(notice.channel).toBe(channel);
      expect(notice.text).toContain(money('123.45'));
      expect(notice.text).toContain(DATES[language]['2026-12-08']);
      if (figures.stopBy) expect(notice.text).toContain(DATES[language]['2026-12-03']);
      if (figures.remainingMinor) expect(notice.text).toContain(money('72.50'));

      // The gate is given exactly these figures and no others.
      expect(notice.gateOffer).toEqual({
        currency: account.currency,
        amountsMinor: figures.remainingMinor ? [12_345, 7_250] : [12_345],
        dates: figures.stopBy ? ['2026-12-08', '2026-12-03'] : ['2026-12-08'],
        percentages: [],
      });

      // US only: the mini-Miranda. Text and e-mail only: the opt-out. Only e-mails have a subject.
      expect(notice.text.includes(MINI_MIRANDA[language])).toBe(jurisdiction === 'US');
      if (channel === 'portal') {
        expect(notice.text).not.toContain(OPT_OUT[language].sms);
        expect(notice.text).not.toContain(OPT_OUT[language].email);
        expect(notice.subject).toBeUndefined();
      } else {
        expect(notice.text).toContain(OPT_OUT[language][channel]);
        if (channel === 'email') expect(notice.subject?.length).toBeGreaterThan(0);
        else expect(notice.subject).toBeUndefined();
      }
      expect(LAST_ONE_FAILED[language].test(notice.text)).toBe(variant === 're-presentment');
    },
  );

  it('is in the customer language: Chinese text has no English sentences and vice versa', () => {
    const zh = debitNotice('pre_debit', customerIn('CN', 'zh-CN'), 'portal', FIGURES.pre_debit);
    expect(zh.text).toMatch(/根据您的授权/);
    expect(zh.text).not.toMatch(/[A-Za-z]{4,}/);
    const en = debitNotice('pre_debit', customerIn('CN', 'en'), 'portal', FIGURES.pre_debit);
    expect(en.text).toMatch(
      /^As you authorised, we will take CNY 123\.45 from your bank account on Dec 8, 2026\./,
    );
    expect(en.text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('a figure the notice was not given is refused by the gate against the same offer', () => {
    const notice = debitNotice('pre_debit', customerIn('US', 'en'), 'email', FIGURES.pre_debit);
    const gate = (text: string, offer = notice.gateOffer) =>
      checkMessage({ jurisdiction: 'US', channel: 'email', language: 'en', text, offer });
    expect(gate(`${notice.subject}\n\n${notice.text}`).allowed).toBe(true);
    expect(gate(notice.text.replace('USD 123.45', 'USD 124.45')).allowed).toBe(false);
    expect(gate(notice.text.replace('on Dec 8, 2026', 'on Dec 9, 2026')).allowed).toBe(false);
    // And the offer really pins the figures: with another amount listed, the true text is refused.
    expect(gate(notice.text, { ...notice.gateOffer, amountsMinor: [12_346] }).allowed).toBe(false);
  });

  it('a receipt states the arrears left, or that the account is up to date', () => {
    const withArrears = debitNotice('receipt', customerIn('US', 'en'), 'portal', FIGURES.receipt);
    expect(withArrears.text).toContain('USD 72.50 is still overdue');
    expect(withArrears.text).not.toContain('up to date');

    const settled = debitNotice('receipt', customerIn('US', 'en'), 'portal', {
      ...FIGURES.receipt,
      remainingMinor: 0,
    });
    expect(settled.text).toContain('Your account is up to date.');
    expect(settled.text).not.toContain('overdue');
    expect(settled.gateOffer.amountsMinor).toEqual([12_345]);
    expect(settled.verdict.allowed).toBe(true);

    const zh = debitNotice('receipt', customerIn('CN', 'zh-CN'), 'portal', FIGURES.receipt);
    expect(zh.text).toContain('仍有人民币72.50元逾期未还');
    const zhSettled = debitNotice('receipt', customerIn('CN', 'zh-CN'), 'portal', {
      ...FIGURES.receipt,
      remainingMinor: 0,
    });
    expect(zhSettled.text).toContain('您的账户已无逾期');
  });

  it('a failure notice says it will not be tried again and that no fee was charged', () => {
    const en = debitNotice('failure', customerIn('US', 'en'), 'email', FIGURES.failure);
    expect(en.text).toContain('did not go through');
    expect(en.text).toContain('we will not try it again automatically');
    expect(en.text).toContain('We have not charged you any fee');
    const zh = debitNotice('failure', customerIn('CN', 'zh-CN'), 'email', FIGURES.failure);
    expect(zh.text).toContain('不会再自动扣款');
    expect(zh.text).toContain('没有因此收取任何费用');
  });

  it('a pre-debit notice says how to stop the debit and by when', () => {
    const en = debitNotice('pre_debit', customerIn('US', 'en'), 'portal', FIGURES.pre_debit);
    expect(en.text).toContain(
      'To stop it, use Automatic payments in the repayment portal or call us, by Dec 3, 2026.',
    );
    const zh = debitNotice('pre_debit', customerIn('CN', 'zh-CN'), 'portal', FIGURES.pre_debit);
    expect(zh.text).toContain('如需取消，请在2026年12月3日前');
  });
});

describe('directChannelFor', () => {
  const withPreferences = (
    smsConsent: boolean,
    refusedChannels: Account['customer']['contactPreferences']['refusedChannels'],
    contact: { phone?: string; email?: string } = {},
  ) => {
    const base = anAccount({ accountId: 'ACC-CHANNEL-1' });
    return {
      ...base,
      customer: { ...base.customer, ...contact, contactPreferences: { smsConsent, refusedChannels } },
    };
  };

  it('texts a customer who consented to texts', () => {
    expect(directChannelFor(withPreferences(true, []))).toBe('sms');
  });

  it('e-mails a customer who did not consent to texts, or refused them, or has no phone', () => {
    expect(directChannelFor(withPreferences(false, []))).toBe('email');
    expect(directChannelFor(withPreferences(true, ['sms']))).toBe('email');
    expect(directChannelFor(withPreferences(true, [], { phone: '  ' }))).toBe('email');
  });

  it('uses no direct channel when both are refused or unreachable', () => {
    expect(directChannelFor(withPreferences(false, ['email']))).toBeUndefined();
    expect(directChannelFor(withPreferences(true, ['sms', 'email']))).toBeUndefined();
    expect(directChannelFor(withPreferences(false, [], { email: '' }))).toBeUndefined();
  });
});

describe('queueDebitNotices', () => {
  function recordingDeps() {
    const queued: OutboxMessage[] = [];
    const published: DomainEvent[] = [];
    const outbox = {
      enqueue: async (message: OutboxMessage) => {
        queued.push(message);
        return true;
      },
    } as unknown as Outbox;
    return {
      queued,
      published,
      deps: {
        outbox,
        events: { publish: async (events: readonly DomainEvent[]) => void published.push(...events) },
      },
    };
  }

  // A customer who consented to texts is told by text as well as in the portal: execute-debit counts only
  // a sent notice on the direct channel as notice, so a text the gate refuses stops every debit.
  it.each(JURISDICTIONS.flatMap((jurisdiction) => LANGUAGES.map((language) => ({ jurisdiction, language }))))(
    'queues the pre-debit notice by text and in the portal ($jurisdiction/$language)',
    async ({ jurisdiction, language }) => {
      const { deps, queued, published } = recordingDeps();
      const ids = await queueDebitNotices(deps, customerIn(jurisdiction, language), {
        kind: 'pre_debit',
        ref: 'statement-2026-11-10#1',
        figures: FIGURES.pre_debit,
        now: new Date('2026-12-02T15:00:00.000Z'),
        expiresAt: '2026-12-08T15:00:00.000Z',
      });
      expect(ids).toEqual([
        'payment#statement-2026-11-10#1#pre_debit#sms',
        'payment#statement-2026-11-10#1#pre_debit#portal',
      ]);
      expect(queued.map((m) => m.channel)).toEqual(['sms', 'portal']);
      expect(published).toHaveLength(2);
    },
  );

  it('queues only the portal notice when the customer allows no direct channel', async () => {
    const { deps, queued } = recordingDeps();
    const base = customerIn('CN', 'zh-CN');
    const account = {
      ...base,
      customer: {
        ...base.customer,
        contactPreferences: { smsConsent: false, refusedChannels: ['email' as const] },
      },
    };
    await queueDebitNotices(deps, account, {
      kind: 'receipt',
      ref: 'plan-20261120-1#1',
      figures: FIGURES.receipt,
      now: new Date('2026-12-08T03:00:00.000Z'),
      expiresAt: '2026-12-15T03:00:00.000Z',
    });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      channel: 'portal',
      purpose: 'payment_notice',
      draftId: 'payment#plan-20261120-1#1#receipt',
      gateOffer: { amountsMinor: [12_345, 7_250] },
      status: 'queued',
    });
  });
});

describe('a receipt on an agreed plan', () => {
  it('says what is overdue under the plan and its next payment, not the old statement arrears (en, zh)', async () => {
    const { debitNotice } = await import('../../lambdas/domain/payments/debit-notices');
    const base = {
      jurisdiction: 'US' as const,
      currency: 'USD' as const,
      customer: { language: 'en' as const },
    } as Parameters<typeof debitNotice>[1];
    const figures = {
      amountMinor: 29_101,
      date: '2026-12-04',
      plan: { overdueMinor: 0, next: { amountMinor: 29_101, date: '2027-01-11' } },
    };
    const en = debitNotice('receipt', base, 'email', figures);
    expect(en.verdict.allowed).toBe(true);
    expect(en.text).toContain('Your next plan payment is USD 291.01 on Jan 11, 2027.');
    expect(en.text).not.toMatch(/overdue|options/);
    const zh = debitNotice(
      'receipt',
      { ...base, customer: { language: 'zh-CN' } } as Parameters<typeof debitNotice>[1],
      'sms',
      { ...figures, plan: { overdueMinor: 29_101 } },
    );
    expect(zh.verdict.allowed).toBe(true);
    expect(zh.text).toContain('计划中仍有291.01美元逾期未还。');
    expect(zh.text).not.toContain('已全部还清');
  });
});
