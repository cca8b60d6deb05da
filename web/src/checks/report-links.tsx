import { readBasePath } from '../api/base-path.js';

/** Downloads of one run: the JSON for tools, the printable page as proof of a good connection. */
export function ReportLinks({ runId }: { runId: string }) {
  const base = `${readBasePath()}/api/checks/amazon/runs/${encodeURIComponent(runId)}/report`;
  return (
    <span className="report-links">
      <span className="report-links-label">Export report:</span>
      <a className="button button-small" href={`${base}.json`} download>
        JSON
      </a>
      <a className="button button-small" href={`${base}.html`} download>
        Printable HTML
      </a>
    </span>
  );
}
