import { type ExperimentConfig } from './experiment-config.js';
/** The user's settings as they arrive: strings from flags or Action inputs, unset when absent. */
export interface RawInputs {
    experiment?: string;
    control?: string;
    treatment?: string;
    primary?: string;
    alpha?: string;
    minEffect?: string;
    equivalenceMargin?: string;
    expectedSplit?: string;
    correction?: string;
    method?: string;
    expectedSessions?: string;
    guardrailPolicy?: string;
    capPercentile?: string;
    /** Comma- or newline-separated record fields. */
    segments?: string;
    chanceToBeat?: string;
    onInvalid?: string;
    /** The metrics block as JSON text, with where it came from for messages. */
    metrics?: {
        text: string;
        origin: string;
    };
}
/** A setting the user got wrong; `messages` name the setting, what was expected and what was found. */
export declare class ConfigError extends Error {
    readonly messages: string[];
    constructor(messages: string[]);
}
/** Names as the user writes them (`--min-effect`), for messages. */
export type SettingNames = Record<keyof RawInputs, string>;
export declare const FLAG_NAMES: SettingNames;
export declare function parseInputs(raw: RawInputs, names?: SettingNames): ExperimentConfig;
/** `0.05`, `5%` → 0.05. */
export declare function parseNumberOrPercent(value: string): number | undefined;
