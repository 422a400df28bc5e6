import { Alert } from 'antd';
import { useState, type CSSProperties } from 'react';
import { describeFailure } from '../api/errors';

/**
 * A page's actions (mutations) and the refusal of the last one, as the readable message the
 * subgraphs produce. `attempt` clears the previous refusal, runs the action, then `afterwards`
 * (a refetch, so the page shows what changed) and answers whether it all went through.
 */
export function useActionProblem(afterwards?: () => Promise<unknown>) {
  const [problem, setProblem] = useState<string>();
  const attempt = async (action: () => Promise<unknown>): Promise<boolean> => {
    setProblem(undefined);
    try {
      await action();
      await afterwards?.();
      return true;
    } catch (failure) {
      setProblem(describeFailure(failure).message);
      return false;
    }
  };
  return { problem, setProblem, attempt, clearProblem: () => setProblem(undefined) };
}

/** The last action's refusal, until the person closes it or tries again. */
export function ActionProblem({
  problem,
  onClose,
  style,
}: {
  problem: string | undefined;
  onClose: () => void;
  style?: CSSProperties;
}) {
  if (!problem) return null;
  return <Alert type="error" showIcon closable title={problem} onClose={onClose} style={style} />;
}
