import type { CompletionObjective } from '../engine/engineOps.ts';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';
import { useWidget } from './WidgetContext.tsx';

/** Undo / redo, "Complete for me" by objective, and reset. */
export function Toolbar({
  onComplete,
  busy,
}: {
  onComplete: (objective: CompletionObjective) => void;
  busy: boolean;
}) {
  const canUndo = useConfigurator((s) => s.past.length > 0);
  const canRedo = useConfigurator((s) => s.future.length > 0);
  const hasChoices = useConfigurator((s) => Object.keys(s.selection).length > 0);
  const undo = useConfigurator((s) => s.undo);
  const redo = useConfigurator((s) => s.redo);
  const reset = useConfigurator((s) => s.reset);
  const { t } = useWidget();
  return (
    <div className="madeto-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <button type="button" onClick={undo} disabled={!canUndo}>
        {t('toolbar.undo')}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo}>
        {t('toolbar.redo')}
      </button>
      <span className="madeto-toolbar-group" role="group" aria-label={t('toolbar.completeGroup')}>
        <button type="button" onClick={() => onComplete('defaults')} disabled={busy}>
          {t('toolbar.complete')}
        </button>
        <button type="button" onClick={() => onComplete('cheapest')} disabled={busy}>
          {t('toolbar.cheapest')}
        </button>
        <button type="button" onClick={() => onComplete('fastest')} disabled={busy}>
          {t('toolbar.fastest')}
        </button>
      </span>
      <button type="button" onClick={reset} disabled={!hasChoices}>
        {t('toolbar.reset')}
      </button>
    </div>
  );
}
