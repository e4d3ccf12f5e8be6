import { createStore } from 'zustand/vanilla';
import type {
  Attribute,
  Domains,
  ProductModel,
  Repair,
  Selection,
  SelectionValue,
  ValueState,
} from '../engine/index.ts';
import { deriveSelection, type DerivedSelection } from './deriveSelection.ts';
import type { EnginePort } from './enginePort.ts';
import type { DroppedChoice, SessionEvent } from './events.ts';
import {
  applyChanges,
  clearValue,
  initialIntent,
  loadSelection,
  redo,
  replaceSelection,
  setValue,
  undo,
  type Intent,
} from './intent.ts';
import {
  plantToday,
  priceOf,
  promiseOf,
  type LineInput,
  type PriceOutcome,
  type PromiseOutcome,
  type SessionData,
} from './outcomes.ts';
import { checkQuantity, quantityLimits } from './quantity.ts';
import type {
  Activity,
  Announcement,
  AnnouncementEntry,
  Conflict,
  LineOutcomes,
  LoadNotice,
  SessionMessages,
  SessionSnapshot,
} from './snapshot.ts';
import { missingChoices, steps as stepsOf } from './steps.ts';
import { textRefusal, type TextRefusal } from './textCheck.ts';
import type { OutlookFactory, ValueOutlook } from './valueOutlook.ts';
import { keyToValue } from './valueKeys.ts';

/** Where a session keeps its intent: its own zustand vanilla store, or one the host gives. */
export interface IntentStore {
  getState(): Intent;
  setState(next: Intent): void;
  subscribe(listener: () => void): () => void;
}

/** The options of `createSession`. */
export interface SessionOptions {
  /** The engine, on the page or in a worker. */
  port: EnginePort;
  /** The one clock of the session: the current instant, ISO-8601. Read once per line change. */
  clock: () => string;
  /** The intent's store (default: a new zustand vanilla store of `initial`). */
  store?: IntentStore | undefined;
  initial?: { selection?: Selection; quantity?: number } | undefined;
}

/** A configurator session: read the snapshot, listen for changes, send events. */
export interface Session {
  getSnapshot(): SessionSnapshot;
  subscribe(listener: () => void): () => void;
  /** Runs an event; resolves when its engine calls are answered and the snapshot updated. */
  send(event: SessionEvent): Promise<void>;
  /**
   * The what-ifs of the current line (per-value price deltas and availability badges) at the
   * snapshot's `now` and `today`, the session's one clock reading: one object per line, which
   * computes nothing until asked (a widget asks after the click's paint). `make` is
   * `valueOutlook` (passed in, so that a session's code does not carry it: the shop app loads it
   * in idle time with the value extras, see `src/embed/outlook/`).
   */
  outlook(make: OutlookFactory): ValueOutlook;
}

const NO_DATA: SessionData = { pricing: { state: 'absent' }, snapshot: { state: 'absent' } };

function valueState(domains: Domains | undefined, attribute: string, key: string): ValueState {
  return domains?.[attribute]?.[key] ?? 'available';
}

/** A loaded value as the buyer reads it: value labels for ids, numbers and booleans as text. */
function shownText(attribute: Attribute | undefined, value: SelectionValue | undefined): string {
  if (value === undefined) return '';
  const label = (id: string) =>
    attribute?.type === 'choice' || attribute?.type === 'multi'
      ? (attribute.values.find((v) => v.id === id)?.label ?? id)
      : id;
  return Array.isArray(value) ? value.map(label).join(', ') : label(String(value));
}

/**
 * Creates a framework-free configurator session over one model (the way `@tanstack/query-core`
 * sits under `react-query`): the intent lives in a store, everything else — the effective
 * selection, domains, steps, completeness, one price and one promise at one instant, the buyer's
 * messages — is derived into an immutable snapshot. Every event is a transition of the intent;
 * the engine is reached only through `port`, so its answers may come from a Web Worker.
 *
 * @example
 * const session = createSession(desk, data, { port, clock: () => Temporal.Now.instant().toString() });
 * await session.send({ type: 'choose', attribute: 'frame', key: 'steel' });
 * session.getSnapshot().price.state; // 'incomplete'
 */
