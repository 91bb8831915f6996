import { validateRecord, type RecordDefaults, type ValidateOptions } from './schema.js';
import { ColumnarSessionTable, type TablePart } from './session-table.js';
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
  /** Extra label columns of the table (`TableOptions.extraLabels`). */
  labelFields?: readonly string[];
  /** Collect for `toPart`: the findings of one range of a file, to `absorb` into another collector. */
  asPart?: boolean;
}

/** What a collector found in one byte range of a JSON Lines file (see `RecordCollector.toPart`). */
export interface CollectorPart {
  table: TablePart;
  /** Located by line within the range. */
  problems: RecordProblem[];
  skipped: number;
  recordsRead: number;
  otherExperiments: [string, number][];
}

const LINE = /^\d+/;
/** The readers parse each value for this collector alone: the record may be the value itself. */
const REUSE_VALUES: ValidateOptions = { reuseValue: true };

/** Validates what the readers find and gathers the valid records of the experiment. */
export class RecordCollector implements RecordSink {
  readonly table: ColumnarSessionTable;
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
    if (options.asPart && options.keepRecords) throw new Error('a part keeps no records');
    this.table = new ColumnarSessionTable({
      trackFirstContents: options.asPart,
      extraLabels: options.labelFields,
    });
    this.records = options.keepRecords ? new Map() : undefined;
    this.defaults = options.experiment === undefined ? {} : { experiment: options.experiment };
  }

  record(file: string, location: string | number, value: unknown, defaults?: RecordDefaults): void {
    const result = validateRecord(
      value,
      defaults === undefined ? this.defaults : { ...this.defaults, ...defaults },
      REUSE_VALUES,
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

  /** The findings so far, to `absorb` into the collector of the ranges before. */
  toPart(): CollectorPart {
    return {
      table: this.table.toPart(),
      problems: this.problems,
      skipped: this.skipped,
      recordsRead: this.recordsRead,
      otherExperiments: [...this.otherExperiments],
    };
  }

  /**
   * Adds the findings of the next range of a JSON Lines file, as if its lines had been read here:
   * `lineOffset` is the number of lines before the range.
   */
  absorb(part: CollectorPart, lineOffset: number): void {
    if (this.records) throw new Error('a part has no records to keep');
    this.table.merge(part.table);
    for (const problem of part.problems) {
      const location = problem.location.replace(LINE, (line) => String(Number(line) + lineOffset));
      this.problems.push({ ...problem, location });
    }
    this.skipped += part.skipped;
    this.recordsRead += part.recordsRead;
    for (const [experiment, count] of part.otherExperiments) {
      this.otherExperiments.set(experiment, (this.otherExperiments.get(experiment) ?? 0) + count);
    }
  }
}
