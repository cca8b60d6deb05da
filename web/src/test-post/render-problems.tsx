import type { AuditProblem } from '../api/render-types.js';

/** What the render found wrong, one line each: code, message and the markup concerned. */
export function RenderProblems({ problems }: { problems: readonly AuditProblem[] }) {
  if (!problems.length) {
    return <p className="render-problems-none">No problems found.</p>;
  }
  return (
    <ul className="render-problems">
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${index}`} className="render-problem" data-code={problem.code}>
          <code className="render-problem-code">{problem.code}</code> <span className="render-problem-message">{problem.message}</span>
          {problem.excerpt && <code className="render-problem-excerpt">{problem.excerpt}</code>}
        </li>
      ))}
    </ul>
  );
}
