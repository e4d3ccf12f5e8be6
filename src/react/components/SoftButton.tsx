import type { ReactNode } from 'react';

/**
 * A button that is unavailable without leaving the tab order: `aria-disabled` instead of
 * `disabled`, and its click ignored while off. A `disabled` button that has the focus (Undo after
 * the last undo, Next on the last step, "Complete for me" while it runs) drops the focus to the
 * page's `<body>`; this one keeps it, and screen readers still say "dimmed"/"unavailable".
 * `tabIndex` is for roving focus in a toolbar.
 */
export function SoftButton(props: {
  off: boolean;
  onClick: () => void;
  tabIndex?: number;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-disabled={props.off || undefined}
      tabIndex={props.tabIndex}
      onClick={props.off ? undefined : props.onClick}
    >
      {props.children}
    </button>
  );
}