export function createSession(
  model: ProductModel,
  initialData: SessionData = NO_DATA,
  options: SessionOptions,
): Session {
  const { port, clock } = options;
  const store: IntentStore =
    options.store ??
    createStore<Intent>(() =>
      initialIntent(options.initial?.selection, options.initial?.quantity ?? 1),
    );
  const byId = new Map(model.attributes.map((a) => [a.id, a] as const));
  const limits = quantityLimits(model);
  const listeners = new Set<() => void>();

  let data = initialData;
  let conflict: Conflict | undefined;
  let activity: Activity = 'idle';
  let announcement: AnnouncementEntry | undefined;
  let announced = 0;
  let quantityRefusal: SessionMessages['quantity'];
  let load: LoadNotice | undefined;
  let snapshot: SessionSnapshot | undefined;
  /** The last snapshot handed out, kept when `notify` drops it: the next one may be the same. */
  let previous: SessionSnapshot | undefined;
  /** What `previous` was made of (its text refusals as a string: they are rebuilt each time). */
  let previousParts: unknown[] = [];

  // Derived values, each recomputed only when what it depends on changes.
  let derivedFor: { selection: Selection; effective: DerivedSelection } | undefined;
  const effectiveOf = (selection: Selection) => {
    if (derivedFor?.selection !== selection)
      derivedFor = { selection, effective: deriveSelection(model, selection) };
    return derivedFor.effective;
  };
  let domainsFor:
    { solver: Selection; domains: Domains | undefined; error: Error | undefined } | undefined;
  let asked: Selection | undefined;
  let lineFor:
    | { shown: Selection; quantity: number; data: SessionData; now: string; today: string }
    | undefined;
  let outcomes: LineOutcomes | undefined;
  let outlookFor:
    { line: NonNullable<typeof lineFor>; make: OutlookFactory; outlook: ValueOutlook } | undefined;
  let progressFor:
    | {
        effective: DerivedSelection;
        selection: Selection;
        missing: SessionSnapshot['missing'];
        steps: SessionSnapshot['steps'];
      }
    | undefined;

  const notify = () => {
    previous = snapshot ?? previous;
    snapshot = undefined;
    for (const l of [...listeners]) l();
  };
  store.subscribe(notify);

  const domainsOf = (solver: Selection) => {
    if (domainsFor?.solver === solver) return { ...domainsFor, pending: false };
    if (port.domainsNow) {
      try {
        domainsFor = { solver, domains: port.domainsNow(solver), error: undefined };
      } catch (error) {
        domainsFor = { solver, domains: undefined, error: asError(error) };
      }
      return { ...domainsFor, pending: false };
    }
    if (asked !== solver) {
      asked = solver;
      port.domains(solver).then(
        (domains) => {
          if (asked !== solver) return;
          domainsFor = { solver, domains, error: undefined };
          notify();
        },
        (error: unknown) => {
          if (asked !== solver) return;
          domainsFor = { solver, domains: undefined, error: asError(error) };
          notify();
        },
      );
    }
    // The previous domains stay on screen, marked pending, until the answer arrives.
    return {
      domains: domainsFor?.domains,
      error: domainsFor?.error,
      pending: true,
    };
  };

  const compute = (): SessionSnapshot => {
    const intent = store.getState();
    const effective = effectiveOf(intent.selection);
    const { domains, error, pending } = domainsOf(effective.solver);
    if (progressFor?.effective !== effective || progressFor.selection !== intent.selection)
      progressFor = {
        effective,
        selection: intent.selection,
        missing: missingChoices(model, effective, intent.selection),
        steps: stepsOf(model, effective, intent.selection),
      };
    const { missing, steps } = progressFor;
    const complete = missing.length === 0;
    if (
      lineFor?.shown !== effective.shown ||
      lineFor.quantity !== intent.quantity ||
      lineFor.data !== data ||
      outcomes === undefined
    ) {
      const now = clock();
      lineFor = {
        shown: effective.shown,
        quantity: intent.quantity,
        data,
        now,
        today: plantToday(model, data, now),
      };
      const line = { model, selection: effective.shown, quantity: intent.quantity, complete };
      outcomes = lazyOutcomes(line, lineFor.data, now, lineFor.today);
    }
    const texts = new Map<string, TextRefusal>();
    for (const id of effective.malformed) {
      const a = byId.get(id);
      const value = intent.selection[id];
      if (a?.type !== 'text' || typeof value !== 'string' || effective.hidden.has(id)) continue;
      const refusal = textRefusal(a, value);
      if (refusal) texts.set(id, refusal);
    }
    const step = steps.find((s) => s.id === intent.step) ?? steps[0];
    // Nothing changed since the last snapshot (an event's closing notice, an engine answer
    // already shown): the same object, so the widget does not render the same state again.
    // prettier-ignore
    const parts = [intent, effective, domains, pending, error, steps, step, missing, outcomes,
      lineFor.now, lineFor.today, conflict, activity, announcement, quantityRefusal, load,
      JSON.stringify([...texts])];
    if (previous && parts.every((p, i) => p === previousParts[i])) return previous;
    previousParts = parts;
    return {
      model,
      intent,
      effective,
      domains,
      pending,
      domainsError: error,
      steps,
      step,
      missing,
      complete,
      quantityLimits: limits,
      now: lineFor.now,
      today: lineFor.today,
      outcomes,
      get price() {
        return this.outcomes.price;
      },
      get promise() {
        return this.outcomes.promise;
      },
      conflict,
      activity,
      messages: { announcement, quantity: quantityRefusal, texts, load },
    };
  };

  const getSnapshot = () => (snapshot ??= compute());
  const setIntent = (next: Intent) => {
    if (next !== store.getState()) store.setState(next);
  };
  const announce = (message: Announcement, cleared: string[] = []) => {
    announcement = { id: ++announced, message, cleared };
  };

  /** Asks the engine why a value is not available, and for the nearest valid configuration. */
  const openConflict = async (attribute: string, key: string, state: Conflict['valueState']) => {
    const opened: Conflict = { attribute, key, valueState: state, state: 'loading' };
    conflict = opened;
    notify();
    const snap = getSnapshot();
    try {
      const [explanation, repair] = await Promise.all([
        port.explain(snap.effective.solver, attribute, key),
        state === 'impossible'
          ? Promise.resolve(undefined)
          : port.repair(snap.effective.solver, attribute, key, snap.intent.recency),
      ]);
      if (conflict === opened) conflict = { ...opened, state: 'ready', explanation, repair };
    } catch (error) {
      if (conflict === opened)
        conflict = { ...opened, state: 'error', message: asError(error).message };
    }
    notify();
  };

  /** Commits a multi change the domains cannot vouch for: what no longer fits is dropped. */
  const commitChecked = async (attribute: Attribute, value: SelectionValue, said: Announcement) => {
    const intent = store.getState();
    const next = { ...intent.selection, [attribute.id]: value };
    const newest = [...intent.recency.filter((id) => id !== attribute.id), attribute.id];
    const repair = await port.reconcile(deriveSelection(model, next).solver, newest);
    announce(
      said,
      repair.changes.map((c) => c.attribute),
    );
    setIntent(
      replaceSelection(store.getState(), applyChanges(next, repair.changes), [attribute.id]),
    );
  };

  const chooseMulti = async (attribute: Extract<Attribute, { type: 'multi' }>, key: string) => {
    const snap = getSnapshot();
    const fresh = !snap.pending && snap.domains !== undefined;
    const state = valueState(snap.domains, attribute.id, key);
    const current = snap.effective.shown[attribute.id];
    const chosen = Array.isArray(current) ? (current as readonly string[]) : [];
    if (chosen.includes(key)) return;
    const next = attribute.values
      .map((v) => v.id)
      .filter((id) => id === key || chosen.includes(id));
    const said: Announcement = { code: 'added', attribute: attribute.id, key };
    const below = snap.effective.underMin.has(attribute.id);
    // Still below min: not given to the solver yet (see deriveSelection).
    if (next.length < (attribute.min ?? 0)) {
      announce(said);
      return setIntent(setValue(store.getState(), attribute.id, next));
    }
    // An assigned set: the domains are exact for "the set plus this item".
    if (Array.isArray(current) && !below && fresh) {
      if (state !== 'available')
        return openConflict(attribute.id, key, state === 'impossible' ? 'impossible' : 'conflict');
      announce(said);
      return setIntent(setValue(store.getState(), attribute.id, next));
    }
    if (below) return commitChecked(attribute, next, said);
    // An unassigned multi ("some valid set has it") or stale domains: the engine's repair picks
    // the set; anything beyond this attribute goes through the explanation.
    let repair: Repair;
    try {
      repair = await port.repair(snap.effective.solver, attribute.id, key, snap.intent.recency);
    } catch {
      return openConflict(attribute.id, key, 'impossible');
    }
    if (!repair.changes.every((c) => c.attribute === attribute.id))
      return openConflict(attribute.id, key, 'conflict');
    const latest = store.getState();
    announce(said);
    setIntent(
      replaceSelection(latest, applyChanges(latest.selection, repair.changes), [attribute.id]),
    );
  };

  const choose = async (attributeId: string, key: string) => {
    const attribute = byId.get(attributeId);
    if (!attribute || attribute.type === 'text') return;
    if (attribute.type === 'multi') return chooseMulti(attribute, key);
    const snap = getSnapshot();
    const value = keyToValue(attribute, key);
    if (snap.effective.shown[attributeId] === value) return;
    const state = valueState(snap.domains, attributeId, key);
    const commit = () => {
      announce({ code: 'chosen', attribute: attributeId, value });
      setIntent(setValue(store.getState(), attributeId, value));
    };
    const fresh = !snap.pending && snap.domains !== undefined;
    if (fresh)
      return state === 'available' || state === 'selected'
        ? commit()
        : openConflict(attributeId, key, state);
    // Stale domains (a worker answer on its way) cannot vouch for a value: ask the engine.
    let repair: Repair;
    try {
      repair = await port.repair(snap.effective.solver, attributeId, key, snap.intent.recency);
    } catch {
      return openConflict(attributeId, key, 'impossible');
    }
    if (repair.changes.every((c) => c.attribute === attributeId)) return commit();
    return openConflict(attributeId, key, 'conflict');
  };

  const unchoose = async (attributeId: string, key: string | undefined) => {
    const attribute = byId.get(attributeId);
    if (!attribute) return;
    const snap = getSnapshot();
    if (attribute.type === 'multi' && key !== undefined) {
      const current = snap.effective.shown[attributeId];
      const chosen = Array.isArray(current) ? (current as readonly string[]) : [];
      if (!chosen.includes(key)) return;
      return commitChecked(
        attribute,
        chosen.filter((k) => k !== key),
        { code: 'removed', attribute: attributeId, key },
      );
    }
    setIntent(clearValue(store.getState(), attributeId));
  };

  const loadEvent = async (event: Extract<SessionEvent, { type: 'load' }>) => {
    activity = 'loading';
    notify();
    const dropped: DroppedChoice[] = [...(event.dropped ?? [])];
    let quantity: number | undefined;
    if (event.quantity !== undefined) {
      const q = checkQuantity(event.quantity, limits);
      if (q.state === 'ok') quantity = q.value;
      else
        dropped.push({
          attribute: 'quantity',
          label: 'quantity',
          value: String(event.quantity),
          reason: 'quantity',
        });
    }
    try {
      const repair = await port.reconcile(deriveSelection(model, event.selection).solver, []);
      for (const c of repair.changes)
        dropped.push({
          attribute: c.attribute,
          label: byId.get(c.attribute)?.label ?? c.attribute,
          value: shownText(byId.get(c.attribute), c.from),
          reason: 'conflict',
        });
      setIntent(
        loadSelection(store.getState(), applyChanges(event.selection, repair.changes), quantity),
      );
    } finally {
      activity = 'idle';
    }
    quantityRefusal = undefined;
    load =
      event.source !== 'none' && (dropped.length > 0 || event.fromVersion)
        ? {
            source: event.source,
            fromVersion: event.fromVersion,
            toVersion: model.version,
            dropped,
          }
        : undefined;
  };

  const step = (delta: number) => {
    const snap = getSnapshot();
    const i = snap.step ? snap.steps.indexOf(snap.step) : -1;
    const target = snap.steps[i + delta];
    if (target) setIntent({ ...store.getState(), step: target.id });
  };

  const handle = async (event: SessionEvent): Promise<void> => {
    switch (event.type) {
      case 'choose':
        return choose(event.attribute, event.key);
      case 'unchoose':
        return unchoose(event.attribute, event.key);
      case 'explain': {
        const snap = getSnapshot();
        const state = valueState(snap.domains, event.attribute, event.key);
        return openConflict(
          event.attribute,
          event.key,
          state === 'impossible' ? 'impossible' : 'conflict',
        );
      }
      case 'repair': {
        if (conflict?.state !== 'ready' || !conflict.repair) return;
        const { repair, attribute } = conflict;
        conflict = undefined;
        const intent = store.getState();
        announce({ code: 'changed', changes: repair.changes });
        setIntent(
          replaceSelection(intent, applyChanges(intent.selection, repair.changes), [attribute]),
        );
        return;
      }
      case 'dismiss':
        conflict = undefined;
        return;
      case 'complete': {
        activity = 'completing';
        notify();
        const snap = getSnapshot();
        try {
          const result = await port.complete(snap.effective.solver, event.objective, {
            quantity: snap.intent.quantity,
            now: snap.now,
            date: snap.today,
          });
          const intent = store.getState();
          announce({ code: 'completed' });
          setIntent(replaceSelection(intent, { ...intent.selection, ...result }, []));
        } catch (error) {
          announce({ code: 'completeFailed', message: asError(error).message });
        } finally {
          activity = 'idle';
        }
        return;
      }
      case 'undo':
        return setIntent(undo(store.getState()));
      case 'redo':
        return setIntent(redo(store.getState()));
      case 'reset':
        quantityRefusal = undefined;
        return setIntent(replaceSelection(store.getState(), {}));
      case 'setQuantity': {
        const q = checkQuantity(event.input, limits);
        if (q.state === 'refused') {
          quantityRefusal = q;
          return;
        }
        quantityRefusal = undefined;
        if (q.value !== store.getState().quantity)
          setIntent({ ...store.getState(), quantity: q.value });
        return;
      }
      case 'setText': {
        const attribute = byId.get(event.attribute);
        if (attribute?.type !== 'text') return;
        const intent = store.getState();
        return setIntent(
          event.text === ''
            ? clearValue(intent, event.attribute)
            : setValue(intent, event.attribute, event.text),
        );
      }
      case 'goToStep':
        if (getSnapshot().steps.some((s) => s.id === event.step))
          setIntent({ ...store.getState(), step: event.step });
        return;
      case 'nextStep':
        return step(1);
      case 'previousStep':
        return step(-1);
      case 'load':
        return loadEvent(event);
      case 'dismissNotice':
        load = undefined;
        return;
      case 'say':
        announce({ code: 'text', text: event.text });
        return;
      case 'setData':
        data = event.data;
        return;
      default:
        return event satisfies never;
    }
  };

  // Events run one after the other. With nothing in flight an event starts at once, so a
  // transition that needs no engine answer (typing, a choice the domains vouch for) is in the
  // store before `send` returns: a controlled input keeps its caret.
  let queue: Promise<void> = Promise.resolve();
  let inFlight = 0;
  return {
    getSnapshot,
    outlook(make) {
      const snap = getSnapshot();
      const line = lineFor!;
      if (outlookFor?.line !== line || outlookFor.make !== make)
        outlookFor = {
          line,
          make,
          outlook: make(
            { model, selection: line.shown, quantity: line.quantity },
            line.data,
            snap.now,
            snap.today,
          ),
        };
      return outlookFor.outlook;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    send(event) {
      const start = () => {
        inFlight++;
        return handle(event).finally(() => {
          inFlight--;
          notify();
        });
      };
      const run = inFlight === 0 ? start() : queue.then(start);
      queue = run.catch(() => {});
      return run;
    },
  };
}

/**
 * The price and the promise of a line, each computed on its first read (a click paints the new
 * choice before the panels, which read them in a deferred render, ask).
 */
function lazyOutcomes(
  line: LineInput,
  data: SessionData,
  now: string,
  today: string,
): LineOutcomes {
  let price: PriceOutcome | undefined;
  let promise: PromiseOutcome | undefined;
  return {
    get price() {
      return (price ??= priceOf(line, data, today));
    },
    get promise() {
      return (promise ??= promiseOf(line, data, now, today));
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
