import type { InputSummary, SrmReport } from './report-types.js';
interface Arms {
    control: string;
    treatment: string;
    sessions: [number, number];
}
/** Everything a reader of the verdict should know about the data, one sentence each. */
export declare function inputWarnings(input: InputSummary, srm: SrmReport, arms: Arms): string[];
export {};
