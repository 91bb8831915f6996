import * as z from 'zod';
export declare const verdictSchema: z.ZodEnum<{
    adopt: "adopt";
    reject: "reject";
    "no-difference": "no-difference";
    inconclusive: "inconclusive";
    "insufficient-data": "insufficient-data";
}>;
/**
 * The test behind a metric's pValue: Welch's t (independent sessions), the within-task t (paired),
 * the CR2 cluster-robust t (clustered), a permutation test of the design's t statistic (small
 * samples), or for proportions the exact unconditional test or the Miettinen–Nurminen score test.
 */
export declare const testNameSchema: z.ZodEnum<{
    welch: "welch";
    pairedT: "pairedT";
    clusteredT: "clusteredT";
    permutation: "permutation";
    exactUnconditional: "exactUnconditional";
    scoreMN: "scoreMN";
}>;
export declare const armSummarySchema: z.ZodObject<{
    n: z.ZodNumber;
    mean: z.ZodNullable<z.ZodNumber>;
    sd: z.ZodNullable<z.ZodNumber>;
    median: z.ZodNullable<z.ZodNumber>;
    ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
}, z.core.$strip>;
export declare const welchReportSchema: z.ZodObject<{
    statistic: z.ZodNumber;
    df: z.ZodNumber;
    pValue: z.ZodNumber;
    ci: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
}, z.core.$strip>;
export declare const mannWhitneyReportSchema: z.ZodObject<{
    u: z.ZodNumber;
    pValue: z.ZodNumber;
    method: z.ZodEnum<{
        exact: "exact";
        asymptotic: "asymptotic";
    }>;
}, z.core.$strip>;
export declare const designReportSchema: z.ZodObject<{
    kind: z.ZodEnum<{
        paired: "paired";
        clustered: "clustered";
        independent: "independent";
    }>;
    explanation: z.ZodString;
    tasks: z.ZodNullable<z.ZodNumber>;
    correlation: z.ZodNullable<z.ZodNumber>;
    varianceSaved: z.ZodNullable<z.ZodNumber>;
    designEffect: z.ZodNullable<z.ZodNumber>;
}, z.core.$strip>;
export declare const inferenceReportSchema: z.ZodObject<{
    reference: z.ZodEnum<{
        permutation: "permutation";
        exact: "exact";
        t: "t";
        normal: "normal";
    }>;
    permutations: z.ZodNullable<z.ZodNumber>;
    exact: z.ZodBoolean;
    smallestPValue: z.ZodNullable<z.ZodNumber>;
    nominalAlpha: z.ZodNumber;
    nominalPValue: z.ZodNullable<z.ZodNumber>;
}, z.core.$strip>;
export declare const guardrailReportSchema: z.ZodObject<{
    margin: z.ZodObject<{
        relative: z.ZodNumber;
        absolute: z.ZodNullable<z.ZodNumber>;
    }, z.core.$strip>;
    on: z.ZodEnum<{
        relative: "relative";
        difference: "difference";
    }>;
    harmfulBound: z.ZodNullable<z.ZodNumber>;
    status: z.ZodEnum<{
        worse: "worse";
        "within-margin": "within-margin";
        unproven: "unproven";
    }>;
}, z.core.$strip>;
export declare const metricReportSchema: z.ZodObject<{
    name: z.ZodString;
    kind: z.ZodEnum<{
        binary: "binary";
        continuous: "continuous";
        count: "count";
        ratio: "ratio";
    }>;
    better: z.ZodEnum<{
        higher: "higher";
        lower: "lower";
    }>;
    role: z.ZodEnum<{
        primary: "primary";
        secondary: "secondary";
        guardrail: "guardrail";
    }>;
    control: z.ZodObject<{
        n: z.ZodNumber;
        mean: z.ZodNullable<z.ZodNumber>;
        sd: z.ZodNullable<z.ZodNumber>;
        median: z.ZodNullable<z.ZodNumber>;
        ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
    }, z.core.$strip>;
    treatment: z.ZodObject<{
        n: z.ZodNumber;
        mean: z.ZodNullable<z.ZodNumber>;
        sd: z.ZodNullable<z.ZodNumber>;
        median: z.ZodNullable<z.ZodNumber>;
        ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
    }, z.core.$strip>;
    difference: z.ZodObject<{
        estimate: z.ZodNullable<z.ZodNumber>;
        ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        level: z.ZodNumber;
        control: z.ZodNullable<z.ZodNumber>;
        treatment: z.ZodNullable<z.ZodNumber>;
    }, z.core.$strip>;
    relative: z.ZodObject<{
        estimate: z.ZodNullable<z.ZodNumber>;
        ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
    }, z.core.$strip>;
    scale: z.ZodEnum<{
        linear: "linear";
        log: "log";
    }>;
    inference: z.ZodObject<{
        reference: z.ZodEnum<{
            permutation: "permutation";
            exact: "exact";
            t: "t";
            normal: "normal";
        }>;
        permutations: z.ZodNullable<z.ZodNumber>;
        exact: z.ZodBoolean;
        smallestPValue: z.ZodNullable<z.ZodNumber>;
        nominalAlpha: z.ZodNumber;
        nominalPValue: z.ZodNullable<z.ZodNumber>;
    }, z.core.$strip>;
    guardrail: z.ZodNullable<z.ZodObject<{
        margin: z.ZodObject<{
            relative: z.ZodNumber;
            absolute: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>;
        on: z.ZodEnum<{
            relative: "relative";
            difference: "difference";
        }>;
        harmfulBound: z.ZodNullable<z.ZodNumber>;
        status: z.ZodEnum<{
            worse: "worse";
            "within-margin": "within-margin";
            unproven: "unproven";
        }>;
    }, z.core.$strip>>;
    method: z.ZodEnum<{
        sequential: "sequential";
        "fixed-horizon": "fixed-horizon";
        "always-valid": "always-valid";
    }>;
    design: z.ZodObject<{
        kind: z.ZodEnum<{
            paired: "paired";
            clustered: "clustered";
            independent: "independent";
        }>;
        explanation: z.ZodString;
        tasks: z.ZodNullable<z.ZodNumber>;
        correlation: z.ZodNullable<z.ZodNumber>;
        varianceSaved: z.ZodNullable<z.ZodNumber>;
        designEffect: z.ZodNullable<z.ZodNumber>;
    }, z.core.$strip>;
    test: z.ZodNullable<z.ZodEnum<{
        welch: "welch";
        pairedT: "pairedT";
        clusteredT: "clusteredT";
        permutation: "permutation";
        exactUnconditional: "exactUnconditional";
        scoreMN: "scoreMN";
    }>>;
    pValue: z.ZodNullable<z.ZodNumber>;
    adjustedPValue: z.ZodNullable<z.ZodNumber>;
    significant: z.ZodBoolean;
    direction: z.ZodEnum<{
        none: "none";
        better: "better";
        worse: "worse";
    }>;
    tests: z.ZodObject<{
        welch: z.ZodNullable<z.ZodObject<{
            statistic: z.ZodNumber;
            df: z.ZodNumber;
            pValue: z.ZodNumber;
            ci: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
        }, z.core.$strip>>;
        mannWhitney: z.ZodNullable<z.ZodObject<{
            u: z.ZodNumber;
            pValue: z.ZodNumber;
            method: z.ZodEnum<{
                exact: "exact";
                asymptotic: "asymptotic";
            }>;
        }, z.core.$strip>>;
        fisher: z.ZodNullable<z.ZodObject<{
            pValue: z.ZodNumber;
        }, z.core.$strip>>;
        newcombe: z.ZodNullable<z.ZodObject<{
            ci: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
        }, z.core.$strip>>;
        deltaMethod: z.ZodNullable<z.ZodObject<{
            statistic: z.ZodNumber;
            df: z.ZodNumber;
            pValue: z.ZodNumber;
            ci: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
        }, z.core.$strip>>;
    }, z.core.$strip>;
    power: z.ZodObject<{
        sessionsNeeded: z.ZodNullable<z.ZodNumber>;
        minimumDetectableEffect: z.ZodNullable<z.ZodObject<{
            absolute: z.ZodNumber;
            relative: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>>;
        basis: z.ZodNullable<z.ZodObject<{
            se: z.ZodNumber;
            sessions: z.ZodNumber;
            controlValue: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>;
    chanceToBeat: z.ZodNullable<z.ZodNumber>;
    capped: z.ZodNullable<z.ZodObject<{
        percentile: z.ZodNumber;
        cap: z.ZodNumber;
        count: z.ZodNumber;
    }, z.core.$strip>>;
    notes: z.ZodArray<z.ZodString>;
}, z.core.$strip>;
export declare const segmentReportSchema: z.ZodObject<{
    field: z.ZodString;
    metric: z.ZodString;
    correction: z.ZodLiteral<"bh">;
    groups: z.ZodArray<z.ZodObject<{
        value: z.ZodString;
        sessions: z.ZodObject<{
            control: z.ZodNumber;
            treatment: z.ZodNumber;
        }, z.core.$strip>;
        control: z.ZodObject<{
            n: z.ZodNumber;
            mean: z.ZodNullable<z.ZodNumber>;
            sd: z.ZodNullable<z.ZodNumber>;
            median: z.ZodNullable<z.ZodNumber>;
            ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        }, z.core.$strip>;
        treatment: z.ZodObject<{
            n: z.ZodNumber;
            mean: z.ZodNullable<z.ZodNumber>;
            sd: z.ZodNullable<z.ZodNumber>;
            median: z.ZodNullable<z.ZodNumber>;
            ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        }, z.core.$strip>;
        difference: z.ZodObject<{
            estimate: z.ZodNullable<z.ZodNumber>;
            ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
            level: z.ZodNumber;
            control: z.ZodNullable<z.ZodNumber>;
            treatment: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>;
        relative: z.ZodObject<{
            estimate: z.ZodNullable<z.ZodNumber>;
            ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        }, z.core.$strip>;
        design: z.ZodEnum<{
            paired: "paired";
            clustered: "clustered";
            independent: "independent";
        }>;
        test: z.ZodNullable<z.ZodEnum<{
            welch: "welch";
            pairedT: "pairedT";
            clusteredT: "clusteredT";
            permutation: "permutation";
            exactUnconditional: "exactUnconditional";
            scoreMN: "scoreMN";
        }>>;
        pValue: z.ZodNullable<z.ZodNumber>;
        adjustedPValue: z.ZodNullable<z.ZodNumber>;
        significant: z.ZodBoolean;
        direction: z.ZodEnum<{
            none: "none";
            better: "better";
            worse: "worse";
        }>;
    }, z.core.$strip>>;
}, z.core.$strip>;
export declare const srmReportSchema: z.ZodObject<{
    statistic: z.ZodNullable<z.ZodNumber>;
    pValue: z.ZodNullable<z.ZodNumber>;
    expected: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
    mismatch: z.ZodBoolean;
}, z.core.$strip>;
export declare const recommendationSchema: z.ZodObject<{
    verdict: z.ZodEnum<{
        adopt: "adopt";
        reject: "reject";
        "no-difference": "no-difference";
        inconclusive: "inconclusive";
        "insufficient-data": "insufficient-data";
    }>;
    winner: z.ZodNullable<z.ZodString>;
    reason: z.ZodString;
    sessionsNeeded: z.ZodNullable<z.ZodNumber>;
    unprovenGuardrails: z.ZodArray<z.ZodString>;
}, z.core.$strip>;
export declare const sequentialReportSchema: z.ZodObject<{
    look: z.ZodNumber;
    fractions: z.ZodArray<z.ZodNumber>;
    boundary: z.ZodNullable<z.ZodNumber>;
    nominalAlpha: z.ZodNumber;
    spent: z.ZodNumber;
    final: z.ZodBoolean;
}, z.core.$strip>;
export declare const inputSummarySchema: z.ZodObject<{
    files: z.ZodArray<z.ZodString>;
    recordsRead: z.ZodNumber;
    duplicates: z.ZodObject<{
        identical: z.ZodNumber;
        conflicting: z.ZodNumber;
        conflictingIds: z.ZodArray<z.ZodString>;
    }, z.core.$strip>;
    skippedInvalid: z.ZodNumber;
    otherVariants: z.ZodRecord<z.ZodString, z.ZodNumber>;
    otherExperiments: z.ZodRecord<z.ZodString, z.ZodNumber>;
}, z.core.$strip>;
export declare const taskRowSchema: z.ZodObject<{
    task: z.ZodString;
    category: z.ZodNullable<z.ZodString>;
    sessions: z.ZodObject<{
        control: z.ZodNumber;
        treatment: z.ZodNumber;
    }, z.core.$strip>;
    control: z.ZodNullable<z.ZodNumber>;
    treatment: z.ZodNullable<z.ZodNumber>;
    difference: z.ZodNullable<z.ZodNumber>;
    outcome: z.ZodNullable<z.ZodEnum<{
        win: "win";
        loss: "loss";
        tie: "tie";
    }>>;
    influence: z.ZodNullable<z.ZodNumber>;
    solved: z.ZodObject<{
        control: z.ZodNullable<z.ZodObject<{
            solved: z.ZodNumber;
            sessions: z.ZodNumber;
        }, z.core.$strip>>;
        treatment: z.ZodNullable<z.ZodObject<{
            solved: z.ZodNumber;
            sessions: z.ZodNumber;
        }, z.core.$strip>>;
    }, z.core.$strip>;
    flipped: z.ZodNullable<z.ZodEnum<{
        control: "control";
        treatment: "treatment";
    }>>;
    flaky: z.ZodArray<z.ZodEnum<{
        control: "control";
        treatment: "treatment";
    }>>;
}, z.core.$strip>;
export declare const verdictCheckSchema: z.ZodObject<{
    kind: z.ZodEnum<{
        category: "category";
        task: "task";
    }>;
    name: z.ZodString;
    sessions: z.ZodNumber;
    verdict: z.ZodEnum<{
        adopt: "adopt";
        reject: "reject";
        "no-difference": "no-difference";
        inconclusive: "inconclusive";
        "insufficient-data": "insufficient-data";
    }>;
    winner: z.ZodNullable<z.ZodString>;
}, z.core.$strip>;
export declare const passAtKSchema: z.ZodObject<{
    k: z.ZodNumber;
    tasks: z.ZodNumber;
    control: z.ZodObject<{
        passAtK: z.ZodNumber;
        passHatK: z.ZodNumber;
    }, z.core.$strip>;
    treatment: z.ZodObject<{
        passAtK: z.ZodNumber;
        passHatK: z.ZodNumber;
    }, z.core.$strip>;
}, z.core.$strip>;
export declare const taskDrilldownSchema: z.ZodObject<{
    metric: z.ZodString;
    better: z.ZodEnum<{
        higher: "higher";
        lower: "lower";
    }>;
    outcome: z.ZodNullable<z.ZodString>;
    counts: z.ZodObject<{
        paired: z.ZodNumber;
        controlOnly: z.ZodNumber;
        treatmentOnly: z.ZodNumber;
        wins: z.ZodNumber;
        losses: z.ZodNumber;
        ties: z.ZodNumber;
        flipped: z.ZodObject<{
            control: z.ZodNumber;
            treatment: z.ZodNumber;
        }, z.core.$strip>;
        flaky: z.ZodObject<{
            control: z.ZodNumber;
            treatment: z.ZodNumber;
        }, z.core.$strip>;
    }, z.core.$strip>;
    passAtK: z.ZodNullable<z.ZodObject<{
        k: z.ZodNumber;
        tasks: z.ZodNumber;
        control: z.ZodObject<{
            passAtK: z.ZodNumber;
            passHatK: z.ZodNumber;
        }, z.core.$strip>;
        treatment: z.ZodObject<{
            passAtK: z.ZodNumber;
            passHatK: z.ZodNumber;
        }, z.core.$strip>;
    }, z.core.$strip>>;
    robustness: z.ZodNullable<z.ZodObject<{
        checks: z.ZodArray<z.ZodObject<{
            kind: z.ZodEnum<{
                category: "category";
                task: "task";
            }>;
            name: z.ZodString;
            sessions: z.ZodNumber;
            verdict: z.ZodEnum<{
                adopt: "adopt";
                reject: "reject";
                "no-difference": "no-difference";
                inconclusive: "inconclusive";
                "insufficient-data": "insufficient-data";
            }>;
            winner: z.ZodNullable<z.ZodString>;
        }, z.core.$strip>>;
        restsOn: z.ZodNullable<z.ZodObject<{
            kind: z.ZodEnum<{
                category: "category";
                task: "task";
            }>;
            name: z.ZodString;
            sessions: z.ZodNumber;
            verdict: z.ZodEnum<{
                adopt: "adopt";
                reject: "reject";
                "no-difference": "no-difference";
                inconclusive: "inconclusive";
                "insufficient-data": "insufficient-data";
            }>;
            winner: z.ZodNullable<z.ZodString>;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    rows: z.ZodArray<z.ZodObject<{
        task: z.ZodString;
        category: z.ZodNullable<z.ZodString>;
        sessions: z.ZodObject<{
            control: z.ZodNumber;
            treatment: z.ZodNumber;
        }, z.core.$strip>;
        control: z.ZodNullable<z.ZodNumber>;
        treatment: z.ZodNullable<z.ZodNumber>;
        difference: z.ZodNullable<z.ZodNumber>;
        outcome: z.ZodNullable<z.ZodEnum<{
            win: "win";
            loss: "loss";
            tie: "tie";
        }>>;
        influence: z.ZodNullable<z.ZodNumber>;
        solved: z.ZodObject<{
            control: z.ZodNullable<z.ZodObject<{
                solved: z.ZodNumber;
                sessions: z.ZodNumber;
            }, z.core.$strip>>;
            treatment: z.ZodNullable<z.ZodObject<{
                solved: z.ZodNumber;
                sessions: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        flipped: z.ZodNullable<z.ZodEnum<{
            control: "control";
            treatment: "treatment";
        }>>;
        flaky: z.ZodArray<z.ZodEnum<{
            control: "control";
            treatment: "treatment";
        }>>;
    }, z.core.$strip>>;
    omittedRows: z.ZodNumber;
}, z.core.$strip>;
export declare const reportSchema: z.ZodObject<{
    schemaVersion: z.ZodLiteral<1>;
    experiment: z.ZodString;
    control: z.ZodString;
    treatment: z.ZodString;
    sessions: z.ZodRecord<z.ZodString, z.ZodNumber>;
    analysis: z.ZodObject<{
        method: z.ZodEnum<{
            sequential: "sequential";
            "fixed-horizon": "fixed-horizon";
            "always-valid": "always-valid";
        }>;
        expectedSessions: z.ZodNullable<z.ZodNumber>;
        design: z.ZodString;
        alpha: z.ZodNumber;
        minEffect: z.ZodNumber;
        equivalenceMargin: z.ZodNumber;
        power: z.ZodNumber;
        correction: z.ZodEnum<{
            holm: "holm";
            bh: "bh";
            none: "none";
        }>;
        guardrailPolicy: z.ZodEnum<{
            harm: "harm";
            "non-inferiority": "non-inferiority";
        }>;
        sequential: z.ZodNullable<z.ZodObject<{
            look: z.ZodNumber;
            fractions: z.ZodArray<z.ZodNumber>;
            boundary: z.ZodNullable<z.ZodNumber>;
            nominalAlpha: z.ZodNumber;
            spent: z.ZodNumber;
            final: z.ZodBoolean;
        }, z.core.$strip>>;
    }, z.core.$strip>;
    metrics: z.ZodArray<z.ZodObject<{
        name: z.ZodString;
        kind: z.ZodEnum<{
            binary: "binary";
            continuous: "continuous";
            count: "count";
            ratio: "ratio";
        }>;
        better: z.ZodEnum<{
            higher: "higher";
            lower: "lower";
        }>;
        role: z.ZodEnum<{
            primary: "primary";
            secondary: "secondary";
            guardrail: "guardrail";
        }>;
        control: z.ZodObject<{
            n: z.ZodNumber;
            mean: z.ZodNullable<z.ZodNumber>;
            sd: z.ZodNullable<z.ZodNumber>;
            median: z.ZodNullable<z.ZodNumber>;
            ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        }, z.core.$strip>;
        treatment: z.ZodObject<{
            n: z.ZodNumber;
            mean: z.ZodNullable<z.ZodNumber>;
            sd: z.ZodNullable<z.ZodNumber>;
            median: z.ZodNullable<z.ZodNumber>;
            ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        }, z.core.$strip>;
        difference: z.ZodObject<{
            estimate: z.ZodNullable<z.ZodNumber>;
            ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
            level: z.ZodNumber;
            control: z.ZodNullable<z.ZodNumber>;
            treatment: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>;
        relative: z.ZodObject<{
            estimate: z.ZodNullable<z.ZodNumber>;
            ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
        }, z.core.$strip>;
        scale: z.ZodEnum<{
            linear: "linear";
            log: "log";
        }>;
        inference: z.ZodObject<{
            reference: z.ZodEnum<{
                permutation: "permutation";
                exact: "exact";
                t: "t";
                normal: "normal";
            }>;
            permutations: z.ZodNullable<z.ZodNumber>;
            exact: z.ZodBoolean;
            smallestPValue: z.ZodNullable<z.ZodNumber>;
            nominalAlpha: z.ZodNumber;
            nominalPValue: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>;
        guardrail: z.ZodNullable<z.ZodObject<{
            margin: z.ZodObject<{
                relative: z.ZodNumber;
                absolute: z.ZodNullable<z.ZodNumber>;
            }, z.core.$strip>;
            on: z.ZodEnum<{
                relative: "relative";
                difference: "difference";
            }>;
            harmfulBound: z.ZodNullable<z.ZodNumber>;
            status: z.ZodEnum<{
                worse: "worse";
                "within-margin": "within-margin";
                unproven: "unproven";
            }>;
        }, z.core.$strip>>;
        method: z.ZodEnum<{
            sequential: "sequential";
            "fixed-horizon": "fixed-horizon";
            "always-valid": "always-valid";
        }>;
        design: z.ZodObject<{
            kind: z.ZodEnum<{
                paired: "paired";
                clustered: "clustered";
                independent: "independent";
            }>;
            explanation: z.ZodString;
            tasks: z.ZodNullable<z.ZodNumber>;
            correlation: z.ZodNullable<z.ZodNumber>;
            varianceSaved: z.ZodNullable<z.ZodNumber>;
            designEffect: z.ZodNullable<z.ZodNumber>;
        }, z.core.$strip>;
        test: z.ZodNullable<z.ZodEnum<{
            welch: "welch";
            pairedT: "pairedT";
            clusteredT: "clusteredT";
            permutation: "permutation";
            exactUnconditional: "exactUnconditional";
            scoreMN: "scoreMN";
        }>>;
        pValue: z.ZodNullable<z.ZodNumber>;
        adjustedPValue: z.ZodNullable<z.ZodNumber>;
        significant: z.ZodBoolean;
        direction: z.ZodEnum<{
            none: "none";
            better: "better";
            worse: "worse";
        }>;
        tests: z.ZodObject<{
            welch: z.ZodNullable<z.ZodObject<{
                statistic: z.ZodNumber;
                df: z.ZodNumber;
                pValue: z.ZodNumber;
                ci: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
            }, z.core.$strip>>;
            mannWhitney: z.ZodNullable<z.ZodObject<{
                u: z.ZodNumber;
                pValue: z.ZodNumber;
                method: z.ZodEnum<{
                    exact: "exact";
                    asymptotic: "asymptotic";
                }>;
            }, z.core.$strip>>;
            fisher: z.ZodNullable<z.ZodObject<{
                pValue: z.ZodNumber;
            }, z.core.$strip>>;
            newcombe: z.ZodNullable<z.ZodObject<{
                ci: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
            }, z.core.$strip>>;
            deltaMethod: z.ZodNullable<z.ZodObject<{
                statistic: z.ZodNumber;
                df: z.ZodNumber;
                pValue: z.ZodNumber;
                ci: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        power: z.ZodObject<{
            sessionsNeeded: z.ZodNullable<z.ZodNumber>;
            minimumDetectableEffect: z.ZodNullable<z.ZodObject<{
                absolute: z.ZodNumber;
                relative: z.ZodNullable<z.ZodNumber>;
            }, z.core.$strip>>;
            basis: z.ZodNullable<z.ZodObject<{
                se: z.ZodNumber;
                sessions: z.ZodNumber;
                controlValue: z.ZodNumber;
            }, z.core.$strip>>;
        }, z.core.$strip>;
        chanceToBeat: z.ZodNullable<z.ZodNumber>;
        capped: z.ZodNullable<z.ZodObject<{
            percentile: z.ZodNumber;
            cap: z.ZodNumber;
            count: z.ZodNumber;
        }, z.core.$strip>>;
        notes: z.ZodArray<z.ZodString>;
    }, z.core.$strip>>;
    segments: z.ZodArray<z.ZodObject<{
        field: z.ZodString;
        metric: z.ZodString;
        correction: z.ZodLiteral<"bh">;
        groups: z.ZodArray<z.ZodObject<{
            value: z.ZodString;
            sessions: z.ZodObject<{
                control: z.ZodNumber;
                treatment: z.ZodNumber;
            }, z.core.$strip>;
            control: z.ZodObject<{
                n: z.ZodNumber;
                mean: z.ZodNullable<z.ZodNumber>;
                sd: z.ZodNullable<z.ZodNumber>;
                median: z.ZodNullable<z.ZodNumber>;
                ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
            }, z.core.$strip>;
            treatment: z.ZodObject<{
                n: z.ZodNumber;
                mean: z.ZodNullable<z.ZodNumber>;
                sd: z.ZodNullable<z.ZodNumber>;
                median: z.ZodNullable<z.ZodNumber>;
                ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
            }, z.core.$strip>;
            difference: z.ZodObject<{
                estimate: z.ZodNullable<z.ZodNumber>;
                ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
                level: z.ZodNumber;
                control: z.ZodNullable<z.ZodNumber>;
                treatment: z.ZodNullable<z.ZodNumber>;
            }, z.core.$strip>;
            relative: z.ZodObject<{
                estimate: z.ZodNullable<z.ZodNumber>;
                ci: z.ZodNullable<z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>>;
            }, z.core.$strip>;
            design: z.ZodEnum<{
                paired: "paired";
                clustered: "clustered";
                independent: "independent";
            }>;
            test: z.ZodNullable<z.ZodEnum<{
                welch: "welch";
                pairedT: "pairedT";
                clusteredT: "clusteredT";
                permutation: "permutation";
                exactUnconditional: "exactUnconditional";
                scoreMN: "scoreMN";
            }>>;
            pValue: z.ZodNullable<z.ZodNumber>;
            adjustedPValue: z.ZodNullable<z.ZodNumber>;
            significant: z.ZodBoolean;
            direction: z.ZodEnum<{
                none: "none";
                better: "better";
                worse: "worse";
            }>;
        }, z.core.$strip>>;
    }, z.core.$strip>>;
    tasks: z.ZodNullable<z.ZodObject<{
        metric: z.ZodString;
        better: z.ZodEnum<{
            higher: "higher";
            lower: "lower";
        }>;
        outcome: z.ZodNullable<z.ZodString>;
        counts: z.ZodObject<{
            paired: z.ZodNumber;
            controlOnly: z.ZodNumber;
            treatmentOnly: z.ZodNumber;
            wins: z.ZodNumber;
            losses: z.ZodNumber;
            ties: z.ZodNumber;
            flipped: z.ZodObject<{
                control: z.ZodNumber;
                treatment: z.ZodNumber;
            }, z.core.$strip>;
            flaky: z.ZodObject<{
                control: z.ZodNumber;
                treatment: z.ZodNumber;
            }, z.core.$strip>;
        }, z.core.$strip>;
        passAtK: z.ZodNullable<z.ZodObject<{
            k: z.ZodNumber;
            tasks: z.ZodNumber;
            control: z.ZodObject<{
                passAtK: z.ZodNumber;
                passHatK: z.ZodNumber;
            }, z.core.$strip>;
            treatment: z.ZodObject<{
                passAtK: z.ZodNumber;
                passHatK: z.ZodNumber;
            }, z.core.$strip>;
        }, z.core.$strip>>;
        robustness: z.ZodNullable<z.ZodObject<{
            checks: z.ZodArray<z.ZodObject<{
                kind: z.ZodEnum<{
                    category: "category";
                    task: "task";
                }>;
                name: z.ZodString;
                sessions: z.ZodNumber;
                verdict: z.ZodEnum<{
                    adopt: "adopt";
                    reject: "reject";
                    "no-difference": "no-difference";
                    inconclusive: "inconclusive";
                    "insufficient-data": "insufficient-data";
                }>;
                winner: z.ZodNullable<z.ZodString>;
            }, z.core.$strip>>;
            restsOn: z.ZodNullable<z.ZodObject<{
                kind: z.ZodEnum<{
                    category: "category";
                    task: "task";
                }>;
                name: z.ZodString;
                sessions: z.ZodNumber;
                verdict: z.ZodEnum<{
                    adopt: "adopt";
                    reject: "reject";
                    "no-difference": "no-difference";
                    inconclusive: "inconclusive";
                    "insufficient-data": "insufficient-data";
                }>;
                winner: z.ZodNullable<z.ZodString>;
            }, z.core.$strip>>;
        }, z.core.$strip>>;
        rows: z.ZodArray<z.ZodObject<{
            task: z.ZodString;
            category: z.ZodNullable<z.ZodString>;
            sessions: z.ZodObject<{
                control: z.ZodNumber;
                treatment: z.ZodNumber;
            }, z.core.$strip>;
            control: z.ZodNullable<z.ZodNumber>;
            treatment: z.ZodNullable<z.ZodNumber>;
            difference: z.ZodNullable<z.ZodNumber>;
            outcome: z.ZodNullable<z.ZodEnum<{
                win: "win";
                loss: "loss";
                tie: "tie";
            }>>;
            influence: z.ZodNullable<z.ZodNumber>;
            solved: z.ZodObject<{
                control: z.ZodNullable<z.ZodObject<{
                    solved: z.ZodNumber;
                    sessions: z.ZodNumber;
                }, z.core.$strip>>;
                treatment: z.ZodNullable<z.ZodObject<{
                    solved: z.ZodNumber;
                    sessions: z.ZodNumber;
                }, z.core.$strip>>;
            }, z.core.$strip>;
            flipped: z.ZodNullable<z.ZodEnum<{
                control: "control";
                treatment: "treatment";
            }>>;
            flaky: z.ZodArray<z.ZodEnum<{
                control: "control";
                treatment: "treatment";
            }>>;
        }, z.core.$strip>>;
        omittedRows: z.ZodNumber;
    }, z.core.$strip>>;
    srm: z.ZodObject<{
        statistic: z.ZodNullable<z.ZodNumber>;
        pValue: z.ZodNullable<z.ZodNumber>;
        expected: z.ZodTuple<[z.ZodNumber, z.ZodNumber], null>;
        mismatch: z.ZodBoolean;
    }, z.core.$strip>;
    recommendation: z.ZodObject<{
        verdict: z.ZodEnum<{
            adopt: "adopt";
            reject: "reject";
            "no-difference": "no-difference";
            inconclusive: "inconclusive";
            "insufficient-data": "insufficient-data";
        }>;
        winner: z.ZodNullable<z.ZodString>;
        reason: z.ZodString;
        sessionsNeeded: z.ZodNullable<z.ZodNumber>;
        unprovenGuardrails: z.ZodArray<z.ZodString>;
    }, z.core.$strip>;
    warnings: z.ZodArray<z.ZodString>;
    input: z.ZodObject<{
        files: z.ZodArray<z.ZodString>;
        recordsRead: z.ZodNumber;
        duplicates: z.ZodObject<{
            identical: z.ZodNumber;
            conflicting: z.ZodNumber;
            conflictingIds: z.ZodArray<z.ZodString>;
        }, z.core.$strip>;
        skippedInvalid: z.ZodNumber;
        otherVariants: z.ZodRecord<z.ZodString, z.ZodNumber>;
        otherExperiments: z.ZodRecord<z.ZodString, z.ZodNumber>;
    }, z.core.$strip>;
}, z.core.$strip>;
export type Interval = [number, number];
export type Verdict = z.infer<typeof verdictSchema>;
export type TestName = z.infer<typeof testNameSchema>;
export type ArmSummary = z.infer<typeof armSummarySchema>;
export type WelchReport = z.infer<typeof welchReportSchema>;
export type MannWhitneyReport = z.infer<typeof mannWhitneyReportSchema>;
export type MetricReport = z.infer<typeof metricReportSchema>;
export type DesignReport = z.infer<typeof designReportSchema>;
export type InferenceReport = z.infer<typeof inferenceReportSchema>;
export type GuardrailReport = z.infer<typeof guardrailReportSchema>;
export type SequentialReport = z.infer<typeof sequentialReportSchema>;
export type SegmentReport = z.infer<typeof segmentReportSchema>;
export type SrmReport = z.infer<typeof srmReportSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type InputSummary = z.infer<typeof inputSummarySchema>;
export type Report = z.infer<typeof reportSchema>;
export type TaskRow = z.infer<typeof taskRowSchema>;
export type VerdictCheck = z.infer<typeof verdictCheckSchema>;
export type PassAtK = z.infer<typeof passAtKSchema>;
export type TaskDrilldown = z.infer<typeof taskDrilldownSchema>;
