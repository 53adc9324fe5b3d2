import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allEventRules } from '../../catalog/functions';
import {
  ALL_DETAIL_TYPES,
  DETAIL_TYPES,
  type DomainEvent,
  domainEvent,
  EVENT_CONTRACTS,
  EventContractError,
  parseDetail,
} from '../../contracts/events';
import { breakingChanges, buildEventDocs, eventJsonSchema } from '../../scripts/lib/event-schemas';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/** TypeScript files under the given top-level folders (the local bus itself speaks the protocol: left out). */
function sourceFiles(folders: string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(full);
      return entry.name.endsWith('.ts') && full !== path.join(projectRoot, 'local/event-bus.ts')
        ? [full]
        : [];
    });
  return folders.flatMap((folder) => walk(path.join(projectRoot, folder)));
}
const docs = path.join(projectRoot, 'docs', 'events');

const plan = {
  requestId: 'CONV-1#4#PlanAccepted',
  accountId: 'ACC-000001',
  conversationId: 'CONV-1',
  decidedAt: '2026-11-23T10:00:00.000Z',
  optionId: 'instalment-3',
  kind: 'instalment' as const,
  totalMinor: 30_000,
  instalments: [
    { dueDate: '2026-12-01', amountMinor: 10_000 },
    { dueDate: '2027-01-01', amountMinor: 20_000 },
  ],
};

