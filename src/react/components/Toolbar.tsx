import type { CompletionObjective } from '../engine/engineOps.ts';
import { useConfigurator } from '../store/ConfiguratorStoreContext.tsx';

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
  return (
    <div className="madeto-toolbar" role="toolbar" aria-label="Configuration tools">
      <button type="button" onClick={undo} disabled={!canUndo}>
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo}>
        Redo
      </button>
      <span className="madeto-toolbar-group" role="group" aria-label="Complete for me">
        <button type="button" onClick={() => onComplete('defaults')} disabled={busy}>
          Complete for me
        </button>
        <button type="button" onClick={() => onComplete('cheapest')} disabled={busy}>
          Cheapest
        </button>
        <button type="button" onClick={() => onComplete('fastest')} disabled={busy}>
          Fastest
        </button>
      </span>
      <button type="button" onClick={reset} disabled={!hasChoices}>
        Reset
      </button>
    </div>
  );
}
