import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Attribute, ProductModel, Selection, Repair } from '../../engine/index.ts';
import { deriveSelection } from '../../core/index.ts';
import { keyToValue, valueKeys } from '../../core/index.ts';
import type { CompletionObjective, ValueCosts } from '../engine/engineOps.ts';
import type { EngineClient } from '../engine/EngineClient.ts';
import { useDomains } from '../engine/useDomains.ts';
import type { ConfiguratorPanelContext, ValueExtrasFn } from '../engine/valueExtras.ts';
import { useMessages } from '../i18n/messages.ts';
import { useConfigurator, useConfiguratorStore } from '../store/ConfiguratorStoreContext.tsx';
import type { LoadPlan } from '../url/planLoad.ts';
import { writeUrlSelection } from '../url/urlSelection.ts';
import { AttributeField } from './AttributeField.tsx';
import { applyChanges, ExplainDialog, type ExplainTarget } from './ExplainDialog.tsx';
import { LiveRegion } from './LiveRegion.tsx';
import { MigrationNotice, type LoadNotice } from './MigrationNotice.tsx';
import { QuantityField } from './QuantityField.tsx';
import { SelectionSummary, describeValue } from './SelectionSummary.tsx';
import { StepNav, steps as stepsOf } from './StepNav.tsx';
import { SoftButton } from './SoftButton.tsx';
import { Toolbar } from './Toolbar.tsx';
import { valueState, WidgetProvider, type WidgetContextValue } from './WidgetContext.tsx';

/** What the body needs besides the store: the ready engine and the host's options. */
export interface ConfiguratorBodyProps {
  model: ProductModel;
  client: EngineClient;
  plan: LoadPlan;
  layout: 'steps' | 'all';
  urlKey: string | false;
  panelBase: Omit<
    ConfiguratorPanelContext,
    'model' | 'selection' | 'quantity' | 'complete' | 'announce'
  >;
  valueExtras: ValueExtrasFn | undefined;
  panels: ((context: ConfiguratorPanelContext) => ReactNode) | undefined;
  onChange: ((selection: Selection, info: { complete: boolean }) => void) | undefined;
  /** Called once, when the first domains are on screen (the widget is usable). */
  onReady?: (() => void) | undefined;
}

