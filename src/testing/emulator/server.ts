/** `NeptuneEmulator`: the HTTP server, its request pipeline with faults applied, and the admin API. */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatedClock } from './clock';
import { injectedError, withUnknownImportOption, withUnknownStatus } from './fault-answers';
import { DEFAULT_UNKNOWN_STATUS, FaultInjector, isErrorFaultKind, type Fault } from './faults';
import { readBody, regionFromAuthorization } from './http-request';
import { createRandom, randomUuid, type Random } from './ids';
import { graphOutput, importTaskOutput } from './operation-output';
import { runOperation, type OperationResult } from './operations';
import { RequestLog, type RequestFilter, type RequestRecord } from './request-log';
import { matchRoute } from './routes';
import {
  validateFault,
  validateScenario,
  validateScenarioGraph,
  validateScenarioTask,
  type Scenario,
  type ScenarioGraph,
  type ScenarioTask,
} from './scenario';
import { DEFAULT_SETTINGS, EmulatorState, type EmulatorSettings } from './state';
import {
  ServiceError,
  errorBody,
  truncatedJson,
  writeError,
  writeHtml,
  writeJson,
  writeJsonText,
} from './wire';

/** How `NeptuneEmulator.start` runs: where it listens, what it starts with, how fast time passes. */
export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Loaded before the server starts answering; the options below win over its fields. */
  scenario?: Scenario;
  /** Emulated seconds per real second. Default: the scenario's, else 1. */
  timeScale?: number;
  /** The real clock in epoch ms; inject one to make tests deterministic. */
  now?: () => number;
  /** Makes ids, request ids and fault rates repeatable. */
  seed?: number;
  /** Default true: StartImportTask on an unknown, well-formed graph id creates that graph. */
  autoCreateGraphs?: boolean;
  /** Emulated seconds in CANCELLING before CANCELLED. Default 30. */
  cancellingSeconds?: number;
  /** Region for graphs the request does not tell one for. Default us-east-1. */
  region?: string;
  accountId?: string;
}

/** The Neptune Analytics import-task control plane, emulated over HTTP (restJson1). */
export class NeptuneEmulator {
  private readonly state: EmulatorState;
  private readonly log = new RequestLog();
  private faults: FaultInjector;
  private idRandom: Random;
  private requestIdRandom: Random;
  private faultRandom: Random;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  /** Kept so `endpoint` still names the address after close (server.address() is null then). */
  private listeningPort = 0;

  private constructor(
    private readonly server: Server,
    private readonly clock: EmulatedClock,
    private readonly options: EmulatorOptions,
    seed: number | undefined,
  ) {
    this.idRandom = createRandom(seed, 'ids');
    this.requestIdRandom = createRandom(seed, 'requestIds');
    this.faultRandom = createRandom(seed, 'faults');
    this.faults = new FaultInjector(this.faultRandom);
    this.state = new EmulatorState(clock, () => this.idRandom(), this.settingsFor(undefined));
  }

  static async start(options: EmulatorOptions = {}): Promise<NeptuneEmulator> {
    const given = options.scenario === undefined ? undefined : validateScenario(options.scenario);
    // The options win over the same fields of the starting scenario (a later setScenario wins over both).
    const scenario: Scenario = { ...given };
    if (options.cancellingSeconds !== undefined) scenario.cancellingSeconds = options.cancellingSeconds;
    if (options.autoCreateGraphs !== undefined) scenario.autoCreateGraphs = options.autoCreateGraphs;
    const timeScale = options.timeScale ?? scenario.timeScale ?? 1;
    const clock = new EmulatedClock(options.now ?? Date.now, timeScale);
    const server = createServer({ keepAlive: true });
    const emulator = new NeptuneEmulator(server, clock, options, options.seed ?? scenario.seed);
    emulator.applyScenario(scenario, false);

    server.on('request', (req: IncomingMessage, res: ServerResponse) => emulator.onRequest(req, res));
    server.on('clientError', (_err, socket) => {
      // Malformed HTTP never reaches the request handler; answer like any HTTP server and move on.
      if (socket.writable)
        socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      else socket.destroy();
    });

    await emulator.listen(options.port ?? 0);
    return emulator;
  }

