import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { StateMachine } from 'aws-local-stepfunctions';
import { keys } from '@pip/storage';
import { DAY } from '@pip/domain';

// aws-local-stepfunctions 3 calls Promise.withResolvers, which Node 20 lacks.
const promiseStatics = Promise as unknown as { withResolvers?: () => unknown };
promiseStatics.withResolvers ??= () => {
  let resolve!: (value: unknown) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** The events of the execution log this runner reads (the package does not export their types). */
type EventLog =
  | { type: 'StateEntered'; state: { name: string; input: unknown } }
  | { type: 'ExecutionSucceeded'; output: unknown }
  | { type: 'ExecutionFailed'; Error: string; Cause: unknown }
  | { type: string; state?: never };

type StateDefinition = Record<string, unknown> & { Type: string; Next?: string; Catch?: { ErrorEquals: string[]; Next: string; ResultPath?: string | null }[] };
export interface WorkflowDefinition {
  StartAt: string;
  States: Record<string, StateDefinition>;
}

/** Where an area's execution stands between runs, stored so a restart continues from there. */
interface ExecutionRecord {
  areaId: string;
  status: 'running' | 'waiting' | 'awaiting-staff' | 'succeeded' | 'failed';
  stateName: string;
  input: unknown;
  /** For a Wait state: when it ends, by the platform clock. */
  waitUntil?: string;
  /**
   * For a waitForTaskToken state: the token it waits on, and when it times out. Recorded `running`
   * with its token until the state's function has returned (it holds the token where staff use it),
   * and `awaiting-staff` only then: a restart runs again a step whose function may not have run.
   */
  token?: string;
  deadline?: string;
  updatedAt: string;
}

/** A staff step's token and deadline, kept from its first attempt through retries and restarts. */
interface StaffWait {
  stateName: string;
  token: string;
  deadline?: string;
}

export interface LocalAreaWorkflowOptions {
  definition: WorkflowDefinition;
  functionOfTask: Record<string, string>;
  invoke: (functionName: string, payload: unknown) => Promise<unknown>;
  documents: DynamoDBDocumentClient;
  tableName: string;
  now: () => Date;
}

/**
 * What the runners in this process did, for the benchmark's cost of an area's lifecycle: states
 * entered (Step Functions Standard bills each state transition), and task invocations with their time.
 */
export const localWorkflowCounts = {
  transitions: 0,
  tasks: 0,
  taskMs: 0,
  /** Runs each task's function: the benchmark wraps it to count the table calls of the workflow's functions apart from others. */
  aroundTask: <T>(run: () => Promise<T>): Promise<T> => run(),
};

const WAIT_FOR_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
/** Longer than any run takes to notice a Wait state and stop; the platform clock decides when it ends. */
const HELD_WAIT_MS = DAY;

/** When the clock next matters to an execution so recorded: a wait's end, a staff step's deadline; never while it runs or once it has ended. */
function dueOf(record: Pick<ExecutionRecord, 'status' | 'waitUntil' | 'deadline'>): number {
  if (record.status === 'waiting') return record.waitUntil ? Date.parse(record.waitUntil) : 0;
  if (record.status === 'awaiting-staff' && record.deadline) return Date.parse(record.deadline);
  return Number.POSITIVE_INFINITY;
}

function atPath(input: unknown, path: string): unknown {
  if (!path.startsWith('$')) throw new Error(`Unsupported path ${path}`);
  return path
    .slice(1)
    .split('.')
    .filter(Boolean)
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], input);
}

/**
 * Runs the area workflow on this machine with aws-local-stepfunctions, from the definition the CDK
 * stack synthesizes. An execution runs until it reaches a Wait state or a step that waits for
 * staff; there it stops and stores where it is. The platform clock ending the wait, or staff
 * answering the token, runs it on from that state. Because the stopping point is stored, a
 * restarted platform continues every unfinished area where it was.
 */
