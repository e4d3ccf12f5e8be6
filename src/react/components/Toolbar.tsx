import type { CompletionObjective } from '../engine/engineOps.ts';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';
import { SoftButton } from './SoftButton.tsx';
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
      <SoftButton off={!canUndo} onClick={undo}>
        {t('toolbar.undo')}
      </SoftButton>
      <SoftButton off={!canRedo} onClick={redo}>
        {t('toolbar.redo')}
      </SoftButton>
      <span className="madeto-toolbar-group" role="group" aria-label={t('toolbar.completeGroup')}>
        <SoftButton off={busy} onClick={() => onComplete('defaults')}>
          {t('toolbar.complete')}
        </SoftButton>
        <SoftButton off={busy} onClick={() => onComplete('cheapest')}>
          {t('toolbar.cheapest')}
        </SoftButton>
        <SoftButton off={busy} onClick={() => onComplete('fastest')}>
          {t('toolbar.fastest')}
        </SoftButton>
      </span>
      <SoftButton off={!hasChoices} onClick={reset}>
        {t('toolbar.reset')}
      </SoftButton>
    </div>
  );
}
