import type { GeoEdition } from '../../../src/domain/geo/geo-gateway.js';

export interface FakeMaxMindAccount {
  accountId: string;
  licenseKey: string;
  /** Editions this account may download; all four by default. */
  editions?: string[];
  /** How the web service treats the account; 'ok' by default. */
  webService?: 'ok' | 'insufficient_funds' | 'permission_required';
}

/** One request as the fake received it: whether it carried credentials and for which account, never the key. */
export interface FakeMaxMindRequest {
  method: string;
  /** Path and query, e.g. `/geoip/databases/GeoLite2-City/download?suffix=tar.gz`. */
  path: string;
  hadAuthorization: boolean;
  accountId: string | null;
  status: number;
}

/** The fake's memory, with the knobs tests turn. */
export class FakeMaxMindState {
  /** The next archive served does not match the published checksum (bytes damaged in transit). */
  corruptNextArchive = false;
  /** While set, every request is answered with this status (503, 429 …). */
  outage: number | null = null;
  /** Runs when the archive is asked for, before it is sent: what happens on the engine's disk meanwhile (a file swapped for a link …). */
  duringArchive: (() => void) | null = null;
  readonly requests: FakeMaxMindRequest[] = [];
  /** Web-service queries left per account, as reported in `maxmind.queries_remaining`. */
  readonly queriesRemaining = new Map<string, number>();

  constructor(
    readonly accounts: FakeMaxMindAccount[],
    /** The .mmdb file served per edition; replace one to publish a new release. */
    readonly databases: Record<GeoEdition, string>,
  ) {}

  requestsTo(pathPrefix: string): FakeMaxMindRequest[] {
    return this.requests.filter((r) => r.path.startsWith(pathPrefix));
  }

  reset(): void {
    this.corruptNextArchive = false;
    this.outage = null;
    this.duringArchive = null;
    this.requests.length = 0;
    this.queriesRemaining.clear();
  }
}
