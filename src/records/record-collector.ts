import { validateRecord, type RecordDefaults } from './schema.js';
import { ColumnarSessionTable } from './session-table.js';
import type { RecordProblem, SessionRecord } from './types.js';

/** What a reader hands its findings to. */
export interface RecordSink {
  /** A parsed value that should be a session record, found at `location` (see `RecordSource`). */
  record(file: string, location: string | number, value: unknown, defaults?: RecordDefaults): void;
  /** A problem with a file or a place in it that is not a record. */
  problem(file: string, location: string, message: string, field?: string): void;
}

export interface CollectOptions {
  onInvalid: 'fail' | 'skip';
  experiment?: string;
  keepRecords?: boolean;
}

/** Validates what the readers find and gathers the valid records of the experiment. */
export class RecordCollector implements RecordSink {
  readonly table = new ColumnarSessionTable();
  readonly problems: RecordProblem[] = [];
  readonly otherExperiments = new Map<string, number>();
  /** Invalid records left out (counted with onInvalid 'skip' only). */
  skipped = 0;
  /** Valid records of the experiment, before dedupe. */
  recordsRead = 0;
  /** Deduped by session_id, the later record winning; only with `keepRecords`. */
  readonly records: Map<string, SessionRecord> | undefined;
  private readonly defaults: RecordDefaults;

  constructor(private readonly options: CollectOptions) {
    this.records = options.keepRecords ? new Map() : undefined;
    this.defaults = options.experiment === undefined ? {} : { experiment: options.experiment };
  }

  record(file: string, location: string | number, value: unknown, defaults?: RecordDefaults): void {
    const result = validateRecord(
      value,
      defaults === undefined ? this.defaults : { ...this.defaults, ...defaults },
    );
    if ('problems' in result) {
      for (const { field, message } of result.problems) {
        this.problems.push({ file, location: String(location), field, message });
      }
      if (this.options.onInvalid === 'skip') this.skipped++;
      return;
    }
    const { record } = result;
    const wanted = this.options.experiment;
    if (wanted !== undefined && record.experiment !== undefined && record.experiment !== wanted) {
      this.otherExperiments.set(
        record.experiment,
        (this.otherExperiments.get(record.experiment) ?? 0) + 1,
      );
      return;
    }
    this.recordsRead++;
    this.table.add(record);
    this.records?.set(record.session_id, record);
  }

  problem(file: string, location: string, message: string, field = ''): void {
    this.problems.push({ file, location, field, message });
  }
}