  private async listen(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, this.options.host ?? '127.0.0.1', () => {
        this.server.off('error', reject);
        this.listeningPort = (this.server.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /**
   * An outage of the endpoint: stops listening and drops every open connection, so that callers get
   * ECONNREFUSED (or a reset mid-request), while tasks, faults, the log and the clock carry on.
   */
  async goOffline(): Promise<void> {
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closing;
  }

  /** Ends an outage: listens again on the same port. */
  async goOnline(): Promise<void> {
    await this.listen(this.listeningPort);
  }

  get port(): number {
    return this.listeningPort;
  }

  /** `http://HOST:PORT`, ready for the SDK's `endpoint` or AWS_ENDPOINT_URL_NEPTUNE_GRAPH. */
  get endpoint(): string {
    const host = this.options.host ?? '127.0.0.1';
    const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${this.port}`;
  }

  private settingsFor(scenario: Scenario | undefined): EmulatorSettings {
    const settings: EmulatorSettings = {
      ...DEFAULT_SETTINGS,
      cancellingSeconds: scenario?.cancellingSeconds ?? DEFAULT_SETTINGS.cancellingSeconds,
      autoCreateGraphs: scenario?.autoCreateGraphs ?? DEFAULT_SETTINGS.autoCreateGraphs,
      defaultTimeline: scenario?.defaultTimeline ?? DEFAULT_SETTINGS.defaultTimeline,
      accountId: this.options.accountId ?? DEFAULT_SETTINGS.accountId,
      region: this.options.region ?? DEFAULT_SETTINGS.region,
    };
    if (scenario?.defaultDurationSeconds !== undefined)
      settings.defaultDurationSeconds = scenario.defaultDurationSeconds;
    return settings;
  }

  private applyScenario(scenario: Scenario, reseed: boolean): void {
    if (reseed && scenario.seed !== undefined) {
      this.idRandom = createRandom(scenario.seed, 'ids');
      this.requestIdRandom = createRandom(scenario.seed, 'requestIds');
      this.faultRandom = createRandom(scenario.seed, 'faults');
    }
    if (reseed && scenario.timeScale !== undefined) this.clock.setTimeScale(scenario.timeScale);
    this.state.reset(this.settingsFor(scenario));
    this.faults = new FaultInjector(this.faultRandom);
    for (const graph of scenario.graphs ?? []) this.state.addGraph(graph);
    for (const task of scenario.tasks ?? []) this.state.addTask(task);
    for (const fault of scenario.faults ?? []) this.faults.add(fault);
  }

  /** Replaces graphs, tasks, faults and settings; the request log and the clock carry on. */
  setScenario(scenario: Scenario): void {
    this.applyScenario(validateScenario(scenario), true);
  }

  addGraph(graph: ScenarioGraph = {}): string {
    const spec = validateScenarioGraph(graph);
    if (spec.graphId !== undefined && this.state.graphs.has(spec.graphId))
      throw new Error(`Graph ${spec.graphId} already exists`);
    return this.state.addGraph(spec).id;
  }

  /** Adds an import task (and its graph if needed); returns the task id. */
  addTask(task: ScenarioTask = {}): string {
    return this.state.addTask(validateScenarioTask(task)).id;
  }

  /** Marks the task DELETED from now on. */
  deleteTask(taskId: string): void {
    const task = this.state.tasks.get(taskId);
    if (!task) throw new Error(`Unknown task ${taskId}`);
    this.state.delete(task);
  }

  /** What GetImportTask would answer now, or undefined for an unknown task (no request is logged). */
  getTask(taskId: string): Record<string, unknown> | undefined {
    const task = this.state.tasks.get(taskId);
    return task ? importTaskOutput(this.state, task) : undefined;
  }

  /** What GetGraph would answer now, or undefined. */
  getGraph(graphId: string): Record<string, unknown> | undefined {
    const graph = this.state.graphs.get(graphId);
    return graph ? graphOutput(this.state, graph) : undefined;
  }

  addFault(fault: Fault): void {
    this.faults.add(validateFault(fault));
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** The faults that still have hits left. */
  get activeFaults(): Fault[] {
    return this.faults.list();
  }

  get timeScale(): number {
    return this.clock.timeScale;
  }

  setTimeScale(timeScale: number): void {
    if (!Number.isFinite(timeScale) || timeScale < 0)
      throw new Error(`timeScale must be a number >= 0, got ${timeScale}`);
    this.clock.setTimeScale(timeScale);
  }

  /** Moves emulated time forward at once. */
  advanceTime(emulatedSeconds: number): void {
    this.clock.advance(emulatedSeconds);
  }

  /** Emulated seconds since the emulator started. */
  get emulatedSeconds(): number {
    return this.clock.seconds();
  }

  get requests(): RequestRecord[] {
    return this.log.entries();
  }

  countRequests(filter: RequestFilter = {}): number {
    return this.log.count(filter);
  }

  clearRequests(): void {
    this.log.clear();
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const requestId = randomUuid(this.requestIdRandom);
    const record = this.log.begin({
      operation: 'UnknownOperation',
      at: this.clock.realMs(),
      httpStatus: 0,
      requestId,
    });
    this.handle(req, res, record).catch((err: unknown) => {
      // A bug in the emulator must not take the server down: answer 500 like the service would.
      if (!res.headersSent && !res.destroyed) {
        const message = err instanceof Error ? err.message : String(err);
        this.answerError(
          res,
          record,
          new ServiceError('InternalServerException', `Emulator error: ${message}`),
        );
      } else {
        res.destroy();
      }
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse, record: RequestRecord): Promise<void> {
    const { requestId } = record;
    const body = await readBody(req);
    const route = matchRoute(req.method, req.url);
    if (!route) {
      const error = new ServiceError(
        'UnknownOperationException',
        `No operation matches ${req.method ?? ''} ${req.url ?? ''}`,
      );
      return this.answerError(res, record, error);
    }
    record.operation = route.operation;
    if (route.taskIdentifier !== undefined) record.taskId = route.taskIdentifier;
    if (route.graphIdentifier !== undefined) record.graphId = route.graphIdentifier;
    const knownTask =
      route.taskIdentifier !== undefined ? this.state.tasks.get(route.taskIdentifier) : undefined;
    if (knownTask) record.graphId = knownTask.graphId;

    const faultRequest = {
      operation: route.operation,
      clockSeconds: knownTask ? this.state.taskElapsed(knownTask) : this.clock.seconds(),
      ...(route.taskIdentifier !== undefined ? { taskId: route.taskIdentifier } : {}),
    };
    const decision = this.faults.decide(faultRequest);
    if (decision.latencyMs > 0) {
      record.fault = 'latency';
      await this.sleep(decision.latencyMs);
      if (this.closed) return;
    }
    const fault = decision.fault;
    if (fault) record.fault = fault.kind;

    if (fault && isErrorFaultKind(fault.kind)) {
      const error = injectedError(fault.kind, route.operation, fault.message);
      return this.answerError(res, record, error, fault.retryAfterSeconds);
    }
    if (fault?.kind === 'html502' || fault?.kind === 'html503') {
      const status = fault.kind === 'html502' ? 502 : 503;
      writeHtml(res, status, requestId, fault.retryAfterSeconds);
      record.httpStatus = status;
      return;
    }
    if (fault?.kind === 'dropConnection') {
      req.socket.destroy();
      return;
    }

    let result: OperationResult | ServiceError;
    if (body.tooLarge) {
      result = new ServiceError('ValidationException', 'The request body is too large', 'BAD_REQUEST');
    } else {
      try {
        const region = regionFromAuthorization(req.headers.authorization);
        result = runOperation(this.state, {
          route,
          body: body.text,
          ...(region !== undefined ? { region } : {}),
        });
      } catch (err) {
        if (!(err instanceof ServiceError)) throw err;
        result = err;
      }
    }

    if (fault?.kind === 'slowAnswer') {
      await this.sleep(fault.latencyMs ?? 0);
      if (this.closed) return;
    }
    if (fault?.kind === 'malformedJson') {
      // The operation took effect; only the answer is mangled, as a broken proxy would.
      writeJsonText(
        res,
        200,
        truncatedJson(result instanceof ServiceError ? errorBody(result) : result.body),
        requestId,
      );
      record.httpStatus = 200;
      return;
    }
    if (result instanceof ServiceError) return this.answerError(res, record, result);

    if (result.taskId !== undefined) record.taskId = result.taskId;
    if (result.graphId !== undefined) record.graphId = result.graphId;
    let out = result.body;
    if (fault?.kind === 'unknownStatus') out = withUnknownStatus(out, fault.status ?? DEFAULT_UNKNOWN_STATUS);
    if (fault?.kind === 'unknownImportOption') out = withUnknownImportOption(out);
    writeJson(res, result.status, out, requestId);
    record.httpStatus = result.status;
    if (typeof out.status === 'string') record.answeredStatus = out.status;
  }

  private answerError(
    res: ServerResponse,
    record: RequestRecord,
    error: ServiceError,
    retryAfterSeconds?: number,
  ): void {
    writeError(res, error, record.requestId, retryAfterSeconds);
    record.httpStatus = error.status;
    record.errorType = error.errorType;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Stops listening and closes every connection, idle keep-alive ones included. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const closing = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closing;
  }
}
