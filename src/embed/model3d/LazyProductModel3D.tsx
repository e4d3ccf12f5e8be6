import { useState, type ComponentType } from 'react';
import type { ProductModel3DProps } from '../../react/components/ProductModel3D.tsx';
import { useMessages } from '../../react/i18n/messages.ts';
import { splitFileLoader } from '../split/loadSplitFile.ts';
import { useSplitFile } from '../split/useSplitFile.ts';
import { model3dModules } from './model3dModules.ts';

declare const __MADETO_MODEL3D__: string | undefined;

const model3d = splitFileLoader<ComponentType<ProductModel3DProps>>({
  // The 3D button file's content-hashed name (set by the shop app's build; absent unbundled).
  file: typeof __MADETO_MODEL3D__ === 'string' ? __MADETO_MODEL3D__ : undefined,
  event: 'madeto-model3d',
  what: 'the 3D view',
  modules: model3dModules,
  pick: (exports) =>
    typeof exports.ProductModel3D === 'function'
      ? (exports.ProductModel3D as ComponentType<ProductModel3DProps>)
      : undefined,
});

/**
 * What the shop app has in place of `src/react/components/ProductModel3D.tsx` (swapped in by
 * `build.ts`; rendered only for a product with a `model3d`): the 3D button, loaded from
 * `madeto-model3d.<hash>.js` beside the app when the page is first idle or on the buyer's first
 * press of "View in 3D", whichever is first. Until then the same button stands in its place; a
 * press before the file has arrived loads it and starts the 3D view once it has. If the file does
 * not load after a press, the reason is shown with a retry; an idle fetch that fails is only
 * logged (the next press tries again).
 */
export function ProductModel3D(props: ProductModel3DProps) {
  const t = useMessages(props.locale ?? 'en');
  const { value: Real, state, error, load } = useSplitFile(model3d, { idle: true });
  const [pressed, setPressed] = useState(false);
  if (Real) return <Real {...props} autoStart={props.autoStart || pressed} />;
  const failure = pressed && state === 'failed' ? error : undefined;
  const press = () => {
    setPressed(true);
    load();
  };
  return (
    <div className="madeto-model3d" data-state={failure ? 'error' : pressed ? 'loading' : 'idle'}>
      {failure ? (
        <div className="madeto-model3d-error" role="alert">
          <p>{t('model3d.error', { message: failure.message })}</p>
          <button type="button" onClick={press}>
            {t('model3d.retry')}
          </button>
        </div>
      ) : pressed ? (
        <p className="madeto-model3d-status" role="status">
          {t('model3d.loading')}
        </p>
      ) : (
        <div className="madeto-model3d-status">
          <button type="button" className="madeto-model3d-start" onClick={press}>
            {t('model3d.show')}
          </button>
        </div>
      )}
    </div>
  );
}