export class LocalAreaWorkflow {
  private readonly queues = new Map<string, Promise<void>>();
  /**
   * When each area's execution next needs the clock (its wait ends, its staff step times out), as this
   * runner last read or wrote its record: a tick reads only the areas due by then, not every area at
   * every move of the clock (fifty areas and hundreds of moves in a simulation; every two seconds with
   * `pnpm start`). Only this runner writes the records of the table it runs on; an area it has not
   * seen yet (after a restart) is read as before.
   */
  private readonly nextDue = new Map<string, number>();
  private readonly options: LocalAreaWorkflowOptions;
  private stopped = false;
  /** A run belongs to no request, as an execution in AWS does: it runs in the async context the runner was made in, not the one of the request that started or answered it. */
  private readonly detached = AsyncLocalStorage.snapshot();

  constructor(options: LocalAreaWorkflowOptions) {
    this.options = options;
    // Validated once as a whole; runs that resume mid-way start elsewhere, where earlier states look unreachable.
    new StateMachine(options.definition as never, { validationOptions: { checkPaths: false, checkArn: false } });
    for (const [name, state] of Object.entries(options.definition.States)) {
      if (state.Type === 'Task' && state.Resource === WAIT_FOR_TOKEN && state.ResultPath !== null) {
        throw new Error(`${name} must discard its result (ResultPath null) to be resumed locally`);
      }
    }
  }

  private async record(areaId: string): Promise<ExecutionRecord | undefined> {
    const { Item } = await this.options.documents.send(
      new GetCommand({ TableName: this.options.tableName, Key: keys.localExecution(areaId), ConsistentRead: true }),
    );
    if (Item) this.nextDue.set(areaId, dueOf(Item as ExecutionRecord));
    return Item as ExecutionRecord | undefined;
  }

  private async save(record: Omit<ExecutionRecord, 'updatedAt'>): Promise<void> {
    // Forgotten first: a write that fails leaves the area to be read again at the next tick.
    this.nextDue.delete(record.areaId);
    await this.options.documents.send(
      new PutCommand({
        TableName: this.options.tableName,
        Item: { ...keys.localExecution(record.areaId), type: 'local-execution', ...record, updatedAt: this.options.now().toISOString() },
      }),
    );
    this.nextDue.set(record.areaId, dueOf(record));
  }

