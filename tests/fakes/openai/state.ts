import type { FakeAnswer } from './answer.js';
import { DEFAULT_MODEL_IDS } from './model-catalogue.js';

/** How the fake treats one API key. Everything is optional: `{}` is a healthy key with credit. */
export interface KeyProfile {
  /** What GET /v1/models lists and chat completions accept; a realistic default list otherwise. */
  models?: string[];
  /** The organization the key belongs to: an OpenAI-Organization header must name it. */
  organization?: string;
  /** The key's project: an OpenAI-Project header must name it. */
  project?: string;
  /** 'exhausted': completions answer 429 insufficient_quota; listing models still works, as it does at OpenAI. */
  quota?: 'ok' | 'exhausted';
  /** Completions answer 429 rate_limit_exceeded ("Please try again in 20s", x-ratelimit-* headers). */
  rateLimited?: boolean;
  /** Every request answers 403 unsupported_country_region_territory. */
  regionBlocked?: boolean;
  /** Listed, but completions answer 403 "You are not allowed to sample from this model". */
  deniedModels?: string[];
}

export type ResolvedKeyProfile = Readonly<Required<KeyProfile>>;

/** A service-wide failure answered to every request until cleared (set `state.outage = null`). */
export type FakeOutage =
  | { status: 500 }
  /** Cloudflare's HTML page, not JSON. */
  | { status: 502 }
  /** 'overloaded' (default): "The engine is currently overloaded…"; 'unavailable': Cloudflare's JSON "Service Unavailable". */
  | { status: 503; reason?: 'overloaded' | 'unavailable' };

/** One request as received, without the Authorization header. */
export interface LoggedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  /** The status answered. */
  status?: number;
}

export const DEFAULT_ORGANIZATION = 'org-FakeOrg0000000000000000';
export const DEFAULT_PROJECT = 'proj_FakeProject00000000000';

/**
 * The fake's memory. Tests change behaviour while it runs: keys (`setKey`), a service outage
 * (`outage`), slowness (`delayMs`) and one-off answers (`failNext`); they read `requests`.
 */
export class FakeOpenAiState {
  /** Answered to every request (before authentication) while set. */
  outage: FakeOutage | null = null;
  /** Wait before answering, for timeouts. */
  delayMs = 0;
  private readonly initialKeys: Readonly<Record<string, KeyProfile>>;
  private readonly keys = new Map<string, ResolvedKeyProfile>();
  private readonly queuedAnswers: FakeAnswer[] = [];
  private readonly log: LoggedRequest[] = [];

  constructor(keys: Record<string, KeyProfile>) {
    this.initialKeys = { ...keys };
    this.reset();
  }

  /** Adds a key or replaces its profile. */
  setKey(key: string, profile: KeyProfile = {}): void {
    this.keys.set(key, resolveProfile(profile));
  }

  profile(key: string): ResolvedKeyProfile | undefined {
    return this.keys.get(key);
  }

  /** The next request gets this answer, whatever it asks (queued: several calls answer several requests). */
  failNext(answer: FakeAnswer): void {
    this.queuedAnswers.push(answer);
  }

  takeQueuedAnswer(): FakeAnswer | undefined {
    return this.queuedAnswers.shift();
  }

  get requests(): readonly LoggedRequest[] {
    return this.log;
  }

  requestsTo(path: string): LoggedRequest[] {
    return this.log.filter((entry) => entry.path === path);
  }

  record(entry: LoggedRequest): void {
    this.log.push(entry);
  }

  /** Back to the keys given at start; no outage, no delay, no queued answers, empty log. */
  reset(): void {
    this.outage = null;
    this.delayMs = 0;
    this.queuedAnswers.length = 0;
    this.log.length = 0;
    this.keys.clear();
    for (const [key, profile] of Object.entries(this.initialKeys)) this.setKey(key, profile);
  }
}

function resolveProfile(profile: KeyProfile): ResolvedKeyProfile {
  return {
    models: profile.models ?? [...DEFAULT_MODEL_IDS],
    organization: profile.organization ?? DEFAULT_ORGANIZATION,
    project: profile.project ?? DEFAULT_PROJECT,
    quota: profile.quota ?? 'ok',
    rateLimited: profile.rateLimited ?? false,
    regionBlocked: profile.regionBlocked ?? false,
    deniedModels: profile.deniedModels ?? [],
  };
}