describe('event contracts', () => {
  it('declare every detail-type once, named by version: v1 plain, later versions `<Name>.vN`', () => {
    expect(new Set(Object.values(DETAIL_TYPES))).toEqual(new Set(ALL_DETAIL_TYPES));
    expect(ALL_DETAIL_TYPES).toHaveLength(31);
    for (const type of ALL_DETAIL_TYPES) {
      const { version, meaning } = EVENT_CONTRACTS[type];
      expect(type).toBe(
        version === 1 ? type.replace(/\.v\d+$/, '') : `${type.replace(/\.v\d+$/, '')}.v${version}`,
      );
      expect(meaning.length, type).toBeGreaterThan(20);
      expect(meaning, type).not.toContain('\n');
    }
  });

  it('cover every detail-type a rule routes, with the source the contract gives it', () => {
    const routed = allEventRules().flatMap((rule) =>
      ((rule.pattern['detail-type'] as string[] | undefined) ?? []).map((type) => ({
        rule: rule.id,
        type,
        sources: rule.pattern.source as string[],
      })),
    );
    expect(routed.length).toBeGreaterThan(20);
    for (const { rule, type, sources } of routed) {
      const contract = (EVENT_CONTRACTS as Record<string, { source: string } | undefined>)[type];
      expect(contract, `${rule} routes ${type}`).toBeDefined();
      expect(sources, `${rule}: ${type}`).toContain(contract!.source);
    }
  });

  it('make an event only from a detail that meets the contract, with the contract’s source', () => {
    const event = domainEvent('PlanAccepted', plan);
    expect(event).toEqual({ source: 'collections.portal', detailType: 'PlanAccepted', detail: plan });

    const refused = (() => {
      try {
        domainEvent('PlanAccepted', { ...plan, kind: 'free_money' as 'instalment', instalments: [] });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(EventContractError);
    expect((refused as EventContractError).code).toBe('EVENT_CONTRACT_VIOLATED');
    expect((refused as EventContractError).message).toMatch(
      /^PlanAccepted v1 detail does not meet its contract/,
    );
    expect((refused as EventContractError).problems).toEqual([
      expect.stringMatching(/^kind: /),
      expect.stringMatching(/^instalments: /),
    ]);
    expect(() => domainEvent('OutreachQueued', { accountId: 'ACC-1' } as never)).toThrow(/messageId/);
  });

  it('cannot be written by hand: the publisher takes only what domainEvent made', () => {
    // @ts-expect-error a hand-built event lacks the contract check's brand, so it does not typecheck.
    const handMade: DomainEvent = { source: 'collections.portal', detailType: 'PlanAccepted', detail: plan };
    expect(handMade.detailType).toBe('PlanAccepted');
  });

  it('reach the bus only through the publisher, which takes only what domainEvent made', () => {
    // PutEvents entries are written in two places: the EventBridge publisher (DomainEvent only) and the local
    // runtime's simulated core banking (which builds its PaymentReceived with domainEvent).
    const writers = sourceFiles(['lambdas', 'local', 'scripts', 'bench', 'contracts']).filter((file) =>
      /\bDetailType:|PutEventsCommand\(/.test(readFileSync(file, 'utf8')),
    );
    expect(writers.map((file) => path.relative(projectRoot, file)).sort()).toEqual([
      'lambdas/adapters/eventbridge/event-publisher.ts',
      'local/runtime.ts',
    ]);
    expect(readFileSync(path.join(projectRoot, 'local/runtime.ts'), 'utf8')).toMatch(
      /domainEvent\('PaymentReceived'/,
    );
  });

  it('read a detail as the contract says, keeping only declared fields', () => {
    const read = parseDetail('PlanAccepted', { ...plan, undeclared: 'dropped' });
    expect(read).toEqual(plan);
    expect(() => parseDetail('PaymentReceived', { accountId: 'A', amountMinor: 5 })).toThrow(
      /PaymentReceived v1 detail does not meet its contract: paymentId: .*currency: .*receivedAt: /,
    );
  });
});

describe('docs/events (npm run events)', () => {
  it('is committed as generated', () => {
    const generated = buildEventDocs();
    expect(readdirSync(docs).sort()).toEqual([...generated.keys()].sort());
    for (const [name, content] of generated) {
      expect(readFileSync(path.join(docs, name), 'utf8'), `docs/events/${name}: run npm run events`).toBe(
        content,
      );
    }
  });

  it('gives each schema its version in the $id and the file name, and the contract’s source', () => {
    const schema = eventJsonSchema('TreatmentChanged');
    expect(schema).toMatchObject({
      $id: 'urn:collections-assistant:events:TreatmentChanged:v1',
      title: 'TreatmentChanged',
      'x-eventbridge': { source: 'collections.scoring', detailType: 'TreatmentChanged', version: 1 },
      type: 'object',
    });
    expect(schema.required).toEqual(expect.arrayContaining(['changeId', 'accountId', 'current']));
    expect(buildEventDocs().has('TreatmentChanged.v1.json')).toBe(true);
  });

  it('tells a breaking change from a compatible one', () => {
    const v1 = eventJsonSchema('PlanAccepted');
    const props = v1.properties as Record<string, Record<string, unknown>>;
    const required = v1.required as string[];
    const withProps = (properties: object, req = required) => ({ ...v1, properties, required: req });

    // Compatible: a new optional field, a new enum value, a reworded description.
    expect(breakingChanges(v1, withProps({ ...props, channel: { type: 'string' } }))).toEqual([]);
    const moreKinds = {
      ...props,
      kind: { ...props.kind, enum: [...(props.kind!.enum as string[]), 'barter'] },
    };
    expect(breakingChanges(v1, withProps(moreKinds))).toEqual([]);
    expect(breakingChanges(v1, { ...v1, description: 'Reworded.' })).toEqual([]);

    // Breaking: a field removed, a field now required, an enum value removed, a type or limit changed.
    const { optionId: _, ...withoutOption } = props;
    expect(breakingChanges(v1, withProps(withoutOption))).toEqual(['(detail).optionId: removed']);
    expect(breakingChanges(v1, withProps(props, [...required, 'conversationId']))).toEqual([
      '(detail).conversationId: now required',
    ]);
    const fewerKinds = { ...props, kind: { ...props.kind, enum: ['instalment'] } };
    expect(breakingChanges(v1, withProps(fewerKinds))).toHaveLength(3);
    const total = { ...props, totalMinor: { ...props.totalMinor, type: 'string' } };
    expect(breakingChanges(v1, withProps(total))).toEqual([
      '(detail).totalMinor: type changed from "integer" to "string"',
    ]);
  });
});