  /** Claims an execution name for the area; false if it was used before, as AWS refuses a name twice. */
  private async claimName(areaId: string, name: string): Promise<boolean> {
    try {
      await this.options.documents.send(
        new PutCommand({ TableName: this.options.tableName, Item: { ...keys.localExecutionName(areaId, name), type: 'local-execution-name' }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  /** One thing at a time per area, as one execution would do. */
  private enqueue(areaId: string, work: () => Promise<void>): Promise<void> {
    const next = (this.queues.get(areaId) ?? Promise.resolve()).then(() => this.detached(work)).catch((error: unknown) => {
      console.error(`Local workflow of ${areaId} failed`, error);
    });
    this.queues.set(areaId, next);
    return next;
  }

  /** Resolves once nothing is queued or running for the area. */
  async idle(areaId: string): Promise<void> {
    let current: Promise<void> | undefined;
    while (current !== this.queues.get(areaId)) {
      current = this.queues.get(areaId);
      await current;
    }
  }

  /** Starts the area's one execution; starting it again does nothing, as with a named execution in AWS. */
  start(areaId: string): Promise<void> {
    return this.enqueue(areaId, async () => {
      if (await this.record(areaId)) return;
      const input = { areaId };
      await this.save({ areaId, status: 'running', stateName: this.options.definition.StartAt, input });
      await this.run(areaId, this.options.definition.StartAt, input);
    });
  }

  /** Runs the area's failed execution again from the start, once per attempt, as a new named execution in AWS would. */
  restart(areaId: string, attempt: string): Promise<void> {
    return this.enqueue(areaId, async () => {
      if ((await this.record(areaId))?.status !== 'failed' || !(await this.claimName(areaId, attempt))) return;
      const input = { areaId };
      await this.save({ areaId, status: 'running', stateName: this.options.definition.StartAt, input });
      await this.run(areaId, this.options.definition.StartAt, input);
    });
  }

  /** Staff answered the step this token belongs to: run on from the state after it. */
  continue(token: string): Promise<void> {
    const areaId = token.split('::')[0] ?? '';
    return this.enqueue(areaId, async () => {
      const record = await this.record(areaId);
      if (record?.status !== 'awaiting-staff' || record.token !== token) return;
      const next = this.options.definition.States[record.stateName]?.Next;
      if (!next) throw new Error(`${record.stateName} has no next state`);
      await this.save({ areaId, status: 'running', stateName: next, input: record.input });
      await this.run(areaId, next, record.input);
    });
  }

  /** Ends the waits that are over by the platform clock, and times out staff steps past their deadline. */
  async tick(areaIds: readonly string[]): Promise<void> {
    const now = this.options.now().getTime();
    await Promise.all(
      areaIds.map((areaId) =>
        this.enqueue(areaId, async () => {
          if (this.stopped || (this.nextDue.get(areaId) ?? 0) > now) return;
          const record = await this.record(areaId);
          if (!record) return;
          if (record.status === 'waiting' && record.waitUntil && Date.parse(record.waitUntil) <= now) {
            await this.save({ ...record, status: 'running' });
            await this.run(areaId, record.stateName, record.input, record.stateName);
          } else if (record.status === 'awaiting-staff' && record.deadline && Date.parse(record.deadline) <= now) {
            const catcher = this.options.definition.States[record.stateName]?.Catch?.find((candidate) => candidate.ErrorEquals.includes('States.Timeout'));
            if (!catcher) return;
            await this.save({ areaId, status: 'running', stateName: catcher.Next, input: record.input });
            await this.run(areaId, catcher.Next, record.input);
          }
        }),
      ),
    );
  }

  /**
   * After a restart: runs on every execution that was in the middle of a step. A staff step stopped
   * before its function returned runs again with the token it had, as AWS retries a Task's invocation
   * until it returns; the function holds the same token again, which changes nothing.
   */
  async resume(areaIds: readonly string[]): Promise<void> {
    await Promise.all(
      areaIds.map((areaId) =>
        this.enqueue(areaId, async () => {
          const record = await this.record(areaId);
          if (record?.status !== 'running') return;
          const staffWait = record.token ? { stateName: record.stateName, token: record.token, ...(record.deadline ? { deadline: record.deadline } : {}) } : undefined;
          await this.run(areaId, record.stateName, record.input, undefined, staffWait);
        }),
      ),
    );
  }

  stop(): void {
    this.stopped = true;
  }

  /** A new token for a staff step, and when the step times out by the platform clock. */
  private newStaffWait(areaId: string, stateName: string, state: StateDefinition): StaffWait {
    const timeoutSeconds = state.TimeoutSeconds as number | undefined;
    const deadline = timeoutSeconds ? new Date(this.options.now().getTime() + timeoutSeconds * 1000).toISOString() : undefined;
    return { stateName, token: `${areaId}::${randomUUID()}`, ...(deadline ? { deadline } : {}) };
  }

  private async run(areaId: string, startAt: string, input: unknown, endingWait?: string, staffWait?: StaffWait): Promise<void> {
    if (this.stopped) return;
    const { definition, functionOfTask, invoke } = this.options;
    const states = definition.States;
    const waitTimeOverrides: Record<string, number> = {};
    const taskResourceLocalHandlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    const retryIntervalOverrides: Record<string, number> = {};
    let execution: ReturnType<StateMachine['run']> | undefined;
    // One token per staff step of this run: a retried invocation, or a resumed one, holds the same token.
    const waits = new Map<string, StaffWait>(staffWait ? [[staffWait.stateName, staffWait]] : []);

    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Wait') waitTimeOverrides[name] = name === endingWait ? 0 : HELD_WAIT_MS;
      if (state.Type !== 'Task') continue;
      retryIntervalOverrides[name] = 50;
      const functionName = functionOfTask[name]!;
      taskResourceLocalHandlers[name] =
        state.Resource === WAIT_FOR_TOKEN
          ? async (parameters) => {
              const { Payload: payload } = parameters as { Payload: { state: unknown } };
              const wait = waits.get(name) ?? this.newStaffWait(areaId, name, state);
              waits.set(name, wait);
              const { stateName: _name, ...held } = wait;
              // Saved before the function runs, so a kill in between leaves a step to run again, not one to wait on.
              await this.save({ areaId, status: 'running', stateName: name, input: payload.state, ...held });
              const started = performance.now();
              await localWorkflowCounts.aroundTask(() => invoke(functionName, { ...payload, token: wait.token }));
              localWorkflowCounts.tasks += 1;
              localWorkflowCounts.taskMs += performance.now() - started;
              // Only now has the token reached where staff use it.
              await this.save({ areaId, status: 'awaiting-staff', stateName: name, input: payload.state, ...held });
              execution?.abort();
              return new Promise(() => undefined);
            }
          : async (payload) => {
              const started = performance.now();
              try {
                return await localWorkflowCounts.aroundTask(() => invoke(functionName, payload));
              } finally {
                localWorkflowCounts.tasks += 1;
                localWorkflowCounts.taskMs += performance.now() - started;
              }
            };
    }

    // The runner times staff steps out by the platform clock itself; the package's own timer would
    // overflow on a six-week timeout and fire at once.
    const runnable = Object.fromEntries(
      Object.entries(states).map(([name, state]) => {
        if (state.Resource !== WAIT_FOR_TOKEN) return [name, state];
        const { TimeoutSeconds: _timeout, ...rest } = state;
        return [name, rest];
      }),
    );
    const machine = new StateMachine({ ...definition, States: runnable, StartAt: startAt } as never, { validationOptions: { noValidate: true } });
    execution = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: taskResourceLocalHandlers as never, waitTimeOverrides, retryIntervalOverrides },
      noThrowOnAbort: true,
      context: { Task: { Token: `${areaId}::run` } } as never,
    });
    // A failed execution rejects its result; the failure is recorded from the event log instead.
    const finished = execution.result.catch(() => null);
    let enteredFirst = false;
    // A Wait whose time has already come (a resumed execution passing an old date) goes on at once, as in AWS.
    let dueWait: { name: string; input: unknown } | undefined;
    for await (const event of execution.eventLogs as unknown as AsyncGenerator<EventLog>) {
      if (event.type === 'StateEntered' && event.state) {
        const name = event.state.name;
        const state = states[name]!;
        const resumingThisWait = !enteredFirst && name === endingWait;
        // A Wait ended is entered again here, where AWS made one transition for it.
        if (!resumingThisWait) localWorkflowCounts.transitions += 1;
        enteredFirst = true;
        if (state.Type === 'Wait' && !resumingThisWait) {
          const waitUntil = String(atPath(event.state.input, String(state.TimestampPath)));
          await this.save({ areaId, status: 'waiting', stateName: name, input: event.state.input, waitUntil });
          if (Date.parse(waitUntil) <= this.options.now().getTime()) dueWait = { name, input: event.state.input };
          execution.abort();
          break;
        }
        if (state.Type === 'Task' && state.Resource !== WAIT_FOR_TOKEN) {
          await this.save({ areaId, status: 'running', stateName: name, input: event.state.input });
        }
      } else if (event.type === 'ExecutionSucceeded' && 'output' in event) {
        await this.save({ areaId, status: 'succeeded', stateName: 'end', input: event.output });
      } else if (event.type === 'ExecutionFailed' && 'Error' in event) {
        await this.save({ areaId, status: 'failed', stateName: 'end', input: { error: event.Error, cause: String(event.Cause) } });
      }
    }
    await finished;
    if (dueWait) await this.run(areaId, dueWait.name, dueWait.input, dueWait.name);
  }
}
