/**
 * The budget's measuring stick, not part of any product build: the fixed stack alone (React and
 * react-dom, react-hook-form with the zod resolver, TanStack Query, zustand, zod/mini), each used
 * once in one small form, and no Madeto code. `npm run size` builds it like the app (IIFE,
 * production, minified) and prints its gzipped size: what is left of the app's budget for the
 * engine and the widget is the budget minus this floor.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { QueryClient, QueryClientProvider, useMutation, useQuery } from '@tanstack/react-query';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import * as z from 'zod/mini';
import { create } from 'zustand';

z.config({ jitless: true });
const schema = z.object({
  name: z.string().check(z.minLength(1)),
  email: z.email(),
  quantity: z.number().check(z.int(), z.positive()),
});
const useCount = create<{ count: number; add: () => void }>((set) => ({
  count: 0,
  add: () => set((s) => ({ count: s.count + 1 })),
}));

function Floor() {
  const { register, handleSubmit, formState } = useForm({ resolver: zodResolver(schema) });
  const model = useQuery({
    queryKey: ['model'],
    queryFn: () => fetch('/model.json').then((r) => r.json() as Promise<unknown>),
  });
  const send = useMutation({
    mutationFn: (body: unknown) => fetch('/orders', { method: 'POST', body: JSON.stringify(body) }),
  });
  const { count, add } = useCount();
  const [open, setOpen] = useState(false);
  return (
    <form onSubmit={handleSubmit((values) => send.mutate(values))}>
      <input aria-label="Name" {...register('name')} />
      <p>{formState.errors.name?.message}</p>
      <p>{String(model.data)}</p>
      <button type="button" onClick={() => (add(), setOpen(!open))}>
        {count}
      </button>
    </form>
  );
}

const root = document.createElement('div');
document.body.append(root);
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={new QueryClient()}>
      <Floor />
    </QueryClientProvider>
  </StrictMode>,
);
