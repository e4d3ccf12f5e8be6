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

/** `text` cut to `max` characters with an ellipsis. */
const end = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…` : text;

/**
 * A category label ("Attribute: value") cut to `max` characters, the value kept whole where it
 * can be (two bars "Cable tray under…: yes" / "…: no" stay apart); the tooltip and the table beside
 * keep the whole label.
 */
const cut = (label: string, max: number) => {
  if (label.length <= max) return label;
  const at = label.indexOf(': ');
  if (at < 0) return end(label, max);
  const value = end(label.slice(at + 2), Math.max(8, max - 10));
  return `${end(label.slice(0, at), max - value.length - 2)}: ${value}`;
};

/**
 * A Chart.js canvas, the library loaded on first use (its own chunk, never in the shop's bundle).
 * The chart is an image for sighted readers: `label` names it, and every chart on the dashboard
 * has a table with the same figures beside it.
 */
export function InsightsChart({ spec, label }: { spec: ChartSpec; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const empty = spec.labels.length === 0;
  useEffect(() => {
    let chart: { destroy: () => void } | undefined;
    let cancelled = false;
    if (empty) return;
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
            // Long option names beside horizontal bars are cut to what the chart's width holds
            // (Chart.js gives labels about 40 % of it and clipped the rest at the canvas's edge,
            // "aterial: Carbon T800 monocoque"): about one character per 17 px.
            ...(spec.horizontal && {
              scales: {
                y: {
                  ticks: {
                    callback(
                      this: { getLabelForValue: (v: number) => string; chart: { width: number } },
                      v: string | number,
                    ) {
                      return cut(
                        this.getLabelForValue(Number(v)),
                        Math.max(16, Math.floor(this.chart.width / 17)),
                      );
                    },
                  },
                },
              },
            }),
          },
        });
        setState('ready');
      })
      .catch(() => setState('error'));
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [spec, empty]);
  // Nothing to draw: say so rather than an empty grid (the table beside says it too).
  if (empty)
    return (
      <div className="insights-chart" data-state="empty">
        <p>Nothing to draw in this range.</p>
      </div>
    );
  return (
    <div className="insights-chart" data-state={state}>
      <canvas ref={canvas} role="img" aria-label={label} />
      {state === 'error' && (
        <p role="alert">The chart could not be drawn; the table has the figures.</p>
      )}
    </div>
  );
}