/** The loaded widget: steps, fields, summary, panel slot, explanation dialog and live region. */
export function ConfiguratorBody(props: ConfiguratorBodyProps) {
  const { model, client, plan, layout, urlKey, panelBase, valueExtras, panels, onChange } = props;
  const store = useConfiguratorStore();
  const stored = useConfigurator((s) => s.selection);
  const quantity = useConfigurator((s) => s.quantity);
  const recency = useConfigurator((s) => s.recency);
  const stepId = useConfigurator((s) => s.step);
  const derived = useMemo(() => deriveSelection(model, stored), [model, stored]);
  const { domains, pending } = useDomains(client, derived.solver);
  const [message, setMessage] = useState('');
  const [target, setTarget] = useState<ExplainTarget>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<LoadNotice>();
  const titleId = useId();
  const t = useMessages(panelBase.locale);
  // After a step change the new step's heading takes focus, so keyboard users continue there.
  // Looked up in the form's own root: inside the embed's shadow root `document` cannot see it.
  const focusStep = useRef<string | undefined>(undefined);
  const formRef = useRef<HTMLFormElement>(null);
  // Kept until the heading is there: a render committed before the step's own (another update
  // in flight) must not use the request up.
  useEffect(() => {
    if (focusStep.current === undefined) return;
    const root = formRef.current?.getRootNode() as Document | ShadowRoot | undefined;
    const heading = root?.getElementById(`${titleId}-${focusStep.current}`);
    if (!heading) return;
    heading.focus();
    focusStep.current = undefined;
  });

  // Once per mount: drop (and name) loaded choices that no longer fit together.
  const reconciled = useRef(false);
  useEffect(() => {
    if (reconciled.current) return;
    reconciled.current = true;
    const first = deriveSelection(model, store.getState().selection).solver;
    void client.reconcile(first, []).then((repair) => {
      const conflicts = repair.changes.map((c) => ({
        attribute: c.attribute,
        label: model.attributes.find((a) => a.id === c.attribute)?.label ?? c.attribute,
        value: c.from === undefined ? '' : describeValue(model, c.attribute, c.from, t),
        reason: 'conflict' as const,
      }));
      if (repair.changes.length > 0)
        store.getState().load(applyChanges(store.getState().selection, repair.changes));
      const dropped = [...plan.dropped, ...conflicts];
      if (plan.source !== 'none' && (dropped.length > 0 || plan.fromVersion))
        setNotice({
          source: plan.source,
          fromVersion: plan.fromVersion,
          toVersion: model.version,
          dropped,
        });
    });
  }, [client, model, plan, store, t]);

  const steps = useMemo(() => stepsOf(model, derived), [model, derived]);
  const complete =
    steps.every((s) => s.state === 'complete') &&
    derived.underMin.size === 0 &&
    derived.malformed.size === 0;

  useEffect(() => {
    if (urlKey !== false) writeUrlSelection(urlKey, model, derived.shown, quantity);
  }, [urlKey, model, derived.shown, quantity]);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  useEffect(() => {
    onChangeRef.current?.(derived.shown, { complete });
  }, [derived.shown, complete]);
  const onReadyRef = useRef(props.onReady);
  useEffect(() => {
    onReadyRef.current = props.onReady;
  }, [props.onReady]);
  const readied = useRef(false);
  useEffect(() => {
    if (readied.current || domains === undefined) return;
    readied.current = true;
    onReadyRef.current?.();
  }, [domains]);

  const announce = useCallback((m: string) => setMessage(m), []);
  const panel = useMemo(
    (): ConfiguratorPanelContext => ({
      ...panelBase,
      model,
      selection: derived.shown,
      quantity,
      setQuantity: store.getState().setQuantity,
      complete,
      announce,
    }),
    [panelBase, model, derived.shown, quantity, complete, announce, store],
  );

  /**
   * Commits a change the domains cannot vouch for (a multi item removed, a multi reaching its min):
   * the engine keeps the new choice and drops what no longer fits, named in the live region.
   */
  const commitChecked = useCallback(
    (attribute: Attribute, value: Selection[string], message: string) => {
      const { selection, recency: order } = store.getState();
      const next = { ...selection, [attribute.id]: value };
      const newest = [...order.filter((id) => id !== attribute.id), attribute.id];
      void client.reconcile(deriveSelection(model, next).solver, newest).then((repair) => {
        store.getState().replace(applyChanges(next, repair.changes), [attribute.id]);
        const label = (id: string) => model.attributes.find((a) => a.id === id)?.label ?? id;
        const cleared = repair.changes.map((c) => label(c.attribute));
        announce(
          cleared.length === 0
            ? message
            : t('announce.alsoCleared', { message, cleared: cleared.join(', ') }),
        );
      });
    },
    [store, client, model, announce, t],
  );

  const pick = useCallback(
    (attribute: Attribute, key: string) => {
      const { select } = store.getState();
      // Stale domains (a worker answer on its way) cannot vouch for a value: ask the engine.
      const fresh = !pending && domains !== undefined;
      const state = valueState(domains, attribute.id, key);
      if (attribute.type === 'multi') {
        const current = derived.shown[attribute.id];
        const chosen = Array.isArray(current) ? (current as readonly string[]) : [];
        const label = attribute.values.find((v) => v.id === key)?.label ?? key;
        if (chosen.includes(key))
          return commitChecked(
            attribute,
            chosen.filter((k) => k !== key),
            t('announce.removed', { attribute: attribute.label, value: label }),
          );
        const next = attribute.values
          .map((v) => v.id)
          .filter((id) => id === key || chosen.includes(id));
        const message = t('announce.added', { attribute: attribute.label, value: label });
        const below = derived.underMin.has(attribute.id);
        // Still below min: not given to the solver yet (see deriveSelection).
        if (next.length < (attribute.min ?? 0)) {
          select(attribute.id, next);
          return announce(message);
        }
        // An assigned set: the domains are exact for "the set plus this item".
        if (Array.isArray(current) && !below && fresh) {
          if (state !== 'available') return setTarget({ attribute, key });
          select(attribute.id, next);
          return announce(message);
        }
        if (below) return commitChecked(attribute, next, message);
        // An unassigned multi ("some valid set has it") or stale domains: the engine's repair
        // picks the set; anything beyond this attribute goes through the explanation.
        client.repair(derived.solver, attribute.id, key, store.getState().recency).then(
          (repair) => {
            if (!repair.changes.every((c) => c.attribute === attribute.id))
              return setTarget({ attribute, key });
            const latest = store.getState();
            latest.replace(applyChanges(latest.selection, repair.changes), [attribute.id]);
            announce(message);
          },
          () => setTarget({ attribute, key }),
        );
        return;
      }
      if (state === 'selected') return;
      const value = keyToValue(attribute, key);
      const choose = () => {
        select(attribute.id, value);
        announce(
          t('announce.chosen', {
            attribute: attribute.label,
            value: describeValue(model, attribute.id, value, t),
          }),
        );
      };
      if (fresh) return state === 'available' ? choose() : setTarget({ attribute, key });
      client.repair(derived.solver, attribute.id, key, store.getState().recency).then(
        (repair) =>
          repair.changes.every((c) => c.attribute === attribute.id)
            ? choose()
            : setTarget({ attribute, key }),
        () => setTarget({ attribute, key }),
      );
    },
    [store, derived, domains, pending, client, model, announce, commitChecked, t],
  );

  const apply = (repair: Repair, asked: ExplainTarget) => {
    const state = store.getState();
    state.replace(applyChanges(state.selection, repair.changes), [asked.attribute.id]);
    setTarget(undefined);
    const label = (id: string) => model.attributes.find((a) => a.id === id)?.label ?? id;
    const changes = repair.changes.map((c) =>
      t('announce.change', {
        attribute: label(c.attribute),
        value:
          c.to === undefined ? t('value.notChosen') : describeValue(model, c.attribute, c.to, t),
      }),
    );
    announce(t('announce.changed', { changes: changes.join(', ') }));
  };

  const completeFor = (objective: CompletionObjective) => {
    const costs: Record<string, Record<string, number>> = {};
    if (objective !== 'defaults' && valueExtras)
      for (const a of model.attributes) {
        const row: Record<string, number> = {};
        for (const key of valueKeys(a)) {
          const extras = valueExtras(a, key, panel);
          const figure = objective === 'cheapest' ? extras?.cost : extras?.days;
          if (figure !== undefined) row[key] = figure;
        }
        costs[a.id] = row;
      }
    setBusy(true);
    client
      .complete(derived.solver, objective, costs as ValueCosts)
      .then((result) => {
        const state = store.getState();
        state.replace({ ...state.selection, ...result }, []);
        announce(t('announce.completed'));
      })
      .catch((error: unknown) => announce(t('announce.completeFailed', { message: String(error) })))
      .finally(() => setBusy(false));
  };

  const context: WidgetContextValue = {
    model,
    client,
    derived,
    domains,
    pending,
    panel,
    valueExtras,
    t,
    pick,
  };
  const current = steps.find((s) => s.id === stepId) ?? steps[0];
  const index = current ? steps.indexOf(current) : -1;
  const shownSteps = layout === 'all' ? steps : current ? [current] : [];
  const goTo = (id: string) => {
    store.getState().setStep(id);
    focusStep.current = id;
  };

  return (
    <WidgetProvider value={context}>
      <div
        className="madeto-layout"
        data-state={complete ? 'valid' : 'incomplete'}
        data-engine={client.mode}
        data-pending={pending || undefined}
      >
        <header className="madeto-header">
          <h2 id={titleId}>{model.name}</h2>
          <Toolbar onComplete={completeFor} busy={busy} />
        </header>
        {notice && <MigrationNotice notice={notice} onDismiss={() => setNotice(undefined)} />}
        {layout === 'steps' && current && (
          <StepNav steps={steps} current={current.id} onStep={goTo} />
        )}
        <form
          ref={formRef}
          className="madeto-steps"
          aria-labelledby={titleId}
          onSubmit={(e) => e.preventDefault()}
        >
          {shownSteps.map((step) => (
            <section
              key={step.id}
              className="madeto-group"
              data-state={step.state}
              aria-labelledby={`${titleId}-${step.id}`}
            >
              <h3 id={`${titleId}-${step.id}`} tabIndex={-1}>
                {step.label}
              </h3>
              {step.attributes.map((a) => (
                <AttributeField key={a.id} attribute={a} />
              ))}
            </section>
          ))}
          {layout === 'steps' && steps.length > 1 && (
            <div className="madeto-step-actions">
              <SoftButton off={index <= 0} onClick={() => goTo(steps[index - 1]!.id)}>
                {t('steps.back')}
              </SoftButton>
              <SoftButton
                off={index >= steps.length - 1}
                onClick={() => goTo(steps[index + 1]!.id)}
              >
                {t('steps.next')}
              </SoftButton>
            </div>
          )}
        </form>
        <aside className="madeto-aside" aria-label={t('widget.summary')}>
          {/* With panels the price panel owns the quantity (and its tier hints). */}
          {!panels && <QuantityField />}
          <SelectionSummary />
          {panels && <div className="madeto-panels">{panels(panel)}</div>}
        </aside>
        <LiveRegion message={message} />
        {target && (
          <ExplainDialog
            target={target}
            recency={recency}
            onApply={apply}
            onClose={() => setTarget(undefined)}
          />
        )}
      </div>
    </WidgetProvider>
  );
}
