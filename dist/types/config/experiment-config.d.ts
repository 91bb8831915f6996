import * as z from 'zod';
export declare const METRIC_KINDS: readonly ["binary", "continuous", "count", "ratio"];
export declare const DIRECTIONS: readonly ["higher", "lower"];
export declare const ROLES: readonly ["primary", "secondary", "guardrail"];
export declare const CORRECTIONS: readonly ["holm", "bh", "none"];
export declare const METHODS: readonly ["sequential", "fixed-horizon", "always-valid"];
export declare const SCALES: readonly ["linear", "log"];
export declare const GUARDRAIL_POLICIES: readonly ["harm", "non-inferiority"];
export type MetricKind = (typeof METRIC_KINDS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type Role = (typeof ROLES)[number];
export type Correction = (typeof CORRECTIONS)[number];
export type Method = (typeof METHODS)[number];
export type Scale = (typeof SCALES)[number];
export type GuardrailPolicy = (typeof GUARDRAIL_POLICIES)[number];
/** How one metric is configured: every part optional, so a user overrides only what differs. */
export declare const metricOverrideSchema: z.ZodObject<{
    kind: z.ZodOptional<z.ZodEnum<{
        binary: "binary";
        continuous: "continuous";
        count: "count";
        ratio: "ratio";
    }>>;
    better: z.ZodOptional<z.ZodEnum<{
        higher: "higher";
        lower: "lower";
    }>>;
    role: z.ZodOptional<z.ZodEnum<{
        primary: "primary";
        secondary: "secondary";
        guardrail: "guardrail";
    }>>;
    numerator: z.ZodOptional<z.ZodString>;
    denominator: z.ZodOptional<z.ZodString>;
    enabled: z.ZodOptional<z.ZodBoolean>;
    scale: z.ZodOptional<z.ZodEnum<{
        linear: "linear";
        log: "log";
    }>>;
    margin: z.ZodOptional<z.ZodNumber>;
    absoluteMargin: z.ZodOptional<z.ZodNumber>;
}, z.core.$strict>;
export type MetricOverride = z.infer<typeof metricOverrideSchema>;
export declare const experimentConfigSchema: z.ZodObject<{
    experiment: z.ZodOptional<z.ZodString>;
    control: z.ZodString;
    treatment: z.ZodString;
    primary: z.ZodString;
    alpha: z.ZodNumber;
    minEffect: z.ZodNumber;
    equivalenceMargin: z.ZodNumber;
    power: z.ZodNumber;
    expectedSplit: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
    correction: z.ZodEnum<{
        holm: "holm";
        bh: "bh";
        none: "none";
    }>;
    method: z.ZodEnum<{
        sequential: "sequential";
        "fixed-horizon": "fixed-horizon";
        "always-valid": "always-valid";
    }>;
    expectedSessions: z.ZodNumber;
    guardrailPolicy: z.ZodEnum<{
        harm: "harm";
        "non-inferiority": "non-inferiority";
    }>;
    capPercentile: z.ZodNullable<z.ZodNumber>;
    segments: z.ZodArray<z.ZodString>;
    chanceToBeat: z.ZodBoolean;
    onInvalid: z.ZodEnum<{
        fail: "fail";
        skip: "skip";
    }>;
    metrics: z.ZodRecord<z.ZodString, z.ZodObject<{
        kind: z.ZodOptional<z.ZodEnum<{
            binary: "binary";
            continuous: "continuous";
            count: "count";
            ratio: "ratio";
        }>>;
        better: z.ZodOptional<z.ZodEnum<{
            higher: "higher";
            lower: "lower";
        }>>;
        role: z.ZodOptional<z.ZodEnum<{
            primary: "primary";
            secondary: "secondary";
            guardrail: "guardrail";
        }>>;
        numerator: z.ZodOptional<z.ZodString>;
        denominator: z.ZodOptional<z.ZodString>;
        enabled: z.ZodOptional<z.ZodBoolean>;
        scale: z.ZodOptional<z.ZodEnum<{
            linear: "linear";
            log: "log";
        }>>;
        margin: z.ZodOptional<z.ZodNumber>;
        absoluteMargin: z.ZodOptional<z.ZodNumber>;
    }, z.core.$strict>>;
}, z.core.$strict>;
export type ExperimentConfig = z.infer<typeof experimentConfigSchema>;
export declare const DEFAULT_CONFIG: ExperimentConfig;
