import * as z from 'zod';
import type { SessionRecord } from './types.js';
/** The session record of DESIGN.md. Required fields are checked by hand so that defaults can fill them. */
export declare const sessionRecordSchema: z.ZodObject<{
    session_id: z.ZodOptional<z.ZodNullable<z.ZodCustom<string, string>>>;
    variant: z.ZodOptional<z.ZodNullable<z.ZodCustom<string, string>>>;
    session_type: z.ZodOptional<z.ZodNullable<z.ZodCustom<string, string>>>;
    task_id: z.ZodOptional<z.ZodNullable<z.ZodCustom<string, string>>>;
    experiment: z.ZodOptional<z.ZodNullable<z.ZodCustom<string, string>>>;
    success: z.ZodOptional<z.ZodNullable<z.ZodBoolean>>;
    tool_calls: z.ZodOptional<z.ZodNullable<z.ZodCustom<number, number>>>;
    successful_tool_calls: z.ZodOptional<z.ZodNullable<z.ZodCustom<number, number>>>;
    completion_time_seconds: z.ZodOptional<z.ZodNullable<z.ZodCustom<number, number>>>;
    message_count: z.ZodOptional<z.ZodNullable<z.ZodCustom<number, number>>>;
    user_corrections: z.ZodOptional<z.ZodNullable<z.ZodCustom<number, number>>>;
    errors: z.ZodOptional<z.ZodNullable<z.ZodArray<z.ZodString>>>;
    category: z.ZodOptional<z.ZodNullable<z.ZodCustom<string, string>>>;
    difficulty: z.ZodOptional<z.ZodNullable<z.ZodCustom<string, string>>>;
    start_time: z.ZodOptional<z.ZodNullable<z.ZodCustom<string, string>>>;
    end_time: z.ZodOptional<z.ZodNullable<z.ZodCustom<string, string>>>;
    metrics: z.ZodOptional<z.ZodNullable<z.ZodCustom<Record<string, number | boolean>, Record<string, number | boolean>>>>;
    notes: z.ZodOptional<z.ZodNullable<z.ZodString>>;
}, z.core.$loose>;
/** A problem with one field of a record ('' for the whole record). */
export interface FieldProblem {
    field: string;
    message: string;
}
/** Values for absent fields: the configured experiment, or what a seed test file implies. */
export type RecordDefaults = Partial<Pick<SessionRecord, 'variant' | 'task_id' | 'experiment' | 'category' | 'difficulty'>>;
export type ValidationResult = {
    record: SessionRecord;
} | {
    problems: FieldProblem[];
};
export interface ValidateOptions {
    /**
     * The value is the caller's to give away: the record returned may be the value itself,
     * normalised in place, rather than a copy.
     */
    reuseValue?: boolean;
}
/**
 * Checks one parsed JSON value against the session record schema. The record returned is a
 * normalised copy (with `reuseValue`, maybe the value itself): `null` fields absent, `variant`
 * set from `session_type` when only that is given, absent fields filled from `defaults`.
 *
 * A valid record takes a fast path (`fastRecord`) that gives what the schema gives; the
 * schema itself (`validateWithSchema`) only sees what the fast path does not accept, and says
 * what is wrong with it.
 */
export declare function validateRecord(value: unknown, defaults?: RecordDefaults, options?: ValidateOptions): ValidationResult;
/** `validateRecord` by the zod schema alone: the reference the fast path is tested against. */
export declare function validateWithSchema(value: unknown, defaults?: RecordDefaults): ValidationResult;
