import { useId, type ReactNode } from 'react';

/**
 * A button that is unavailable without leaving the tab order: `aria-disabled` instead of
 * `disabled`, and its click ignored while off. A `disabled` button that has the focus (Undo after
 * the last undo, Next on the last step, "Complete for me" while it runs) drops the focus to the
 * page's `<body>`; this one keeps it, and screen readers still say "dimmed"/"unavailable".
 * While off, `reason` is shown right after it and is its description (a disabled action always
 * says why, next to it). `tabIndex` is for roving focus in a toolbar.
 */
export function SoftButton(props: {
  off: boolean;
  onClick: () => void;
  /** Why the button is off, shown next to it while it is. */
  reason?: string | undefined;
  tabIndex?: number;
  children: ReactNode;
}) {
  const id = useId();
  const why = props.off && props.reason ? props.reason : undefined;
  return (
    <>
      <button
        type="button"
        aria-disabled={props.off || undefined}
        aria-describedby={why ? id : undefined}
        tabIndex={props.tabIndex}
        onClick={props.off ? undefined : props.onClick}
      >
        {props.children}
      </button>
      {why && (
        <span id={id} className="madeto-why">
          {why}
        </span>
      )}
    </>
  );
}
