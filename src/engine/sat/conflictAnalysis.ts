import type { Lit } from './literals.ts';
import type { Propagator } from './Propagator.ts';

/**
 * First-UIP analysis of conflict clause `confl`: the learned clause (asserting literal first,
 * minimised by self-subsumption) and the level to jump back to. Bumps the activities of the
 * clauses and variables involved.
 *
 * @example
 * const [learnt, back] = analyze(solver, conflict); // then cancelUntil(back), assert learnt[0]
 */
export function analyze(s: Propagator, confl: number): [Lit[], number] {
  const out: Lit[] = [0];
  let pathC = 0;
  let p = -1;
  let index = s.trail.length - 1;
  const level = s.trailLim.length;
  const toClear: number[] = [];
  do {
    const c = s.clauses[confl]!;
    s.store.bump(confl);
    for (let k = p === -1 ? 0 : 1; k < c.length; k++) {
      const q = c[k]!;
      const v = q >> 1;
      if (s.seen[v] || s.levelOf[v] === 0) continue;
      s.seen[v] = 1;
      toClear.push(v);
      s.order.bump(v);
      if (s.levelOf[v]! >= level) pathC++;
      else out.push(q);
    }
    while (!s.seen[s.trail[index]! >> 1]) index--;
    p = s.trail[index--]!;
    confl = s.reason[p >> 1]!;
    s.seen[p >> 1] = 0;
    pathC--;
    if (pathC > 0) {
      // the reason clause keeps its implied literal first
      const c2 = s.clauses[confl]!;
      if (c2[0] !== p) {
        const at = c2.indexOf(p);
        c2[at] = c2[0]!;
        c2[0] = p;
      }
    }
  } while (pathC > 0);
  out[0] = p ^ 1;
  // minimisation: drop literals whose reason is subsumed by the clause
  const kept = [out[0]!];
  for (let k = 1; k < out.length; k++) {
    const v = out[k]! >> 1;
    const r = s.reason[v]!;
    if (r < 0) kept.push(out[k]!);
    else {
      const c = s.clauses[r]!;
      let redundant = true;
      for (let m = 0; m < c.length; m++) {
        const u = c[m]! >> 1;
        if (u !== v && !s.seen[u] && s.levelOf[u]! > 0) {
          redundant = false;
          break;
        }
      }
      if (!redundant) kept.push(out[k]!);
    }
  }
  for (const v of toClear) s.seen[v] = 0;
  let back = 0;
  if (kept.length > 1) {
    let max = 1;
    for (let k = 2; k < kept.length; k++)
      if (s.levelOf[kept[k]! >> 1]! > s.levelOf[kept[max]! >> 1]!) max = k;
    [kept[1], kept[max]] = [kept[max]!, kept[1]!];
    back = s.levelOf[kept[1]! >> 1]!;
  }
  return [kept, back];
}

/**
 * The assumptions responsible for assumption `a` being false (MiniSat's analyzeFinal): `a` and
 * the assumptions on the trail whose propagation made `¬a`.
 *
 * @example
 * solver.failed = analyzeFinal(solver, a, assumptions);
 */
export function analyzeFinal(s: Propagator, a: Lit, assumptions: readonly Lit[]): Lit[] {
  const p = a ^ 1;
  const assumed = new Set(assumptions);
  const out = new Set<Lit>([a]);
  if (s.trailLim.length === 0) return [...out];
  s.seen[p >> 1] = 1;
  for (let k = s.trail.length - 1; k >= s.trailLim[0]!; k--) {
    const v = s.trail[k]! >> 1;
    if (!s.seen[v]) continue;
    const r = s.reason[v]!;
    if (r < 0) {
      if (s.levelOf[v]! > 0 && assumed.has(s.trail[k]!)) out.add(s.trail[k]!);
    } else {
      const c = s.clauses[r]!;
      for (let m = 1; m < c.length; m++) if (s.levelOf[c[m]! >> 1]! > 0) s.seen[c[m]! >> 1] = 1;
    }
    s.seen[v] = 0;
  }
  s.seen[p >> 1] = 0;
  return [...out];
}
