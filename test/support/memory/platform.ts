import type { AreaWorkflowControl, Clock, Logger, PlatformSettings } from '@pip/domain';

/** A clock that stands still unless a test moves it. */
export class MemoryClock implements Clock {
  private instant: Date;

  constructor(now: string) {
    this.instant = new Date(now);
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(now: string): void {
    this.instant = new Date(now);
  }
}

export class MemorySettings implements PlatformSettings {
  mailFrom = 'programme@pip.example.org';
  staffAlertsTo = 'team@pip.example.org';

  constructor(overrides: Partial<PlatformSettings> = {}) {
    Object.assign(this, overrides);
  }
}

/** What was logged. A Logger is a function, so this hands one out as `write` rather than being one. */
export class MemoryLog {
  readonly lines: { level: Parameters<Logger>[0]; message: string; detail?: Record<string, unknown> }[] = [];

  readonly write: Logger = (level, message, detail) => {
    this.lines.push({ level, message, ...(detail ? { detail } : {}) });
  };

  messages(): string[] {
    return this.lines.map((line) => line.message);
  }
}

/** Bytes that differ from call to call, so each new application reference does, and the same in every run. */
export class MemoryRandom {
  private calls = 0;

  readonly bytes = (count: number): Uint8Array => new Uint8Array(count).fill((this.calls += 1));
}

/** The area workflow's executions, as Step Functions would hold them. */
export class MemoryWorkflow implements AreaWorkflowControl {
  /** The names of the executions started: one per area, and one per restart attempt, however often asked. */
  readonly executions: string[] = [];
  /** The task tokens handed back to waiting executions, each time one was. */
  readonly continued: string[] = [];

  private startNamed(name: string): void {
    if (!this.executions.includes(name)) this.executions.push(name);
  }

  async start(areaId: string): Promise<void> {
    this.startNamed(areaId);
  }

  async continue(token: string): Promise<void> {
    this.continued.push(token);
  }

  async restart(areaId: string, attempt: string): Promise<void> {
    this.startNamed(`${areaId}--${attempt}`);
  }
}
