import { useEffect, useRef, useState } from 'react';

/** One chart: bars or lines over labels, one or more series. */
export interface ChartSpec {
  type: 'bar' | 'line';
  labels: string[];
  series: { label: string; data: number[] }[];
  /** Horizontal bars (long labels such as option names). */
  horizontal?: boolean;
}

const COLOURS = ['#2563eb', '#d97706', '#059669', '#7c3aed'];

/**
 * A Chart.js canvas, the library loaded on first use (its own chunk, never in the shop's bundle).
 * The chart is an image for sighted readers: `label` names it, and every chart on the dashboard
 * has a table with the same figures beside it.
 */
export function InsightsChart({ spec, label }: { spec: ChartSpec; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  useEffect(() => {
    let chart: { destroy: () => void } | undefined;
    let cancelled = false;
    void import('chart.js/auto')
      .then(({ default: Chart }) => {
        if (cancelled || !canvas.current) return;
        chart = new Chart(canvas.current, {
          type: spec.type,
          data: {
            labels: spec.labels,
            datasets: spec.series.map((s, i) => ({
              label: s.label,
              data: s.data,
              backgroundColor: COLOURS[i % COLOURS.length],
              borderColor: COLOURS[i % COLOURS.length],
            })),
          },
          options: {
            animation: false,
            maintainAspectRatio: false,
            indexAxis: spec.horizontal ? 'y' : 'x',
            plugins: { legend: { display: spec.series.length > 1 } },
          },
        });
        setState('ready');
      })
      .catch(() => setState('error'));
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [spec]);
  return (
    <div className="insights-chart" data-state={state}>
      <canvas ref={canvas} role="img" aria-label={label} />
      {state === 'error' && (
        <p role="alert">The chart could not be drawn; the table has the figures.</p>
      )}
    </div>
  );
}
