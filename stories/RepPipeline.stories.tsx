import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import type { ReactNode } from 'react';
import { ApprovalQueue } from '../src/react/rep/ApprovalQueue.tsx';
import { Pipeline } from '../src/react/rep/Pipeline.tsx';
import type { PipelineApi } from '../src/react/rep/pipelineApi.ts';
import { approvalItems, memoryPipelineApi, pipelineItems } from '../test/rep/repStubs.ts';
import '../src/react/styles/madeto.css';
import '../src/react/styles/rep.css';

/** A fresh query cache per rendering (the components read through react-query). */
const Cache = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: 0 } } })}>
    <div className="madeto madeto-rep-app">{children}</div>
  </QueryClientProvider>
);
const failing: PipelineApi = {
  page: () => Promise.reject(new Error('GET /api/pipeline answered 503')),
  approvals: () => Promise.reject(new Error('GET /api/approvals answered 503')),
};
const pending: PipelineApi = {
  page: () => new Promise(() => {}),
  approvals: () => new Promise(() => {}),
};

/**
 * The rep's inbox and pipeline (buyer requests, quotes, orders: search, filters, pages, convert,
 * open) and a manager's approval queue, on stand-in answers.
 */
const meta = {
  title: 'Rep/Pipeline',
  component: Pipeline,
  args: {
    api: memoryPipelineApi(pipelineItems, approvalItems),
    onOpen: fn(),
    onConvert: fn(),
  },
  render: (args) => (
    <Cache>
      <Pipeline {...args} />
    </Cache>
  ),
} satisfies Meta<typeof Pipeline>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Listed: Story = {};
export const Empty: Story = { args: { api: memoryPipelineApi([]) } };
/** Two rows a page: "Next page" leads on. */
export const Paged: Story = { args: { pageSize: 2 } };
export const Converting: Story = { args: { converting: 'Q-2026-000004' } };
export const German: Story = { args: { locale: 'de-DE' } };
export const Failed: Story = { args: { api: failing } };
/** The manager's approval queue: one to approve, one of their own (disabled, saying why). */
export const Approvals: Story = {
  render: (args) => (
    <Cache>
      <ApprovalQueue api={args.api} approve={async () => ({})} onOpen={args.onOpen} />
    </Cache>
  ),
};

const states = [
  ['listed', {}],
  ['empty', { api: memoryPipelineApi([]) }],
  ['loading', { api: pending }],
  ['error', { api: failing }],
  ['paged', { pageSize: 2 }],
  ['german', { locale: 'de-DE' }],
] as const;
/** Every state on one page: listed, empty, loading, error, paged, German, and the queue. */
export const AllStates: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 24 }}>
      {states.map(([name, over]) => (
        <figure key={name} data-story-state={name} style={{ margin: 0 }}>
          <figcaption>{name}</figcaption>
          <Cache>
            <Pipeline {...args} {...over} />
          </Cache>
        </figure>
      ))}
      <figure data-story-state="approval-queue" style={{ margin: 0 }}>
        <figcaption>approval queue</figcaption>
        <Cache>
          <ApprovalQueue api={args.api} approve={async () => ({})} onOpen={args.onOpen} />
        </Cache>
      </figure>
    </div>
  ),
};
