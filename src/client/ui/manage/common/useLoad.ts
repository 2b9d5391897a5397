import { useCallback, useEffect, useState } from 'preact/hooks';
import { type Problem, problemOf } from '../../../manage/problems.ts';

export interface Loaded<T> {
  data: T | undefined;
  problem: Problem | null;
  reload: () => void;
  setData: (data: T) => void;
}

/** Runs `load` when `deps` change (and on `reload`); an answer that arrives after a newer request is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setProblem(null);
    load().then(
      (value) => current && setData(() => value),
      (cause: unknown) => current && setProblem(problemOf(cause)),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const set = useCallback((value: T) => setData(() => value), []);
  return { data, problem, reload, setData: set };
}
