import type { ArmSamples } from './samples.js';
export type DesignKind = 'paired' | 'clustered' | 'independent';
/** How sessions relate across the arms, and so which comparison is valid and most powerful. */
export interface Design {
    kind: DesignKind;
    /** The tasks both arms ran (codes), in a fixed order: the strata of a paired comparison. */
    shared: number[];
    /** Distinct tasks per arm. */
    tasks: {
        control: number;
        treatment: number;
    };
    /** Sessions on tasks only one arm ran: left out of a paired comparison. */
    unpairedSessions: number;
    explanation: string;
}
/** A paired comparison needs the shared tasks to hold this share of each arm's sessions. */
export declare const MIN_PAIRED_SHARE = 0.5;
/**
 * Paired by task when both arms ran (mostly) the same tasks: each task is compared with itself,
 * which removes the differences between tasks, and the verdict is about these tasks. Otherwise,
 * when a task ran several times in an arm, its sessions are not independent: they are clustered by
 * task and the tasks are the units (the verdict then generalises over tasks, and needs several of
 * them). Otherwise the sessions are independent.
 */
export declare function chooseDesign(control: ArmSamples, treatment: ArmSamples): Design;
